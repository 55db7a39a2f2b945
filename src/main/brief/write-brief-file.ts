// Writes a brief to a file through a temporary file renamed into place, so that a failure (a full
// disk, a closed folder) leaves no partial PDF behind and an existing file is replaced only whole.
import type { Brief } from '../../core/brief/types';
import { ok, type Problem, type Result } from '../../core/result';
import { writeThroughPartialFile } from '../store/partial-file';
import { renderBriefPdf, type RenderBriefOptions } from './render-brief-pdf';

/** Renders `brief` into the file at `path`; a file-system failure is a Problem naming its code. */
export function writeBriefFile(
  brief: Brief,
  path: string,
  options: RenderBriefOptions,
): Promise<Result<null, Problem>> {
  return writeThroughPartialFile(
    path,
    async (output) => {
      await renderBriefPdf(brief, output, options);
      return ok(null);
    },
    (code) => ({
      code: 'brief-not-written',
      message: `The brief could not be written to ${path} (${code}).`,
    }),
  );
}
