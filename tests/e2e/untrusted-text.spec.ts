// Document text is untrusted: markup in it is shown as text and never runs.
import { createReview, expect, test } from './browser-host';

test('markup in a document is shown as text and runs nothing', async ({ page, host }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(host.url);
  await createReview(page, 'Hostile text');
  const hostile = [
    'A <script>alert(1)</script> tag.',
    'An <img src=x onerror="alert(2)"> image.',
    'A <a href="javascript:alert(3)">javascript:alert(3)</a> link.',
  ].join('\n');
  await page.getByLabel('Import documents', { exact: true }).setInputFiles({
    name: 'hostile.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(hostile),
  });
  const pane = page.getByRole('region', { name: 'hostile' });
  await expect(pane.getByRole('listbox').getByRole('option').nth(0)).toContainText(
    '<script>alert(1)</script>',
  );
  await expect(pane.getByRole('listbox').getByRole('option').nth(1)).toContainText(
    '<img src=x onerror="alert(2)">',
  );
  await expect(pane.getByRole('listbox').getByRole('option').nth(2)).toContainText(
    'javascript:alert(3)',
  );
  await expect(pane.locator('script, img, a')).toHaveCount(0);
  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
});

test('files that are not text are refused by name, in plain words', async ({ page, host }) => {
  await page.goto(host.url);
  await createReview(page, 'Refusals');
  await page.getByLabel('Import documents', { exact: true }).setInputFiles([
    {
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]),
    },
    { name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n\n ') },
    { name: 'fine.txt', mimeType: 'text/plain', buffer: Buffer.from('One sentence. Two.') },
  ]);
  await expect(page.getByRole('alert').filter({ hasText: 'photo.png' })).toContainText(
    'looks like a PNG image, not a text file',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'blank.txt' })).toContainText(
    'contains only blank space',
  );
  await expect(
    page.getByRole('region', { name: 'fine' }).getByRole('listbox').getByRole('option'),
  ).toHaveCount(2);
});

test('a run of text with no sentence end is cut into rows marked as cut for length', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Long run');
  const run = Array.from({ length: 900 }, (_, i) => `Word${i}`).join(' ');
  await page.getByLabel('Import documents', { exact: true }).setInputFiles({
    name: 'run-on.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`A normal sentence first. ${run}`),
  });
  const rows = page
    .getByRole('region', { name: 'run-on' })
    .getByRole('listbox')
    .getByRole('option');
  await expect(rows.first()).toHaveText(/^1\s*A normal sentence first\.\s*$/);
  await expect(rows.nth(1)).toContainText('cut for length');
  expect(await rows.count()).toBeGreaterThan(2);
});

test('bidi controls cannot reorder what the reviewer sees: documents, file names, notes', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Trojan Source');
  const RLO = '\u202e';
  await page.getByLabel('Import documents', { exact: true }).setInputFiles([
    {
      name: 'prices.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`The invoice says ${RLO}0001$ in total.\nA second line.`),
    },
    {
      // A PNG whose name, read naively, would reverse the refusal message around it.
      name: `photo${RLO}gnp.txt`,
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]),
    },
  ]);
  const rows = page
    .getByRole('region', { name: 'prices' })
    .getByRole('listbox')
    .getByRole('option');
  await expect(rows.first()).toContainText('⟨RLO⟩0001$ in total.');
  const refusal = page.getByRole('alert').filter({ hasText: 'was not imported' });
  await expect(refusal).toContainText('photo⟨RLO⟩gnp.txt');
  expect(await refusal.innerText()).not.toContain(RLO);

  // A note with a control shows it too.
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await page.getByRole('dialog').getByLabel('Note').fill(`Total is ${RLO}0001$`);
  await page.getByRole('dialog').getByLabel('Note').press('Control+Enter');
  await expect(rows.first()).toContainText('✎ Total is ⟨RLO⟩0001$');
});

test('two refused files of the same name are both reported', async ({ page, host }) => {
  await page.goto(host.url);
  await createReview(page, 'Same names');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]);
  await page.getByLabel('Import documents', { exact: true }).setInputFiles([
    { name: 'scan.txt', mimeType: 'text/plain', buffer: png },
    { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n ') },
  ]);
  const refusals = page.getByRole('alert').filter({ hasText: 'scan.txt' });
  await expect(refusals).toHaveCount(2);
  await expect(refusals.nth(0)).toContainText('looks like a PNG image');
  await expect(refusals.nth(1)).toContainText('contains only blank space');
});
