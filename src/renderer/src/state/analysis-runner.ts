// Runs the review's analysis in a worker and hands back the latest answer; a request made while
// another runs supersedes it, so only the newest review's analysis is shown.
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

/** Sends reviews to the analysis worker; `onresult` gets the newest review's analysis. */
export class AnalysisRunner {
  private seq = 0;

  constructor(
    private readonly port: AnalysisPort,
    onresult: (analysis: ReviewAnalysis) => void,
    onfailure: () => void,
  ) {
    port.onmessage = (event) => {
      if (event.data.seq === this.seq) onresult(event.data.analysis);
    };
    port.onerror = () => onfailure();
  }

  /** Asks for the analysis of `review` (or of nothing); earlier requests' answers are dropped. */
  request(review: Pick<Review, 'tags' | 'judgements'> | undefined): void {
    this.seq++;
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
