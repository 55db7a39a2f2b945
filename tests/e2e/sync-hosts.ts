// Team-sync journeys' helpers: a free loopback port, `crosscheck sync-server` as a process, and a
// reviewer's data folder with their name kept (so the app does not ask and edits are theirs).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { seriousFindings } from '../support/axe-audit';
import {
  expect,
  importTextFile,
  repoFile,
  reviewFileOnDisk,
  startServe,
  stopServe,
  type RunningHost,
} from './browser-host';

/** A loopback port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `crosscheck sync-server` and waits until it says it is running. */
export async function startSyncServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [repoFile('bin/crosscheck.js'), 'sync-server', '--port', String(port), '--data-dir', dataDir],
    { cwd: repoFile('.'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync server:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('sync server is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`sync server exited with ${code}:\n${output}`)));
  });
  return child;
}

/** Stops a process started here and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A reviewer's data folder with their name kept, so the app does not ask and edits are theirs. */
export function folderOf(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ reviewerName: name }));
  return dir;
}

/** A sync server, Ana's and Ben's `serve --sync` hosts on review "Shared", and Ben's page. */
export interface Team {
  ana: RunningHost;
  ben: RunningHost;
  pageB: Page;
  /** The sync server now (a test may stop it and start another on the same port and folder). */
  server: ChildProcess;
  port: number;
  serverDir: string;
  /** Stops everything started here and removes the server's folder. */
  close(): Promise<void>;
}

/**
 * Starts a sync server and two hosts: Ana shares review "Shared", Ben joins with the address
 * Ana's host printed; Ben's page opens in the context of `page`.
 */
async function startTeam(page: Page, dataDir: string, token: string): Promise<Team> {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-team-'));
  const port = await freePort();
  const serverDir = join(root, 'server');
  const server = await startSyncServer(port, serverDir);
  const sync = ['--sync', `ws://127.0.0.1:${port}`, '--review', 'Shared'];
  const env = { CROSSCHECK_SYNC_TOKEN: token };
  const ana = await startServe(folderOf(dataDir, 'Ana'), sync, env);
  const docUrl = /--sync-doc (automerge:\S+)/.exec(ana.output())?.[1];
  if (!docUrl) throw new Error(`Ana's host printed no document address:\n${ana.output()}`);
  const ben = await startServe(folderOf(dataDir, 'Ben'), [...sync, '--sync-doc', docUrl], env);
  const pageB = await page.context().newPage();
  const team: Team = {
    ana,
    ben,
    pageB,
    server,
    port,
    serverDir,
    async close() {
      await pageB.close();
      await stopServe(ben);
      await stopServe(ana);
      await stopProcess(team.server);
      rmSync(root, { recursive: true, force: true });
    },
  };
  return team;
}

/**
 * Runs `journey` with a team (see startTeam) whose two windows have opened review "Shared" and
 * imported `text` as letter.txt (`sentences` rows each); stops everything afterwards.
 */
export async function withTeam(
  page: Page,
  dataDir: string,
  token: string,
  letter: { text: string; sentences: number },
  journey: (team: Team & { rowsA: Locator; rowsB: Locator }) => Promise<void>,
): Promise<void> {
  const team = await startTeam(page, dataDir, token);
  try {
    const rowsA = await openShared(page, team.ana, letter.text, letter.sentences);
    const rowsB = await openShared(team.pageB, team.ben, letter.text, letter.sentences);
    await journey(Object.assign(team, { rowsA, rowsB }));
  } finally {
    await team.close();
  }
}

/** Opens the shared review and imports `text` as letter.txt; resolves with its sentence rows. */
async function openShared(page: Page, host: RunningHost, text: string, sentences: number) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Shared', exact: true }).click();
  // Imported before the review is open, the file would make a review of its own.
  await page.getByRole('button', { name: 'Review menu' }).waitFor();
  const rows = await importTextFile(page, 'letter.txt', text);
  await expect(rows).toHaveCount(sentences);
  return rows;
}

/**
 * Joins a teammate's shared review from the open review's Team sync dialog (by pointer: the
 * keyboard path is team-sync-connect's), and waits until the dialog shows it joined.
 */
export async function joinThroughDialog(
  page: Page,
  join: { serverUrl: string; secret: string; documentUrl: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Review menu' }).click();
  await page.getByRole('menuitem', { name: 'Team sync…' }).click();
  await joinInDialog(page, join);
}

/** Joins from the open Team sync dialog, waits until it shows the review joined, and closes it. */
export async function joinInDialog(
  page: Page,
  join: { serverUrl: string; secret: string; documentUrl: string },
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Team sync' });
  await dialog.getByLabel('Sync server address').fill(join.serverUrl);
  await dialog.getByLabel('The review’s secret').fill(join.secret);
  await dialog.getByLabel('Join a teammate’s review').check();
  await dialog.getByLabel('Address they gave you').fill(join.documentUrl);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByLabel(/Address for teammates/)).toHaveValue(join.documentUrl, {
    timeout: 20_000,
  });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/**
 * Starts a sync server and Ana's `serve --sync` host sharing review "Shared"; resolves with the
 * server's address and the document address Ana's host printed.
 */
export async function startSharingHost(
  dataDir: string,
  token: string,
): Promise<{ ana: RunningHost; serverUrl: string; documentUrl: string; close(): Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-share-'));
  const port = await freePort();
  const server = await startSyncServer(port, join(root, 'server'));
  const serverUrl = `ws://127.0.0.1:${port}`;
  const ana = await startServe(
    folderOf(dataDir, 'Ana'),
    ['--sync', serverUrl, '--review', 'Shared'],
    { CROSSCHECK_SYNC_TOKEN: token },
  );
  const documentUrl = /--sync-doc (automerge:\S+)/.exec(ana.output())?.[1];
  if (!documentUrl) throw new Error(`Ana's host printed no document address:\n${ana.output()}`);
  return {
    ana,
    serverUrl,
    documentUrl,
    async close() {
      await stopServe(ana);
      await stopProcess(server);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The secret files of a data folder's synced reviews (`sync/<review>/token`). */
export function tokenFiles(dataDir: string): string[] {
  const sync = join(dataDir, 'sync');
  return readdirSync(sync)
    .map((review) => join(sync, review, 'token'))
    .filter((path) => existsSync(path));
}

/** Presses Tab until the button named `name` has focus (at most 60 times). */
async function tabTo(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name });
  for (let i = 0; i < 60 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
}

/**
 * Proves a review syncs: Ana (in `pageA`, on her host) and Ben (in `page`) import `text` as
 * letter.txt into review "Shared", Ben tags its second sentence (`second`) as a claim, and the
 * claim reaches Ana's review file in `ana.dir`.
 */
export async function claimReachesAna(
  page: Page,
  pageA: Page,
  ana: { url: string; dir: string },
  letter: { text: string; second: string },
): Promise<void> {
  await pageA.goto(ana.url);
  await pageA.getByRole('button', { name: 'Shared', exact: true }).click();
  await pageA.getByRole('button', { name: 'Review menu' }).waitFor();
  await importTextFile(pageA, 'letter.txt', letter.text);
  const rowsB = await importTextFile(page, 'letter.txt', letter.text);
  await rowsB.nth(1).click();
  await page.keyboard.press('1');
  await expect(rowsB.nth(1)).toHaveAttribute('data-kind', 'claim');
  await expect
    .poll(
      () =>
        reviewFileOnDisk<{ tags: { kind: string; anchor: { exact: string } }[] }>(ana.dir).tags.map(
          (t) => `${t.kind}: ${t.anchor.exact}`,
        ),
      { timeout: 15_000 },
    )
    .toEqual([`claim: ${letter.second}`]);
}

/**
 * Checks the top bar's warning that the open review does not sync: shown (within `timeout`) with
 * its reason as description and no team status beside it, no serious axe finding in the top bar
 * in either theme (screenshots `.screens/<screens>-<theme>-1280.png`), reached by Tab, opening
 * Team sync where `dialogText` is spelled out, and Esc giving focus back to it. Resolves with it.
 */
export async function checkSyncWarning(
  page: Page,
  expected: { reason: RegExp; dialogText: string; screens: string; timeout?: number },
): Promise<Locator> {
  const warning = page.getByRole('button', { name: 'Not syncing with the team' });
  await expect(warning).toBeVisible({ timeout: expected.timeout ?? 5_000 });
  await expect(warning).toHaveAccessibleDescription(expected.reason);
  await expect(page.getByRole('status', { name: 'Team sync' })).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousFindings(page, 'header[data-region="top-bar"]')).toEqual([]);
    await page.screenshot({ path: `.screens/${expected.screens}-${colorScheme}-1280.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await tabTo(page, 'Not syncing with the team');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Team sync' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(expected.dialogText);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(warning).toBeFocused();
  return warning;
}
