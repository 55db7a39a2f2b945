// A reviewer imports a hard-wrapped text (Moby-Dick's first chapter as Project Gutenberg prints
// it, every line broken at about 70 characters) and gets its sentences, not its lines: a sentence
// wrapped over four lines is one row, shown on one line, and tagging it anchors the whole
// sentence, line breaks and all, in the review file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anchor } from '../../src/core/review/types';
import { mobyDickFirstChapter } from '../support/moby-dick';
import {
  createReview,
  expect,
  importTextFile,
  reviewFileOnDisk,
  startServe,
  stopServe,
  test,
} from './browser-host';

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

test('a tag made on one line of a wrapped sentence (as before) shows on its sentence and clears', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Older review');
  const chapter = mobyDickFirstChapter();
  const rows = await importTextFile(page, 'chapter-1.txt', chapter);
  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
  await stopServe(host);

  // Move the claim to the sentence's second line, where the segmenter once put a "sentence".
  const folder = join(dataDir, 'reviews');
  const file = join(folder, readdirSync(folder).find((f) => f.endsWith('.json')) as string);
  const review = JSON.parse(readFileSync(file, 'utf8')) as { tags: { anchor: Anchor }[] };
  const start = chapter.indexOf('little or no money');
  const end = chapter.indexOf('\n', start);
  const tag = review.tags[0] as { anchor: Anchor };
  tag.anchor = {
    start,
    end,
    exact: chapter.slice(start, end),
    prefix: chapter.slice(start - 32, start),
    suffix: chapter.slice(end, end + 32),
  };
  writeFileSync(file, JSON.stringify(review, null, 2));

  const again = await startServe(dataDir);
  try {
    await page.goto(again.url);
    const wrapped = rows.nth(3);
    await expect(wrapped).toHaveAttribute('data-kind', 'claim');
    await expect(wrapped.locator('.sentence-text')).toHaveText(/^Some years ago/);
    // Keyboard only: the claim clears from its sentence, on screen and on disk.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await page.keyboard.press('0');
    await expect(wrapped).toHaveAttribute('data-kind', 'none');
    await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
    expect(reviewFileOnDisk<{ tags: unknown[] }>(dataDir).tags).toEqual([]);
  } finally {
    await stopServe(again);
  }
});
