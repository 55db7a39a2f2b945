// A review as a REFI-QDA .qdpx file (a zip of project.qde and the sources' texts), read through
// a side-effect-free reader: what `crosscheck export --format qdpx` writes and the hosts' export can stream.
import { strToU8, zipSync } from 'fflate';
import { qdpxProject } from '../core/qda/qdpx-project';
import { ok, type Problem, type Result } from '../core/result';
import { CROSSCHECK_GENERATOR, openWithTexts } from './annotation-export';
import type { ReviewReader } from './reviews/review-reader';

/** File type facts of the .qdpx export (for the hosts' save dialogs and downloads). */
export const QDPX_FORMAT = {
  extension: '.qdpx',
  mimeType: 'application/zip',
  label: 'REFI-QDA project (QualCoder, ATLAS.ti, MAXQDA, NVivo)',
} as const;

/** The bytes of the .qdpx file of a review, with its name and counts for messages. */
export async function qdpxFileOf(
  reader: ReviewReader,
  reviewId: string,
): Promise<Result<{ bytes: Uint8Array; name: string; tags: number; documents: number }, Problem>> {
  const opened = await openWithTexts(reader, reviewId);
  if (!opened.ok) return opened;
  const { review, texts } = opened.value;
  const project = qdpxProject(review, texts, { origin: CROSSCHECK_GENERATOR.name });
  if (!project.ok) return project;
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(project.value.projectXml) };
  for (const source of project.value.sources) files[source.path] = strToU8(source.text);
  // A fixed date keeps the same review giving the same bytes.
  const bytes = zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  return ok({
    bytes,
    name: review.name,
    tags: review.tags.length,
    documents: review.documents.length,
  });
}
