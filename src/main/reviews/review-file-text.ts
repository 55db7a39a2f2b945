// The text of a review file, built in steps: a review of 10,000 tags is 5 MB of JSON, and writing
// it in one go would hold up every call for tens of milliseconds. The review is never changed in
// place (each change replaces it), so the steps all see the same review.
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { summariseReview, type Review } from '../../core/review/types';

/** Where a review file's summary header starts; the review's JSON follows it. */
export const HEADER_PREFIX = '{"summary":';

/** Tags serialised between two turns of the event loop. */
const TAGS_PER_STEP = 2000;

/**
 * A review file's text: a summary header holding the sha256 of the review's JSON, then that JSON
 * (byte for byte `JSON.stringify(review)`), the tags serialised a few thousand at a time.
 */
export async function reviewFileText(review: Review): Promise<string> {
  const keys = Object.keys(review) as (keyof Review)[];
  const at = keys.indexOf('tags');
  const fields = (from: number, to: number) =>
    JSON.stringify(Object.fromEntries(keys.slice(from, to).map((key) => [key, review[key]])));
  const before = fields(0, at).slice(0, -1); // "{…" without its closing brace
  const after = fields(at + 1, keys.length).slice(1); // "…}" without its opening brace
  const parts = [before, before.length > 1 ? ',"tags":[' : '"tags":['];
  const tags = review.tags;
  for (let start = 0; start < tags.length; start += TAGS_PER_STEP) {
    if (start > 0) await nextTurn();
    const chunk = tags.slice(start, start + TAGS_PER_STEP).map((tag) => JSON.stringify(tag));
    parts.push(start > 0 ? `,${chunk.join(',')}` : chunk.join(','));
  }
  parts.push(after === '}' ? ']}' : `],${after}`);
  const body = parts.join('');
  const hash = createHash('sha256').update(body, 'utf8').digest('hex');
  const header = { ...summariseReview(review), body: hash };
  return `${HEADER_PREFIX}${JSON.stringify(header)},${body.slice(1)}`;
}
