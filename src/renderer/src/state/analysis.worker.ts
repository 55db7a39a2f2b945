// Analyses a review (status per facet, independent origins) off the window's thread: grouping
// thousands of evidence items into origins takes a second or more, which would stall every key.
import { analyseReview } from '../../../core/analysis/claim-analysis';
import type { AnalysisReply, AnalysisRequest } from './analysis-runner';
import { swapTags, WorkerTags } from './worker-tags';

const known = new WorkerTags();

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { seq, judgements } = event.data;
  const tags = known.take(event.data);
  const analysis = swapTags(analyseReview({ tags, judgements }), (tag) => known.key(tag));
  const reply: AnalysisReply = { seq, analysis };
  self.postMessage(reply);
};
