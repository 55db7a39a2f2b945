// One suggestion index per open review, built in the background in slices of about 12 ms
// (yielding to the event loop between them, so other calls stay quick) and kept in step
// with the review's documents. Progress goes out as `suggestionIndex` events.
import type { Problem, Result } from '../../core/result';
import { SuggestionIndex } from '../../core/suggest';
import type { DocumentText, ReviewEvents } from '../../shared/review-api';

/** How far indexing got: sentences and documents done of total. */
export type IndexProgress = Required<ReviewEvents['suggestionIndex']>;

/** What the indexes need from the service. */
export interface ReviewIndexesDeps {
  /** A document's normalised text and sentences. */
  documentText(documentId: string): Promise<Result<DocumentText, Problem>>;
  /** Reports progress (throttled; the first and last report always go out). */
  progress(progress: IndexProgress): void;
  /** Waits for the event loop to serve other work; default setImmediate. */
  pause?: () => Promise<void>;
  /** Sentences indexed per step; default 25. */
  stepSentences?: number;
  /** How long indexing runs before it lets other work in, in ms; default 12. */
  sliceMs?: number;
  /** How many reviews keep an index; default 2 (a 5 MB review's index is large). */
  keep?: number;
  /** Least time between progress reports, in ms; default 100. */
  reportEveryMs?: number;
}

interface ReviewIndex {
  index: SuggestionIndex;
  /** The documents the index should hold, in review order. */
  wanted: string[];
  /** Documents indexed completely, with their sentence counts. */
  complete: Map<string, number>;
  /** Documents in the index, completely or in part. */
  present: Set<string>;
  /** Bumped by every sync: a run that sees a newer generation stops. */
  generation: number;
  running?: IndexProgress;
  finished: Promise<void>;
}

/** The suggestion indexes of the reviews in use, least recently used first. */
export class ReviewIndexes {
  private readonly reviews = new Map<string, ReviewIndex>();
  private readonly pause: () => Promise<void>;
  private lastReport = 0;

  constructor(private readonly deps: ReviewIndexesDeps) {
    this.pause = deps.pause ?? (() => new Promise((resolve) => setImmediate(resolve)));
  }

  /** Whether a review has an index (built or being built). */
  has(reviewId: string): boolean {
    return this.reviews.has(reviewId);
  }

  /**
   * The review's index, started or brought in step with `documentIds` (indexing then runs in
   * the background: see {@link progress} and {@link whenIndexed}).
   */
  sync(reviewId: string, documentIds: readonly string[]): SuggestionIndex {
    let entry = this.reviews.get(reviewId);
    if (entry) {
      this.reviews.delete(reviewId);
      this.reviews.set(reviewId, entry);
      if (sameSet(entry.wanted, documentIds)) return entry.index;
    } else {
      entry = {
        index: new SuggestionIndex(),
        wanted: [],
        complete: new Map(),
        present: new Set(),
        generation: 0,
        finished: Promise.resolve(),
      };
      this.reviews.set(reviewId, entry);
      this.evict();
    }
    entry.wanted = [...documentIds];
    entry.generation++;
    entry.finished = this.run(reviewId, entry, entry.generation);
    return entry.index;
  }

  /** Sentences (and documents) done of total while the review's index is being built. */
  progress(reviewId: string): IndexProgress | undefined {
    return this.reviews.get(reviewId)?.running;
  }

  /** Resolves when the review's index holds all its documents (or its build was superseded). */
  async whenIndexed(reviewId: string): Promise<void> {
    for (;;) {
      const entry = this.reviews.get(reviewId);
      if (!entry) return;
      const finished = entry.finished;
      await finished;
      if (this.reviews.get(reviewId)?.finished === finished) return;
    }
  }

  /** Stops every build and lets go of the indexes. */
  dispose(): void {
    for (const entry of this.reviews.values()) entry.generation++;
    this.reviews.clear();
  }

  private evict(): void {
    const keep = this.deps.keep ?? 2;
    for (const [id, entry] of this.reviews) {
      if (this.reviews.size <= keep) break;
      entry.generation++;
      this.reviews.delete(id);
    }
  }

  private async run(reviewId: string, entry: ReviewIndex, generation: number): Promise<void> {
    const current = () => entry.generation === generation && this.reviews.get(reviewId) === entry;
    const wanted = new Set(entry.wanted);
    for (const id of [...entry.present]) {
      if (wanted.has(id)) continue;
      entry.index.removeDocument(id);
      entry.present.delete(id);
      entry.complete.delete(id);
    }
    const todo = entry.wanted.filter((id) => !entry.complete.has(id));
    if (todo.length === 0) {
      entry.running = undefined;
      return;
    }
    const counted = [...entry.complete.values()].reduce((sum, n) => sum + n, 0);
    const documents = { done: entry.complete.size, total: entry.complete.size + todo.length };
    // Until the texts are read, each document to do counts as one sentence.
    entry.running = { reviewId, done: counted, total: counted + todo.length, documents };
    const texts: DocumentText[] = [];
    for (const id of todo) {
      const read = await this.deps.documentText(id);
      if (!current()) return;
      // A document whose text cannot be read is left out; the next sync tries it again.
      if (read.ok) texts.push(read.value);
    }
    const progress: IndexProgress = {
      reviewId,
      done: counted,
      total: counted + texts.reduce((sum, t) => sum + t.sentences.length / 2, 0),
      documents: { done: entry.complete.size, total: entry.complete.size + texts.length },
    };
    entry.running = progress;
    this.report(progress, true);
    const step = this.deps.stepSentences ?? 25;
    const sliceMs = this.deps.sliceMs ?? 12;
    let sliceStart = performance.now();
    for (const document of texts) {
      const spans = spansOf(document.sentences);
      entry.present.add(document.id);
      const base = progress.done;
      for (const made of entry.index.addDocumentInSteps(document, step, spans)) {
        progress.done = base + made.done;
        this.report(progress, false);
        if (performance.now() - sliceStart < sliceMs) continue;
        await this.pause();
        if (!current()) return;
        sliceStart = performance.now();
      }
      progress.done = base + spans.length;
      progress.documents = { done: progress.documents.done + 1, total: progress.documents.total };
      entry.complete.set(document.id, spans.length);
    }
    entry.running = undefined;
    this.report(progress, true);
  }

  private report(progress: IndexProgress, always: boolean): void {
    const now = Date.now();
    if (!always && now - this.lastReport < (this.deps.reportEveryMs ?? 100)) return;
    this.lastReport = now;
    this.deps.progress({ ...progress, documents: { ...progress.documents } });
  }
}

function spansOf(flat: readonly number[]): { start: number; end: number }[] {
  const spans = new Array<{ start: number; end: number }>(flat.length / 2);
  for (let i = 0; i < spans.length; i++) spans[i] = { start: flat[2 * i]!, end: flat[2 * i + 1]! };
  return spans;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
