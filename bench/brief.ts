// The PDF brief of a large review: 1,000 claims with 5,000 pieces of evidence quoted from State of
// the Union speeches, rendered in a child process (time and peak RSS), against the same text
// written by bare pdfkit calls in the same run (the baseline).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildBrief } from '../src/core/brief/build-brief';
import { makeAnchor } from '../src/core/review/anchor';
import type { Review, ReviewDocument, Tag, TagKind } from '../src/core/review/types';
import { segment } from '../src/core/text/segment';
import type { ChildReport } from './brief-child';
import { loadSpeeches } from './sotu';
import type { Table } from './table';

const CLAIMS = 1_000;
const EVIDENCE = 5_000;
const DOCUMENTS = 12;
const RUNS = 2;
const GOAL_SECONDS = 10;
const GOAL_MB = 400;
const NOW = '2024-05-01T14:03:00.000Z';
const FONTS = join(import.meta.dirname, '../resources/fonts');

/** A review over ten speeches: claims of every status, evidence linked across documents. */
function benchReview(): { review: Review; texts: Map<string, string> } {
  // The longest speeches, so that every tag has a sentence of its own.
  const speeches = loadSpeeches()
    .sort((a, b) => b.text.length - a.text.length || (a.name < b.name ? -1 : 1))
    .slice(0, DOCUMENTS);
  const documents: ReviewDocument[] = [];
  const texts = new Map<string, string>();
  const spans: { documentId: string; text: string; start: number; end: number }[][] = [];
  speeches.forEach((speech, d) => {
    const id = `sha256:${String(d).padStart(64, '0')}`;
    documents.push({
      id,
      title: speech.name.replace(/\.txt$/, ''),
      fileName: speech.name,
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
      originalSha256: id,
      imported: NOW,
    });
    texts.set(id, speech.text);
    spans.push(
      segment(speech.text)
        .filter((s) => s.end - s.start >= 60 && s.end - s.start <= 400)
        .map((s) => ({ documentId: id, text: speech.text, ...s })),
    );
  });
  // Sentences taken from the documents in turn, so that claims and evidence mix documents.
  const pool: (typeof spans)[number] = [];
  for (let round = 0; pool.length < CLAIMS + EVIDENCE; round++) {
    const before = pool.length;
    for (const list of spans) {
      const span = list[round];
      if (span) pool.push(span);
    }
    if (pool.length === before) throw new Error('the speeches ran out of sentences');
  }
  const tags: Tag[] = [];
  const tagAt = (n: number, kind: TagKind, claimIds?: string[]): Tag => {
    const span = pool[n] as (typeof pool)[number];
    const tag: Tag = {
      id: `tag-${String(n).padStart(6, '0')}`,
      documentId: span.documentId,
      kind,
      anchor: makeAnchor(span.text, span.start, span.end),
      author: 'bench',
      created: NOW,
      modified: NOW,
    };
    if (claimIds) tag.claimIds = claimIds;
    if (n % 4 === 0) tag.note = `Reviewer's note ${n}: checked against the transcript.`;
    tags.push(tag);
    return tag;
  };
  // Every tenth claim stays unverified; the rest share the evidence round-robin, for and against.
  const claims = Array.from({ length: CLAIMS }, (_, i) => tagAt(i, 'claim'));
  const linked = claims.filter((_, i) => i % 10 !== 9);
  for (let j = 0; j < EVIDENCE; j++) {
    const claim = linked[j % linked.length] as Tag;
    const c = (j % linked.length) % 3; // 0: confirmed, 1: contradicted, 2: contested
    const round = Math.floor(j / linked.length);
    const kind = c === 0 || (c === 2 && round % 2 === 0) ? 'confirmation' : 'contradiction';
    tagAt(CLAIMS + j, kind, [claim.id]);
  }
  const review: Review = {
    schemaVersion: 1,
    id: 'bench',
    name: 'Brief benchmark: 1,000 claims',
    created: NOW,
    modified: NOW,
    reviewers: ['bench'],
    documents,
    tags,
    panes: [],
  };
  return { review, texts };
}

async function runChild(mode: 'brief' | 'bare', briefPath: string, outPath: string) {
  const child = join(import.meta.dirname, 'brief-child.ts');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', child, mode, briefPath, outPath, FONTS],
    { maxBuffer: 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as ChildReport;
  const pdf = await readFile(outPath);
  const pages = /\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1];
  return { ...report, bytes: (await stat(outPath)).size, pages: Number(pages) };
}

/** Runs the brief benchmark and returns its tables. */
export async function benchBrief(): Promise<Table[]> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-brief-'));
  try {
    const { review, texts } = benchReview();
    const started = performance.now();
    const brief = buildBrief(review, texts, { generatedAt: NOW });
    const buildMs = performance.now() - started;
    const briefPath = join(dir, 'brief.json');
    await writeFile(briefPath, JSON.stringify(brief));
    const evidence = brief.claims.reduce(
      (n, c) => n + c.confirmations.length + c.contradictions.length,
      0,
    );
    if (brief.claims.length !== CLAIMS || evidence !== EVIDENCE) {
      throw new Error(`the bench brief has ${brief.claims.length} claims, ${evidence} evidence`);
    }

    const rows: (string | number)[][] = [];
    for (const [label, mode] of [
      ['renderBriefPdf (2 passes, streamed)', 'brief'],
      ['bare pdfkit, same text (baseline)', 'bare'],
    ] as const) {
      const runs = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await runChild(mode, briefPath, join(dir, `${mode}.pdf`)));
      const seconds = Math.min(...runs.map((r) => r.ms)) / 1000;
      const peakMb = Math.max(...runs.map((r) => r.maxRssKb)) / 1024;
      const baseMb = Math.max(...runs.map((r) => r.rssBeforeKb)) / 1024;
      const last = runs.at(-1) as (typeof runs)[number];
      rows.push([
        label,
        round(seconds, 2),
        Math.round(peakMb),
        Math.round(baseMb),
        last.pages,
        round(last.bytes / 1e6, 1),
        mode === 'brief' ? (seconds <= GOAL_SECONDS && peakMb <= GOAL_MB ? 'yes' : 'NO') : '',
      ]);
    }
    rows.unshift(['buildBrief (core, in process)', round(buildMs / 1000, 2), '', '', '', '', '']);
    return [
      {
        title: `PDF brief: ${CLAIMS} claims, ${EVIDENCE} pieces of evidence (goal ≤ ${GOAL_SECONDS} s, ≤ ${GOAL_MB} MB peak RSS; best of ${RUNS} runs)`,
        columns: [
          'step',
          'seconds',
          'peak RSS MB',
          'RSS at start MB',
          'pages',
          'PDF MB',
          'goal met',
        ],
        rows,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
