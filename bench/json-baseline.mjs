// The merge command's baseline as a process of its own: read both files, parse both, and write the
// first back with JSON.stringify (two-space indentation), as the in-memory baseline does.
import { readFileSync, writeFileSync } from 'node:fs';

const [a, b, out] = process.argv.slice(2);
const first = JSON.parse(readFileSync(a, 'utf8'));
JSON.parse(readFileSync(b, 'utf8'));
writeFileSync(out, JSON.stringify(first, null, 2));
