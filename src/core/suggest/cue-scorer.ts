// The default stance scorer: shared terms give relevance, cues give stance, both give the score.
import { findCues, mentionsSharedSource, type Cue, type CueKind, type SharedTerm } from './cues';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';
import { quantities } from './quantities';
import type { AnalysedText } from './analyse';
import type { Judgement, StancePair, StanceScorer } from './types';

const CONTRADICTING: ReadonlySet<CueKind> = new Set([
  'negated',
  'antonym',
  'number-differs',
  'denial',
  'forgery',
  'draft',
]);

/** Cues that speak about a document or quote as such, trusted when both name it. */
const SOURCE_KINDS: ReadonlySet<CueKind> = new Set(['forgery', 'draft', 'affirms', 'denial']);

/** Cues that make a sentence merely related: a hedge, a question, another time. */
const HEDGING: ReadonlySet<CueKind> = new Set(['hedge', 'question', 'other-time']);

/** Share of the claim's weighted terms a confirmation by plain agreement must cover. */
const AGREEMENT_COVERAGE = 0.3;
/** Below this coverage a cue is not trusted unless it speaks to a shared source noun. */
const CUE_COVERAGE = 0.25;
/** A negation of one of the claim's own terms is trusted from this coverage on. */
const NEGATION_COVERAGE = 0.12;

/** Builds the cue scorer over a lexicon. */
export function cueScorer(lexicon: Lexicon = DEFAULT_LEXICON): StanceScorer {
  return {
    name: 'cues',
    judge: (pair) => judgeByCues(pair, lexicon),
  };
}

function judgeByCues(pair: StancePair, lexicon: Lexicon): Judgement {
  const { claim, candidate, weight } = pair;
  const shared = sharedTerms(pair);
  const cues = findCues(claim, candidate, shared, lexicon);
  // coverage that trusts a cue: an opposite word and the same figure count, a differing one not
  const base = coverageOf(
    pair,
    shared,
    cues.filter((c) => c.kind === 'antonym' || c.kind === 'number-matches'),
  );
  const coverage = coverageOf(pair, shared, cues);
  const relevance = 0.7 * coverage + 0.3 * pair.retrieval;
  const reasons = shared.length > 0 ? [`shares ${describeShared(shared, weight)}`] : [];
  const has = (kind: CueKind) => cues.some((c) => c.kind === kind);
  const aboutSource = mentionsSharedSource(claim, candidate) !== undefined;
  const trusted =
    base >= CUE_COVERAGE ||
    (aboutSource && cues.some((c) => SOURCE_KINDS.has(c.kind))) ||
    (has('negated') && base >= NEGATION_COVERAGE);
  const hedges = cues.filter((c) => HEDGING.has(c.kind));
  const contradicting = cues.filter((c) => CONTRADICTING.has(c.kind));
  const affirming = cues.filter((c) => c.kind === 'affirms' || c.kind === 'number-matches');

  if (hedges.length > 0 || !trusted) {
    return {
      stance: 'related',
      score: round(relevance * 0.5),
      reasons: [...reasons, ...hedges.map((c) => c.reason)],
    };
  }
  if (
    contradicting.length > 0 &&
    !(has('affirms') && !has('negated') && contradicting.every((c) => c.kind === 'number-differs'))
  ) {
    const onSource = contradicting.some((c) => c.kind === 'forgery');
    return {
      stance: 'contradiction',
      facet: onSource ? 'source' : 'content',
      score: round(Math.min(1, 0.3 + 0.7 * relevance + 0.05 * (contradicting.length - 1))),
      reasons: [...reasons, ...contradicting.map((c) => c.reason)],
    };
  }
  if (
    affirming.some((c) => c.kind === 'affirms') ||
    base >= AGREEMENT_COVERAGE ||
    (affirming.length > 0 && base >= CUE_COVERAGE)
  ) {
    const onSource = affirming.some((c) => c.source);
    const bonus = affirming.length > 0 ? 0.25 : 0.1;
    return {
      stance: 'confirmation',
      facet: onSource ? 'source' : 'content',
      score: round(Math.min(1, bonus + 0.75 * relevance)),
      reasons: [...reasons, ...affirming.map((c) => c.reason)],
    };
  }
  return { stance: 'related', score: round(relevance * 0.6), reasons };
}

/** The claim's terms that the candidate has too, with each sentence's own word. */
export function sharedTerms(pair: Pick<StancePair, 'claim' | 'candidate'>): SharedTerm[] {
  const candidateWords = new Map<string, string>();
  for (const t of pair.candidate.tokens)
    if (t.term !== undefined && !candidateWords.has(t.term)) candidateWords.set(t.term, t.word);
  const shared: SharedTerm[] = [];
  const seen = new Set<string>();
  for (const t of pair.claim.tokens) {
    if (t.term === undefined || seen.has(t.term)) continue;
    seen.add(t.term);
    const candidateWord = candidateWords.get(t.term);
    if (candidateWord !== undefined)
      shared.push({ term: t.term, claimWord: t.word, candidateWord });
  }
  return shared;
}

/**
 * Weighted share of the claim's terms found in the candidate. A term the candidate contradicts
 * (an antonym, a different figure of the same kind) or writes another way (the same figure in
 * other units or words) counts as found: the sentence is about it.
 */
function coverageOf(pair: StancePair, shared: readonly SharedTerm[], cues: readonly Cue[]): number {
  const { claim, weight } = pair;
  let total = 0;
  for (const term of contentTerms(claim)) total += weight(term);
  if (total === 0) return 0;
  let found = 0;
  for (const s of shared) found += weight(s.term);
  if (cues.some((c) => c.kind === 'antonym')) found += maxWeight(claim.terms, weight) * 0.8;
  // a figure written another way ("48 hours", "two days") is found as well
  if (cues.some((c) => c.kind === 'number-differs' || c.kind === 'number-matches')) {
    for (const q of quantities(claim))
      if (!shared.some((s) => s.term === String(q.value))) found += weight(String(q.value)) * 0.8;
  }
  return Math.min(1, found / total);
}

/** Words that end a sentence's closing attribution (", two people familiar with the plan said"). */
const REPORTING = new Set([
  'said',
  'says',
  'told',
  'according',
  'showed',
  'shows',
  'reported',
  'reports',
  'stated',
  'added',
  'announced',
]);

const contentCache = new WeakMap<AnalysedText, string[]>();

/**
 * The claim's terms without those only in a closing attribution (", the fire service said"): a
 * sentence that confirms what was said need not name who said it. A shared source still counts.
 */
export function contentTerms(claim: AnalysedText): string[] {
  const cached = contentCache.get(claim);
  if (cached) return cached;
  const { tokens } = claim;
  const last = tokens.at(-1)?.clause ?? 0;
  let terms = claim.terms;
  if (last > 0 && tokens.some((t) => t.clause === last && REPORTING.has(t.word))) {
    const inside = new Set(tokens.filter((t) => t.clause !== last).map((t) => t.term));
    const kept = claim.terms.filter((t) => inside.has(t));
    if (kept.length > 0) terms = kept;
  }
  contentCache.set(claim, terms);
  return terms;
}

function maxWeight(terms: readonly string[], weight: (term: string) => number): number {
  return terms.reduce((m, t) => Math.max(m, weight(t)), 0);
}

/** "withdraw ~ pull out, troops" — the rarest shared terms first, at most five. */
function describeShared(shared: readonly SharedTerm[], weight: (term: string) => number): string {
  return [...shared]
    .sort((a, b) => weight(b.term) - weight(a.term))
    .slice(0, 5)
    .map((s) =>
      s.claimWord === s.candidateWord ? s.claimWord : `${s.claimWord} ~ ${s.candidateWord}`,
    )
    .join(', ');
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
