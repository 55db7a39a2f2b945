// The reviewer's assessment of evidence, as stored in a review: what a link speaks to (facet), who
// says it (sources), how far a source and an item are trusted (Admiralty grades), and the
// reviewer's own verdict per claim (ICD 203 words, separate from confidence).

/** What an evidence→claim link speaks to: the claim's source being authentic, or its content true. */
export type Facet = 'source' | 'content';

/** Facets in display order. */
export const FACETS: readonly Facet[] = ['source', 'content'];

/** Source reliability on the Admiralty (NATO STANAG 2511) scale. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Each reliability grade with its standard wording. */
export const RELIABILITY_GRADES: readonly { grade: Reliability; label: string }[] = [
  { grade: 'A', label: 'completely reliable' },
  { grade: 'B', label: 'usually reliable' },
  { grade: 'C', label: 'fairly reliable' },
  { grade: 'D', label: 'not usually reliable' },
  { grade: 'E', label: 'unreliable' },
  { grade: 'F', label: 'reliability cannot be judged' },
];

/** Information credibility on the Admiralty scale: 1 (confirmed by other sources) to 6. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** Each credibility grade with its standard wording. */
export const CREDIBILITY_GRADES: readonly { grade: Credibility; label: string }[] = [
  { grade: 1, label: 'confirmed by other sources' },
  { grade: 2, label: 'probably true' },
  { grade: 3, label: 'possibly true' },
  { grade: 4, label: 'doubtful' },
  { grade: 5, label: 'improbable' },
  { grade: 6, label: 'truth cannot be judged' },
];

/** A speaker or outlet that evidence (or a claim) is attributed to; one per review, across documents. */
export interface Source {
  id: string;
  /** The name as the reviewer wrote it: "Reuters", "Gen. Mark Milley". */
  name: string;
  /** Other spellings that mean the same source ("General Milley"); matched case-insensitively. */
  aliases?: string[];
  reliability?: Reliability;
}

/**
 * The ICD 203 estimative words, least to most likely, each with its probability range in percent.
 * A verdict says how likely the reviewer judges the claim's content to be true; `statement` says
 * it of the claim ("very unlikely to be true").
 */
export const ESTIMATIVE_WORDS = [
  { word: 'almost no chance', statement: 'almost certainly not true', range: [1, 5] },
  { word: 'very unlikely', statement: 'very unlikely to be true', range: [5, 20] },
  { word: 'unlikely', statement: 'unlikely to be true', range: [20, 45] },
  { word: 'roughly even chance', statement: 'as likely as not to be true', range: [45, 55] },
  { word: 'likely', statement: 'likely to be true', range: [55, 80] },
  { word: 'very likely', statement: 'very likely to be true', range: [80, 95] },
  { word: 'almost certain', statement: 'almost certainly true', range: [95, 99] },
] as const;

/** One word of the estimative scale. */
export type EstimativeWord = (typeof ESTIMATIVE_WORDS)[number]['word'];

/** How much the reviewer trusts their own verdict (ICD 203: separate from likelihood). */
export type Confidence = 'high' | 'moderate' | 'low';

/** Confidence levels, highest first. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = ['high', 'moderate', 'low'];

/** The reviewer's verdict on one claim; never overwritten by the computed status. */
export interface Judgement {
  verdict: EstimativeWord;
  confidence: Confidence;
  rationale?: string;
  author: string;
  modified: string;
}

/** What a document is, beyond its text: shown in its pane header and printed in the brief. */
export interface DocumentMetadata {
  title: string;
  /** The outlet that published it ("Reuters", "The Washington Post"). */
  outlet?: string;
  author?: string;
  /** Publication date as the reviewer writes it (ISO 8601 preferred). */
  date?: string;
  /** A URL or other reference. */
  reference?: string;
}

/** A review-level field before and after an edit, so undo is the same update run backwards. */
export interface FieldUpdate<T> {
  before: T;
  after: T;
}
