// The layer rules of DESIGN.md section 1 are enforced by ESLint: prove that they bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/core/text/example.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n", /pure/],
    ['src/core/text/example.ts', "import { app } from 'electron';\nvoid app;\n", /electron/],
    ['src/core/example.ts', "import { x } from '../main/store';\nvoid x;\n", /main-process/],
    ['src/renderer/src/lib/example.ts', "import fs from 'fs';\nvoid fs;\n", /pure/],
    ['src/main/http/example.ts', "import { app } from 'electron';\nvoid app;\n", /electron/],
    ['src/shared/example.ts', "import { ipcMain } from 'electron';\nvoid ipcMain;\n", /electron/],
  ])('rejects a forbidden import in %s', async (filePath, source, message) => {
    const errors = await importErrors(filePath, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['src/core/text/example.ts', "import { sha256 } from '@noble/hashes/sha2.js';\nvoid sha256;\n"],
    ['src/main/http/example.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"],
    ['src/main/electron/example.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['src/core/text/example.test.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"],
  ])('allows a permitted import in %s', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toEqual([]);
  });
});
