// One Crosscheck per data folder: a lock file holding the owner's process id. A lock left by a
// process that no longer runs is taken over.
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
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
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
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
        throw new DataDirInUseError(dataDir, owner);
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

function readOwner(path: string): number | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    if (data.host !== hostname()) return undefined;
    return typeof data.pid === 'number' ? data.pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
