// The same reviewer's journey in both hosts: Ben, in the browser host or (where its binary is
// installed) the Electron app, joins the review Ana shares through his Team sync dialog, and
// Ana's claim reaches his window and his review file. The Electron run is skipped on machines
// without the binary; the browser run checks the same steps everywhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type Page } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import {
  createReview,
  expect,
  importTextFile,
  reviewFileOnDisk,
  startServe,
  stopServe,
  test,
} from './browser-host';
import { folderOf, joinThroughDialog, startSharingHost } from './sync-hosts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const TOKEN = 'e2e-either-host-token-0123456789abcdef';

/** Ben's window in one kind of host, on his data folder; `close` stops that host. */
type OpenBen = (dataDir: string, page: Page) => Promise<{ page: Page; close(): Promise<void> }>;

const HOSTS: { name: string; skip?: string; open: OpenBen }[] = [
  {
    name: 'the browser host',
    open: async (dataDir, page) => {
      const host = await startServe(dataDir);
      await page.goto(host.url);
      return { page, close: () => stopServe(host) };
    },
  },
  {
    name: 'the Electron app',
    ...(findElectronBinary(ROOT) === undefined
      ? { skip: 'Not run: no Electron binary is installed on this machine.' }
      : {}),
    open: async (dataDir) => {
      const app = await electron.launch({
        executablePath: findElectronBinary(ROOT),
        args: [ROOT],
        env: { ...process.env, CROSSCHECK_DATA_DIR: dataDir },
      });
      return { page: await app.firstWindow(), close: () => app.close() };
    },
  },
];

for (const host of HOSTS) {
  test(`Ben joins Ana's review from the Team sync dialog of ${host.name}, and her claim arrives`, async ({
    page,
  }) => {
    test.skip(host.skip !== undefined, host.skip);
    test.setTimeout(90_000);
    const root = mkdtempSync(join(tmpdir(), 'crosscheck-either-'));
    const team = await startSharingHost(root, TOKEN);
    const benDir = folderOf(root, 'Ben');
    const pageA = await page.context().newPage();
    const ben = await host.open(benDir, page);
    try {
      await createReview(ben.page, 'Mine');
      await joinThroughDialog(ben.page, {
        serverUrl: team.serverUrl,
        secret: TOKEN,
        documentUrl: team.documentUrl,
      });
      await expect(ben.page.getByRole('button', { name: 'Shared', exact: true })).toBeVisible();
      const rowsB = await importTextFile(ben.page, 'letter.txt', TEXT);

      await pageA.goto(team.ana.url);
      await pageA.getByRole('button', { name: 'Shared', exact: true }).click();
      await pageA.getByRole('button', { name: 'Review menu' }).waitFor();
      const rowsA = await importTextFile(pageA, 'letter.txt', TEXT);
      await rowsA.first().click();
      await pageA.keyboard.press('1');
      await expect(rowsA.first()).toHaveAttribute('data-kind', 'claim');

      await expect(rowsB.first()).toHaveAttribute('data-kind', 'claim', { timeout: 15_000 });
      await expect
        .poll(() => reviewFileOnDisk<{ tags: { kind: string }[] }>(benDir).tags.map((t) => t.kind))
        .toEqual(['claim']);
    } finally {
      await ben.close();
      await pageA.close();
      await team.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
}
