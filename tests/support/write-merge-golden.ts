// Writes the golden output of the merge pipeline for the pair in merge-pair.ts, from the code of
// the checkout it runs in: `npx tsx tests/support/write-merge-golden.ts`. Run it on a commit whose
// output is trusted; merge-pipeline.test.ts then checks every later change against those bytes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeFiles, mergePair } from './merge-pair';

const { fileA, fileB } = mergePair();
const golden = fileURLToPath(
  new URL('../fixtures/annotations/merge-pair.golden.json', import.meta.url),
);
writeFileSync(golden, mergeFiles(fileA, fileB));
process.stdout.write(`Wrote ${golden}\n`);
