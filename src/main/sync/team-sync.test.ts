// Three reviewers on one sync server, over loopback, each with a data folder of its own: live edits
// reach the others; edits made while disconnected (the same tags on purpose) converge after the
// reviewers reconnect in random order, with every concurrent value kept and listed as a conflict.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNote } from '../../core/review/tag-edits';
import { CONFLICT_TAG_FIELDS } from '../../core/sync/review-doc';
import { seededRandom } from '../../../tests/support/edit-script';
import {
  EditScript,
  emptySyncReview,
  registerKey,
  registerValues,
  SyncClient,
  waitForConvergence,
  type RecordedWrite,
} from '../../../tests/support/sync-harness';
import { newSyncToken } from './sync-peer';
import { startSyncServer, type RunningSyncServer } from './sync-server';

const SESSIONS = 20;
const EDITS_PER_SESSION = 200;
const LIVE_ROUNDS = 4;
const LIVE_EDITS_PER_ROUND = 12;
/** Sessions run this many at a time (they share the server; each has its own review). */
const PARALLEL = 5;

let folder: string;
let server: RunningSyncServer;
const serverLog: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'crosscheck-team-sync-'));
  server = await startSyncServer({
    port: 0,
    dataDir: join(folder, 'server'),
    log: (line) => serverLog.push(line),
  });
});

afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Sorted canonical JSON of values (object members in key order), to compare multisets. */
function bag(values: readonly unknown[]): string[] {
  return values.map(canonical).sort();
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const members = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The last write of each client to each register, keyed by register. */
function lastWrites(writes: readonly RecordedWrite[]): Map<string, Map<string, RecordedWrite>> {
  const registers = new Map<string, Map<string, RecordedWrite>>();
  for (const recorded of writes) {
    const key = registerKey(recorded.write);
    const byClient = registers.get(key) ?? new Map<string, RecordedWrite>();
    byClient.set(recorded.client, recorded);
    registers.set(key, byClient);
  }
  return registers;
}

/** Makes up to `count` accepted random edits by `client`. */
function makeEdits(
  client: SyncClient,
  script: EditScript,
  count: number,
  hot: string[] = [],
): number {
  let made = 0;
  for (let tries = 0; made < count && tries < count * 5; tries++) {
    const change = script.next(client, hot);
    if (!change) continue;
    client.edit(change);
    made++;
  }
  return made;
}

interface SessionResult {
  conflicts: number;
  edits: number;
  token: string;
}

async function runSession(seed: number): Promise<SessionResult> {
  const random = seededRandom(seed);
  const script = new EditScript(random);
  const token = newSyncToken();
  const home = join(folder, `session-${seed}`);
  const make = (name: string) =>
    new SyncClient(name, join(home, name), server.url, token, emptySyncReview(`review-${seed}`));
  const clients = [make('ana'), make('bo'), make('cy')];
  const [ana, bo, cy] = clients as [SyncClient, SyncClient, SyncClient];
  const url = ana.share();
  await bo.open(url);
  await cy.open(url);
  let edits = 0;
  try {
    // Live: one reviewer edits, the others receive every register exactly as written.
    for (let round = 0; round < LIVE_ROUNDS; round++) {
      const editor = clients[Math.floor(random() * clients.length)] as SyncClient;
      const from = editor.writes.length;
      edits += makeEdits(editor, script, LIVE_EDITS_PER_ROUND);
      await waitForConvergence(clients);
      for (const [key, byClient] of lastWrites(editor.writes.slice(from))) {
        const { write } = byClient.get(editor.name) as RecordedWrite;
        for (const other of clients) {
          expect(bag(registerValues(other.handle, write)), `${key} at ${other.name}`).toEqual(
            bag([write.value]),
          );
        }
      }
    }

    // Offline: two reviewers disconnect and edit, the same tags on purpose; the third stays online.
    const order = [...clients].sort(() => random() - 0.5);
    const [online, ...offline] = order as [SyncClient, SyncClient, SyncClient];
    for (const client of offline) client.peer.disconnect();
    expect(online.peer.state).toBe('online');
    expect(offline.map((c) => c.peer.state)).toEqual(['offline', 'offline']);
    const from = new Map(clients.map((c) => [c.name, c.writes.length]));
    const hot = ana.review.tags.slice(0, 3).map((t) => t.id);
    // One certain conflict: both offline reviewers set the note of the same tag.
    const contested = ana.review.tags[0];
    if (contested) {
      for (const client of offline) {
        const edit = setNote(
          client.review.tags,
          contested.id,
          `${client.name} was here`,
          client.context(),
        );
        if (edit.ok) client.edit({ kind: 'tags', patches: edit.value.patches });
        edits++;
      }
    }
    while (edits < EDITS_PER_SESSION) {
      const client = order[Math.floor(random() * order.length)] as SyncClient;
      edits += makeEdits(client, script, 1, hot);
    }
    // Reconnect in random order, some by restarting the app from its folder.
    for (const client of offline.sort(() => random() - 0.5)) {
      if (random() < 0.5) {
        client.note = 'restarted';
        await client.restart();
      } else {
        client.note = 'reconnected';
        client.peer.connect();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 50)));
    }
    await waitForConvergence(clients);
    expect(clients.map((c) => c.peer.state)).toEqual(['online', 'online', 'online']);

    // No edit lost: each register holds exactly the last value each reviewer wrote to it.
    const phaseWrites = clients.flatMap((c) => c.writes.slice(from.get(c.name)));
    const registers = lastWrites(phaseWrites);
    const expectedConflicts = new Set<string>();
    for (const [key, byClient] of registers) {
      const any = [...byClient.values()][0] as RecordedWrite;
      const expected = [...byClient.values()].map((r) => r.write.value);
      for (const client of clients) {
        expect(bag(registerValues(client.handle, any.write)), `${key} at ${client.name}`).toEqual(
          bag(expected),
        );
      }
      const listed = any.write.target === 'review' || CONFLICT_TAG_FIELDS.includes(any.write.field);
      if (byClient.size > 1 && listed) expectedConflicts.add(key);
    }
    if (contested) expect(expectedConflicts).toContain(`tag ${contested.id} note`);

    // Every such register is listed as a conflict, with both authors, the same for everyone.
    const conflicts = ana.sync.conflicts();
    for (const key of expectedConflicts) {
      const conflict = conflicts.find(
        (c) => (c.target === 'tag' ? `tag ${c.tagId} ${c.field}` : `review ${c.field}`) === key,
      );
      expect(conflict, `conflict on ${key}`).toBeDefined();
      const writers = [...(registers.get(key) as Map<string, RecordedWrite>).keys()].sort();
      expect(conflict?.values.map((v) => v.author).sort()).toEqual(writers);
      expect(conflict?.values.filter((v) => v.shown)).toHaveLength(1);
    }
    expect(bo.sync.conflicts()).toEqual(conflicts);
    expect(cy.sync.conflicts()).toEqual(conflicts);
    for (const client of clients) expect(client.echoes, `echoes at ${client.name}`).toEqual([]);
    return { conflicts: expectedConflicts.size, edits, token };
  } finally {
    for (const client of clients) {
      client.sync.close();
      await client.peer.close();
    }
  }
}

describe('team sync over the sync server', () => {
  it(`converges over ${SESSIONS} scripted sessions of ${EDITS_PER_SESSION} edits with no edit lost`, async () => {
    const results: SessionResult[] = [];
    for (let first = 1; first <= SESSIONS; first += PARALLEL) {
      const seeds = Array.from(
        { length: Math.min(PARALLEL, SESSIONS - first + 1) },
        (_, i) => first + i,
      );
      // Settle every session before failing, so none is still writing when the folder goes.
      const settled = await Promise.allSettled(seeds.map((seed) => runSession(seed)));
      settled.forEach((outcome, i) => {
        if (outcome.status === 'rejected') {
          const reason = outcome.reason as Error;
          throw new Error(`session with seed ${seeds[i]}: ${reason.message}`, { cause: reason });
        }
        results.push(outcome.value);
      });
    }
    expect(results.every((r) => r.edits >= EDITS_PER_SESSION)).toBe(true);
    // Every session has its certain conflict, and the random edits add more.
    expect(results.every((r) => r.conflicts >= 1)).toBe(true);
    // The server said what it did, and never a token.
    expect(serverLog.filter((line) => line.startsWith('registered review'))).toHaveLength(SESSIONS);
    for (const { token } of results) {
      expect(serverLog.filter((line) => line.includes(token))).toEqual([]);
    }
  }, 120_000);
});
