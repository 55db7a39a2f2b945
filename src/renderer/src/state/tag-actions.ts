// What keys and toolbar buttons do to tags. Each action captures the sentence selected when it was
// pressed and runs as a step of the key queue, so it acts on the review as every earlier key left it.
import type { Review, Tag, TagKind } from '../../../core/review/types';
import type { KeyAction } from '../lib/keyboard';
import { KeyQueue, type Step } from './key-queue';
import type { Workspace } from './workspace.svelte';

/** A sentence a key press or button pointed at, captured when it was pressed. */
export interface SentenceTarget {
  documentId: string;
  start: number;
  end: number;
}

/** The tag of `kind` on a sentence, if the review has one there. */
function tagAt(review: Review, target: SentenceTarget, kind: TagKind): Tag | undefined {
  return review.tags.find(
    (t) => t.documentId === target.documentId && t.anchor.start === target.start && t.kind === kind,
  );
}

/** Tagging, linking, notes, pins and undo, in key order. */
export class TagActions {
  readonly queue: KeyQueue;

  constructor(private readonly workspace: Workspace) {
    this.queue = new KeyQueue((error) =>
      workspace.notify('error', `Something went wrong in Crosscheck: ${String(error)}`),
    );
  }

  /** The active pane's selected sentence, as a key press captures it. */
  selectedTarget(): SentenceTarget | undefined {
    const pane = this.workspace.panes[this.workspace.activePane];
    const span = pane?.selectedSpan;
    if (!pane || !span) return undefined;
    return { documentId: pane.documentId, start: span.start, end: span.end };
  }

  /** Runs a key's or button's action; returns when its step (if any) has run. */
  run(action: Exclude<KeyAction, { type: 'move' | 'next-pane' | 'find' }>): Promise<void> {
    const target = this.selectedTarget();
    return this.queue.push(this.stepFor(action, target));
  }

  private stepFor(action: Parameters<TagActions['run']>[0], target?: SentenceTarget): Step {
    switch (action.type) {
      case 'tag':
        return () => (target ? this.tag(target, action.kind) : undefined);
      case 'untag':
        return () => (target ? this.untag(target) : undefined);
      case 'note':
        return () => this.editNote(target);
      case 'pin':
        return () => this.togglePin(target);
      case 'link':
        return () => this.startLinking(target);
      case 'undo':
        return () => this.undoOrRedo('undo');
      case 'redo':
        return () => this.undoOrRedo('redo');
      default:
        return () => undefined;
    }
  }

  private tagOn(target: SentenceTarget | undefined) {
    return target && this.workspace.tagsByDocument.get(target.documentId)?.get(target.start);
  }

  /** Tags a sentence; new evidence then asks which claim it speaks to, unless a claim is pinned. */
  private async tag(target: SentenceTarget, kind: TagKind): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    const replica = ws.replica;
    if (!reviewId || !replica) return;
    const call = ws.call(ws.backend.api.tagSentence({ reviewId, ...target, kind }));
    // Main pushes the change before its reply, which waits for the disk. The step goes on from the
    // change (main has applied it, so the next key's call comes after it); the reply still
    // reports a failure, and the save indicator follows main's save events.
    const tag =
      (await replica.watch((review) => tagAt(review, target, kind), call)) ??
      (await call.then((reply) => reply && ws.review?.tags.find((t) => t.id === reply.tagId)));
    // Evidence that only changed kind keeps its links: no need to ask again.
    if (!tag || kind === 'claim' || (tag.claimIds?.length ?? 0) > 0) return;
    if (ws.pinnedClaimId) await this.link(tag.id, ws.pinnedClaimId);
    else if (ws.claimEntries.length > 0) ws.openModal({ kind: 'pick-claim', evidence: tag });
    else ws.notify('info', `Tagged as ${kind}. Tag a claim, then link this ${kind} to it.`);
  }

  /** Clears a sentence's tag (whatever its id: the step runs after earlier keys' changes). */
  private async untag(target: SentenceTarget): Promise<void> {
    const ws = this.workspace;
    const tag = this.tagOn(target);
    const reviewId = ws.review?.id;
    const replica = ws.replica;
    if (!tag || !reviewId || !replica) return;
    const call = ws.call(ws.backend.api.removeTag({ reviewId, tagId: tag.id }));
    // As for tagging: done once main's change has removed the tag.
    await replica.watch(
      (review) => (review.tags.some((t) => t.id === tag.id) ? undefined : true),
      call,
    );
  }

  /** Links evidence to a claim. */
  async link(evidenceId: string, claimId: string): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api.linkEvidence({ reviewId, evidenceId, claimId }));
  }

  async unlink(evidenceId: string, claimId: string): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api.unlinkEvidence({ reviewId, evidenceId, claimId }));
  }

  async saveNote(tagId: string, note: string): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api.setNote({ reviewId, tagId, note }));
  }

  private editNote(target: SentenceTarget | undefined): void {
    const tag = this.tagOn(target);
    if (tag) this.workspace.openModal({ kind: 'note', tag });
    else this.workspace.notify('info', 'Tag the sentence first; notes belong to tags.');
  }

  /** Asks which claim a confirmation or contradiction speaks to. */
  private startLinking(target: SentenceTarget | undefined): void {
    const ws = this.workspace;
    const tag = this.tagOn(target);
    if (!tag || tag.kind === 'claim') {
      ws.notify('info', 'Select a confirmation or contradiction to link it to a claim.');
    } else if (ws.claimEntries.length === 0) {
      ws.notify('info', 'There are no claims to link to yet; tag a claim first.');
    } else ws.openModal({ kind: 'pick-claim', evidence: tag });
  }

  /** Pins the selected claim (or unpins): new evidence links to it without asking. */
  private togglePin(target: SentenceTarget | undefined): void {
    const ws = this.workspace;
    const tag = this.tagOn(target);
    if (tag?.kind === 'claim') ws.pinnedClaimId = ws.pinnedClaimId === tag.id ? undefined : tag.id;
    else if (ws.pinnedClaimId) ws.pinnedClaimId = undefined;
    else ws.notify('info', 'Select a claim to pin it; new evidence then links to it directly.');
  }

  private async undoOrRedo(which: 'undo' | 'redo'): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api[which]({ reviewId }));
  }
}
