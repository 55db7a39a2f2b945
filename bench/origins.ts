// Independent origins over a large review: evidence sentences from State of the Union speeches,
// one in ten reprinted with a word changed, grouped by groupOrigins (prefix-filtered similarity)
// and analysed per claim, against comparing every pair of sentences in the same run (the baseline);
// and the benchmark log, whose sentences are all near-identical ("Entry 7 of the benchmark log
// records one more fact."), where listing every similar pair ran out of memory at 10,000 tags.
import { analyseReview } from '../src/core/analysis/claim-analysis';
import { groupOrigins, type Origin } from '../src/core/analysis/origins';
import { fingerprintOf, sameReport } from '../src/core/analysis/text-similarity';
import type { Tag } from '../src/core/review/types';
import { segment } from '../src/core/text/segment';
import { loadSpeeches } from './sotu';
import type { Table } from './table';

const SIZES = [1_000, 5_000];
const CLAIMS_PER_EVIDENCE = 5;
/** Tags of the benchmark log (a claim, a confirmation, a contradiction in turn). */
const LOG_SIZES = [2_000, 10_000];
const KINDS = ['claim', 'confirmation', 'contradiction'] as const;

/** An evidence or claim tag of `exact`. */
function tag(id: string, exact: string, extra: Partial<Tag>): Tag {
  return {
    id,
    documentId: 'sha256:0',
    kind: 'confirmation',
    anchor: { start: 0, end: exact.length, exact, prefix: '', suffix: '' },
    author: 'bench',
    created: '',
    modified: '',
    ...extra,
  };
}

/** The benchmark log's tags: each evidence sentence linked to the claim before it. */
function logTags(count: number): Tag[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length] ?? 'claim';
    const exact = `Entry ${i + 1} of the benchmark log records one more fact.`;
    return tag(
      `t${i}`,
      exact,
      kind === 'claim' ? { kind } : { kind, claimIds: [`t${i - (i % 3)}`] },
    );
  });
}

function evidenceTags(count: number): Tag[] {
  const sentences = loadSpeeches()
    .flatMap((s) => segment(s.text).map((span) => s.text.slice(span.start, span.end)))
    .filter((t) => t.length >= 60);
  const claims = Math.max(1, Math.floor(count / CLAIMS_PER_EVIDENCE));
  const tags: Tag[] = [];
  for (let c = 0; c < claims; c++)
    tags.push(tag(`c${c}`, sentences[c] ?? 'claim', { kind: 'claim' }));
  for (let i = 0; i < count; i++) {
    const reprint = i % 10 === 9;
    const original = sentences[(claims + i - (reprint ? 1 : 0)) % sentences.length] ?? '';
    const exact = reprint ? original.replace(/\b(the|and|of)\b/, 'this') : original;
    tags.push(
      tag(`e${i}`, exact, {
        kind: i % 3 === 0 ? 'contradiction' : 'confirmation',
        claimIds: [`c${i % claims}`],
      }),
    );
  }
  return tags;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Runs the benchmark: one row per review size. */
export function benchOrigins(): Table[] {
  const rows = SIZES.map((size) => {
    const tags = evidenceTags(size);
    const evidence = tags.filter((t) => t.kind !== 'claim');
    let origins = 0;
    const grouped = time(() => (origins = groupOrigins(tags).length));
    const analysed = time(() => analyseReview({ tags }));
    const baseline = time(() => allPairs(evidence));
    return [size, origins, Math.round(grouped), Math.round(analysed), Math.round(baseline)];
  });
  const logRows = LOG_SIZES.map((size) => {
    const tags = logTags(size);
    const evidence = tags.filter((t) => t.kind !== 'claim');
    let grouped: Origin[] = [];
    const groupMs = time(() => (grouped = groupOrigins(tags)));
    const analysed = time(() => analyseReview({ tags }));
    let pairs = 0;
    const baseline = time(() => (pairs = allPairs(evidence)));
    const bonds = grouped.reduce((n, o) => n + o.bonds.length, 0);
    const ms = [groupMs, analysed, baseline].map(Math.round);
    return [size, evidence.length, grouped.length, bonds, pairs, ...ms];
  });
  return [
    {
      title: 'Independent origins (ms): groupOrigins and analyseReview vs comparing all pairs',
      columns: ['evidence', 'origins', 'groupOrigins', 'analyseReview', 'all pairs (baseline)'],
      rows,
    },
    {
      title:
        'Independent origins, all near-identical (benchmark log): bonds kept vs every similar pair (the bonds kept before), ms',
      columns: [
        'tags',
        'evidence',
        'origins',
        'bonds',
        'similar pairs',
        'groupOrigins',
        'analyseReview',
        'all pairs (baseline)',
      ],
      rows: logRows,
    },
  ];
}

/** Compares every pair of evidence texts (the baseline); returns how many are near-identical. */
function allPairs(evidence: readonly Tag[]): number {
  const prints = evidence.map((t) => fingerprintOf(t.anchor.exact));
  let similar = 0;
  for (let b = 0; b < prints.length; b++) {
    for (let a = 0; a < b; a++) if (sameReport(prints[a] as never, prints[b] as never)) similar++;
  }
  return similar;
}
