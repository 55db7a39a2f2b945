// `crosscheck suggest --claim TEXT FILE... [--top N] [--json]`: sentences in text files that may
// confirm or contradict a claim, best first, with stance, score and reasons.
import { parseArgs } from 'node:util';
import { buildSuggestionIndex } from '../core/suggest';
import { badUsage, type CliIo, type ExitCode } from './cli-io';
import { readTextFile } from './read-text-file';

/** Help text for the suggest command. */
export const SUGGEST_HELP = `Usage: crosscheck suggest --claim TEXT FILE... [--top N] [--json]

Suggests the sentences of the plain-text files that most likely confirm or contradict the claim,
best first. Each suggestion has a stance (confirmation, contradiction or related), a score from 0
to 1, and the reasons in plain words (shared terms, negation, opposite words, differing figures,
words that dispute or affirm a source, hedges). Suggestions are leads for a person to check.

  --claim TEXT   the claim (a sentence that is itself in a file is never suggested)
  --top N        how many suggestions at most (default 10)
  --json         print an array of { "file", "start", "end", "text", "stance", "score",
                 "reasons" }: the file as given, UTF-16 offsets into the normalised text (as in
                 "crosscheck segment --json")

Exit status: 0 done (also when nothing is found), 1 a file could not be read, 2 bad usage.`;

/** Runs the suggest command with the arguments after the word `suggest`. */
export async function runSuggest(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      claim: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(SUGGEST_HELP + '\n');
    return 0;
  }
  const claim = values.claim?.trim();
  if (!claim) throw badUsage('crosscheck suggest needs --claim "TEXT" with the claim to check.');
  if (positionals.length === 0) throw badUsage('crosscheck suggest needs at least one FILE.');
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1)
    throw badUsage(`--top must be a whole number of at least 1, not "${values.top}".`);

  const documents = [];
  for (const path of positionals) {
    const document = await readTextFile(path, io.cwd);
    for (const warning of document.warnings) io.stderr(`crosscheck: ${warning}\n`);
    documents.push({ id: path, text: document.text });
  }
  const suggestions = buildSuggestionIndex(documents).suggest(claim, { top });
  const rows = suggestions.map((s) => ({
    file: s.documentId,
    start: s.start,
    end: s.end,
    text: s.text,
    stance: s.stance,
    ...(s.facet ? { facet: s.facet } : {}),
    score: s.score,
    reasons: s.reasons,
  }));
  if (values.json) {
    io.stdout(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  if (rows.length === 0) {
    io.stdout('No sentence in these files shares enough with the claim to suggest.\n');
    return 0;
  }
  for (const row of rows) {
    const facet = row.facet === 'source' ? ' (source)' : '';
    io.stdout(
      `${row.score.toFixed(2)}  ${row.stance}${facet}  ${row.file}:${row.start}-${row.end}\n` +
        `      ${row.text.replace(/\s+/g, ' ')}\n      ${row.reasons.join('; ')}\n`,
    );
  }
  return 0;
}
