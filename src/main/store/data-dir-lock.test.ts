import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir, processStart } from './data-dir-lock';

const LOCK_MODULE = join(import.meta.dirname, 'data-dir-lock.ts');

let dataDir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-lock-'));
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function lockOwner(): Promise<unknown> {
  return JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'));
}

/** The lock this process writes. */
function ownLock() {
  return { pid: process.pid, host: hostname(), started: processStart(process.pid) };
}

/** A process id that no running process has (a child that has already exited). */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '0']);
  expect(done.status).toBe(0);
  return done.pid;
}

/** Starts another process that takes the lock and holds it until killed. */
async function lockInOtherProcess(): Promise<ChildProcess> {
  const script = `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)});
lockDataDir(process.argv[1]);
process.stdout.write('locked\\n');
setInterval(() => undefined, 1000);`;
  const other = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    other.stdout?.setEncoding('utf8').on('data', (d: string) => d.includes('locked') && resolve());
    other.on('exit', (code) => reject(new Error(`the locking process exited (${code})`)));
  });
  return other;
}

describe('lockDataDir', () => {
  it('writes its pid, refuses a second lock in the same process, and releases', () => {
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(join(dataDir, '.'))).toThrow(DataDirInUseError);
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    lock.release();
    const again = lockDataDir(dataDir);
    again.release();
  });

  it('refuses a folder locked by another running process, naming it, and takes it over once that process is killed', async () => {
    child = await lockInOtherProcess();
    const pid = child.pid ?? -1;
    expect(await lockOwner()).toEqual({ pid, host: hostname(), started: processStart(pid) });
    let refusal: unknown;
    try {
      lockDataDir(dataDir).release();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as DataDirInUseError).pid).toBe(pid);
    expect((refusal as Error).message).toBe(
      `Another Crosscheck (process ${pid}) is already using the data folder ${dataDir}; close it first, or choose another folder with --data-dir.`,
    );
    expect(await lockOwner()).toEqual({ pid, host: hostname(), started: processStart(pid) });

    // SIGKILL: the process has no chance to remove its lock file.
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const lock = lockDataDir(dataDir);
    expect(await lockOwner()).toEqual(ownLock());
    lock.release();
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const lock = lockDataDir(dataDir);
    expect(await lockOwner()).toEqual(ownLock());
    lock.release();
  });

  it('takes over a lock whose process id now belongs to another, later started process', async () => {
    // A process that runs, but is not the one that wrote the lock (that one started earlier).
    child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], {
      stdio: 'ignore',
    });
    const pid = child.pid ?? -1;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processStart(pid)).toMatch(/\S/);
    await writeFile(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), started: 'boot+1' }),
    );
    const lock = lockDataDir(dataDir);
    expect(await lockOwner()).toEqual(ownLock());
    lock.release();
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(join(dataDir, LOCK_FILE), '{"pid": 12');
    const lock = lockDataDir(dataDir);
    expect(await lockOwner()).toEqual(ownLock());
    lock.release();
  });

  it('takes over a lock naming this process id that this process does not hold (an earlier run)', async () => {
    await writeFile(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname() }),
    );
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    lock.release();
  });
});
