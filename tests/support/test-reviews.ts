// Reviews for tests and benchmarks, edited through the same functions the app uses (tagSentence,
// setNote, linkEvidence, removeTag), with a shared clock and id source so copies stay consistent.
import { makeAnchor } from '../../src/core/review/anchor';
import {
  applyEdit,
  linkEvidence,
  removeTag,
  setNote,
  tagSentence,
  type EditContext,
  type TagEdit,
} from '../../src/core/review/tag-edits';
import type { Review, TagKind } from '../../src/core/review/types';
import { setFacet } from '../../src/core/analysis/facets';
import { gradeItem } from '../../src/core/analysis/grades';
import { setJudgement, type JudgementInput } from '../../src/core/analysis/judgement';
import { attribute, gradeSource } from '../../src/core/analysis/sources';
import type { Credibility, Facet, Reliability } from '../../src/core/review/assessment';
import type { Problem, Result } from '../../src/core/result';
import { textId } from '../../src/core/text/hash';
import { normaliseText } from '../../src/core/text/normalise';
import { segment } from '../../src/core/text/segment';
import { exportAnnotationFile } from '../../src/core/annotations/export-annotations';
import {
  emptySharing,
  recordRemovals,
  type ReviewSharing,
} from '../../src/core/annotations/review-sharing';

/** The generator named in files that tests write. */
export const TEST_GENERATOR = { id: 'https://crosscheck.app/', name: 'Crosscheck test' };

/** A report and a letter about a bridge: the documents most annotation tests tag. */
export const BRIDGE_REPORT = [
  'The bridge opened in 1932. It cost four million pounds.',
  'Engineers said it would last a century. Records show repairs began in 1950.',
  'The council says the bridge is safe today.',
].join('\n\n');
export const BRIDGE_LETTER =
  'A letter from 1931 puts the cost at nine million pounds. It was never sent.';

/** A clock and an id source shared by every copy of a test review. */
export interface TestWorld {
  now: () => string;
  newId: () => string;
}

/** A world whose clock ticks one second per call from `start`, with counting UUIDs. */
export function testWorld(start = '2025-01-01T00:00:00.000Z'): TestWorld {
  let tick = 0;
  let ids = 0;
  const base = Date.parse(start);
  return {
    now: () => new Date(base + 1000 * tick++).toISOString(),
    newId: () => `00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, '0')}`,
  };
}

/** One reviewer's copy of a review, with the texts and sharing state beside it. */
export class TestReview {
  texts = new Map<string, string>();
  sharing: ReviewSharing = emptySharing();
  review: Review;

  constructor(
    readonly world: TestWorld,
    readonly author: string,
    name = 'Test review',
  ) {
    const now = world.now();
    this.review = {
      schemaVersion: 1,
      id: world.newId(),
      name,
      created: now,
      modified: now,
      reviewers: [author],
      documents: [],
      tags: [],
      panes: [],
    };
  }

  /** Adds a document (its text must already be normalised) and returns its id. */
  addDocument(title: string, text: string): string {
    if (normaliseText(text) !== text) throw new Error('document texts are stored normalised');
    const id = textId(text);
    this.texts.set(id, text);
    this.review.documents.push({
      id,
      title,
      fileName: `${title}.txt`,
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
      originalSha256: id,
      imported: this.world.now(),
    });
    return id;
  }

  /** The span of a document's sentence: by number (0-based) or the first containing `words`. */
  sentence(documentId: string, which: number | string): { start: number; end: number } {
    const text = this.texts.get(documentId) ?? '';
    const spans = segment(text);
    const span =
      typeof which === 'number'
        ? spans[which]
        : spans.find((s) => text.slice(s.start, s.end).includes(which));
    if (!span) throw new Error(`no sentence ${String(which)}`);
    return span;
  }

  /** Tags a sentence and returns the tag's id. */
  tag(documentId: string, which: number | string, kind: TagKind): string {
    const { start, end } = this.sentence(documentId, which);
    const anchor = makeAnchor(this.texts.get(documentId) ?? '', start, end);
    this.apply(tagSentence(this.review.tags, { documentId, anchor, kind }, this.context()));
    const tag = this.review.tags.find(
      (t) => t.documentId === documentId && t.anchor.start === start,
    );
    return tag?.id ?? '';
  }

  note(tagId: string, note: string): void {
    this.apply(unwrap(setNote(this.review.tags, tagId, note, this.context())));
  }

  link(evidenceId: string, claimId: string): void {
    this.apply(unwrap(linkEvidence(this.review.tags, evidenceId, claimId, this.context())));
  }

  remove(tagId: string): void {
    this.apply(unwrap(removeTag(this.review.tags, tagId, this.context())));
  }

  /** Says what evidence's link to a claim speaks to. */
  facet(evidenceId: string, claimId: string, facet: Facet): void {
    this.apply(unwrap(setFacet(this.review.tags, evidenceId, claimId, facet, this.context())));
  }

  /** Attributes a tag to a source by name (a new source, or one matching by name or alias). */
  attribute(tagId: string, name: string): string {
    const done = unwrap(attribute(this.review, tagId, name, this.context()));
    this.apply(done.edit);
    this.review = { ...this.review, sources: done.sources.after };
    return done.sourceId ?? '';
  }

  /** Adds an alias to a source. */
  alias(sourceId: string, alias: string): void {
    const sources = (this.review.sources ?? []).map((s) =>
      s.id === sourceId ? { ...s, aliases: [...(s.aliases ?? []), alias] } : s,
    );
    this.review = { ...this.review, sources };
  }

  /** Grades a source's reliability. */
  gradeSource(sourceId: string, reliability: Reliability): void {
    const sources = unwrap(gradeSource(this.review.sources ?? [], sourceId, reliability)).after;
    this.review = { ...this.review, sources };
  }

  /** Grades an evidence item's credibility. */
  grade(evidenceId: string, credibility: Credibility): void {
    this.apply(unwrap(gradeItem(this.review.tags, evidenceId, credibility, this.context())));
  }

  /** Sets the reviewer's judgement of a claim. */
  judge(claimId: string, input: JudgementInput): void {
    const judgements = unwrap(setJudgement(this.review, claimId, input, this.context())).after;
    this.review = { ...this.review, judgements };
  }

  /** Dismisses a suggested sentence (by number or words) for a claim. */
  dismiss(claimId: string, documentId: string, which: number | string): void {
    const { start, end } = this.sentence(documentId, which);
    const anchor = makeAnchor(this.texts.get(documentId) ?? '', start, end);
    const { author, now } = this.context();
    const dismissal = { claimId, documentId, anchor, author, created: now };
    this.review = { ...this.review, dismissals: [...(this.review.dismissals ?? []), dismissal] };
  }

  /** This copy as an annotation file, with its orphans, marks and removals. */
  exportFile(): string {
    const file = exportAnnotationFile(this.review, this.texts, {
      generator: TEST_GENERATOR,
      orphans: this.sharing.orphans,
      needsReview: this.sharing.needsReview,
      removed: this.sharing.removed,
    });
    if (!file.ok) throw new Error(file.error.message);
    return file.value;
  }

  /** A deep copy handed to another reviewer (same review id, documents and tags). */
  copyFor(author: string): TestReview {
    const copy = new TestReview(this.world, author);
    copy.review = JSON.parse(JSON.stringify(this.review)) as Review;
    copy.texts = new Map(this.texts);
    copy.sharing = JSON.parse(JSON.stringify(this.sharing)) as ReviewSharing;
    return copy;
  }

  private apply(edit: TagEdit): void {
    const context = this.context();
    this.review = { ...this.review, tags: applyEdit(this.review.tags, edit, 'forward') };
    this.sharing = {
      ...this.sharing,
      removed: recordRemovals(this.sharing.removed, edit, 'forward', context),
    };
  }

  private context(): EditContext & { author: string; now: string } {
    return { author: this.author, now: this.world.now(), newId: this.world.newId };
  }
}

function unwrap<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
