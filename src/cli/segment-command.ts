// `crosscheck segment FILE... [--json]`: the sentences Crosscheck finds in text files.
import { parseArgs } from 'node:util';
import { quoteName } from '../core/text/decode';
import { segment } from '../core/text/segment';
import { asOneLine } from '../core/text/soft-wraps';
import { badUsage, type CliIo, type ExitCode } from './cli-io';
import { readTextFile } from './read-text-file';
import { writeSentencesJson } from './sentence-json';

/** Help text for the segment command. */
export const SEGMENT_HELP = `Usage: crosscheck segment FILE... [--json]

Prints the sentences Crosscheck finds in each plain-text file.

Text mode prints one sentence per line, prefixed with its number and a tab; with several files,
each file's sentences follow a "==> FILE <==" line.
--json prints, for one file, an array of { "start", "end", "text" } (UTF-16 offsets into the
normalised text, and the exact slice); for several files, an object mapping each path, as given,
to its array.

Files may be UTF-8 (with or without BOM) or UTF-16; anything else is read as Windows-1252 with a
warning. Line endings become LF and text becomes Unicode NFC before offsets are counted.
Warnings go to stderr. Exit status: 0 done, 1 a file could not be read (nothing is printed), 2 bad
usage.`;

/** Runs the segment command with the arguments after the word `segment`. */
export async function runSegment(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(SEGMENT_HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) throw badUsage('crosscheck segment needs at least one FILE.');

  // Read everything first, so that a bad file stops the run before anything is printed.
  const documents = [];
  for (const path of positionals)
    documents.push({ path, document: await readTextFile(path, io.cwd) });

  const results = documents.map(({ path, document }) => {
    for (const warning of document.warnings) io.stderr(`crosscheck: ${warning}\n`);
    const sentences = segment(document.text);
    sentences.forEach((sentence, index) => {
      if (sentence.forced) {
        io.stderr(
          `crosscheck: ${quoteName(path)} sentence ${index + 1} ran on without a sentence end and was cut at a space.\n`,
        );
      }
    });
    return { path, text: document.text, sentences };
  });

  if (values.json) {
    writeSentencesJson(results, results.length === 1, io.stdout);
    return 0;
  }
  for (const { path, text, sentences } of results) {
    if (results.length > 1) io.stdout(`==> ${path} <==\n`);
    // One sentence per line: a hard-wrapped sentence's own line breaks print as spaces.
    const lines = sentences.map((s, i) => `${i + 1}\t${asOneLine(text.slice(s.start, s.end))}`);
    io.stdout(lines.join('\n') + '\n');
  }
  return 0;
}
