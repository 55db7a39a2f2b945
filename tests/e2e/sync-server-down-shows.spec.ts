// A review that syncs with the team, opened while the sync server is down, does not claim the team
// is there: the top bar says the server does not answer (and that edits sync once it does) for as
// long as it is down, with no notice to dismiss. A tag made meanwhile waits; when the server is
// back the status turns to online by itself and the tag reaches Ana's review file on disk.
// (A sync that cannot resume at all shows a button to Team sync instead: sync-stopped-shows.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createReview,
  expect,
  importTextFile,
  reviewFileOnDisk,
  startServe,
  stopServe,
  test,
} from './browser-host';
import { seriousFindings } from '../support/axe-audit';
import { folderOf, freePort, joinThroughDialog, startSyncServer, stopProcess } from './sync-hosts';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const SECRET = 'e2e-sync-server-down-secret-0123456789ab';

test('a review opened while the sync server is down says so, and syncs when it is back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-server-down-'));
  const port = await freePort();
  const serverDir = join(root, 'server');
  let server = await startSyncServer(port, serverDir);
  const serverUrl = `ws://127.0.0.1:${port}`;
  const anaDir = folderOf(root, 'Ana');
  const ana = await startServe(anaDir, ['--sync', serverUrl, '--review', 'Shared'], {
    CROSSCHECK_SYNC_TOKEN: SECRET,
  });
  const documentUrl = /--sync-doc (automerge:\S+)/.exec(ana.output())?.[1];
  if (!documentUrl) throw new Error(`Ana's host printed no document address:\n${ana.output()}`);
  const benDir = folderOf(root, 'Ben');
  let ben = await startServe(benDir);
  const pageA = await page.context().newPage();
  try {
    await pageA.goto(ana.url);
    await pageA.getByRole('button', { name: 'Shared', exact: true }).click();
    await pageA.getByRole('button', { name: 'Review menu' }).waitFor();
    await importTextFile(pageA, 'letter.txt', TEXT);

    await page.goto(ben.url);
    await createReview(page, 'Mine');
    await joinThroughDialog(page, { serverUrl, secret: SECRET, documentUrl });
    const teamStatus = page.getByRole('status', { name: 'Team sync' });
    await expect(teamStatus).toContainText('Team: online');

    // Ben's app starts again while the sync server is down.
    await stopServe(ben);
    await stopProcess(server);
    ben = await startServe(benDir);
    await page.goto(ben.url);
    await page.getByRole('button', { name: 'Shared', exact: true }).click();
    await page.getByRole('button', { name: 'Review menu' }).waitFor();

    // The top bar does not claim the team is there: it says the server does not answer, for good.
    await expect(teamStatus).toContainText('Team: not connected');
    await expect(teamStatus).not.toContainText('online');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousFindings(page, 'header[data-region="top-bar"]')).toEqual([]);
      await page.screenshot({ path: `.screens/sync-server-down-${colorScheme}-1280.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    const topBar = page.locator('header[data-region="top-bar"]');
    const downHeight = (await topBar.boundingBox())?.height ?? Infinity;

    // He tags while it is down: the claim waits on his side.
    const rowsB = await importTextFile(page, 'letter.txt', TEXT);
    await rowsB.nth(1).click();
    await page.keyboard.press('1');
    await expect(rowsB.nth(1)).toHaveAttribute('data-kind', 'claim');
    await expect(teamStatus).toContainText('Team: not connected');
    expect(reviewFileOnDisk<{ tags: unknown[] }>(anaDir).tags).toEqual([]);

    // The server is back: the status says so without Ben doing anything, and the claim arrives.
    server = await startSyncServer(port, serverDir);
    await expect(teamStatus).toContainText('Team: online', { timeout: 20_000 });
    // The words for "down" take no more room than "online": the panes did not sit lower meanwhile.
    expect(downHeight).toBeLessThanOrEqual(((await topBar.boundingBox())?.height ?? 0) + 1);
    await expect
      .poll(
        () =>
          reviewFileOnDisk<{ tags: { kind: string; anchor: { exact: string } }[] }>(
            anaDir,
          ).tags.map((t) => `${t.kind}: ${t.anchor.exact}`),
        { timeout: 15_000 },
      )
      .toEqual(['claim: The minister denied any withdrawal.']);
  } finally {
    await pageA.close();
    await stopServe(ben);
    await stopServe(ana);
    await stopProcess(server);
    rmSync(root, { recursive: true, force: true });
  }
});
