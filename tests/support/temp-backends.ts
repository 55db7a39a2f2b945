// Back ends over temporary data folders for service tests, closed and removed after each test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem, Result } from '../../src/core/result';
import { createBackend, type Backend } from '../../src/main/compose';

/** The value of a Result, or a thrown error naming the problem. */
export function value<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Opens back ends on temporary folders; `cleanUp` (in afterEach) closes and removes them all. */
export class TempBackends {
  private readonly opened: Backend[] = [];
  private readonly folders: string[] = [];

  /** A new temporary data folder, removed by cleanUp. */
  async folder(prefix: string): Promise<string> {
    const dataDir = await mkdtemp(join(tmpdir(), prefix));
    this.folders.push(dataDir);
    return dataDir;
  }

  /** A back end on `dataDir` whose clock starts at `hour` o'clock and ticks a second per reading. */
  async open(dataDir: string, author: string, hour: number): Promise<Backend> {
    let tick = 0;
    const clock = () => new Date(Date.UTC(2026, 0, 5, hour, 0, tick++)).toISOString();
    const backend = await createBackend({ dataDir, author, clock });
    this.opened.push(backend);
    return backend;
  }

  /** Closes a back end before the test ends (to open its folder again). */
  async close(backend: Backend): Promise<void> {
    const at = this.opened.indexOf(backend);
    if (at >= 0) this.opened.splice(at, 1);
    await backend.close();
  }

  async cleanUp(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((b) => b.close()));
    await Promise.all(this.folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
  }
}
