// Test support: a file writer that fails like a full or a read-only disk when told to, and
// otherwise writes durably; pass `disk.writeFile` to createBackend.
import { writeFileDurably } from '../../src/main/store/durable-write';

/** A disk whose state a test switches. */
export interface FaultyDisk {
  state: 'ok' | 'full' | 'read-only';
  /** Writes that failed so far. */
  failures: number;
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
}

/** A disk that works until a test says otherwise. */
export function faultyDisk(): FaultyDisk {
  const disk: FaultyDisk = {
    state: 'ok',
    failures: 0,
    async writeFile(path, content) {
      if (disk.state === 'ok') return writeFileDurably(path, content);
      disk.failures++;
      const code = disk.state === 'full' ? 'ENOSPC' : 'EROFS';
      const text = disk.state === 'full' ? 'no space left on device' : 'read-only file system';
      throw Object.assign(new Error(`${code}: ${text}, write '${path}'`), { code });
    },
  };
  return disk;
}
