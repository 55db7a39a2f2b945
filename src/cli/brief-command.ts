// `crosscheck brief`: the PDF brief of a review, from a data folder or an annotation file.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { quoteName } from '../core/text/decode';
import { writeBriefFile } from '../main/brief/write-brief-file';
import { uncoveredNotice } from '../main/brief/uncovered-notice';
import { defaultDataDir } from '../main/compose';
import { briefFromDataDir, briefFromFile } from './brief-sources';
import { badInput, badUsage, type CliIo, type ExitCode } from './cli-io';

/** Help text for the brief command. */
export const BRIEF_HELP = `Usage: crosscheck brief --review NAME-OR-ID [--data-dir DIR] -o OUT.pdf
       crosscheck brief FILE.json [--documents DIR] -o OUT.pdf

Writes the PDF brief of a review: key judgements (per claim, the reviewer's verdict or the status
computed from the evidence, whether its source is authentic and its content true, with the
independent origins behind each), the bottom line, the gaps (unverified claims, claims resting on
one origin), a table of the claims, a section per claim quoting every confirmation and
contradiction under its source or its content with who says it, and an appendix: the source
register (each source's grade and items), the documents with their metadata, and any tags needing
attention (orphaned, to be confirmed, or linked to nothing).

  --review NAME-OR-ID  the review in the data folder, by id or by its exact name
  --data-dir DIR       where reviews and documents are kept (default: ${defaultDataDir()})
  FILE.json            an annotation file, briefed as the review it was exported from
  --documents DIR      the texts of the file's documents, when it does not embed them (another
                       tool's annotations, or a file exported without texts): each is matched by
                       its content (urn:sha256: of the text) or by its file name
  -o, --output FILE    where to write the PDF; an existing file is replaced

The brief is dated now, or at SOURCE_DATE_EPOCH (seconds since 1970) when that is set: the same
review and date give the same PDF, byte for byte. The data folder is only read (no lock, no
change), so the app may have it open: the brief shows the changes saved so far.
Exit status: 0 written, 1 bad input (one plain sentence on stderr; nothing is written), 2 bad
usage.`;

/** Where the command finds its fonts; by default resources/fonts beside resources/samples. */
export interface BriefPaths {
  samplesDir: string;
  fontsDir?: string;
}

/** Runs the brief command with the arguments after the word `brief`. */
export async function runBrief(args: string[], io: CliIo, paths: BriefPaths): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      review: { type: 'string' },
      'data-dir': { type: 'string' },
      documents: { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(BRIEF_HELP + '\n');
    return 0;
  }
  if (positionals.length > 1) throw badUsage('crosscheck brief takes one annotation file.');
  const [file] = positionals;
  if (file !== undefined && (values.review !== undefined || values['data-dir'] !== undefined)) {
    throw badUsage('crosscheck brief takes an annotation file or --review, not both.');
  }
  if (file === undefined && values.documents !== undefined) {
    throw badUsage('crosscheck brief takes --documents DIR only with an annotation file.');
  }
  if (file === undefined && values.review === undefined) {
    throw badUsage('crosscheck brief needs --review NAME-OR-ID or an annotation file.');
  }
  if (values.output === undefined) throw badUsage('crosscheck brief needs -o OUT.pdf.');
  const generatedAt = briefTime(process.env['SOURCE_DATE_EPOCH']);
  const output = resolve(io.cwd, values.output);
  if (!existsSync(dirname(output))) {
    throw badInput(`the folder for ${quoteName(values.output)} does not exist.`);
  }
  const brief =
    file !== undefined
      ? await briefFromFile(file, io.cwd, generatedAt, values.documents)
      : await briefFromDataDir(
          values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir(),
          values.review as string,
          generatedAt,
        );
  const fontsDir = paths.fontsDir ?? join(paths.samplesDir, '..', 'fonts');
  const written = await writeBriefFile(brief, output, { fontsDir });
  if (!written.ok) throw badInput(lowerFirst(written.error.message));
  const notice = uncoveredNotice(written.value.uncoveredCharacters);
  if (notice) io.stderr(`${notice}\n`);
  return 0;
}

/** Now, or SOURCE_DATE_EPOCH when set, as an ISO 8601 time. */
function briefTime(epoch: string | undefined): string {
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch)) {
    throw badUsage(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}".`);
  }
  return new Date(Number(epoch) * 1000).toISOString();
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
