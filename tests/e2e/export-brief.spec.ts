// A reviewer exports the PDF brief of the sample review from the browser host and gets a PDF that
// states every claim, its status and the quoted evidence.
import { readFileSync } from 'node:fs';
import { flat, pdfText } from '../support/read-pdf';
import { expect, test } from './browser-host';

test('export the brief of the sample review as a PDF download', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample review' }).click();
  await expect(page.getByRole('heading', { name: 'Claims (4)' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export brief' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Sample - Iraq letter, January 2020.pdf');
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  const text = flat(await pdfText(path));
  expect(text).toContain('Sample: Iraq letter, January 2020');
  expect(text).toContain('In letter says that the U.S. troops would pull out of the country');
  expect(text).toMatch(/contested/i);
  expect(text).toContain('was confirmed to Reuters independently by an Iraqi military source');
  expect(text).toContain('no decision to withdraw');
  expect(text).toContain('bring our troops back home');
  expect(text).toMatch(/Page 1 of \d+/);
  await expect(page.getByRole('status').filter({ hasText: 'was downloaded as' })).toBeVisible();
});
