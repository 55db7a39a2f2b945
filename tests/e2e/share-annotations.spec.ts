// Two reviewers share work by file: one exports the sample review's annotations, the other, who
// has tagged the same article differently, imports them, reviews the conflict and keeps the
// colleague's version, and sees the merged claims.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousFindings } from '../support/axe-audit';
import type { Page } from '@playwright/test';
import {
  createReview,
  expect,
  repoFile,
  SAMPLE_ARTICLE,
  startServe,
  stopServe,
  test,
} from './browser-host';

/** Opens the sample review and saves its exported annotation file into `folder`. */
async function exportSample(page: Page, url: string, folder: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample review' }).click();
  await expect(page.getByRole('heading', { name: 'Claims (4)' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export annotations' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Sample - Iraq letter, January 2020.crosscheck.json');
  const file = join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('export annotations from one data folder, import and resolve a conflict in another', async ({
  page,
  host,
}) => {
  // Colleague: the sample review, exported.
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-share-'));
  const file = await exportSample(page, host.url, folder);

  // Me, with my own data folder: the same article, the letter sentence tagged as a contradiction.
  const mine = await startServe(join(folder, 'mine'));
  try {
    await page.goto(mine.url);
    await createReview(page, 'My review');
    await page.getByLabel('Import documents', { exact: true }).setInputFiles(SAMPLE_ARTICLE);
    const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
    await expect(article.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('j'); // past the date field to the Department of Defense sentence
    await page.keyboard.press('j'); // to the letter sentence
    await page.keyboard.press('3');
    await expect(article.locator('[data-kind="contradiction"]')).toHaveCount(1);

    await page.getByLabel('Import annotations').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Annotations imported' });
    await expect(dialog).toBeVisible();
    const summary = dialog.getByLabel('Import summary');
    await expect(summary).toContainText(/Added\s*8/);
    // Two readers tagged the letter sentence differently: "same sentence", not a conflict on one
    // tag; it is still listed to compare and to choose a version.
    await expect(summary).toContainText(/Conflicts\s*0/);
    await expect(summary).toContainText(/Same sentence\s*1/);
    await expect(summary).toContainText(/Orphans\s*0/);
    const conflict = dialog.getByRole('listitem', { name: /Conflict on “In letter says/ });
    await expect(conflict).toContainText('Kept (in use)');
    await expect(conflict).toContainText('✗ Contradiction');
    await expect(conflict).toContainText('C Claim');

    await conflict.getByRole('button', { name: 'Use the set-aside version' }).click();
    await expect(
      article.locator('[data-kind="claim"]').filter({ hasText: 'In letter says' }),
    ).toHaveCount(1);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const claims = page.getByRole('complementary', { name: 'Claims' });
    const claim = claims.getByRole('listitem', { name: /In letter says/ });
    // Its evidence is linked again, with what each item speaks to (facets travel in the file).
    await expect(claim).toHaveAttribute('data-source-status', 'confirmed');
    await expect(claim).toHaveAttribute('data-status', 'contradicted');
    await expect(claim).toContainText('the US military has confirmed its authenticity');
    await expect(claim).toContainText('no decision to withdraw');
    await expect(
      page.getByRole('region', { name: 'State of the Union address, 2020' }),
    ).toBeVisible();
  } finally {
    await stopServe(mine);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('annotations from another tool: choose the document they belong to', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createReview(page, 'From Hypothesis');
  await page.getByLabel('Import documents', { exact: true }).setInputFiles(SAMPLE_ARTICLE);
  await expect(page.locator('[data-sentence="1"]')).toBeVisible();
  const source = 'https://example.org/news/iraq-letter';
  const exported = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/x1',
          type: 'Annotation',
          creator: 'acct:liz@hypothes.is',
          created: '2025-02-01T10:00:00Z',
          body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
          target: {
            source,
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: '“We respect your sovereign decision to order our departure,” it said.',
              },
            ],
          },
        },
      ],
    },
  };
  await page.getByLabel('Import annotations').setInputFiles({
    name: 'hypothesis-export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  const choose = page.getByRole('dialog', { name: 'Which documents are these?' });
  await expect(choose).toContainText(source);
  await choose
    .getByLabel(`Document for ${source}`)
    .selectOption({ label: 'iraq-letter-2020-01-06' });
  await choose.getByRole('button', { name: 'Import' }).click();
  const summary = page
    .getByRole('dialog', { name: 'Annotations imported' })
    .getByLabel('Import summary');
  await expect(summary).toContainText(/Added\s*1/);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(
    page.getByRole('complementary', { name: 'Claims' }).getByRole('listitem', {
      name: /We respect your sovereign decision/,
    }),
  ).toHaveAttribute('data-status', 'unverified');
});

test('annotations re-anchor on a corrected copy, and approximate placements can be confirmed', async ({
  page,
  host,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-reanchor-'));
  const file = await exportSample(page, host.url, folder);

  const mine = await startServe(join(folder, 'mine'));
  try {
    await page.goto(mine.url);
    await createReview(page, 'Corrected copy');
    // The same article, re-pasted with a typo fixed and a sentence added at the top.
    const original = readFileSync(SAMPLE_ARTICLE, 'utf8');
    const corrected =
      'Editor’s note: this copy was corrected on 7 January.\n\n' +
      original.replace('In letter says that', 'The letter says that');
    await page.getByLabel('Import documents', { exact: true }).setInputFiles({
      name: 'iraq-letter-2020-01-06.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(corrected),
    });
    await expect(page.locator('[data-sentence="1"]')).toBeVisible();

    await page.getByLabel('Import annotations').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Annotations imported' });
    const summary = dialog.getByLabel('Import summary');
    await expect(summary).toContainText(/Re-anchored\s*[1-9]/);
    await expect(summary).toContainText(/Need review\s*[1-9]/);
    await expect(summary).toContainText(/Orphans\s*0/);
    const toCheck = dialog.getByRole('listitem').filter({ hasText: 'The letter says that' });
    await expect(toCheck).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
    const claimRow = article.locator('[data-kind="claim"]').filter({ hasText: 'The letter says' });
    await expect(claimRow).toContainText('check placement');
    const claims = page.getByRole('complementary', { name: 'Claims' });
    // Re-anchored with what each item speaks to: the letter genuine, its withdrawal contradicted.
    const letter = claims.getByRole('listitem', { name: /The letter says that/ });
    await expect(letter).toHaveAttribute('data-source-status', 'confirmed');
    await expect(letter).toHaveAttribute('data-status', 'contradicted');

    await page.getByRole('button', { name: /Conflicts & orphans/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('listitem')
      .filter({ hasText: 'The letter says that' })
      .getByRole('button', { name: 'Placement is right' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect(claimRow).not.toContainText('check placement');
  } finally {
    await stopServe(mine);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('real-shaped Hypothesis rows land on their sentences; a label is mapped; the review exports for QDA', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Harbour');
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles(repoFile('tests/fixtures/annotations/bridge-article.txt'));
  const rows = page
    .getByRole('region', { name: 'bridge-article' })
    .getByRole('listbox')
    .getByRole('option');
  await expect(rows.first()).toBeVisible();

  // Positions count the web page, far beyond this text: the quotes still place the tags.
  await page
    .getByLabel('Import annotations')
    .setInputFiles(repoFile('tests/fixtures/annotations/hypothesis-api-search.json'));
  const choose = page.getByRole('dialog', { name: 'Which documents are these?' });
  await expect(choose).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await choose.getByRole('combobox').first().selectOption({ label: 'bridge-article' });
  await choose.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotations imported' });
  const summary = dialog.getByLabel('Import summary');
  await expect(summary).toContainText(/Added\s*10/);
  await expect(summary).toContainText(/Same sentence\s*1/);
  await expect(summary).toContainText(/Orphans\s*1/);
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  const labels = dialog.getByRole('region', { name: /Labels from the other tool/ });
  await expect(labels).toContainText('disputes');
  await labels.getByLabel(/disputes/).selectOption('contradiction');
  await labels.getByRole('button', { name: 'Import again with these kinds' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Annotations imported' }).getByLabel('Import summary'),
  ).toContainText(/Added\s*1/);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[role="option"][data-kind="claim"]').first()).toBeVisible();
  await expect(page.locator('[role="option"][data-kind="contradiction"]')).not.toHaveCount(0);

  // The same review as a REFI-QDA project.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for QDA (.qdpx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Harbour.qdpx');
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(Buffer.from('project.qde'))).toBe(true);
});
