// The vocabulary of evidence suggestions, shared by the engine, the CLI and (later) the workspace.
import type { AnalysedText } from './analyse';

/** What evidence bears on: the claim's source (it exists, is authentic) or its content. */
type Facet = 'source' | 'content';

/** How a suggested sentence bears on the claim. */
export type Stance = 'confirmation' | 'contradiction' | 'related';

/** A document to index: its id (e.g. `sha256:…` or a file name) and normalised text. */
export interface SuggestionDocument {
  id: string;
  text: string;
}

/** A sentence of an indexed document: UTF-16 offsets into the document's normalised text. */
export interface SentenceRef {
  documentId: string;
  start: number;
  end: number;
}

/** One suggested sentence, best first in a list. */
export interface Suggestion extends SentenceRef {
  /** 0-based index of the sentence in its document */
  index: number;
  text: string;
  stance: Stance;
  /** set where the cues say what the sentence speaks to */
  facet?: Facet;
  /** 0–1, higher is more likely evidence */
  score: number;
  /** plain-words reasons, e.g. ["shares withdraw, troops", "negated: no decision to withdraw"] */
  reasons: string[];
}

/** A verdict on one candidate sentence: what a {@link StanceScorer} returns. */
export interface Judgement {
  stance: Stance;
  facet?: Facet;
  score: number;
  reasons: string[];
}

/** One claim–candidate pair handed to a scorer. */
export interface StancePair {
  claim: AnalysedText;
  candidate: AnalysedText;
  /** how much a term says: high for rare terms in the indexed documents */
  weight: (term: string) => number;
  /** the full-text score relative to the best candidate for this claim, 0–1 */
  retrieval: number;
}

/**
 * Decides stance, facet, score and reasons for one candidate. The default is the cue scorer;
 * a local model adapter can implement the same interface (or re-judge the top few of a list).
 */
export interface StanceScorer {
  readonly name: string;
  judge(pair: StancePair): Judgement;
}

/** The key under which a sentence is excluded or dismissed (see {@link sentenceKey}). */
export type SentenceKey = string;

/** A stable key for a sentence: document id and offsets. */
export function sentenceKey(ref: SentenceRef): SentenceKey {
  return `${ref.documentId}#${ref.start}-${ref.end}`;
}
