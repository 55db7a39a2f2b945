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
  it('keeps one request in flight and sends only the newest of those asked for meanwhile', () => {
    const { port, sent, answer } = fakePort();
    const shown: ReviewAnalysis[] = [];
    const runner = new AnalysisRunner(
      port,
      (a) => shown.push(a),
      () => undefined,
    );
    const review = (claims: number) => ({ tags: new Array(claims), judgements: undefined });
    runner.request(review(1));
    runner.request(review(2)); // superseded before it was sent
    runner.request(review(3));
    expect(sent.map((r) => [r.seq, r.tags.length])).toEqual([[1, 1]]);
    answer(1, 1);
    expect(sent.map((r) => [r.seq, r.tags.length])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    answer(2, 3);
    runner.request(undefined); // nothing in flight: sent at once
    expect(sent.at(-1)).toMatchObject({ seq: 3, tags: [] });
    expect(shown.map((a) => a.claims.length)).toEqual([1, 3]);
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
