// `crosscheck merge` of two files of other tools' annotations (plain W3C, no texts): merged by id
// without placing them, written as a plain W3C collection; conflicts on stderr and in the report.
import type { AnnotationFile } from '../core/annotations/incoming-file';
import { uuidForForeignId, uuidIri } from '../core/annotations/file-format';
import {
  foreignCollectionJson,
  mergeForeignAnnotations,
  type ForeignConflict,
} from '../core/annotations/merge-foreign';
import { quoteName } from '../core/text/decode';
import { CROSSCHECK_GENERATOR } from '../main/annotation-export';
import { writeOutput } from './annotation-file-io';
import type { CliIo } from './cli-io';

/** Where the merge reads and writes. */
export interface ForeignMergePaths {
  a: string;
  b: string;
  output: string;
  report?: string;
}

/** Merges two validated files of other tools' annotations and writes the result (and report). */
export async function mergeForeignFiles(
  paths: ForeignMergePaths,
  a: AnnotationFile,
  b: AnnotationFile,
  io: CliIo,
): Promise<void> {
  const merged = mergeForeignAnnotations(a.annotations, b.annotations);
  const ids = merged.annotations.map((x) => x.id).join(' ');
  const json = foreignCollectionJson(merged.annotations, {
    id: uuidIri(uuidForForeignId(`crosscheck merge ${ids}`)),
    label: 'Merged annotations',
    generator: CROSSCHECK_GENERATOR,
  });
  await writeOutput(paths.output, io.cwd, json);
  const skipped = [
    ...a.skipped.map((s) => ({ file: paths.a, ...s })),
    ...b.skipped.map((s) => ({ file: paths.b, ...s })),
  ];
  const warnings = [...a.warnings, ...b.warnings];
  if (paths.report) {
    const report = {
      a: paths.a,
      b: paths.b,
      output: paths.output,
      format: 'w3c',
      annotations: merged.annotations.length,
      added: merged.added,
      updated: merged.updated,
      unchanged: merged.unchanged,
      conflicts: merged.conflicts,
      skipped,
      warnings,
    };
    await writeOutput(paths.report, io.cwd, JSON.stringify(report, null, 2) + '\n');
  }
  for (const conflict of merged.conflicts) {
    io.stderr(`crosscheck: conflict: ${describeForeignConflict(conflict)}\n`);
  }
  for (const s of skipped) {
    io.stderr(
      `crosscheck: skipped annotation ${s.index}${s.id ? ` (${s.id})` : ''} of ${quoteName(s.file)}: ${s.reason}.\n`,
    );
  }
  for (const warning of warnings) io.stderr(`crosscheck: ${warning}\n`);
  const n = merged.conflicts.length;
  io.stdout(
    `Merged ${quoteName(paths.b)} into ${quoteName(paths.a)} (annotations from other tools, merged by id): ${merged.annotations.length} annotations, ${merged.added} added, ${merged.updated} updated, ${merged.unchanged} unchanged, ${n} conflict${n === 1 ? '' : 's'}. Wrote ${quoteName(paths.output)}.\n`,
  );
}

/** One conflict in a sentence: the annotation, the version kept, and what differs. */
function describeForeignConflict(conflict: ForeignConflict): string {
  const { kept, other } = conflict;
  const quote =
    kept.quote.exact.length > 50 ? `${kept.quote.exact.slice(0, 50)}…` : kept.quote.exact;
  return `${kept.kind} “${quote}” (${kept.foreignId ?? uuidIri(kept.id)}): kept the version modified ${kept.modified}; the version modified ${other.modified} was set aside; it differs in its ${conflict.differences.join(', ')}.`;
}
