// Suggested evidence for the workspace (issue 10): answers suggestEvidence from the review's
// background index, and turns accepting (tag + link, one undo step) and dismissing (a stored,
// anchored dismissal, one undo step) into review edits. ReviewService delegates its calls here.
import { makeAnchor } from '../../core/review/anchor';
import type { HistoryEntry } from '../../core/review/edit-history';
import {
  composePatches,
  type ReviewChange,
  type ReviewFieldsChange,
} from '../../core/review/review-change';
import {
  applyEdit,
  linkEvidence,
  tagSentence,
  type EditContext,
  type TagPatch,
} from '../../core/review/tag-edits';
import type { Dismissal, Review, Tag } from '../../core/review/types';
import { fail, ok, type Problem, type Result } from '../../core/result';
import { sentenceKey, type SentenceKey } from '../../core/suggest';
import { isWholeSentence } from '../../core/text/sentence-bounds';
import type { DocumentText, ReviewEvent } from '../../shared/review-api';
import type { CallArgs, CallReply, ReviewApiMethod } from '../../shared/review-api-schema';
import type { OpenReview } from '../reviews/open-review';
import { noSuchReview } from '../reviews/review-reader';
import { ReviewIndexes, type ReviewIndexesDeps } from './review-indexes';

type Args<K extends ReviewApiMethod> = CallArgs<K>;
type Reply<K extends ReviewApiMethod> = Result<CallReply<K>, Problem>;

/** What the suggestion calls need from ReviewService. */
export interface SuggestionServiceDeps {
  load(reviewId: string): Promise<OpenReview | undefined>;
  documentText(documentId: string): Promise<Result<DocumentText, Problem>>;
  /** Records an undoable edit and commits it. */
  commitEdit(open: OpenReview, edit: HistoryEntry): Promise<number>;
  /** Records an undoable edit of review fields and commits it. */
  commitFieldEdit(open: OpenReview, label: string, after: ReviewFieldsChange): Promise<number>;
  context(): EditContext;
  publish(event: ReviewEvent): void;
  /** Options of the background indexing (tests make it quicker to watch). */
  indexing?: Omit<ReviewIndexesDeps, 'documentText' | 'progress'>;
}

/** Suggested evidence: the index of each review in use, and the three calls. */
export class SuggestionService {
  readonly indexes: ReviewIndexes;

  constructor(private readonly deps: SuggestionServiceDeps) {
    this.indexes = new ReviewIndexes({
      ...deps.indexing,
      documentText: (id) => deps.documentText(id),
      progress: (payload) => deps.publish({ name: 'suggestionIndex', payload }),
    });
  }

  /** Starts (or updates) the background index of a review that was opened. */
  watch(review: Review): void {
    this.indexes.sync(
      review.id,
      review.documents.map((d) => d.id),
    );
  }

  /** Follows document additions and removals of reviews that have an index. */
  receive(event: ReviewEvent): void {
    if (event.name !== 'reviewChanged') return;
    const { reviewId, change } = event.payload;
    if (!this.indexes.has(reviewId)) return;
    const documents = documentsOf(change);
    if (documents)
      this.indexes.sync(
        reviewId,
        documents.map((d) => d.id),
      );
  }

  /** Stops indexing. */
  dispose(): void {
    this.indexes.dispose();
  }

  async suggestEvidence({
    reviewId,
    claimId,
    top,
  }: Args<'suggestEvidence'>): Promise<Reply<'suggestEvidence'>> {
    const open = await this.deps.load(reviewId);
    if (!open) return fail(noSuchReview());
    const { review } = open;
    const claim = review.tags.find((t) => t.id === claimId);
    if (!claim || claim.kind !== 'claim') return fail(noSuchClaim());
    const index = this.indexes.sync(
      reviewId,
      review.documents.map((d) => d.id),
    );
    const suggestions = index.suggest(
      {
        text: claim.anchor.exact,
        ref: { documentId: claim.documentId, start: claim.anchor.start, end: claim.anchor.end },
      },
      {
        top: top ?? 10,
        exclude: excludedFor(review, claimId),
        dismissed: dismissedFor(review, claimId),
      },
    );
    const running = this.indexes.progress(reviewId);
    return ok(
      running
        ? { suggestions, indexing: { done: running.done, total: running.total } }
        : { suggestions },
    );
  }

  async acceptSuggestion(args: Args<'acceptSuggestion'>): Promise<Reply<'acceptSuggestion'>> {
    const checked = await this.check(args);
    if (!checked.ok) return checked;
    const { open, text } = checked.value;
    const tags = open.review.tags;
    const existing = tags.find(
      (t) =>
        t.documentId === args.documentId &&
        t.anchor.start === args.start &&
        t.anchor.end === args.end,
    );
    if (existing?.kind === 'claim') {
      return fail({
        code: 'is-a-claim',
        message: 'That sentence is tagged as a claim; clear its tag before using it as evidence.',
      });
    }
    const linkedElsewhere = (existing?.claimIds ?? []).some((id) => id !== args.claimId);
    if (existing && existing.kind !== args.kind && linkedElsewhere) {
      return fail({
        code: 'evidence-of-other-claims',
        message: `That sentence is already a ${existing.kind} of another claim; link it from there, or change its tag first.`,
      });
    }
    const context = this.deps.context();
    const tagged = tagSentence(
      tags,
      {
        documentId: args.documentId,
        anchor: makeAnchor(text, args.start, args.end),
        kind: args.kind,
      },
      context,
    );
    const tagId = tagged.patches[0]?.id ?? existing?.id;
    if (!tagId) return fail(noSuchClaim());
    const afterTag = applyEdit(tags, tagged, 'forward');
    const linked = linkEvidence(afterTag, tagId, args.claimId, context);
    if (!linked.ok) return linked;
    let patches = composePatches([...tagged.patches, ...linked.value.patches]);
    if (args.facet === 'source') patches = withSourceFacet(patches, afterTag, tagId, args.claimId);
    const revision = await this.deps.commitEdit(open, { label: `accept ${args.kind}`, patches });
    return ok({ tagId, revision });
  }

  async dismissSuggestion(args: Args<'dismissSuggestion'>): Promise<Reply<'dismissSuggestion'>> {
    const checked = await this.check(args);
    if (!checked.ok) return checked;
    const { open, text } = checked.value;
    const dismissals = open.review.dismissals ?? [];
    const already = dismissals.some(
      (d) =>
        d.claimId === args.claimId &&
        d.documentId === args.documentId &&
        d.anchor.start === args.start &&
        d.anchor.end === args.end,
    );
    if (already) return ok({ revision: open.revision });
    const { author, now } = this.deps.context();
    const dismissal: Dismissal = {
      claimId: args.claimId,
      documentId: args.documentId,
      anchor: makeAnchor(text, args.start, args.end),
      author,
      created: now,
    };
    const revision = await this.deps.commitFieldEdit(open, 'dismiss suggestion', {
      dismissals: [...dismissals, dismissal],
    });
    return ok({ revision });
  }

  /** The review, and the document's text, once the claim and the sentence are known to exist. */
  private async check(args: {
    reviewId: string;
    claimId: string;
    documentId: string;
    start: number;
    end: number;
  }): Promise<Result<{ open: OpenReview; text: string }, Problem>> {
    const open = await this.deps.load(args.reviewId);
    if (!open) return fail(noSuchReview());
    const claim = open.review.tags.find((t) => t.id === args.claimId);
    if (!claim || claim.kind !== 'claim') return fail(noSuchClaim());
    if (!open.review.documents.some((d) => d.id === args.documentId)) {
      return fail({
        code: 'no-such-document',
        message: 'That document is not part of this review.',
      });
    }
    const document = await this.deps.documentText(args.documentId);
    if (!document.ok) return document;
    if (!isWholeSentence(document.value.sentences, args.start, args.end)) {
      return fail({
        code: 'not-a-sentence',
        message: 'That suggestion is not a whole sentence any more; ask for suggestions again.',
      });
    }
    return ok({ open, text: document.value.text });
  }
}

/** Sentences never suggested for a claim: its linked evidence, and every claim's sentence. */
function excludedFor(review: Review, claimId: string): Set<SentenceKey> {
  const keys = new Set<SentenceKey>();
  for (const tag of review.tags) {
    if (tag.kind === 'claim' || tag.claimIds?.includes(claimId)) keys.add(keyOf(tag));
  }
  return keys;
}

/** Sentences the reviewer dismissed for a claim. */
function dismissedFor(review: Review, claimId: string): Set<SentenceKey> {
  const keys = new Set<SentenceKey>();
  for (const dismissal of review.dismissals ?? []) {
    if (dismissal.claimId === claimId) keys.add(keyOf(dismissal));
  }
  return keys;
}

function keyOf(tag: Pick<Tag, 'documentId' | 'anchor'>): SentenceKey {
  return sentenceKey({ documentId: tag.documentId, start: tag.anchor.start, end: tag.anchor.end });
}

/** The patches with the evidence's link to the claim marked as speaking to the claim's source. */
function withSourceFacet(
  patches: TagPatch[],
  tags: readonly Tag[],
  tagId: string,
  claimId: string,
): TagPatch[] {
  const current = patches.find((p) => p.id === tagId);
  const base = current?.after ?? tags.find((t) => t.id === tagId);
  if (!base) return patches;
  const after: Tag = { ...base, facets: { ...base.facets, [claimId]: 'source' } };
  if (current) return patches.map((p) => (p.id === tagId ? { ...p, after } : p));
  return [...patches, { id: tagId, before: base, after }];
}

/** The documents list a change sets, if it sets one. */
function documentsOf(change: ReviewChange): Review['documents'] | undefined {
  if (change.kind === 'review') return change.fields.documents;
  if (change.kind === 'batch') {
    let found: Review['documents'] | undefined;
    for (const part of change.changes) found = documentsOf(part) ?? found;
    return found;
  }
  return undefined;
}

function noSuchClaim(): Problem {
  return {
    code: 'no-such-claim',
    message: 'That claim is not in this review any more; it may have been removed.',
  };
}
