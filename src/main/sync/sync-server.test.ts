import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo';
import { emptySyncReview } from '../../../tests/support/sync-harness';
import { syncAddress } from './sync-address';
import { newSyncToken, SyncPeer, type SyncPeerState } from './sync-peer';
import { replaceReviewToken, revokeReview } from './sync-access';
import { startSyncServer, type RunningSyncServer, type SyncServerOptions } from './sync-server';

let folder: string;
let server: RunningSyncServer | undefined;
let log: string[];
const peers: SyncPeer[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'crosscheck-sync-server-'));
  log = [];
});

afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close();
  await server?.close();
  server = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function start(options: Partial<SyncServerOptions> = {}): Promise<RunningSyncServer> {
  server = await startSyncServer({
    port: 0,
    dataDir: join(folder, 'server'),
    log: (line) => log.push(line),
    ...options,
  });
  return server;
}

function running(): RunningSyncServer {
  if (!server) throw new Error('no server running');
  return server;
}

function peer(name: string, token: string, url = server?.url ?? ''): SyncPeer {
  const made = new SyncPeer({
    serverUrl: url,
    token,
    storageDir: join(folder, name),
    retryInterval: 100,
  });
  peers.push(made);
  return made;
}

/** The HTTP status the server answers a WebSocket upgrade with (101 when it accepts). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

function waitForState(subject: SyncPeer, wanted: SyncPeerState): Promise<void> {
  return new Promise((resolve) => {
    if (subject.state === wanted) return resolve();
    const stop = subject.onState((state) => {
      if (state === wanted) {
        stop();
        resolve();
      }
    });
  });
}

const documentId = () => parseAutomergeUrl(generateAutomergeUrl()).documentId;

describe('startSyncServer', () => {
  it('listens on 127.0.0.1 unless told otherwise, and answers plain HTTP with 426', async () => {
    const running = await start();
    expect(running.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const status = await new Promise<number>((resolve, reject) => {
      request(`http://127.0.0.1:${running.port}/`, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(426);
  });

  it('refuses an upgrade without a token, with a short or wrong one, or for no review', async () => {
    const running = await start();
    const id = documentId();
    const token = newSyncToken();
    const address = syncAddress(running.url, id, token);
    const bare = address.replace(/\/\/review:[^@]+@/, '//');
    expect(await upgradeStatus(bare)).toBe(401);
    expect(await upgradeStatus(bare, { authorization: 'Bearer short' })).toBe(401);
    expect(
      await upgradeStatus(`${running.url}/review/not-a-document`, {
        authorization: `Bearer ${token}`,
      }),
    ).toBe(404);
    // The first token registers the review; another one is refused from then on.
    expect(await upgradeStatus(address)).toBe(101);
    expect(await upgradeStatus(syncAddress(running.url, id, newSyncToken()))).toBe(401);
    expect(await upgradeStatus(bare, { authorization: `Bearer ${token}` })).toBe(101);
    expect(log.some((line) => line.includes('wrong token'))).toBe(true);
    expect(log.filter((line) => line.includes(token))).toEqual([]);
  });

  it('keeps token digests, never tokens, and still knows them after a restart', async () => {
    const first = await start();
    const id = documentId();
    const token = newSyncToken();
    expect(await upgradeStatus(syncAddress(first.url, id, token))).toBe(101);
    await first.close();
    const stored = await readFile(join(folder, 'server', 'access.json'), 'utf8');
    expect(stored).not.toContain(token);
    expect(JSON.parse(stored).reviews[id].tokenSha256).toMatch(/^[0-9a-f]{64}$/);
    const second = await start({ acceptNewReviews: false });
    expect(await upgradeStatus(syncAddress(second.url, id, newSyncToken()))).toBe(401);
    expect(await upgradeStatus(syncAddress(second.url, id, token))).toBe(101);
    // Closed to new reviews: a token for an unknown one registers nothing.
    expect(await upgradeStatus(syncAddress(second.url, documentId(), newSyncToken()))).toBe(401);
  });

  it('tells a peer with the wrong token that it was refused, without ending the process', async () => {
    const running = await start();
    const owner = peer('owner', newSyncToken());
    const handle = owner.share(emptySyncReview('r1'));
    await waitForState(owner, 'online');
    const intruder = peer('intruder', newSyncToken());
    intruder.connect(handle.url);
    await waitForState(intruder, 'refused');
    expect(running.stats()).toEqual({ reviews: 1, connections: 1 });
  });

  it('fails a join with the wrong token at once, saying it was the token', async () => {
    await start();
    const owner = peer('owner', newSyncToken());
    const handle = owner.share(emptySyncReview('r1'));
    await waitForState(owner, 'online');
    const started = Date.now();
    await expect(peer('intruder', newSyncToken()).open(handle.url, 15_000)).rejects.toThrow(
      /did not accept the token/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps the review on disk: a teammate joins after the server restarted', async () => {
    await start();
    const token = newSyncToken();
    const owner = peer('owner', token);
    const handle = owner.share(emptySyncReview('r1'));
    await waitForState(owner, 'online');
    // Once the server has the owner's copy, the owner leaves and the server restarts.
    const owned = [...handle.heads()].sort().join();
    while ([...(running().heads(handle.documentId) ?? [])].sort().join() !== owned) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await owner.close();
    peers.splice(peers.indexOf(owner), 1);
    await server?.close();
    await start();
    const teammate = peer('teammate', token);
    const opened = await teammate.open(handle.url);
    expect(String(opened.doc().reviewId)).toBe('r1');
  });

  it('shuts out a peer whose token was replaced, and lets in the new token', async () => {
    const running = await start({ accessCheckInterval: 50 });
    const oldToken = newSyncToken();
    const owner = peer('owner', oldToken);
    const handle = owner.share(emptySyncReview('r1'));
    await waitForState(owner, 'online');
    const newToken = newSyncToken();
    expect(await replaceReviewToken(join(folder, 'server'), handle.documentId, newToken)).toBe(
      'replaced',
    );
    // The server closes the old connection; the peer tries again with its old token, in vain.
    await waitForState(owner, 'refused');
    expect(
      log.some((line) => /closed 1 connection to review .*token was replaced/.test(line)),
    ).toBe(true);
    expect(await upgradeStatus(syncAddress(running.url, handle.documentId, oldToken))).toBe(401);
    const teammate = peer('teammate', newToken);
    const opened = await teammate.open(handle.url);
    expect(String(opened.doc().reviewId)).toBe('r1');
    expect(log.filter((line) => line.includes(oldToken) || line.includes(newToken))).toEqual([]);
  });

  it('lets no token in once access to a review is withdrawn, until it has a new one', async () => {
    const running = await start({ accessCheckInterval: 50 });
    const token = newSyncToken();
    const owner = peer('owner', token);
    const handle = owner.share(emptySyncReview('r1'));
    await waitForState(owner, 'online');
    const dataDir = join(folder, 'server');
    expect(await revokeReview(dataDir, handle.documentId)).toBe('revoked');
    await waitForState(owner, 'refused');
    expect(await upgradeStatus(syncAddress(running.url, handle.documentId, token))).toBe(401);
    // An open server does not hand the withdrawn review to whoever brings a token next.
    expect(await upgradeStatus(syncAddress(running.url, handle.documentId, newSyncToken()))).toBe(
      401,
    );
    expect(log.some((line) => line.includes('access to the review was withdrawn'))).toBe(true);
    const fresh = newSyncToken();
    await replaceReviewToken(dataDir, handle.documentId, fresh);
    expect(await upgradeStatus(syncAddress(running.url, handle.documentId, fresh))).toBe(101);
    expect(await revokeReview(dataDir, documentId())).toBe('unknown');
  });

  it('keeps a review registered by a connection while the table is changed from outside', async () => {
    const running = await start();
    const dataDir = join(folder, 'server');
    const outside = documentId();
    const joined = documentId();
    await Promise.all([
      replaceReviewToken(dataDir, outside, newSyncToken()),
      upgradeStatus(syncAddress(running.url, joined, newSyncToken())),
    ]);
    await running.close();
    server = undefined;
    const stored = JSON.parse(await readFile(join(dataDir, 'access.json'), 'utf8'));
    expect(Object.keys(stored.reviews).sort()).toEqual([outside, joined].sort());
  });
});
