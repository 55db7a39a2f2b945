// Where an Electron binary is installed (a developer's laptop), launch the real Electron host and
// tag one sentence. Where none is (this CI machine cannot download it), say so plainly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { SAMPLE_ARTICLE } from './browser-host';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary(ROOT);

test('the Electron host opens the workspace and tags a sentence', async () => {
  test.skip(
    binary === undefined,
    'Not run: no Electron binary is installed on this machine (node_modules/electron/dist is missing), so only the browser host was tested.',
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'crosscheck-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [ROOT],
    env: { ...process.env, CROSSCHECK_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await page.getByLabel('New review name').fill('Electron smoke');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByLabel('Import documents', { exact: true }).setInputFiles(SAMPLE_ARTICLE);
    const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
    await expect(article.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
    await expect(article.locator('[data-kind="claim"]')).toHaveCount(1);
    // The preload exposes the contract and nothing of Node or Electron.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
