// A reviewer, keyboard first, grades a confirmation on the Admiralty scale: its source Reuters B
// (usually reliable) and the item 2 (probably true); grade 1 on an item with one origin is refused
// in plain words in the dialog; the claims panel shows "Reuters (B) · 2", after a reload too, and
// the review file on disk holds both grades.
import { readFileSync } from 'node:fs';
import { seriousFindings } from '../support/axe-audit';
import {
  createReview,
  expect,
  importTextFile,
  reviewFileOnDisk,
  SAMPLE_ARTICLE,
  test,
} from './browser-host';

const WIRE = [
  'Baghdad, January 6.',
  'The letter is genuine, Reuters reported on Monday, citing an Iraqi military source.',
  'It was addressed to the Iraqi defence ministry.',
].join(' ');

interface StoredReview {
  tags: { kind: string; sourceId?: string; credibility?: number }[];
  sources?: { id: string; name: string; reliability?: string }[];
}

test('grade a source and an item from the keyboard; 1 without a second origin is refused', async ({
  page,
  host,
  dataDir,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(host.url);
  const prompt = page.getByRole('region', { name: 'Who is reviewing?' });
  await prompt.getByLabel('Your name').fill('Ana Reviewer');
  await prompt.getByLabel('Your name').press('Enter');
  await expect(prompt).toBeHidden();

  await createReview(page, 'Iraq letter: grades');
  await importTextFile(page, 'iraq-letter-2020-01-06.txt', readFileSync(SAMPLE_ARTICLE, 'utf8'));
  await importTextFile(page, 'reuters-wire.txt', WIRE);
  const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
  await expect(article.getByRole('listbox').getByRole('option').first()).toContainText(
    'date 2020-01-06',
  );
  const wire = page.getByRole('region', { name: 'reuters-wire' });

  // The claim (1, pinned with P), then the wire's sentence confirms it (2), said by Reuters (A).
  await page.keyboard.press('Tab');
  await expect(article.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await page.keyboard.press('p');
  const claim = page
    .getByRole('complementary', { name: 'Claims' })
    .getByRole('listitem', { name: /In letter says/ });
  await expect(claim).toContainText('◆ pinned');
  await page.keyboard.press('F6');
  await expect(wire.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  await page.keyboard.press('a');
  const attribution = page.getByRole('dialog', { name: 'Who says this confirmation?' });
  await expect(attribution.getByLabel('Speaker or outlet')).toHaveValue('Reuters');
  await page.keyboard.press('Enter');
  await expect(attribution).toBeHidden();
  const item = claim.locator('.evidence');
  await expect(item).toContainText('Reuters');

  // G: the item's credibility and Reuters' reliability, each starting at "not graded".
  await page.keyboard.press('g');
  const grade = page.getByRole('dialog', { name: 'Grade this confirmation' });
  await expect(grade).toBeVisible();
  await expect(grade.getByRole('radio', { name: /not graded/ })).toHaveCount(2);
  const credibility = grade.getByRole('group', { name: 'How credible is what it says?' });
  const reliability = grade.getByRole('group', { name: 'How reliable is Reuters?' });
  await expect(credibility.getByRole('radio', { name: /not graded/ })).toBeFocused();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('ArrowDown'); // 1
  await page.keyboard.press('ArrowDown'); // 2
  await expect(credibility.getByRole('radio', { name: '2 probably true' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(reliability.getByRole('radio', { name: /not graded/ })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // A
  await page.keyboard.press('ArrowDown'); // B
  await expect(reliability.getByRole('radio', { name: 'B usually reliable' })).toBeChecked();
  await page.screenshot({ path: '.screens/grade-dialog.png' });
  await page.keyboard.press('Enter');
  await expect(grade).toBeHidden();
  await expect(wire.getByRole('listbox')).toBeFocused();
  await expect(item).toContainText('Reuters (B) · 2');
  await expect(item.locator('.grades')).toHaveAttribute(
    'title',
    'source B: usually reliable · item 2: probably true · G to change',
  );

  // Grade 1 needs a second independent origin; this item has one: refused, in the dialog.
  await page.keyboard.press('g');
  await expect(grade).toBeVisible();
  await expect(credibility.getByRole('radio', { name: '2 probably true' })).toBeChecked();
  await expect(reliability.getByRole('radio', { name: 'B usually reliable' })).toBeChecked();
  await credibility.getByRole('radio', { name: '2 probably true' }).focus();
  await page.keyboard.press('ArrowUp'); // 1
  await expect(
    credibility.getByRole('radio', { name: '1 confirmed by other sources' }),
  ).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(grade.getByRole('alert')).toHaveText(
    'Grade 1 (confirmed by other sources) needs another independent origin saying the same; link one, or choose grade 2 to 6.',
  );
  await expect(grade).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grade).toBeHidden();
  await expect(wire.getByRole('listbox')).toBeFocused();
  await expect(item).toContainText('Reuters (B) · 2');

  // After a reload the grades are still there, and the file on disk holds them.
  await page.reload();
  await expect(claim.locator('.evidence')).toContainText('Reuters (B) · 2');
  const stored = reviewFileOnDisk<StoredReview>(dataDir);
  const evidence = stored.tags.find((t) => t.kind === 'confirmation');
  expect(evidence?.credibility).toBe(2);
  const reuters = stored.sources?.find((s) => s.id === evidence?.sourceId);
  expect(reuters).toMatchObject({ name: 'Reuters', reliability: 'B' });
});
