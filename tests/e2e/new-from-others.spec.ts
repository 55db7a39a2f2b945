// Ana and Ben share a review through a sync server, each with a browser host of their own. Ana
// tags two sentences; Ben's top bar says "2 new from others" and both rows carry a "new" badge.
// Ben goes to the next new one by keyboard: the cursor and focus land on it, its badge goes, the
// count says 1 — also after a reload, since what Ben has seen is kept in his own file (one tag
// left) while the review file stays as it was. Ben's own tag adds nothing; U takes him to the last;
// Ana marks all seen.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, reviewFileOnDisk, test } from './browser-host';
import { withTeam } from './sync-hosts';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const TOKEN = 'e2e-new-from-others-token-0123456789ab';

/** Ben's list of tags new to him, as his data folder holds it. */
function unseenOnDisk(dataDir: string): { tagId: string; by: string }[] {
  const [reviewId] = readdirSync(join(dataDir, 'sync'));
  const file = join(dataDir, 'sync', reviewId ?? '', 'unseen.json');
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { tags: { tagId: string; by: string }[] })
      .tags;
  } catch {
    return [];
  }
}

function reviewText(dataDir: string): string {
  const [file] = readdirSync(join(dataDir, 'reviews')).filter((f) => f.endsWith('.json'));
  return readFileSync(join(dataDir, 'reviews', file ?? ''), 'utf8');
}

test('tags from a teammate are badged and counted until looked at, over a reload', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(90_000);
  await withTeam(page, dataDir, TOKEN, { text: TEXT, sentences: 3 }, async (team) => {
    const { ben, pageB, rowsA, rowsB } = team;
    await expect(pageB.getByRole('status', { name: 'Team sync' })).toHaveText(
      'Team: online · also here: Ana',
      { timeout: 15_000 },
    );

    // Ana tags sentences 2 and 3 by keyboard.
    const listA = page.getByRole('listbox', { name: 'Sentences of letter' });
    await listA.focus();
    for (const key of ['j', '1', 'j', '1']) await page.keyboard.press(key);
    await expect(rowsA.nth(2)).toHaveAttribute('data-kind', 'claim');

    // Ben: a count in the top bar, a badge naming Ana on both rows, none on the untagged one.
    const count = pageB.getByRole('button', { name: /new from others$/ });
    await expect(count).toHaveText('2 new from others', { timeout: 15_000 });
    await expect(rowsB.nth(1)).toHaveAttribute('data-kind', 'claim');
    for (const i of [1, 2]) await expect(rowsB.nth(i)).toContainText('new from Ana');
    await expect(rowsB.nth(0)).not.toContainText('new from');
    await expect(pageB.getByRole('contentinfo')).toContainText('redo · U next new from others');
    // Ana's own tags are nothing new to her.
    await expect(page.getByRole('button', { name: /new from others$/ })).toHaveCount(0);
    await expect.poll(() => JSON.parse(reviewText(ben.dataDir)).tags.length).toBe(2);
    const reviewBefore = reviewText(ben.dataDir);

    // Ben presses the count (reached by keyboard): the cursor and focus land on sentence 2.
    await count.focus();
    await pageB.keyboard.press('Enter');
    const listB = pageB.getByRole('listbox', { name: 'Sentences of letter' });
    await expect(rowsB.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(listB).toBeFocused();
    await expect(rowsB.nth(1)).not.toContainText('new from');
    await expect(rowsB.nth(2)).toContainText('new from Ana');
    await expect(count).toHaveText('1 new from others');

    // On disk: Ben's own file holds one tag; seeing wrote nothing to the review.
    await expect.poll(() => unseenOnDisk(ben.dataDir).length).toBe(1);
    expect(unseenOnDisk(ben.dataDir)[0]?.by).toBe('Ana');
    expect(reviewText(ben.dataDir)).toBe(reviewBefore);

    // After a reload the count is still 1.
    await pageB.reload();
    await expect(count).toHaveText('1 new from others', { timeout: 15_000 });
    await expect(rowsB.nth(2)).toContainText('new from Ana');

    // Ben's own tag adds nothing for him (it is new for Ana, from Ben).
    await listB.focus();
    await pageB.keyboard.press('1');
    await expect(rowsB.nth(0)).toHaveAttribute('data-kind', 'claim');
    await expect(page.getByRole('button', { name: /new from others$/ })).toHaveText(
      '1 new from others',
      { timeout: 15_000 },
    );
    await expect(rowsA.nth(0)).toContainText('new from Ben');
    await expect(count).toHaveText('1 new from others');

    // U goes to the last new one; nothing new is left, and focus stays in the list.
    await pageB.keyboard.press('u');
    await expect(rowsB.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(count).toHaveCount(0);
    await expect(listB).toBeFocused();
    await expect.poll(() => unseenOnDisk(ben.dataDir).length).toBe(0);
    expect(reviewFileOnDisk<{ tags: unknown[] }>(ben.dataDir).tags).toHaveLength(3);

    // Ana marks all seen from the keyboard: the count goes, focus lands in her sentences.
    await page.getByRole('button', { name: 'Mark all seen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /new from others$/ })).toHaveCount(0);
    await expect(rowsA.nth(0)).not.toContainText('new from');
    await expect(page.getByRole('listbox', { name: 'Sentences of letter' })).toBeFocused();
  });
});
