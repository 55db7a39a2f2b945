// A reviewer opens the sample, renames it, adds a note, pins a claim to link evidence quickly,
// drops a file in, filters a pane, and deletes a review after confirming.
import { createReview, expect, test } from './browser-host';

test('the sample review opens with its claims, and reviews can be renamed and deleted', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample review' }).click();
  const claims = page.getByRole('complementary', { name: 'Claims' });
  await expect(claims.getByRole('heading', { name: 'Claims (4)' })).toBeVisible();
  // The sample tells the article right: the letter is genuine, its withdrawal contradicted.
  const letter = claims.getByRole('listitem', { name: /In letter says/ });
  await expect(letter).toHaveAttribute('data-source-status', 'confirmed');
  await expect(letter).toHaveAttribute('data-status', 'contradicted');

  await page.getByRole('button', { name: 'Sample: Iraq letter, January 2020' }).click();
  const nameField = page.getByLabel('Review name');
  await nameField.fill('Iraq letter — my review');
  await nameField.press('Enter');
  await expect(page.getByRole('button', { name: 'Iraq letter — my review' })).toBeVisible();

  await page.getByRole('button', { name: 'Review menu' }).click();
  await page.getByRole('menuitem', { name: 'Delete this review…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Iraq letter — my review”?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Iraq letter — my review' })).toBeVisible();

  await page.getByRole('button', { name: 'Review menu' }).click();
  await page.getByRole('menuitem', { name: 'Delete this review…' }).click();
  await confirm.getByRole('button', { name: 'Delete review' }).click();
  await expect(page.getByRole('button', { name: 'Open the sample review' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your reviews' })).toHaveCount(0);
});

test('notes, a pinned claim, drag-and-drop import and pane filters', async ({ page, host }) => {
  await page.goto(host.url);
  await createReview(page, 'Quick linking');
  const text = [
    'The minister said the bridge will open in May.',
    'Engineers confirmed the May date on Friday.',
    'A contractor said the bridge cannot open before July.',
    'The weather was mild.',
  ].join(' ');
  // Drop a file onto the window, as from a file manager.
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'bridge.txt', { type: 'text/plain' }));
    return transfer;
  }, text);
  await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer });
  const pane = page.getByRole('region', { name: 'bridge' });
  const rows = pane.getByRole('listbox').getByRole('option');
  await expect(rows).toHaveCount(4);

  // Claim with a note.
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  const noteDialog = page.getByRole('dialog', { name: 'Note on this claim' });
  await noteDialog.getByLabel('Note').fill('Check the ministry’s press release.');
  await noteDialog.getByLabel('Note').press('Control+Enter');
  await expect(rows.nth(0)).toContainText('✎ Check the ministry’s press release.');

  // Pin the claim: new evidence links to it without asking.
  await page.keyboard.press('p');
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const claim = page.getByRole('complementary', { name: 'Claims' }).getByRole('listitem', {
    name: /bridge will open in May/,
  });
  await expect(claim).toHaveAttribute('data-status', 'contested');
  await expect(claim).toContainText('Engineers confirmed the May date');
  await expect(claim).toContainText('cannot open before July');

  // Filters: contradictions only, then tagged only.
  await pane.getByLabel('Show in bridge').selectOption('contradiction');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('cannot open before July');
  await pane.getByLabel('Show in bridge').selectOption('tagged');
  await expect(rows).toHaveCount(3);

  // Unlinking in the claims panel leaves the evidence marked as unlinked.
  await claim.getByRole('button', { name: /Unlink “A contractor said/ }).click();
  await expect(claim).toHaveAttribute('data-status', 'confirmed');
  await expect(rows.filter({ hasText: 'cannot open before July' })).toContainText('unlinked');
});

test('removing a document asks first, then removes it and its tags', async ({ page, host }) => {
  await page.goto(host.url);
  await createReview(page, 'Removal');
  await page.getByLabel('Import documents', { exact: true }).setInputFiles({
    name: 'memo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('First point. Second point.'),
  });
  const pane = page.getByRole('region', { name: 'memo' });
  await pane.getByRole('listbox').getByRole('option').first().click();
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();

  await pane.getByRole('button', { name: 'Remove memo from the review' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove “memo” from this review?' });
  await confirm.getByRole('button', { name: 'Remove document' }).click();
  await expect(pane).toHaveCount(0);
  await expect(page.getByText('This review has no documents yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Claims (0)' })).toBeVisible();
});
