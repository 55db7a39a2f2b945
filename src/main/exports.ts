// Exports of a review as files — the PDF brief and (later) the annotation file — streamed to any
// Writable, so both hosts share them: the browser host streams into an HTTP download, the
// Electron host into the file chosen in a save dialog.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { annotationFileOf } from './annotation-export';
import { writeThroughPartialFile } from './store/partial-file';
import { fail, ok, type Problem, type Result } from '../core/result';
import type { ExportKind } from '../shared/host-info';
import { renderBriefPdf } from './brief/render-brief-pdf';
import { briefOfReview } from './brief/review-brief';
import type { ReviewApi } from '../shared/review-api';

/** What an export needs besides the review. */
export interface ExportOptions {
  fontsDir: string;
  clock: () => string;
  /** Hears progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/** File type facts of each export kind. */
export const EXPORT_FORMATS: Record<
  ExportKind,
  { extension: string; mimeType: string; label: string }
> = {
  brief: { extension: '.pdf', mimeType: 'application/pdf', label: 'PDF brief' },
  annotations: {
    extension: '.crosscheck.json',
    mimeType: 'application/ld+json',
    label: 'Crosscheck annotations',
  },
};

/** A safe file name for a review's export: its name without path or control characters. */
export function exportFileName(reviewName: string, kind: ExportKind): string {
  const base =
    reviewName
      .replace(/\p{Cc}+/gu, '')
      .replace(/\s*[\\/:*?"<>|]+\s*/g, ' - ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100) || 'review';
  return `${base}${EXPORT_FORMATS[kind].extension}`;
}

/** The default file name for exporting review `reviewId`, or why it cannot be exported. */
export async function exportNameOf(
  api: ReviewApi,
  kind: ExportKind,
  reviewId: string,
): Promise<Result<string, Problem>> {
  const opened = await api.openReview({ reviewId });
  if (!opened.ok) return opened;
  return ok(exportFileName(opened.value.review.name, kind));
}

/**
 * Writes the export of a review to `output` and ends it. A review that cannot be read is a
 * Problem (nothing written); a failure while writing destroys `output` and becomes a Problem.
 */
export async function writeExport(
  api: ReviewApi,
  kind: ExportKind,
  reviewId: string,
  output: Writable,
  options: ExportOptions,
): Promise<Result<null, Problem>> {
  if (kind === 'annotations') {
    const file = await annotationFileOf(api, reviewId);
    if (!file.ok) return file;
    options.onProgress?.(1);
    output.end(file.value.text);
    await finished(output);
    return ok(null);
  }
  const brief = await briefOfReview(api, reviewId, { generatedAt: options.clock() });
  if (!brief.ok) return brief;
  try {
    await renderBriefPdf(
      brief.value,
      output,
      options.onProgress ? { fontsDir: options.fontsDir, onProgress: options.onProgress } : options,
    );
    return ok(null);
  } catch (error) {
    return fail({
      code: 'export-failed',
      message: `The brief could not be written (${(error as Error).message}).`,
    });
  }
}

/** Writes an export into the file at `path` through a temporary file renamed into place. */
export function writeExportFile(
  api: ReviewApi,
  kind: ExportKind,
  reviewId: string,
  path: string,
  options: ExportOptions,
): Promise<Result<null, Problem>> {
  return writeThroughPartialFile(
    path,
    (output) => writeExport(api, kind, reviewId, output, options),
    (code) => ({
      code: 'export-not-written',
      message: `The file ${path} could not be written (${code}).`,
    }),
  );
}
