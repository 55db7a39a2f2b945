// `crosscheck merge A B -o OUT [--report FILE]`: two annotation files merged into one.
import { parseArgs } from 'node:util';
import { exportAnnotationFile } from '../core/annotations/export-annotations';
import { reviewFromFile } from '../core/annotations/import-annotations';
import type { InvalidAnnotationFile } from '../core/annotations/incoming-file';
import type { MergeSummary } from '../core/annotations/merge';
import { mergeReviewFile, type ReviewMergeSummary } from '../core/annotations/merge-review-file';
import {
  isOrphan,
  type JudgementConflict,
  type TagConflict,
} from '../core/annotations/review-sharing';
import type { Review } from '../core/review/types';
import { differences } from '../core/annotations/tag-versions';
import { quoteName } from '../core/text/decode';
import { CROSSCHECK_GENERATOR } from '../main/annotation-export';
import { loadAnnotationFile, writeOutput } from './annotation-file-io';
import { mergeForeignFiles } from './merge-foreign-files';
import { badInput, badUsage, type CliIo, type ExitCode } from './cli-io';

/** Help text for the merge command. */
export const MERGE_HELP = `Usage: crosscheck merge A B -o OUT [--report FILE]

Merges annotation file B into annotation file A and writes the result to OUT. Tags are matched by
id: new ones are added, identical ones kept, and where both files changed a tag differently the
later change is kept and the other is reported as a conflict on stderr (so are judgements of a
claim that differ; sources are matched by name or alias). Tags one file removed stay
removed unless the other changed them later. Annotations on a changed copy of a document (same
title) are re-anchored; those that cannot be placed are kept as orphans.

Two files of annotations from other tools (plain W3C, no texts) are merged by id alone and written
as a plain W3C AnnotationCollection; a file from another tool merged with a Crosscheck file is
placed on the Crosscheck file's documents.

  -o, --output FILE  where to write the merged file
  --report FILE      also write what the merge did as JSON: counts, conflicts with both versions,
                     orphans, tags to review, annotations skipped

Exit status: 0 merged (conflicts included), 1 a file is missing or invalid (nothing is written),
2 bad usage.`;

/** Runs the merge command with the arguments after the word `merge`. */
export async function runMerge(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(MERGE_HELP + '\n');
    return 0;
  }
  let [pathA, pathB] = positionals;
  const extra = positionals.slice(2);
  if (!pathA || !pathB || extra.length > 0) {
    throw badUsage('crosscheck merge needs exactly two files, A and B.');
  }
  if (!values.output) throw badUsage('crosscheck merge needs -o OUT.');
  const loadedA = await loadAnnotationFile(pathA, io.cwd);
  if (!loadedA.ok) throw badInput(invalid(pathA, loadedA.error));
  const loadedB = await loadAnnotationFile(pathB, io.cwd);
  if (!loadedB.ok) throw badInput(invalid(pathB, loadedB.error));
  if (loadedA.value.format === 'w3c' && loadedB.value.format === 'w3c') {
    const paths = { a: pathA, b: pathB, output: values.output };
    await mergeForeignFiles(
      values.report ? { ...paths, report: values.report } : paths,
      loadedA.value,
      loadedB.value,
      io,
    );
    return 0;
  }
  // Another tool's file merges into a Crosscheck file, whichever was named first.
  const swap = loadedA.value.format === 'w3c';
  const a = swap ? loadedB : loadedA;
  const b = swap ? loadedA : loadedB;
  if (swap) [pathA, pathB] = [pathB, pathA];
  const base = reviewFromFile(a.value);
  if (!base.ok) throw badInput(`${quoteName(pathA)}: ${base.error.message}`);
  const into = {
    review: base.value.review,
    texts: base.value.newTexts,
    sharing: base.value.sharing,
  };
  const merged = mergeReviewFile(into, b.value);
  if (!merged.ok)
    throw badInput(`${quoteName(pathB)} could not be merged: ${merged.error.message}`);
  const { review, sharing, summary } = merged.value;
  const texts = new Map([...base.value.newTexts, ...merged.value.newTexts]);
  const file = exportAnnotationFile(review, texts, {
    generator: CROSSCHECK_GENERATOR,
    orphans: sharing.orphans,
    needsReview: sharing.needsReview,
    removed: sharing.removed,
  });
  if (!file.ok) throw badInput(file.error.message);
  await writeOutput(values.output, io.cwd, file.value);
  if (values.report) {
    await writeOutput(
      values.report,
      io.cwd,
      JSON.stringify(reportOf(pathA, pathB, values.output, summary), null, 2) + '\n',
    );
  }
  for (const conflict of disagreements(summary))
    io.stderr(`crosscheck: conflict: ${describeConflict(conflict)}\n`);
  for (const conflict of summary.judgementConflicts)
    io.stderr(`crosscheck: conflict: ${describeJudgementConflict(conflict, review)}\n`);
  for (const shared of summary.sameSentence)
    io.stderr(`crosscheck: same sentence: ${describeConflict(shared)}\n`);
  for (const skipped of summary.skipped) {
    io.stderr(
      `crosscheck: skipped annotation ${skipped.index}${skipped.id ? ` (${skipped.id})` : ''} of ${quoteName(pathB)}: ${skipped.reason}.\n`,
    );
  }
  for (const warning of summary.warnings) io.stderr(`crosscheck: ${warning}\n`);
  io.stdout(
    `Merged ${quoteName(pathB)} into ${quoteName(pathA)}: ${summaryLine(summary)}. Wrote ${quoteName(values.output)}.\n`,
  );
  return 0;
}

function invalid(path: string, error: InvalidAnnotationFile): string {
  const more =
    error.details.length > 1
      ? ` (${error.details.length - 1} more; run "crosscheck validate ${path}" for the list)`
      : '';
  return `${quoteName(path)} is not a valid annotation file: ${error.message}${more}`;
}

/** "3 added, 1 updated, 40 unchanged, 1 removed, 2 conflicts, 0 re-anchored, 0 to review, 0 orphans". */
export function summaryLine(
  summary: MergeSummary & Partial<Pick<ReviewMergeSummary, 'judgementConflicts'>>,
): string {
  const count = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
  return [
    `${summary.added} added`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
    `${summary.removed} removed`,
    count(disagreements(summary).length + (summary.judgementConflicts?.length ?? 0), 'conflict'),
    `${summary.sameSentence.length} on the same sentence`,
    `${summary.reanchored} re-anchored`,
    `${summary.needsReview.length} to review`,
    count(summary.orphans.length, 'orphan'),
  ].join(', ');
}

/** One conflict in a sentence: which tag, which version was kept, and what differs. */
export function describeConflict(conflict: TagConflict): string {
  const { kept, other } = conflict;
  const quote = isOrphan(kept) ? kept.quote.exact : kept.anchor.exact;
  const what = differences(kept, other);
  const differ = what.includes('tag')
    ? `another tag (urn:uuid:${other.id}, a ${other.kind} by ${other.author}) was on the same sentence and was set aside`
    : `the version modified ${other.modified} was set aside; it differs in its ${what.join(', ') || 'time only'}`;
  return `${kept.kind} “${clip(quote)}” (urn:uuid:${kept.id}): kept the version modified ${kept.modified}; ${differ}.`;
}

/** A judgement conflict in a sentence: which claim, which judgement was kept, which set aside. */
export function describeJudgementConflict(conflict: JudgementConflict, review: Review): string {
  const claim = review.tags.find((t) => t.id === conflict.claimId);
  const name = claim ? `claim “${clip(claim.anchor.exact)}”` : 'claim';
  const say = (j: JudgementConflict['kept']) =>
    `“${j.verdict}” (${j.confidence} confidence) by ${j.author}, modified ${j.modified}`;
  return `judgement of ${name} (urn:uuid:${conflict.claimId}): kept ${say(conflict.kept)}; set aside ${say(conflict.other)}.`;
}

function reportOf(a: string, b: string, output: string, summary: ReviewMergeSummary) {
  return {
    a,
    b,
    output,
    added: summary.added,
    updated: summary.updated,
    unchanged: summary.unchanged,
    removed: summary.removed,
    reanchored: summary.reanchored,
    conflicts: disagreements(summary),
    judgementConflicts: summary.judgementConflicts,
    sourcesAdded: summary.sourcesAdded,
    judgementsChanged: summary.judgementsChanged,
    dismissalsAdded: summary.dismissalsAdded,
    sameSentence: summary.sameSentence,
    widened: summary.widened,
    labels: summary.labels,
    copies: summary.copies,
    needsReview: summary.needsReview,
    orphans: summary.orphans,
    skipped: summary.skipped,
    warnings: summary.warnings,
    documentsAdded: summary.documentsAdded,
    documentsMatched: summary.documentsMatched,
  };
}

/** The conflicts that are two versions of one tag (not other tags on the same sentence). */
function disagreements(summary: MergeSummary): TagConflict[] {
  return summary.conflicts.filter((c) => c.other.id === c.id);
}

function clip(text: string): string {
  return text.length > 50 ? `${text.slice(0, 50)}…` : text;
}
