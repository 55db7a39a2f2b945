// One Crosscheck per data folder: a lock file naming its owner by host, process id and the
// process's start time. The lock is held only while a process with that id runs on this host
// AND (where the start time can be read: /proc on Linux, `ps` elsewhere) started at that time;
// otherwise it is stale — its process is gone, or the id now belongs to another process — and
// is taken over.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'crosscheck.lock';

/** Thrown when another running Crosscheck holds the folder. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Crosscheck (process ${pid}) is already using the data folder ${dataDir}; close it first, or choose another folder with --data-dir.`,
    );
  }
}

/** A held lock; `release` removes it. */
export interface DataDirLock {
  release(): void;
}

/** Lock files this process holds: a lock naming our own pid is stale only if it is not here. */
const held = new Set<string>();

/** Takes the data folder's lock or throws {@link DataDirInUseError}. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = resolve(dataDir, LOCK_FILE);
  if (held.has(path)) throw new DataDirInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const started = processStart(process.pid);
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: hostname(), ...(started ? { started } : {}) }),
      );
      closeSync(fd);
      held.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(path);
        process.off('exit', release);
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner !== undefined && owner.pid !== process.pid && isHeldBy(owner)) {
        throw new DataDirInUseError(dataDir, owner.pid);
      }
      // Stale (its process is gone) or unreadable: take it over.
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first; try again.
      }
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}

/** Who a lock file names (only locks of this host count). */
interface LockOwner {
  pid: number;
  started?: string;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {
      pid?: unknown;
      host?: unknown;
      started?: unknown;
    };
    if (data.host !== hostname() || typeof data.pid !== 'number') return undefined;
    return typeof data.started === 'string'
      ? { pid: data.pid, started: data.started }
      : { pid: data.pid };
  } catch {
    return undefined;
  }
}

/** Whether the process the lock names still runs: same id and, when known, same start time. */
function isHeldBy(owner: LockOwner): boolean {
  if (!isRunning(owner.pid)) return false;
  if (owner.started === undefined) return true;
  const now = processStart(owner.pid);
  return now === undefined || now === owner.started;
}

/**
 * When process `pid` started, as an opaque text that differs between two processes that had the
 * same id: its start time in clock ticks after boot (Linux), or `ps`'s start time elsewhere;
 * undefined when neither can be read (then only the id is checked).
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); start time is 22nd.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    if (start && /^\d+$/.test(start)) return `boot+${start}`;
  } catch {
    // Not Linux, or no such process.
  }
  if (process.platform === 'win32') return undefined;
  const ps = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' });
  const started = ps.status === 0 ? ps.stdout.trim() : '';
  return started === '' ? undefined : started;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
