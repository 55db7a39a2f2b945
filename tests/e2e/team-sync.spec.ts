// Two reviewers on one sync server, each with a browser host of their own: a tag made by Ana shows
// in Ben's window; while the server is down each makes the same claim something else; once it is
// back, the conflict review lists both versions with both names, and Ben keeps Ana's by keyboard:
// (each window names who else has the review open, and says when the server is out of reach)
// both windows and both review files then hold it, and no conflict is left.
import type { Page } from '@playwright/test';
import { expect, reviewFileOnDisk, test } from './browser-host';
import { startSyncServer, stopProcess, withTeam } from './sync-hosts';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const TOKEN = 'e2e-team-sync-token-0123456789abcdef';

/** Gives the first sentence `key` (1 claim, 2 confirmation, 3 contradiction) by keyboard. */
async function tagFirst(page: Page, key: string) {
  await page.getByRole('listbox', { name: 'Sentences of letter' }).focus();
  await page.keyboard.press(key);
}

test('a tag travels, a conflicting offline edit is listed with both names and settled in the UI', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(90_000);
  await withTeam(page, dataDir, TOKEN, { text: TEXT, sentences: 3 }, async (team) => {
    const { ana, ben, pageB } = team;
    const rowA = team.rowsA.first();
    const rowB = team.rowsB.first();

    // Each window says who else has the review open.
    const teamA = page.getByRole('status', { name: 'Team sync' });
    const teamB = pageB.getByRole('status', { name: 'Team sync' });
    await expect(teamA).toHaveText('Team: online · also here: Ben', { timeout: 15_000 });
    await expect(teamB).toHaveText('Team: online · also here: Ana', { timeout: 15_000 });

    // Live: Ana's claim shows in Ben's window.
    await tagFirst(page, '1');
    await expect(rowA).toHaveAttribute('data-kind', 'claim');
    await expect(rowB).toHaveAttribute('data-kind', 'claim', { timeout: 10_000 });

    // Offline: each makes the claim something else.
    await stopProcess(team.server);
    await expect(teamA).toHaveText(/^Team: not connected, retrying/, {
      timeout: 15_000,
    });
    await tagFirst(page, '2');
    await expect(rowA).toHaveAttribute('data-kind', 'confirmation');
    await tagFirst(pageB, '3');
    await expect(rowB).toHaveAttribute('data-kind', 'contradiction');

    // Back online: the conflict review lists both versions and both names.
    team.server = await startSyncServer(team.port, team.serverDir);
    const open = pageB.getByRole('button', { name: /Conflicts & orphans \(1\)/ });
    await expect(open).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: /Conflicts & orphans \(1\)/ })).toBeVisible({
      timeout: 15_000,
    });
    await open.focus();
    await pageB.keyboard.press('Enter');
    const dialog = pageB.getByRole('dialog', { name: 'Conflicts and orphans' });
    const item = dialog.getByRole('listitem', { name: /Sync conflict on “The letter says/ });
    await expect(item).toContainText('unresolved');
    await expect(item).toContainText('Ana');
    await expect(item).toContainText('Confirmation');
    await expect(item).toContainText('Ben');
    await expect(item).toContainText('Contradiction');

    // Ben keeps Ana's version by keyboard.
    await item.getByRole('button', { name: 'Keep this (Ana’s version)' }).focus();
    await pageB.keyboard.press('Enter');
    await expect(item).toHaveCount(0);
    await expect(dialog.getByRole('heading', { name: 'Conflicts (0)' })).toBeFocused();
    await pageB.keyboard.press('Escape');
    await expect(rowB).toHaveAttribute('data-kind', 'confirmation');
    await expect(rowA).toHaveAttribute('data-kind', 'confirmation', { timeout: 10_000 });
    await expect(page.getByRole('button', { name: /Conflicts & orphans/ })).toHaveCount(0, {
      timeout: 10_000,
    });
    await expect(pageB.getByRole('button', { name: /Conflicts & orphans/ })).toHaveCount(0);
    for (const host of [ana, ben]) {
      await expect
        .poll(() => reviewFileOnDisk<{ tags: { kind: string }[] }>(host.dataDir).tags[0]?.kind)
        .toBe('confirmation');
    }
  });
});
