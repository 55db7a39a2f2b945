// Exports of a review as files — the PDF brief and (later) the annotation file — streamed to any
// Writable, so both hosts share them: the browser host streams into an HTTP download, the
// Electron host into the file chosen in a save dialog.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { annotationFileOf } from './annotation-export';
import { qdpxFileOf, QDPX_FORMAT } from './qdpx-export';
import { writeThroughPartialFile } from './store/partial-file';
import { fail, ok, type Problem, type Result } from '../core/result';
import type { ExportKind } from '../shared/host-info';
import { renderBriefPdf } from './brief/render-brief-pdf';
import { uncoveredNotice } from './brief/uncovered-notice';
import { briefOfReview } from './brief/review-brief';
import type { ReviewReader } from './reviews/review-reader';
import { fsReason, isFsError } from './store/fs-problem';

/** What an export needs besides the review. */
export interface ExportOptions {
  fontsDir: string;
  clock: () => string;
  /** Hears progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Hears what the reviewer should know about the export (characters the brief cannot show). */
  onNotice?: (notice: string) => void;
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
  qdpx: QDPX_FORMAT,
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
  reader: ReviewReader,
  kind: ExportKind,
  reviewId: string,
): Promise<Result<string, Problem>> {
  const read = await reader.readReview(reviewId);
  if (!read.ok) return read;
  return ok(exportFileName(read.value.name, kind));
}

/** An export whose content has been read and checked: only the writing is left. */
export interface PreparedExport {
  /** The default file name. */
  name: string;
  /** Writes the export to `output` and ends it; a failure destroys `output` and is a Problem. */
  write(output: Writable): Promise<Result<null, Problem>>;
}

/**
 * Reads everything an export needs (the review, its texts, the annotation file or the brief), so
 * that a review that cannot be exported is a Problem before anything is sent or created.
 */
export async function prepareExport(
  reader: ReviewReader,
  kind: ExportKind,
  reviewId: string,
  options: ExportOptions,
): Promise<Result<PreparedExport, Problem>> {
  if (kind === 'qdpx') {
    const project = await qdpxFileOf(reader, reviewId);
    if (!project.ok) return project;
    return ok({
      name: exportFileName(project.value.name, kind),
      write: (output) => writeWhole(output, project.value.bytes, 'QDA project', options),
    });
  }
  if (kind === 'annotations') {
    const file = await annotationFileOf(reader, reviewId);
    if (!file.ok) return file;
    return ok({
      name: exportFileName(file.value.name, kind),
      write: (output) => writeWhole(output, file.value.text, 'annotation file', options),
    });
  }
  const brief = await briefOfReview(reader, reviewId, { generatedAt: options.clock() });
  if (!brief.ok) return brief;
  return ok({
    name: exportFileName(brief.value.title.reviewName, kind),
    write: async (output) => {
      try {
        const rendered = await renderBriefPdf(
          brief.value,
          output,
          options.onProgress
            ? { fontsDir: options.fontsDir, onProgress: options.onProgress }
            : options,
        );
        const notice = uncoveredNotice(rendered.uncoveredCharacters);
        if (notice) options.onNotice?.(notice);
        return ok(null);
      } catch (error) {
        output.destroy();
        return fail(notWritten('brief', error));
      }
    },
  });
}

/** Writes content that is ready in full to `output` and ends it. */
async function writeWhole(
  output: Writable,
  content: string | Uint8Array,
  what: string,
  options: ExportOptions,
): Promise<Result<null, Problem>> {
  try {
    output.end(content);
    await finished(output);
    options.onProgress?.(1);
    return ok(null);
  } catch (error) {
    output.destroy();
    return fail(notWritten(what, error));
  }
}

/**
 * Writes the export of a review to `output` and ends it. A review that cannot be read is a
 * Problem (nothing written); a failure while writing destroys `output` and becomes a Problem.
 */
async function writeExport(
  reader: ReviewReader,
  kind: ExportKind,
  reviewId: string,
  output: Writable,
  options: ExportOptions,
): Promise<Result<null, Problem>> {
  const prepared = await prepareExport(reader, kind, reviewId, options);
  if (!prepared.ok) {
    output.destroy();
    return prepared;
  }
  return prepared.value.write(output);
}

/** Writes an export into the file at `path` through a temporary file renamed into place. */
export function writeExportFile(
  reader: ReviewReader,
  kind: ExportKind,
  reviewId: string,
  path: string,
  options: ExportOptions,
): Promise<Result<null, Problem>> {
  return writeThroughPartialFile(
    path,
    (output) => writeExport(reader, kind, reviewId, output, options),
    (code) => ({
      code: 'export-not-written',
      message: `The file ${path} could not be written (${fsReason({ code })}); choose another folder or free some space, then export again.`,
    }),
  );
}

function notWritten(what: string, error: unknown): Problem {
  const reason = isFsError(error) ? fsReason(error) : (error as Error).message;
  return { code: 'export-failed', message: `The ${what} could not be written (${reason}).` };
}
