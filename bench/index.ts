// `npm run bench`: every benchmark, each measured against a baseline in the same run. The
// workspace benchmark drives the built app: run `npm run build` first.
import { benchMerge, benchReanchor } from './annotations';
import { benchBrief } from './brief';
import { benchLargeImport } from './large-import';
import { benchOrigins } from './origins';
import { benchSegmentation } from './segmentation';
import { benchSuggestions } from './suggestions';
import { benchSync } from './sync';
import { formatTable, type Table } from './table';
import { benchTagging } from './tagging';
import { benchWorkspaceUi } from './workspace-ui';

const suites: [string, () => Table[] | Promise<Table[]>][] = [
  ['segmentation', benchSegmentation],
  ['tagging latency', benchTagging],
  ['workspace UI', benchWorkspaceUi],
  ['workspace large import', benchLargeImport],
  ['annotation files: merge', benchMerge],
  ['annotation files: re-anchoring', () => [benchReanchor()]],
  ['PDF brief', benchBrief],
  ['evidence suggestions', benchSuggestions],
  ['independent origins', benchOrigins],
  ['team sync', benchSync],
];

// `npm run bench -- workspace annotation` runs only the suites whose names contain those words.
const only = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = suites.filter(
  ([name]) => only.length === 0 || only.some((w) => name.toLowerCase().includes(w)),
);
if (chosen.length === 0) {
  process.stderr.write(
    `No benchmark suite matches ${only.join(', ')}; the suites are: ${suites.map(([n]) => n).join(', ')}.\n`,
  );
  process.exit(2);
}

for (const [name, run] of chosen) {
  process.stdout.write(`Running ${name}…\n`);
  for (const table of await run()) process.stdout.write(formatTable(table) + '\n');
}
