// `npm run bench`: every benchmark, each measured against a baseline in the same run.
import { benchSegmentation } from './segmentation';
import { formatTable, type Table } from './table';

const suites: [string, () => Table[] | Promise<Table[]>][] = [['segmentation', benchSegmentation]];

for (const [name, run] of suites) {
  process.stdout.write(`Running ${name}…\n`);
  for (const table of await run()) process.stdout.write(formatTable(table) + '\n');
}
