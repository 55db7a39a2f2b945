// Runs the review's analysis in a worker and hands back its answers. One request is in flight at
// a time: reviews asked for meanwhile wait, and only the newest of them is sent next, so a burst
// of edits on a large review never queues a copy of every tag per edit. The worker keeps the tags
// it was sent: a request names every tag by a number and carries only those the worker lacks, so
// one edit copies one tag instead of all of them (20 ms for 10,000 tags, on the window's thread).
import type { ReviewAnalysis } from '../../../core/analysis/claim-analysis';
import { originIndex } from '../../../core/analysis/origins';
import type { Review, Tag } from '../../../core/review/types';
import { swapTags, type AnalysisOf } from './worker-tags';

/** What the window asks the worker. */
export interface AnalysisRequest {
  seq: number;
  /** Every tag of the review, in order, by the number the window gave it. */
  tagKeys: Uint32Array;
  /** The tags the worker was not sent in the previous request, with their numbers. */
  newTags: [number, Tag][];
  judgements: Review['judgements'];
}

/** What the worker answers. */
export interface AnalysisReply {
  seq: number;
  /** The analysis, its tags named by their numbers. */
  analysis: AnalysisOf<number>;
}

/** The worker side a runner needs (a Worker, or a fake in tests). */
export interface AnalysisPort {
  postMessage(request: AnalysisRequest): void;
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Sends reviews to the analysis worker; `onresult` gets each answer, newest last. */
export class AnalysisRunner {
  private seq = 0;
  private inFlight = false;
  private waiting: { review: Pick<Review, 'tags' | 'judgements'> | undefined } | undefined;
  /** Tags are immutable: each tag object keeps its number for as long as the review holds it. */
  private readonly keyOf = new WeakMap<Tag, number>();
  private nextKey = 1;
  /** The tags of the last request by number: the worker holds these, and its answer names them. */
  private sentTags = new Map<number, Tag>();

  constructor(
    private readonly port: AnalysisPort,
    onresult: (analysis: ReviewAnalysis) => void,
    onfailure: () => void,
  ) {
    port.onmessage = (event) => {
      if (event.data.seq !== this.seq) return;
      this.inFlight = false;
      const tagOf = (key: number) => this.sentTags.get(key) as Tag;
      const analysis = swapTags(event.data.analysis, tagOf);
      onresult({ ...analysis, originOf: originIndex(analysis.origins) });
      const next = this.waiting;
      this.waiting = undefined;
      if (next) this.send(next.review);
    };
    port.onerror = () => onfailure();
  }

  /** Asks for the analysis of `review` (or of nothing), after the one in flight if any. */
  request(review: Pick<Review, 'tags' | 'judgements'> | undefined): void {
    if (this.inFlight) this.waiting = { review };
    else this.send(review);
  }

  private send(review: Pick<Review, 'tags' | 'judgements'> | undefined): void {
    this.seq++;
    this.inFlight = true;
    const tags = review?.tags ?? [];
    const tagKeys = new Uint32Array(tags.length);
    const newTags: [number, Tag][] = [];
    tags.forEach((tag, i) => {
      let key = this.keyOf.get(tag);
      if (key === undefined) this.keyOf.set(tag, (key = this.nextKey++));
      tagKeys[i] = key;
      if (!this.sentTags.has(key)) newTags.push([key, tag]);
    });
    this.sentTags = new Map(tags.map((tag, i) => [tagKeys[i] as number, tag]));
    this.port.postMessage({ seq: this.seq, tagKeys, newTags, judgements: review?.judgements });
  }
}

/** The analysis worker, or undefined where workers cannot start (the analysis then runs inline). */
export function startAnalysisWorker(): AnalysisPort | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}
