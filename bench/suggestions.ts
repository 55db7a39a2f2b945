// Evidence suggestions: quality on the development set (tests/fixtures/suggestions) against a
// plain word-overlap ranking, and speed on 5 MB of State of the Union speeches against bare
// MiniSearch indexing and querying of the same sentences.
import MiniSearch from 'minisearch';
import { buildSuggestionIndex } from '../src/core/suggest';
import { segment } from '../src/core/text/segment';
import {
  loadDevSet,
  scoreRanker,
  type DevCase,
  type DevScore,
} from '../tests/support/suggestion-dev-set';
import { engineRanker, overlapRanker } from '../tests/support/suggestion-rankers';
import { loadSpeeches } from './sotu';
import type { Table } from './table';

const REVIEW_CHARS = 5_000_000;
const GOAL_SUGGEST_MS = 200;
const RUNS = 3;
const CLAIMS = [
  'Unemployment fell to the lowest level in fifty years.',
  'The government will withdraw troops from Iraq.',
  'Congress approved a tax cut for working families.',
  'The deficit rose to 400 billion dollars last year.',
  'We will build a wall on the southern border.',
  'The treaty with Mexico was signed in 1848.',
  'Oil imports have doubled since 1970.',
  'The war in Korea has ended.',
];

/** Runs the suggestion benchmarks and returns their tables. */
export function benchSuggestions(): Table[] {
  return [benchQuality(), benchSpeed()];
}

function benchQuality(): Table {
  const devSet = loadDevSet();
  const facet = (s: object) => (s as { facet?: string }).facet;
  const part = (split: DevCase['split'] | 'all') =>
    split === 'all' ? devSet : devSet.filter((c) => c.split === split);
  const rows: (string | number)[][] = [];
  const row = (name: string, split: string, review: string, score: DevScore, goals: boolean) =>
    rows.push([
      name,
      split,
      review,
      score.cases,
      `${score.confirmations}/${score.contradictions}`,
      fixed(score.recallConfirmations),
      fixed(score.recallContradictions),
      fixed(score.stanceAccuracy),
      name.startsWith('word overlap') ? '–' : fixed(score.facetAccuracy),
      fixed(score.distractorShare),
      name.startsWith('word overlap') ? '–' : fixed(score.distractorEvidenceShare),
      score.claimSuggested,
      goals ? (meetsGoals(score) ? 'yes' : 'NO') : '',
    ]);
  for (const split of ['tune', 'held-out', 'all'] as const) {
    row(
      'crosscheck suggest',
      split,
      'all documents',
      scoreRanker(part(split), engineRanker, 5, facet, devSet),
      true,
    );
  }
  row(
    'word overlap (baseline)',
    'all',
    'all documents',
    scoreRanker(devSet, overlapRanker, 5, undefined, devSet),
    false,
  );
  row(
    'crosscheck suggest',
    'all',
    'own documents',
    scoreRanker(devSet, engineRanker, 5, facet),
    true,
  );
  row(
    'word overlap (baseline)',
    'all',
    'own documents',
    scoreRanker(devSet, overlapRanker, 5),
    false,
  );
  return {
    title:
      'Evidence suggestions on tests/fixtures/suggestions/dev-set.json, top 5 per claim ("all documents": every claim against the whole set as one review; goals: recall ≥ 0.80 confirmations, ≥ 0.60 contradictions, stance accuracy ≥ 0.80, the claim itself never; the baseline has no stance and calls everything a confirmation)',
    columns: [
      'ranker',
      'split',
      'review',
      'claims',
      'gold conf/contra',
      'recall@5 conf',
      'recall@5 contra',
      'stance acc',
      'facet acc',
      'distractors in top 5',
      'distractors as evidence',
      'claim suggested',
      'goals met',
    ],
    rows,
  };
}

function meetsGoals(score: DevScore): boolean {
  return (
    score.recallConfirmations >= 0.8 &&
    score.recallContradictions >= 0.6 &&
    score.stanceAccuracy >= 0.8 &&
    score.claimSuggested === 0
  );
}

function benchSpeed(): Table {
  const documents = reviewOfSpeeches();
  const megabytes = documents.reduce((n, d) => n + d.text.length, 0) / 1e6;
  let index = buildSuggestionIndex(documents);
  const indexMs = best(() => {
    index = buildSuggestionIndex(documents);
  });
  let bare = bareIndex(documents);
  const bareMs = best(() => {
    bare = bareIndex(documents);
  });
  const suggestMs = median(CLAIMS.map((claim) => best(() => index.suggest(claim))));
  const bareQueryMs = median(CLAIMS.map((claim) => best(() => bare.search(claim))));
  return {
    title: `Evidence suggestion speed: ${documents.length} State of the Union speeches as one review, ${megabytes.toFixed(1)} MB, ${index.sentenceCount.toLocaleString('en')} sentences (best of ${RUNS}; suggest: median over ${CLAIMS.length} claims; goal ≤ ${GOAL_SUGGEST_MS} ms per claim after indexing)`,
    columns: ['step', 'crosscheck ms', 'bare MiniSearch ms (baseline)', 'vs baseline', 'goal met'],
    rows: [
      [
        'index every sentence',
        round(indexMs),
        round(bareMs),
        `${(indexMs / bareMs).toFixed(1)}×`,
        '',
      ],
      [
        'suggest for one claim (top 10)',
        round(suggestMs, 1),
        round(bareQueryMs, 1),
        `${(suggestMs / bareQueryMs).toFixed(1)}×`,
        suggestMs <= GOAL_SUGGEST_MS ? 'yes' : 'NO',
      ],
    ],
  };
}

/** The first speeches up to 5 MB of text, as documents. */
function reviewOfSpeeches(): { id: string; text: string }[] {
  const documents: { id: string; text: string }[] = [];
  let chars = 0;
  for (const speech of loadSpeeches()) {
    if (chars >= REVIEW_CHARS) break;
    const text = speech.text.slice(0, REVIEW_CHARS - chars);
    documents.push({ id: speech.name, text });
    chars += text.length;
  }
  return documents;
}

/** The baseline: the same sentences in MiniSearch with its default tokenizer, no stems. */
function bareIndex(documents: readonly { id: string; text: string }[]) {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  let id = 0;
  for (const document of documents) {
    search.addAll(
      segment(document.text).map((s) => ({ id: id++, text: document.text.slice(s.start, s.end) })),
    );
  }
  return search;
}

function best(work: () => void): number {
  let fastest = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function fixed(value: number): string {
  return value.toFixed(2);
}

function round(value: number, digits = 0): number {
  return Number(value.toFixed(digits));
}
