// A reviewer puts an Arabic ministry statement beside an English article, tags a claim in the
// article and the statement's denial as a contradiction of it: the Arabic pane reads right to
// left, inside the left-to-right workspace, with its numbers in place.
import { createReview, expect, test } from './browser-host';

const ARTICLE = [
  'BAGHDAD (Reuters) - A letter says US troops will leave Iraq within 30 days.',
  'The letter was signed by a US general.',
].join(' ');
// "The Ministry of Defence denied that any decision to withdraw had been taken." / "The letter,
// dated 6 January 2020, was a draft." / "The ministry said: no withdrawal before 1932 troops leave."
const STATEMENT = [
  'نفت وزارة الدفاع اتخاذ أي قرار بالانسحاب.',
  'وقالت الوزارة إن الرسالة المؤرخة في 6 كانون الثاني 2020 كانت مسودة.',
  'وأضافت: لا انسحاب قبل مغادرة 1932 جنديًا؟',
].join(' ');

test('an Arabic statement reads right to left and links to a claim in an English article', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await createReview(page, 'Two languages');
  await page.getByLabel('Import documents', { exact: true }).setInputFiles([
    { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) },
    { name: 'بيان-الوزارة.txt', mimeType: 'text/plain', buffer: Buffer.from(STATEMENT) },
  ]);
  const article = page.getByRole('region', { name: 'article' });
  const statement = page.getByRole('region', { name: 'بيان-الوزارة' });
  const arabicRows = statement.getByRole('listbox').getByRole('option');
  await expect(arabicRows).toHaveCount(3);
  await expect(article.getByRole('listbox').getByRole('option')).toHaveCount(2);

  // Every Arabic sentence is laid out right to left; the English ones left to right.
  for (let i = 0; i < 3; i++) {
    const direction = await arabicRows
      .nth(i)
      .locator('.text')
      .evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
  }
  const english = await article
    .getByRole('listbox')
    .getByRole('option')
    .first()
    .locator('.text')
    .evaluate((el) => getComputedStyle(el).direction);
  expect(english).toBe('ltr');
  // The workspace itself stays left to right.
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
  await expect(arabicRows.nth(2)).toContainText('1932');

  // Tag and link across the two documents with the keyboard.
  await page.keyboard.press('Tab');
  await expect(article.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('F6');
  await expect(statement.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('3');
  await expect(page.getByRole('dialog', { name: /contradiction speak to/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const claim = page
    .getByRole('complementary', { name: 'Claims' })
    .getByRole('listitem', { name: /A letter says US troops/ });
  await expect(claim).toHaveAttribute('data-status', 'contradicted');
  await expect(claim).toContainText('نفت وزارة الدفاع');
  await expect(arabicRows.first()).toHaveAttribute('data-kind', 'contradiction');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `.screens/right-to-left-${colorScheme}.png` });
  }
});
