// The per-review sync settings: the token alone in an owner-only file, never in connection.json;
// input that is not well formed is refused in plain words; a damaged file is ignored with a message.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSyncToken } from './sync-peer';
import { SyncSettingsStore } from './sync-settings';

const REVIEW = '0b6a3c8e-1111-4222-8333-944455556666';
const DOC = 'automerge:3h67ugPN79phfAqwFNNj6jFwQfyG';
let folder: string;
let store: SyncSettingsStore;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'crosscheck-sync-settings-'));
  store = new SyncSettingsStore(folder);
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('SyncSettingsStore', () => {
  it('keeps the token in a 0600 file of its own and out of connection.json', async () => {
    const token = newSyncToken();
    await store.save(
      REVIEW,
      { serverUrl: 'ws://10.0.0.2:4871', documentUrl: DOC, enabled: true },
      token,
    );
    const tokenFile = join(folder, REVIEW, 'token');
    if (process.platform !== 'win32') expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const connection = await readFile(join(folder, REVIEW, 'connection.json'), 'utf8');
    expect(connection).not.toContain(token);
    expect(JSON.parse(connection)).toEqual({
      serverUrl: 'ws://10.0.0.2:4871',
      documentUrl: DOC,
      enabled: true,
    });
    const read = await store.read(REVIEW);
    expect(read).toEqual({
      ok: true,
      value: { connection: JSON.parse(connection), token },
    });
    expect(await store.reviewIds()).toEqual([REVIEW]);
  });

  it('keeps the stored token when saved without one, and forgets both', async () => {
    const token = newSyncToken();
    await store.save(REVIEW, { serverUrl: 'wss://sync.example.org/team', enabled: true }, token);
    await store.save(REVIEW, { serverUrl: 'wss://sync.example.org/team', enabled: false });
    const read = await store.read(REVIEW);
    expect(read.ok && read.value?.token).toBe(token);
    expect(read.ok && read.value?.connection.enabled).toBe(false);
    await store.forget(REVIEW);
    expect(await store.read(REVIEW)).toEqual({ ok: true, value: undefined });
    expect(await store.reviewIds()).toEqual([]);
  });

  it.each([
    [
      { serverUrl: 'http://10.0.0.2:4871', enabled: true },
      newSyncToken(),
      /not a sync server’s address/,
    ],
    [{ serverUrl: 'ws://', enabled: true }, newSyncToken(), /not a sync server’s address/],
    [
      { serverUrl: 'ws://10.0.0.2:4871', documentUrl: 'doc-123', enabled: true },
      newSyncToken(),
      /not a shared review’s address/,
    ],
    [{ serverUrl: 'ws://10.0.0.2:4871', enabled: true }, 'too short', /32 to 256 letters/],
  ])('refuses %j with a plain message and writes nothing', async (connection, token, message) => {
    await expect(store.save(REVIEW, connection, token)).rejects.toThrow(message);
    expect(await store.reviewIds()).toEqual([]);
  });

  it('refuses a review id that could leave the folder', () => {
    expect(() => store.folderOf('../../etc')).toThrow(/not a review id/);
  });

  it('ignores a damaged connection.json with a message, leaving it as it is', async () => {
    await store.save(REVIEW, { serverUrl: 'ws://10.0.0.2:4871', enabled: true }, newSyncToken());
    const file = join(folder, REVIEW, 'connection.json');
    for (const damaged of [
      '{"serverUrl": "ws://10',
      '{"serverUrl":"ftp://x","enabled":true}',
      '[]',
    ]) {
      await writeFile(file, damaged);
      const read = await store.read(REVIEW);
      expect(read.ok).toBe(false);
      if (!read.ok)
        expect(read.error.message).toMatch(/could not be read, so this review does not sync/);
      expect(await readFile(file, 'utf8')).toBe(damaged);
    }
  });
});
