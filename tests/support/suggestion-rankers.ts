// Test and bench support: the engine and a plain word-overlap baseline as dev-set rankers.
import { buildSuggestionIndex } from '../../src/core/suggest';
import { segment } from '../../src/core/text/segment';
import type { Ranker } from './suggestion-dev-set';

/** The suggestion engine: one index per case, the claim's own sentence excluded by reference. */
export const engineRanker: Ranker = (documents, claim, top) =>
  buildSuggestionIndex(documents).suggest(claim, { top });

const word = /[\p{L}\p{N}]+/gu;
const words = (text: string) => new Set(text.toLowerCase().match(word) ?? []);

/**
 * The baseline: every other sentence ranked by how many distinct lower-case words it shares with
 * the claim (no stemming, no synonyms, no stop words removed); it has no notion of stance, so it
 * calls everything a confirmation (the larger class).
 */
export const overlapRanker: Ranker = (documents, claim, top) => {
  const claimWords = words(claim.text);
  const scored = documents.flatMap((d) =>
    segment(d.text).map((s) => {
      const text = d.text.slice(s.start, s.end);
      let shared = 0;
      for (const w of words(text)) if (claimWords.has(w)) shared++;
      return { documentId: d.id, start: s.start, end: s.end, text, shared };
    }),
  );
  return scored
    .filter((s) => s.text !== claim.text)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, top)
    .map((s) => ({ ...s, stance: 'confirmation' as const }));
};
