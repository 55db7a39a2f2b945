// The last resort when the back end stops with changes it could not save: each such review is
// written as an annotation file (importable with "Import annotations") next to the data folder,
// or into the system's temp folder when that fails too.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { exportFileName } from './exports';
import { annotationFileOf } from './annotation-export';
import type { ReviewService } from './review-service';

/** Where rescue copies were written, and the one sentence that tells the person so. */
export interface Rescue {
  folder: string;
  files: string[];
  message: string;
}

/**
 * Writes a rescue copy of every review with unsaved changes; undefined when there are none.
 * `folders` are tried in order (default: beside the data folder, then the temp folder).
 */
export async function rescueUnsaved(
  service: ReviewService,
  dataDir: string,
  folders: string[] = defaultRescueFolders(dataDir),
): Promise<Rescue | undefined> {
  const unsaved = service.unsaved();
  if (unsaved.length === 0) return undefined;
  const files: { name: string; text: string }[] = [];
  for (const { review } of unsaved) {
    const file = await annotationFileOf(service, review.id);
    if (file.ok)
      files.push({ name: exportFileName(review.name, 'annotations'), text: file.value.text });
  }
  const reason = unsaved[0]?.reason ?? '';
  for (const folder of folders) {
    try {
      await mkdir(folder, { recursive: true });
      const written: string[] = [];
      for (const [i, file] of files.entries()) {
        const path = join(folder, files.length > 1 ? `${i + 1} ${file.name}` : file.name);
        await writeFile(path, file.text, { flag: 'wx' });
        written.push(path);
      }
      const count = unsaved.length === 1 ? 'one review' : `${unsaved.length} reviews`;
      return {
        folder,
        files: written,
        message: `Crosscheck could not save changes to ${count} in ${dataDir} (${reason}), so it wrote a copy to ${folder}: open the review and use “Import annotations” on that file to get the changes back.`,
      };
    } catch {
      // Try the next folder.
    }
  }
  return {
    folder: '',
    files: [],
    message: `Crosscheck could not save changes to ${unsaved.length} review(s) in ${dataDir}, and could not write a rescue copy anywhere; those changes are lost.`,
  };
}

/** Beside the data folder, then in the system's temp folder; each new, named by the time. */
function defaultRescueFolders(dataDir: string): string[] {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `${basename(dataDir)}-rescue-${stamp}`;
  return [join(dirname(dataDir), name), join(tmpdir(), `crosscheck-${name}`)];
}
