// A reviewer, keyboard first, says who they are, tags a claim in the sample article and evidence
// in two other documents, marks one item as speaking to the claim's source, accepts who says it
// from the suggestion, gives a verdict, and sees the claim's two statuses; after a reload
// everything is still there, the brief states it, and the review file on disk holds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriousFindings } from '../support/axe-audit';
import { flat, pdfText } from '../support/read-pdf';
import { createReview, expect, SAMPLE_ARTICLE, test } from './browser-host';

const WIRE = [
  'Baghdad, January 6.',
  'The letter is genuine, Reuters reported on Monday, citing an Iraqi military source.',
  'It was addressed to the Iraqi defence ministry.',
].join(' ');

const BRIEFING = [
  'Washington, January 6.',
  'There has been no decision whatsoever to leave Iraq, Defense Secretary Mark Esper said.',
  'He spoke to reporters at the Pentagon.',
].join(' ');

interface StoredReview {
  reviewers: string[];
  tags: {
    id: string;
    kind: string;
    author: string;
    anchor: { exact: string };
    claimIds?: string[];
    facets?: Record<string, string>;
    sourceId?: string;
  }[];
  sources?: { id: string; name: string }[];
  judgements?: Record<string, { verdict: string; confidence: string; rationale?: string }>;
  documents: { title: string; outlet?: string; date?: string }[];
}

function reviewOnDisk(dataDir: string): StoredReview {
  const folder = join(dataDir, 'reviews');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(folder, files[0] as string), 'utf8')) as StoredReview;
}

test('source and content, who says it and the verdict, from the keyboard to the brief and the file', async ({
  page,
  host,
  dataDir,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(host.url);

  // First run: asked once who is reviewing, with the operating-system user filled in.
  const prompt = page.getByRole('region', { name: 'Who is reviewing?' });
  const nameField = prompt.getByLabel('Your name');
  await expect(nameField).not.toHaveValue('');
  await nameField.fill('Ana Reviewer');
  await nameField.press('Enter');
  await expect(prompt).toBeHidden();

  await createReview(page, 'Iraq letter: source and content');
  const file = (name: string, text: string) => ({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles([
      file('iraq-letter-2020-01-06.txt', readFileSync(SAMPLE_ARTICLE, 'utf8')),
      file('reuters-wire.txt', WIRE),
      file('pentagon-briefing.txt', BRIEFING),
    ]);
  const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
  await expect(article.getByRole('listbox').getByRole('option').first()).toContainText(
    'date 2020-01-06',
  );
  const wire = page.getByRole('region', { name: 'reuters-wire' });
  const briefing = page.getByRole('region', { name: 'pentagon-briefing' });

  // The claim: Tab into the article, j j to the letter's sentence, 1 tags it, P pins it.
  await page.keyboard.press('Tab');
  await expect(article.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await page.keyboard.press('p');
  await expect(article.locator('[data-kind="claim"]')).toContainText('In letter says');
  const claims = page.getByRole('complementary', { name: 'Claims' });
  const claim = claims.getByRole('listitem', { name: /In letter says/ });
  await expect(claim).toContainText('◆ pinned');
  await expect(claim).toContainText('Unverified: no independent evidence yet');

  // Evidence on the source: the wire's second sentence confirms the letter is genuine. S marks
  // its link as speaking to the source; A opens who says it with "Reuters" suggested; Enter.
  await page.keyboard.press('F6');
  await expect(wire.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  const wireEvidence = wire.locator('[data-kind="confirmation"]');
  await expect(wireEvidence).toContainText('content');
  await page.keyboard.press('s');
  await expect(wireEvidence.locator('.facet')).toHaveText('source');
  await page.keyboard.press('a');
  const attribution = page.getByRole('dialog', { name: 'Who says this confirmation?' });
  await expect(attribution).toBeVisible();
  const who = attribution.getByLabel('Speaker or outlet');
  await expect(who).toBeFocused();
  await expect(who).toHaveValue('Reuters');
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.screenshot({ path: '.screens/attribution-dialog.png' });
  await expect(attribution).toContainText('Suggested because the sentence says “Reuters reported”');
  await page.keyboard.press('Enter');
  await expect(attribution).toBeHidden();
  await expect(wire.getByRole('listbox')).toBeFocused();
  await expect(wireEvidence).toContainText('— Reuters');

  // Evidence on the content: the briefing's second sentence contradicts the withdrawal.
  await page.keyboard.press('F6');
  await expect(briefing.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expect(briefing.locator('[data-kind="contradiction"]')).toContainText('content');
  // Who says it, corrected before accepting: Esc first leaves it as it was.
  await page.keyboard.press('a');
  const esper = page.getByRole('dialog', { name: 'Who says this contradiction?' });
  await expect(esper.getByLabel('Speaker or outlet')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(esper).toBeHidden();
  await expect(briefing.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('a');
  await expect(esper.getByLabel('Speaker or outlet')).toHaveValue('Defense Secretary Mark Esper');
  await page.keyboard.type('Mark Esper');
  await page.keyboard.press('Enter');
  await expect(briefing.locator('[data-kind="contradiction"]')).toContainText('— Mark Esper');

  // Both statuses, counted in independent origins, with the evidence under Source and Content.
  await expect(claim).toHaveAttribute('data-source-status', 'confirmed');
  await expect(claim).toHaveAttribute('data-status', 'contradicted');
  await expect(claim).toContainText('Source: Confirmed');
  await expect(claim).toContainText('Content: Contradicted');
  await expect(claim).toContainText('Authentic (1 origin) · content contradicted (1)');
  await expect(claim.getByRole('group', { name: 'Evidence on the source' })).toContainText(
    'Reuters',
  );
  await expect(claim.getByRole('group', { name: 'Evidence on the content' })).toContainText(
    'Mark Esper',
  );

  // The verdict: Shift+F6 back to the article (the claim is still selected there), V.
  await page.keyboard.press('Shift+F6');
  await page.keyboard.press('Shift+F6');
  await expect(article.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('v');
  const verdict = page.getByRole('dialog', { name: 'Your verdict on this claim' });
  await expect(verdict).toBeVisible();
  await expect(verdict.getByRole('radio', { name: /^almost no chance/ })).toBeFocused();
  // Tab stays inside the dialog however far it goes.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await verdict.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await verdict.getByRole('radio', { name: /^almost no chance/ }).focus();
  await page.keyboard.press('ArrowDown'); // very unlikely
  await expect(verdict.getByRole('radio', { name: /^very unlikely/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp'); // from moderate to high
  await expect(verdict.getByRole('radio', { name: 'high' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Genuine letter, but no decision to withdraw.');
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.screenshot({ path: '.screens/verdict-dialog.png' });
  await page.keyboard.press('Control+Enter');
  await expect(verdict).toBeHidden();
  await expect(article.getByRole('listbox')).toBeFocused();
  await expect(claim).toContainText('Your verdict: very unlikely (high confidence)');
  await expect(claim).toContainText('Genuine letter, but no decision to withdraw.');

  // What the wire is: its details, shown in its pane header.
  await wire.getByRole('button', { name: 'Details of reuters-wire' }).click();
  const details = page.getByRole('dialog', { name: 'Details of this document' });
  await details.getByLabel('Title').fill('Reuters wire on the letter');
  await details.getByLabel(/^Outlet/).fill('Reuters');
  await details.getByLabel(/^Date/).fill('2020-01-06');
  await details.getByLabel(/^Date/).press('Enter');
  await expect(details).toBeHidden();
  const renamed = page.getByRole('region', { name: 'Reuters wire on the letter' });
  await expect(renamed.locator('.byline')).toHaveText('Reuters · 2020-01-06');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');

  // The claim selected (its evidence marked in every pane), in both themes and both sizes.
  await article.getByRole('listbox').focus();
  await expect(renamed.getByRole('option', { name: /linked to the selection/ })).toHaveCount(1);
  await expect(briefing.getByRole('option', { name: /linked to the selection/ })).toHaveCount(1);
  await expect(claim).toHaveAttribute('aria-current', 'true');
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1280, 800],
      [1600, 1000],
    ] as const) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height });
      // Facet marks, statuses and sources keep their contrast in both themes.
      expect(await seriousFindings(page)).toEqual([]);
      await page.screenshot({ path: `.screens/facets-${colorScheme}-${width}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Reload: the statuses, attributions and verdict are still there; no name is asked again.
  await page.reload();
  await expect(claim).toHaveAttribute('data-source-status', 'confirmed');
  await expect(claim).toHaveAttribute('data-status', 'contradicted');
  await expect(claim).toContainText('Your verdict: very unlikely (high confidence)');
  await expect(claim.getByRole('group', { name: 'Evidence on the source' })).toContainText(
    'Reuters',
  );
  await expect(page.getByRole('region', { name: 'Who is reviewing?' })).toHaveCount(0);
  // …and the name can still be changed from the review menu.
  await page.getByRole('button', { name: 'Review menu' }).click();
  await page.getByRole('menuitem', { name: 'Reviewer: Ana Reviewer — change…' }).click();
  const reviewer = page.getByRole('dialog', { name: 'Who is reviewing?' });
  await expect(reviewer.getByLabel('Your name')).toHaveValue('Ana Reviewer');
  await expect(reviewer.getByLabel('Your name')).toBeFocused();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(reviewer).toBeHidden();
  await expect(page.getByRole('button', { name: 'Review menu' })).toBeFocused();

  // The review file holds the facet, the sources, the verdict and who did it.
  const stored = reviewOnDisk(dataDir);
  const storedClaim = stored.tags.find((t) => t.kind === 'claim');
  const confirmation = stored.tags.find((t) => t.kind === 'confirmation');
  const contradiction = stored.tags.find((t) => t.kind === 'contradiction');
  if (!storedClaim || !confirmation || !contradiction) throw new Error('tags missing on disk');
  const nameOf = (id?: string) => stored.sources?.find((s) => s.id === id)?.name;
  expect(confirmation.claimIds).toEqual([storedClaim.id]);
  expect(confirmation.facets).toEqual({ [storedClaim.id]: 'source' });
  expect(nameOf(confirmation.sourceId)).toBe('Reuters');
  expect(contradiction.facets).toBeUndefined();
  expect(nameOf(contradiction.sourceId)).toBe('Mark Esper');
  expect(stored.judgements?.[storedClaim.id]).toMatchObject({
    verdict: 'very unlikely',
    confidence: 'high',
    rationale: 'Genuine letter, but no decision to withdraw.',
  });
  expect(stored.tags.every((t) => t.author === 'Ana Reviewer')).toBe(true);
  expect(stored.documents.find((d) => d.outlet === 'Reuters')).toMatchObject({
    title: 'Reuters wire on the letter',
    date: '2020-01-06',
  });

  // The brief states the verdict and both statuses.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export brief' }).click();
  const text = flat(await pdfText(await (await downloading).path()));
  // Its key judgements: the verdict, then the source and content statuses with their origins.
  expect(text).toMatch(/Judged very unlikely to be true \(high confidence\), by Ana Reviewer/);
  expect(text).toMatch(/Source ● Confirmed authentic — 1 independent origin: Reuters/);
  expect(text).toMatch(/Content ○ Contradicted — 1 independent origin: Mark Esper/);
  expect(text).toContain('Genuine letter, but no decision to withdraw.');
  expect(text).toContain('Reuters · 6 January 2020');
});
