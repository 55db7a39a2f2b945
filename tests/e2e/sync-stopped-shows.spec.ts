// A review that was syncing with the team but cannot any more (here: its stored secret is gone, so
// the next start cannot resume it) says so in the top bar, not only in a notice that can be
// dismissed: Ben reaches "Not syncing with the team" with Tab, learns why, opens Team sync from it,
// joins again, and the warning gives way to the team's status; his next tag reaches Ana's review
// file on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReview, expect, startServe, stopServe, test } from './browser-host';
import {
  checkSyncWarning,
  claimReachesAna,
  folderOf,
  joinThroughDialog,
  startSharingHost,
  tokenFiles,
} from './sync-hosts';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const SECRET = 'e2e-sync-stopped-secret-0123456789abcdef';

test('a review that cannot sync says so in the top bar until it syncs again', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-sync-stopped-'));
  const team = await startSharingHost(root, SECRET);
  const anaDir = join(root, 'Ana');
  const benDir = folderOf(root, 'Ben');
  let ben = await startServe(benDir);
  const pageA = await page.context().newPage();
  try {
    await page.goto(ben.url);
    await createReview(page, 'Mine');
    const join1 = { serverUrl: team.serverUrl, secret: SECRET, documentUrl: team.documentUrl };
    await joinThroughDialog(page, join1);
    const teamStatus = page.getByRole('status', { name: 'Team sync' });
    await expect(teamStatus).toContainText('Team: online');
    const warning = page.getByRole('button', { name: 'Not syncing with the team' });
    await expect(warning).toHaveCount(0);
    const topBar = page.locator('header[data-region="top-bar"]');
    const onlineHeight = (await topBar.boundingBox())?.height ?? 0;

    // Ben's stored secret is lost while his app is closed: the next start cannot resume the sync.
    await stopServe(ben);
    const tokens = tokenFiles(benDir);
    expect(tokens).toHaveLength(1);
    rmSync(tokens[0] as string);
    ben = await startServe(benDir);
    await page.goto(ben.url);
    await page.getByRole('button', { name: 'Shared', exact: true }).click();
    await page.getByRole('button', { name: 'Review menu' }).waitFor();

    // The top bar says so, and keeps saying so (there is no team status to mislead him); with
    // the keyboard he reaches it, and it opens Team sync, where the reason is spelled out.
    await checkSyncWarning(page, {
      reason: /No secret is stored for this review/,
      dialogText: 'No secret is stored for this review',
      screens: 'sync-stopped',
    });
    // The warning takes no more room than the team's status did: the panes do not move down.
    expect((await topBar.boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(onlineHeight + 1);

    // He joins again: the warning gives way to the team's status.
    await joinThroughDialog(page, join1);
    await expect(teamStatus).toContainText('Team: online');
    await expect(warning).toHaveCount(0);

    // And it really syncs: his claim reaches Ana's review file on disk.
    await claimReachesAna(
      page,
      pageA,
      { url: team.ana.url, dir: anaDir },
      {
        text: TEXT,
        second: 'The minister denied any withdrawal.',
      },
    );
  } finally {
    await stopServe(ben);
    await pageA.close();
    await team.close();
    rmSync(root, { recursive: true, force: true });
  }
});
