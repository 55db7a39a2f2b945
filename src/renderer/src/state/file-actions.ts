// Files in and out: importing documents and annotation files, resolving what an import set
// aside, and exporting the brief or annotations through the host.
import type { ConflictAction } from '../../../core/annotations/settle-judgement-conflict';
import type { SyncConflict } from '../../../core/sync/sync-conflict';
import type { JudgementConflict } from '../../../core/review/sharing';
import type { TagKind } from '../../../core/review/types';
import type { ExportKind } from '../../../shared/host-info';

/** What each export is called in messages. */
export const EXPORT_NAMES: Record<ExportKind, string> = {
  brief: 'The brief',
  annotations: 'The annotation file',
  qdpx: 'The QDA project',
};
import type { ImportProblem, Workspace } from './workspace.svelte';

/** How the reviewer settles a conflict an import reported (of a tag or of a verdict). */
export type { ConflictAction };

/** Imports, exports and the sharing dialog's actions. */
export class FileActions {
  constructor(private readonly workspace: Workspace) {}

  /** Imports files one after another, reporting progress and every refusal by file name. */
  async importDocuments(files: File[]): Promise<void> {
    const ws = this.workspace;
    if (files.length === 0) return;
    if (!ws.review) await ws.createReview(`Review of ${new Date().toLocaleDateString()}`);
    const reviewId = ws.review?.id;
    if (!reviewId) return;
    ws.importProblems = [];
    const problems: ImportProblem[] = [];
    for (const [i, file] of files.entries()) {
      ws.importing = { done: i, total: files.length, fileName: file.name, stage: 'reading' };
      const bytes = new Uint8Array(await file.arrayBuffer());
      ws.importing = { ...ws.importing, stage: 'importing' };
      const result = await ws.backend.api.addDocument({ reviewId, fileName: file.name, bytes });
      if (!result.ok) {
        problems.push({ fileName: file.name, message: result.error.message });
        continue;
      }
      await ws.replica?.awaitRevision(result.value.revision);
      for (const warning of result.value.warnings) ws.notify('info', warning);
      if (result.value.alreadyPresent)
        ws.notify('info', `“${file.name}” is already in this review.`);
      else if (!ws.review?.panes.includes(result.value.document.id)) {
        ws.notify(
          'info',
          `“${result.value.document.title}” was added; four documents are shown already, so it is listed under “Show” below the panes.`,
        );
      }
    }
    ws.importProblems = problems;
    ws.importing = { done: files.length, total: files.length, fileName: '', stage: 'showing' };
    try {
      await ws.syncPanes();
    } finally {
      ws.importing = undefined;
    }
  }

  /**
   * Merges a colleague's annotation file into the open review and shows what it did. The file is
   * sent once: when some of its documents cannot be matched, main merges nothing and says which,
   * and the reviewer's choices go with a second call.
   */
  async importAnnotations(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await this.mergeAnnotationFile(file.name, bytes);
  }

  /**
   * Imports an annotation file, with the reviewer's document choices once they were asked and
   * the kinds they gave other tools' labels.
   */
  async mergeAnnotationFile(
    fileName: string,
    bytes: Uint8Array,
    documentMatches?: Record<string, string>,
    labelMap?: Record<string, TagKind>,
  ): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!reviewId) return;
    const result = await ws.backend.api.importAnnotations({
      reviewId,
      fileName,
      bytes,
      ...(documentMatches ? { documentMatches } : {}),
      ...(labelMap ? { labelMap } : {}),
    });
    if (!result.ok) {
      ws.notify('error', `“${fileName}” was not imported: ${result.error.message}`);
      return;
    }
    const outcome = result.value;
    if ('needsChoice' in outcome) {
      ws.openModal({ kind: 'choose-documents', fileName, bytes, sources: outcome.needsChoice });
      return;
    }
    await ws.replica?.awaitRevision(outcome.revision);
    const differ = verdictsDiffer(outcome.judgementConflicts.length);
    if (differ) ws.notify('info', `“${fileName}” was imported: ${differ}`);
    ws.openModal({
      kind: 'sharing',
      summary: outcome,
      file: { fileName, bytes, ...(documentMatches ? { documentMatches } : {}) },
    });
  }

  async resolveConflict(tagId: string, action: ConflictAction): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api.resolveConflict({ reviewId, tagId, action }));
  }

  /** Settles a verdict conflict: use the set-aside verdict, keep the one in use, or dismiss. */
  async resolveJudgementConflict(
    conflict: JudgementConflict,
    action: ConflictAction,
  ): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!reviewId) return;
    const { claimId, other } = conflict;
    await ws.call(
      ws.backend.api.resolveJudgementConflict({
        reviewId,
        claimId,
        otherModified: other.modified,
        action,
      }),
    );
  }

  /** Keeps one version of a teammate's concurrent edit (written for the whole team). */
  async resolveSyncConflict(conflict: SyncConflict, actor: string): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!reviewId) return;
    const target =
      conflict.target === 'tag'
        ? { tagId: conflict.tagId, field: conflict.field }
        : { field: conflict.field };
    await ws.call(ws.backend.api.resolveSyncConflict({ reviewId, target, actor }));
  }

  async confirmPlacement(tagId: string): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api.confirmPlacement({ reviewId, tagId }));
  }

  /** Exports the open review (the brief or the annotation file) through the host. */
  async exportFile(kind: ExportKind): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!reviewId || ws.exporting) return;
    ws.exporting = { kind, fraction: 0 };
    try {
      const outcome = await ws.call(ws.backend.host.exportFile(kind, reviewId));
      if (!outcome) return;
      const what = EXPORT_NAMES[kind];
      if ('savedTo' in outcome) ws.notify('info', `${what} was saved to ${outcome.savedTo}.`);
      else if ('downloaded' in outcome) {
        ws.notify('info', `${what} was downloaded as “${outcome.downloaded}”.`);
      }
    } finally {
      ws.exporting = undefined;
    }
  }
}

/** What an import says of the verdicts it found differing, in plain words ('' when none). */
export function verdictsDiffer(count: number): string {
  if (count === 0) return '';
  return count === 1
    ? '1 verdict differs: see Conflicts.'
    : `${count} verdicts differ: see Conflicts.`;
}
