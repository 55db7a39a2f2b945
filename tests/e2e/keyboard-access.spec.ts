// A reviewer who uses only the keyboard reaches every control with Tab, moves between regions
// with F6, opens and closes each dialog without losing focus, and an accessibility audit of the
// start screen, the workspace and each dialog finds nothing serious. At 1280×800 four panes still
// show their titles.
import { readFileSync } from 'node:fs';
import { seriousFindings } from '../support/axe-audit';
import type { Page } from '@playwright/test';
import { createReview, expect, SAMPLE_ARTICLE, test } from './browser-host';

/** What has focus, in words: its role-ish tag and accessible name. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name =
      el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim().split('\n')[0] ?? '';
    return `${el.tagName.toLowerCase()}:${name}`;
  });
}

const smallFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
});

test('every control is reachable by keyboard, focus comes back after dialogs, no serious a11y findings', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  expect(await seriousFindings(page)).toEqual([]);

  await page.getByRole('button', { name: 'Open the sample review' }).click();
  await expect(page.getByRole('heading', { name: 'Claims (4)' })).toBeVisible();
  await expect(page).toHaveTitle('Sample: Iraq letter, January 2020 — Crosscheck');
  expect(await seriousFindings(page)).toEqual([]);

  // Tab from the top: every kind of control comes up in turn, and focus never drops to <body>.
  await page.getByRole('button', { name: 'Sample: Iraq letter, January 2020' }).focus();
  const seen: string[] = [];
  // Until the last pane's sentences (the last control of the page) have had focus.
  for (
    let i = 0;
    i < 120 && !seen.includes('div:Sentences of State of the Union address, 2020');
    i++
  ) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now).not.toBe('body');
    seen.push(now);
  }
  const reached = seen.join('\n');
  for (const control of [
    'button:Import documents',
    'button:Export brief',
    'button:Export annotations',
    'button:Import annotations',
    'button:Review menu',
    'input:Filter claims',
    'button:Who says it…',
    'button:Grade…',
    'select:Show in US military letter on leaving Iraq',
    'button:Details of US military letter on leaving Iraq',
    'button:Remove US military letter on leaving Iraq from the review',
    'button:Close US military letter on leaving Iraq',
    'div:Sentences of US military letter on leaving Iraq',
    'div:Sentences of State of the Union address, 2020',
  ]) {
    expect(reached, `Tab reaches ${control}`).toContain(control);
  }
  expect(reached).toMatch(/button:C Claim|button:Claim/);
  expect(reached).toMatch(/button:Unlink “/);
  expect(reached).toMatch(/button:Make “.*” speak to the claim’s (source|content)/);
  expect(reached).toMatch(/button:(Give|Change) your verdict on “/);

  // F6 goes region to region: top bar → claims → first pane → second pane.
  await page.locator('h1').click();
  await page.keyboard.press('F6');
  expect(await focused(page)).toMatch(/^button:/);
  await page.keyboard.press('F6');
  expect(await focused(page)).toBe('input:Filter claims');
  await page.keyboard.press('F6');
  expect(await focused(page)).toBe('div:Sentences of US military letter on leaving Iraq');
  await page.keyboard.press('F6');
  expect(await focused(page)).toBe('div:Sentences of State of the Union address, 2020');

  // The note dialog: opened with N on a tagged sentence, closed with Esc, focus back in the list.
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  const article = page.getByRole('listbox', {
    name: 'Sentences of US military letter on leaving Iraq',
  });
  await expect(article).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  const note = page.getByRole('dialog', { name: /Note on this claim/ });
  await expect(note).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(article).toBeFocused();

  // The verdict (V) and who says it (A) on the same claim: audited, Esc, focus back in the list.
  for (const [key, name] of [
    ['v', 'Your verdict on this claim'],
    ['a', 'Who says this claim?'],
  ] as const) {
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    expect(await seriousFindings(page, 'dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(article).toBeFocused();
  }

  // The claim picker, from L on a confirmation, and back.
  const confirmation = page.locator('[role="option"][data-kind="confirmation"]').first();
  await confirmation.click();
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: /Which claim does this confirmation/ });
  await expect(picker).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  // The picker is not a showModal() dialog: Tab must still stay inside it.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await picker.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  expect(await focused(page)).toMatch(/^div:Sentences of/);

  // S on evidence linked to two claims asks which link speaks to the other facet.
  await page.keyboard.press('s');
  const choice = page.getByRole('dialog', { name: /Which link should speak to the other facet/ });
  await expect(choice).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(choice).toBeHidden();
  expect(await focused(page)).toMatch(/^div:Sentences of/);

  // G on the same confirmation opens its grades (credibility, and its source's reliability).
  await page.keyboard.press('g');
  const grade = page.getByRole('dialog', { name: 'Grade this confirmation' });
  await expect(grade).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(grade).toBeHidden();
  expect(await focused(page)).toMatch(/^div:Sentences of/);

  // A document's details, from its pane header, and back to the button.
  const detailsButton = page.getByRole('button', {
    name: 'Details of US military letter on leaving Iraq',
  });
  await detailsButton.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Details of this document' });
  await expect(details.getByLabel('Title')).toHaveValue('US military letter on leaving Iraq');
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(detailsButton).toBeFocused();

  // The review menu closes with Esc and gives focus back to its button.
  const menuButton = page.getByRole('button', { name: 'Review menu' });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(menuButton).toBeFocused();

  // The delete confirmation and the sharing dialog pass the audit too.
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete this review…' }).click();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(menuButton).toBeFocused();
});

test('after an import, Tab goes from the sentences past the end of the page and on to the top bar, not back and forth', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await createReview(page, 'Fresh');
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles(smallFile('a.txt', 'One sentence here. Another one there.'));
  await expect(page.getByRole('listbox', { name: 'Sentences of a' })).toBeVisible();
  const visited: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    visited.push(await focused(page));
  }
  // The sentences come once; after the page's last control the browser wraps to the first.
  expect(visited.filter((v) => v === 'div:Sentences of a')).toHaveLength(1);
  expect(visited).toContain('button:Fresh');
  expect(visited.at(-1)).not.toBe('body');
});

test('four panes at 1280×800 keep their titles; a fifth document says where it went', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await createReview(page, 'Five documents');
  // An empty review has nothing to export.
  await expect(page.getByRole('button', { name: 'Export brief' })).toBeDisabled();
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles([
      smallFile('iraq-letter-2020-01-06.txt', readFileSync(SAMPLE_ARTICLE, 'utf8')),
      smallFile('second.txt', 'A second document.'),
      smallFile('third.txt', 'A third document.'),
      smallFile('fourth.txt', 'A fourth document.'),
      smallFile('fifth.txt', 'A fifth document.'),
    ]);
  await expect(page.getByTestId('pane')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Export brief' })).toBeEnabled();
  for (const title of ['iraq-letter-2020-01-06', 'second', 'third', 'fourth']) {
    const heading = page.getByRole('region', { name: title }).getByRole('heading', { level: 2 });
    const box = await heading.boundingBox();
    expect(box?.width ?? 0, `${title} is visible`).toBeGreaterThan(40);
  }
  await expect(page.getByText(/“fifth” was added; four documents are shown already/)).toBeVisible();
  await page.screenshot({ path: '.screens/four-panes-1280.png' });

  // Showing the fifth replaces the last pane, and says so.
  await page.getByRole('button', { name: 'Show fifth' }).click();
  await expect(page.getByText(/“fifth” replaced “fourth”/)).toBeVisible();

  // Notices belong to their review: another review starts without them.
  await page.getByRole('button', { name: 'Review menu' }).click();
  await page.getByRole('menuitem', { name: 'All reviews…' }).click();
  await createReview(page, 'Another');
  await expect(page.getByText(/replaced “fourth”/)).toHaveCount(0);
  await expect(page).toHaveTitle('Another — Crosscheck');
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [1280, 800],
    [1600, 1000],
  ] as const) {
    test(`the sample workspace in ${colorScheme} at ${width}×${height} passes the audit`, async ({
      page,
      host,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height });
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Open the sample review' }).click();
      await expect(page.getByRole('heading', { name: 'Claims (4)' })).toBeVisible();
      // Select the contested claim so its card and evidence are highlighted.
      await page.locator('[data-kind="claim"]').first().click();
      expect(await seriousFindings(page)).toEqual([]);
      await page.screenshot({
        path: `.screens/sample-${colorScheme}-${width}.png`,
      });
    });
  }
}
