import { describe, expect, it } from 'vitest';
import type { ReviewAnalysis } from '../../../core/analysis/claim-analysis';
import { analyseReview } from '../../../core/analysis/claim-analysis';
import type { Tag } from '../../../core/review/types';
import { tagOn, testDocument } from '../../../../tests/support/review-builder';
import { AnalysisRunner, type AnalysisPort, type AnalysisRequest } from './analysis-runner';
import { swapTags, WorkerTags } from './worker-tags';

/** A port that keeps what it was sent and answers when told. */
function fakePort() {
  const sent: AnalysisRequest[] = [];
  const port: AnalysisPort = {
    postMessage: (request) => sent.push(request),
    onmessage: null,
    onerror: null,
  };
  const answer = (seq: number, claims: number): void =>
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
    const review = (claims: number) => ({ tags: tagList(claims), judgements: undefined });
    runner.request(review(1));
    runner.request(review(2)); // superseded before it was sent
    runner.request(review(3));
    expect(sent.map((r) => [r.seq, r.tagKeys.length])).toEqual([[1, 1]]);
    answer(1, 1);
    expect(sent.map((r) => [r.seq, r.tagKeys.length])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    answer(2, 3);
    runner.request(undefined); // nothing in flight: sent at once
    expect(sent.at(-1)).toMatchObject({ seq: 3, newTags: [] });
    expect(sent.at(-1)?.tagKeys).toHaveLength(0);
    expect(shown.map((a) => a.claims.length)).toEqual([1, 3]);
  });

  it('sends the worker only the tags it lacks, and the worker rebuilds every tag in order', () => {
    const { port, sent, answer } = fakePort();
    const runner = new AnalysisRunner(
      port,
      () => undefined,
      () => undefined,
    );
    const worker = new WorkerTags();
    const [a, b, c, d] = tagList(4) as [Tag, Tag, Tag, Tag];
    const ids = (tags: Tag[]) => tags.map((t) => t.id);

    runner.request({ tags: [a, b, c], judgements: undefined });
    expect(ids(sent[0]!.newTags.map(([, t]) => t))).toEqual(['t0', 't1', 't2']);
    expect(ids(worker.take(sent[0]!))).toEqual(['t0', 't1', 't2']);
    answer(1, 0);

    // One edit: b removed, d added before c. Only d travels.
    runner.request({ tags: [a, d, c], judgements: undefined });
    expect(ids(sent[1]!.newTags.map(([, t]) => t))).toEqual(['t3']);
    expect(ids(worker.take(sent[1]!))).toEqual(['t0', 't3', 't2']);
    answer(2, 0);

    // b comes back (undo): the worker forgot it, so it is sent again.
    runner.request({ tags: [a, b, d, c], judgements: undefined });
    expect(ids(sent[2]!.newTags.map(([, t]) => t))).toEqual(['t1']);
    expect(ids(worker.take(sent[2]!))).toEqual(['t0', 't1', 't3', 't2']);
  });

  it('gets back the analysis the worker made, holding the window’s own tag objects', () => {
    const doc = testDocument(1, 'article', 'A letter says troops leave. Reuters confirmed it.');
    const claim = tagOn('claim', doc, 'A letter says', 'claim');
    const evidence = tagOn('reuters', doc, 'Reuters confirmed', 'confirmation', {
      claimIds: ['claim'],
    });
    const sent: AnalysisRequest[] = [];
    const shown: ReviewAnalysis[] = [];
    const worker = new WorkerTags();
    const port: AnalysisPort = { postMessage: (r) => sent.push(r), onmessage: null, onerror: null };
    new AnalysisRunner(
      port,
      (a) => shown.push(a),
      () => undefined,
    ).request({ tags: [claim, evidence], judgements: undefined });
    // The worker's side, with structured copies of what was posted (as postMessage makes).
    const request = structuredClone(sent[0]!);
    const made = swapTags(analyseReview({ tags: worker.take(request) }), (t) => worker.key(t));
    port.onmessage?.(
      new MessageEvent('message', { data: structuredClone({ seq: 1, analysis: made }) }),
    );

    const expected = analyseReview({ tags: [claim, evidence] });
    expect(shown[0]).toEqual(expected);
    expect(shown[0]?.claims[0]?.claim).toBe(claim);
    expect(shown[0]?.claims[0]?.content.confirmations[0]).toBe(evidence);
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

/** Distinct tags t0, t1, … (the runner tells tags apart by object, not by content). */
function tagList(count: number): Tag[] {
  return Array.from({ length: count }, (_, i) => ({ id: `t${i}` }) as Tag);
}
