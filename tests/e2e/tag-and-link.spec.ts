// A reviewer puts the sample article beside a State of the Union address, tags a claim in one
// and evidence for and against it in the other with the keyboard alone, links them, and finds
// the work intact after undo/redo, a reload and a server restart.
import {
  createReview,
  expect,
  SAMPLE_ARTICLE,
  SOTU_2020,
  startServe,
  stopServe,
  test,
} from './browser-host';

test('tag and link across documents with the keyboard, then survive reload and restart', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Iraq letter review');
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles([SAMPLE_ARTICLE, SOTU_2020]);

  const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
  const speech = page.getByRole('region', { name: '2020_donald_j_trump_r' });
  await expect(article.getByRole('listbox').getByRole('option').first()).toHaveText(
    /date 2020-01-06/,
  );
  await expect(article.getByRole('listbox').getByRole('option').nth(1)).toContainText(
    'The U.S. Department of Defense',
  );
  await expect(speech.getByRole('listbox').getByRole('option').first()).toContainText(
    'Madam Speaker',
  );

  // Keyboard only from here: Tab into the first pane, j j to the letter sentence, 1 = claim.
  await page.keyboard.press('Tab');
  await expect(article.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(article.getByRole('listbox').getByRole('option', { selected: true })).toContainText(
    'In letter says',
  );
  await page.keyboard.press('1');
  const claimRow = article.locator('[data-kind="claim"]');
  await expect(claimRow).toContainText('In letter says that the U.S. troops would pull out');

  // F6 to the speech, find the sentence, 2 = confirmation; the picker offers the claim.
  await page.keyboard.press('F6');
  await expect(speech.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('bring our troops back home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(speech.getByRole('listbox').getByRole('option', { selected: true })).toContainText(
    'bring our troops back home',
  );
  await page.keyboard.press('2');
  const picker = page.getByRole('dialog', { name: /Which claim does this confirmation speak to/ });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  const claims = page.getByRole('complementary', { name: 'Claims' });
  const claim = claims.getByRole('listitem', { name: /In letter says/ });
  await expect(claim).toHaveAttribute('data-status', 'confirmed');

  // The next sentence, 3 = contradiction, linked the same way: the claim is now contested.
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expect(page.getByRole('dialog', { name: /contradiction speak to/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claim).toHaveAttribute('data-status', 'contested');
  await expect(claim).toContainText('Contested');
  await expect(speech.locator('[data-kind="confirmation"]')).toHaveCount(1);
  await expect(speech.locator('[data-kind="contradiction"]')).toHaveCount(1);

  // Undo removes the last link; redo brings it back.
  await page.keyboard.press('Control+z');
  await expect(claim).toHaveAttribute('data-status', 'confirmed');
  await page.keyboard.press('Control+Shift+z');
  await expect(claim).toHaveAttribute('data-status', 'contested');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');

  // Reload: the review reopens with its panes and tags.
  await page.reload();
  await expect(claim).toHaveAttribute('data-status', 'contested');
  await expect(
    speech.getByRole('img', { name: '0 claims, 1 confirmation, 1 contradiction' }),
  ).toBeVisible();

  // Restart the server on the same data folder: everything is still there.
  await stopServe(host);
  const again = await startServe(dataDir);
  try {
    await page.goto(again.url);
    await expect(claim).toHaveAttribute('data-status', 'contested');
    await expect(claim).toContainText('bring our troops back home');
    await expect(
      article.getByRole('img', { name: '1 claim, 0 confirmations, 0 contradictions' }),
    ).toBeVisible();
    await expect(article.locator('[data-kind="claim"]')).toHaveCount(1);
  } finally {
    await stopServe(again);
  }
});

test('clicking evidence in the claims panel brings its sentence into view', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample review' }).click();
  // The sample's speech holds no evidence: make a sentence far down it confirm the letter claim.
  const speech = page.getByRole('region', { name: 'State of the Union address, 2020' });
  const sentences = speech.getByRole('listbox');
  await sentences.focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('bring our troops back home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const selected = sentences.getByRole('option', { selected: true });
  await expect(selected).toContainText('bring our troops back home');
  await page.keyboard.press('2');
  const picker = page.getByRole('dialog', { name: /Which claim does this confirmation speak to/ });
  await picker.getByLabel('Search claims').fill('In letter says');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  // Reopened, the speech shows its beginning; clicking the evidence brings it into view.
  await page.reload();
  const claims = page.getByRole('complementary', { name: 'Claims' });
  const letter = claims.getByRole('listitem', { name: /In letter says/ });
  await expect(sentences.getByRole('option').first()).toBeInViewport();
  await letter.getByRole('button', { name: /bring our troops back home/ }).click();
  await expect(selected).toContainText('bring our troops back home');
  await expect(selected).toBeInViewport();
});
