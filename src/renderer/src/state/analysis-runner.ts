// Runs the review's analysis in a worker and hands back its answers. One request is in flight at
// a time: reviews asked for meanwhile wait, and only the newest of them is sent next, so a burst
// of edits on a large review never queues a copy of every tag per edit.
import type { ReviewAnalysis } from '../../../core/analysis/claim-analysis';
import type { Review } from '../../../core/review/types';

/** What the window asks the worker. */
export interface AnalysisRequest {
  seq: number;
  tags: Review['tags'];
  judgements: Review['judgements'];
}

/** What the worker answers. */
export interface AnalysisReply {
  seq: number;
  analysis: ReviewAnalysis;
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

  constructor(
    private readonly port: AnalysisPort,
    onresult: (analysis: ReviewAnalysis) => void,
    onfailure: () => void,
  ) {
    port.onmessage = (event) => {
      if (event.data.seq !== this.seq) return;
      this.inFlight = false;
      onresult(event.data.analysis);
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
    this.port.postMessage({
      seq: this.seq,
      tags: review?.tags ?? [],
      judgements: review?.judgements,
    });
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
