// Test and bench support: loads the evidence-suggestion development set
// (tests/fixtures/suggestions/dev-set.json, described in its README) and scores a ranker on it.
import { readFileSync } from 'node:fs';
import { segment } from '../../src/core/text/segment';
import type { SentenceRef, Stance } from '../../src/core/suggest';

/** One labelled sentence of a case. */
export interface DevSentence {
  document: string;
  text: string;
}

/** Gold evidence: a sentence in another document that confirms or contradicts the claim. */
interface DevEvidence extends DevSentence {
  stance: 'confirmation' | 'contradiction';
  facet: 'source' | 'content';
  kind: string;
}

/** One claim with its documents, gold evidence and distractors. */
export interface DevCase {
  id: string;
  split: 'tune' | 'held-out';
  topic: string;
  claim: DevSentence;
  documents: { name: string; register: string; text: string }[];
  evidence: DevEvidence[];
  distractors: (DevSentence & { kind: string })[];
}

/** A ranker under test: the top suggestions for a claim over a case's documents. */
export type Ranker = (
  documents: { id: string; text: string }[],
  claim: { text: string; ref: SentenceRef },
  top: number,
) => { documentId: string; start: number; end: number; stance: Stance }[];

/** Scores of a ranker on a set of cases. */
export interface DevScore {
  cases: number;
  confirmations: number;
  contradictions: number;
  recallConfirmations: number;
  recallContradictions: number;
  /** found gold evidence whose stance was right, over all found */
  stanceAccuracy: number;
  /** found gold evidence with a facet, whose facet was right */
  facetAccuracy: number;
  /** share of the top-k slots taken by labelled distractors */
  distractorShare: number;
  /** share of the top-k slots taken by labelled distractors called confirmation or contradiction */
  distractorEvidenceShare: number;
  /** how often the claim's own sentence was suggested (must be 0) */
  claimSuggested: number;
}

/** Reads the development set from the fixture folder. */
export function loadDevSet(): DevCase[] {
  const url = new URL('../fixtures/suggestions/dev-set.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: DevCase[] }).cases;
}

/** Where a labelled sentence is: the segmented sentence of its document with that exact text. */
export function locate(devCase: DevCase, sentence: DevSentence): SentenceRef {
  const document = devCase.documents.find((d) => d.name === sentence.document);
  if (!document) throw new Error(`${devCase.id}: no document "${sentence.document}"`);
  const span = segment(document.text).find(
    (s) => document.text.slice(s.start, s.end) === sentence.text,
  );
  if (!span) throw new Error(`${devCase.id}: no sentence "${sentence.text}"`);
  return { documentId: document.name, start: span.start, end: span.end };
}

const same = (a: SentenceRef, b: SentenceRef) =>
  a.documentId === b.documentId && a.start === b.start && a.end === b.end;

/**
 * Runs `rank` on every case and scores its top `k`. With `pool`, every claim is run against the
 * documents of all `pool` cases as one review (document ids become "case/document"), which is
 * what a reviewer faces; without it, against its own case's documents only.
 */
export function scoreRanker(
  cases: readonly DevCase[],
  rank: Ranker,
  k = 5,
  facetOf?: (suggestion: object) => string | undefined,
  pool?: readonly DevCase[],
): DevScore {
  const pooled = pool?.flatMap((c) =>
    c.documents.map((d) => ({ id: `${c.id}/${d.name}`, text: d.text })),
  );
  const ref = (devCase: DevCase, sentence: DevSentence): SentenceRef => {
    const r = locate(devCase, sentence);
    return pooled ? { ...r, documentId: `${devCase.id}/${r.documentId}` } : r;
  };
  let confirmations = 0;
  let contradictions = 0;
  let foundConfirmations = 0;
  let foundContradictions = 0;
  let stanceRight = 0;
  let facetTotal = 0;
  let facetRight = 0;
  let slots = 0;
  let distractors = 0;
  let distractorsAsEvidence = 0;
  let claimSuggested = 0;
  for (const devCase of cases) {
    const documents = pooled ?? devCase.documents.map((d) => ({ id: d.name, text: d.text }));
    const claimRef = ref(devCase, devCase.claim);
    const top = rank(documents, { text: devCase.claim.text, ref: claimRef }, k);
    slots += top.length;
    if (top.some((s) => same(s, claimRef))) claimSuggested++;
    const distractorRefs = devCase.distractors.map((d) => ref(devCase, d));
    const inTop = top.filter((s) => distractorRefs.some((d) => same(d, s)));
    distractors += inTop.length;
    distractorsAsEvidence += inTop.filter((s) => s.stance !== 'related').length;
    for (const evidence of devCase.evidence) {
      const evidenceRef = ref(devCase, evidence);
      if (evidence.stance === 'confirmation') confirmations++;
      else contradictions++;
      const found = top.find((s) => same(s, evidenceRef));
      if (!found) continue;
      if (evidence.stance === 'confirmation') foundConfirmations++;
      else foundContradictions++;
      if (found.stance === evidence.stance) stanceRight++;
      if (facetOf) {
        facetTotal++;
        if (facetOf(found) === evidence.facet) facetRight++;
      }
    }
  }
  const found = foundConfirmations + foundContradictions;
  return {
    cases: cases.length,
    confirmations,
    contradictions,
    recallConfirmations: ratio(foundConfirmations, confirmations),
    recallContradictions: ratio(foundContradictions, contradictions),
    stanceAccuracy: ratio(stanceRight, found),
    facetAccuracy: ratio(facetRight, facetTotal),
    distractorShare: ratio(distractors, slots),
    distractorEvidenceShare: ratio(distractorsAsEvidence, slots),
    claimSuggested,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
