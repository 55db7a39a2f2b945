// Writes a brief to a file through a temporary file renamed into place, so that a failure (a full
// disk, a closed folder) leaves no partial PDF behind and an existing file is replaced only whole.
import { open, rename, rm } from 'node:fs/promises';
import type { Brief } from '../../core/brief/types';
import { fail, ok, type Problem, type Result } from '../../core/result';
import { renderBriefPdf, type RenderBriefOptions } from './render-brief-pdf';

/** Renders `brief` into the file at `path`; a file-system failure is a Problem naming its code. */
export async function writeBriefFile(
  brief: Brief,
  path: string,
  options: RenderBriefOptions,
): Promise<Result<null, Problem>> {
  const partial = `${path}.${process.pid}.partial`;
  try {
    const handle = await open(partial, 'w');
    await renderBriefPdf(brief, handle.createWriteStream(), options);
    await rename(partial, path);
    return ok(null);
  } catch (error) {
    await rm(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    return fail({
      code: 'brief-not-written',
      message: `The brief could not be written to ${path} (${code}).`,
    });
  }
}
