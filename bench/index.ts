// `npm run bench`: every benchmark, each measured against a baseline in the same run. The
// workspace benchmark drives the built app: run `npm run build` first.
import { benchAnnotations } from './annotations';
import { benchBrief } from './brief';
import { benchOrigins } from './origins';
import { benchSegmentation } from './segmentation';
import { benchSuggestions } from './suggestions';
import { formatTable, type Table } from './table';
import { benchTagging } from './tagging';
import { benchWorkspaceUi } from './workspace-ui';

const suites: [string, () => Table[] | Promise<Table[]>][] = [
  ['segmentation', benchSegmentation],
  ['tagging latency', benchTagging],
  ['workspace UI', benchWorkspaceUi],
  ['annotation files', benchAnnotations],
  ['PDF brief', benchBrief],
  ['evidence suggestions', benchSuggestions],
  ['independent origins', benchOrigins],
];

for (const [name, run] of suites) {
  process.stdout.write(`Running ${name}…\n`);
  for (const table of await run()) process.stdout.write(formatTable(table) + '\n');
}
