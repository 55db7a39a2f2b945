import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileDurably } from '../store/durable-write';
import { SyncAccess } from './sync-access';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-access-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const token = (c: string) => c.repeat(40);

it('a refused token re-reads the table without forgetting a review still being registered', async () => {
  // Writes take a while, as on a slow disk.
  const slow = async (path: string, content: string | Uint8Array) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFileDurably(path, content);
  };
  const access = new SyncAccess(dir, true, slow);
  expect(await access.check('known', token('k'))).toBe('registered');
  const registering = access.check('fresh', token('a'));
  // Meanwhile a wrong token for the known review makes the table be read again from disk.
  expect(await access.check('known', token('x'))).toBe('wrong-token');
  expect(await registering).toBe('registered');
  // The fresh review stays with the token that registered it.
  expect(await access.check('fresh', token('b'))).toBe('wrong-token');
  expect(await access.check('fresh', token('a'))).toBe('granted');
});
