// `crosscheck validate FILE`: whether a file can be imported, and if not, every problem found.
import { parseArgs } from 'node:util';
import { NO_SOURCE } from '../core/annotations/foreign-annotations';
import { quoteName } from '../core/text/decode';
import { loadAnnotationFile } from './annotation-file-io';
import { badUsage, type CliIo, type ExitCode } from './cli-io';

/** Help text for the validate command. */
export const VALIDATE_HELP = `Usage: crosscheck validate FILE

Checks an annotation file the way an import does: its shape, ids, positions, quotes, links,
document hashes and format version. Prints what the file holds; for W3C annotations from another
tool, also which ones an import would skip and why.

Exit status: 0 valid, 1 invalid or unreadable (each problem on its own line on stderr), 2 bad usage.`;

/** Runs the validate command with the arguments after the word `validate`. */
export async function runValidate(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(VALIDATE_HELP + '\n');
    return 0;
  }
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw badUsage('crosscheck validate needs exactly one FILE.');
  const name = quoteName(path);
  const file = await loadAnnotationFile(path, io.cwd);
  if (!file.ok) {
    io.stderr(`crosscheck: ${name} is not a valid annotation file:\n`);
    for (const detail of file.error.details) io.stderr(`  - ${detail}\n`);
    return 1;
  }
  const { annotations, documents, skipped, warnings, format } = file.value;
  const orphans = annotations.filter((a) => a.orphanReason !== undefined).length;
  if (format === 'crosscheck') {
    const withText = documents.filter((d) => d.text !== undefined).length;
    io.stdout(
      `${name} is a valid Crosscheck annotation file: ${count(annotations.length, 'annotation')} (${count(orphans, 'orphan')}) on ${count(documents.length, 'document')}, ${withText} with text.\n`,
    );
  } else {
    io.stdout(
      `${name} holds W3C annotations from another tool: ${annotations.length} can be imported, ${skipped.length} would be skipped.\n`,
    );
  }
  for (const s of skipped) {
    io.stdout(`  skipped annotation ${s.index}${s.id ? ` (${s.id})` : ''}: ${s.reason}.\n`);
  }
  for (const label of file.value.labels ?? []) {
    io.stdout(
      `  label “${label.label}” names no kind: on ${count(label.annotations, 'annotation')}, ${label.kept} imported with it kept in the note; map it to claim, confirmation or contradiction to import the rest.\n`,
    );
  }
  const unnamed = annotations.filter((a) => a.source === NO_SOURCE).length;
  if (unnamed > 0) {
    io.stdout(
      `  ${count(unnamed, 'annotation')} ${unnamed === 1 ? 'does' : 'do'} not name the document ${unnamed === 1 ? 'it was' : 'they were'} made on: an import asks which document ${unnamed === 1 ? 'it belongs' : 'they belong'} to.\n`,
    );
  }
  for (const warning of warnings) io.stdout(`  note: ${warning}\n`);
  return 0;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
