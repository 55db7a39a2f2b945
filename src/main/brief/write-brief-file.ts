// Writes a brief to a file through a temporary file renamed into place, so that a failure (a full
// disk, a closed folder) leaves no partial PDF behind and an existing file is replaced only whole.
import type { Brief } from '../../core/brief/types';
import { ok, type Problem, type Result } from '../../core/result';
import { writeThroughPartialFile } from '../store/partial-file';
import { renderBriefPdf, type RenderBriefOptions, type RenderedBrief } from './render-brief-pdf';

/**
 * Renders `brief` into the file at `path`, telling its pages and the characters no font could
 * show; a file-system failure is a Problem naming its code.
 */
export async function writeBriefFile(
  brief: Brief,
  path: string,
  options: RenderBriefOptions,
): Promise<Result<RenderedBrief, Problem>> {
  let rendered: RenderedBrief = { pages: 0, uncoveredCharacters: [] };
  const written = await writeThroughPartialFile(
    path,
    async (output) => {
      rendered = await renderBriefPdf(brief, output, options);
      return ok(null);
    },
    (code) => ({
      code: 'brief-not-written',
      message: `The brief could not be written to ${path} (${code}).`,
    }),
  );
  return written.ok ? ok(rendered) : written;
}
