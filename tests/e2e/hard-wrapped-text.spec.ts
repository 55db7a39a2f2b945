// A reviewer imports a hard-wrapped text (Moby-Dick's first chapter as Project Gutenberg prints
// it, every line broken at about 70 characters) and gets its sentences, not its lines: a sentence
// wrapped over four lines is one row, shown on one line, and tagging it anchors the whole
// sentence, line breaks and all, in the review file.
import { mobyDickFirstChapter } from '../support/moby-dick';
import { createReview, expect, importTextFile, reviewFileOnDisk, test } from './browser-host';

const SENTENCE =
  'Some years ago—never mind how long precisely—having\nlittle or no money in my purse, and nothing particular to interest me on\nshore, I thought I would sail about a little and see the watery part of\nthe world.';

test('a hard-wrapped chapter reads as sentences; tagging one anchors all its lines', async ({
  page,
  host,
  dataDir,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await createReview(page, 'Loomings');
  const rows = await importTextFile(page, 'chapter-1.txt', mobyDickFirstChapter());
  await expect(rows.nth(2)).toHaveText(/Call me Ishmael\./);
  const wrapped = rows.nth(3);
  // One row, one line of text: the wraps show as spaces.
  await expect(wrapped.locator('.sentence-text')).toHaveText(SENTENCE.replace(/\n/g, ' '));
  await expect(rows.nth(4).locator('.sentence-text')).toHaveText(
    'It is a way I have of driving off the spleen and regulating the circulation.',
  );
  // Keyboard only: into the list, down to the fourth sentence, tag it as a claim.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  await page.keyboard.press('1');
  await expect(wrapped).toHaveAttribute('data-kind', 'claim');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
  const claims = page.getByRole('complementary', { name: 'Claims' });
  await expect(claims.getByRole('listitem', { name: /Some years ago/ })).toContainText(
    'having little or no money',
  );
  const review = reviewFileOnDisk<{ tags: { kind: string; anchor: { exact: string } }[] }>(dataDir);
  expect(review.tags.map((t) => [t.kind, t.anchor.exact])).toEqual([['claim', SENTENCE]]);
});
