// Writing a file through `<path>.<pid>.partial`, renamed into place only when the writer succeeds,
// so a failure (a full disk, a closed folder) leaves no half-written file and replaces nothing.
import { open, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { fail, type Problem, type Result } from '../../core/result';

/**
 * Lets `fill` write the file at `path` (it must end the stream). A Problem from `fill` or a
 * file-system error (described by `describe` from its code) leaves no file behind.
 */
export async function writeThroughPartialFile(
  path: string,
  fill: (output: Writable) => Promise<Result<null, Problem>>,
  describe: (code: string) => Problem,
): Promise<Result<null, Problem>> {
  const partial = `${path}.${process.pid}.partial`;
  try {
    const handle = await open(partial, 'w');
    const written = await fill(handle.createWriteStream());
    if (!written.ok) {
      await rm(partial, { force: true });
      return written;
    }
    await rename(partial, path);
    return written;
  } catch (error) {
    await rm(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    return fail(describe(code));
  }
}
