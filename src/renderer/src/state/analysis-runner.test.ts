import { describe, expect, it } from 'vitest';
import type { ReviewAnalysis } from '../../../core/analysis/claim-analysis';
import { AnalysisRunner, type AnalysisPort, type AnalysisRequest } from './analysis-runner';

/** A port that keeps what it was sent and answers when told. */
function fakePort() {
  const sent: AnalysisRequest[] = [];
  const port: AnalysisPort = {
    postMessage: (request) => sent.push(request),
    onmessage: null,
    onerror: null,
  };
  const answer = (seq: number, claims: number) =>
    port.onmessage?.(
      new MessageEvent('message', {
        data: { seq, analysis: { claims: new Array(claims), origins: [], originOf: new Map() } },
      }),
    );
  return { port, sent, answer };
}

describe('AnalysisRunner', () => {
  it('shows only the answer to the newest request', () => {
    const { port, sent, answer } = fakePort();
    const shown: ReviewAnalysis[] = [];
    const runner = new AnalysisRunner(
      port,
      (a) => shown.push(a),
      () => undefined,
    );
    runner.request({ tags: [], judgements: undefined });
    runner.request(undefined);
    expect(sent.map((r) => r.seq)).toEqual([1, 2]);
    answer(1, 5); // superseded: dropped
    answer(2, 3);
    expect(shown.map((a) => a.claims.length)).toEqual([3]);
  });

  it('says when the worker fails, so the window can do the work', () => {
    const { port } = fakePort();
    let failed = false;
    new AnalysisRunner(
      port,
      () => undefined,
      () => (failed = true),
    );
    port.onerror?.(new Event('error') as ErrorEvent);
    expect(failed).toBe(true);
  });
});
