// `crosscheck export --data-dir DIR --review NAME-OR-ID -o FILE`: a review as an annotation file.
import { findReview, readDataDir } from './data-dir-review';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ANNOTATION_FILE_SUFFIX } from '../core/annotations/file-format';
import { quoteName } from '../core/text/decode';
import { annotationFileOf } from '../main/annotation-export';
import { defaultDataDir } from '../main/compose';
import { qdpxFileOf } from '../main/qdpx-export';
import { writeOutput } from './annotation-file-io';
import { badInput, badUsage, type CliIo, type ExitCode } from './cli-io';

/** Help text for the export command. */
export const EXPORT_HELP = `Usage: crosscheck export --review NAME-OR-ID -o FILE [--data-dir DIR] [--no-text]
                         [--format annotations|qdpx]

Writes a review as a W3C Web Annotation file (${ANNOTATION_FILE_SUFFIX}) that a colleague can
import or merge: one annotation per tag, with its kind, links, note and quote, and the documents'
texts so the file stands alone. With --format qdpx, writes a REFI-QDA project (.qdpx) that
QualCoder, ATLAS.ti, MAXQDA and NVivo open: the documents as text sources, a code per kind, a
coded selection per tag (its note as the description) and a link from each piece of evidence to
its claim.

  --review NAME-OR-ID  the review, by its name or its id
  -o, --output FILE    where to write the file
  --data-dir DIR       where reviews and documents are kept (default: ${defaultDataDir()})
  --no-text            leave the documents' texts out (the receiver must have the documents)
  --format FORMAT      annotations (default) or qdpx

Exit status: 0 written, 1 the review cannot be found or exported, 2 bad usage.`;

/** Runs the export command with the arguments after the word `export`. */
export async function runExport(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      review: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'data-dir': { type: 'string' },
      'no-text': { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(EXPORT_HELP + '\n');
    return 0;
  }
  if (positionals.length > 0)
    throw badUsage(`crosscheck export takes no FILE; use -o ${positionals[0]}.`);
  if (!values.review) throw badUsage('crosscheck export needs --review NAME-OR-ID.');
  if (!values.output) throw badUsage('crosscheck export needs -o FILE.');
  const format = values.format ?? 'annotations';
  if (format !== 'annotations' && format !== 'qdpx') {
    throw badUsage(`crosscheck export --format is annotations or qdpx, not "${format}".`);
  }
  if (format === 'qdpx' && values['no-text']) {
    throw badUsage('a .qdpx project always holds its texts; leave out --no-text.');
  }
  const dataDir = values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir();
  const reader = readDataDir(dataDir);
  const reviewId = await findReview(reader, values.review);
  if (format === 'qdpx') {
    const project = await qdpxFileOf(reader, reviewId);
    if (!project.ok) throw badInput(project.error.message);
    await writeOutput(values.output, io.cwd, project.value.bytes);
    io.stdout(
      `Exported “${project.value.name}” (${plural(project.value.tags, 'tag')} on ${plural(project.value.documents, 'document')}) as a REFI-QDA project to ${quoteName(values.output)}.\n`,
    );
    return 0;
  }
  const file = await annotationFileOf(reader, reviewId, {
    embedText: !values['no-text'],
  });
  if (!file.ok) throw badInput(file.error.message);
  await writeOutput(values.output, io.cwd, file.value.text);
  if (!values.output.endsWith(ANNOTATION_FILE_SUFFIX)) {
    io.stderr(`crosscheck: note: annotation files are usually named *${ANNOTATION_FILE_SUFFIX}.\n`);
  }
  io.stdout(
    `Exported “${file.value.name}” (${plural(file.value.tags, 'tag')} on ${plural(file.value.documents, 'document')}) to ${quoteName(values.output)}.\n`,
  );
  return 0;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
