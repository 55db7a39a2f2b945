// Baseline of the `crosscheck segment --json` row in bench/segmentation.ts: the least a sentence
// command can do. Reads a UTF-8 file, cuts it with one regular expression (after . ! ? or at a
// line break) and prints the same JSON shape: node bench/naive-segment.mjs FILE
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const sentences = [];
for (const match of text.matchAll(/[^\s][^.!?\n]*(?:[.!?]+|$)/gm)) {
  sentences.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
}
process.stdout.write(JSON.stringify(sentences, null, 2) + '\n');
