import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnseenMarks } from './unseen-marks';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'crosscheck-unseen-'));
  file = join(folder, 'unseen.json');
});

/** Every store a test loaded: their writes end before the folder goes. */
let loaded: UnseenMarks[] = [];

afterEach(async () => {
  await Promise.all(loaded.map((marks) => marks.flush()));
  loaded = [];
  await rm(folder, { recursive: true, force: true });
});

async function load(...args: Parameters<typeof UnseenMarks.load>): Promise<UnseenMarks> {
  const marks = await UnseenMarks.load(...args);
  loaded.push(marks);
  return marks;
}

const mark = (tagId: string, by = 'Ana', at = '2026-01-01T10:00:00.000Z') => ({ tagId, by, at });

describe('UnseenMarks', () => {
  it('starts empty without a file, adds marks and keeps the newer mark of a tag', async () => {
    const marks = await load(file);
    expect(marks.list()).toEqual([]);
    expect(marks.add([mark('t1'), mark('t2', 'Ben', '2026-01-01T09:00:00.000Z')])).toBe(true);
    expect(marks.add([mark('t1')])).toBe(false);
    expect(marks.add([mark('t1', 'Cleo', '2026-01-01T11:00:00.000Z')])).toBe(true);
    expect(marks.list()).toEqual([
      mark('t2', 'Ben', '2026-01-01T09:00:00.000Z'),
      mark('t1', 'Cleo', '2026-01-01T11:00:00.000Z'),
    ]);
  });

  it('forgets tags seen or gone, and all at once', async () => {
    const marks = await load(file);
    marks.add([mark('t1'), mark('t2'), mark('t3')]);
    expect(marks.remove(['t2', 'unknown'])).toBe(true);
    expect(marks.remove(['unknown'])).toBe(false);
    expect(marks.list().map((m) => m.tagId)).toEqual(['t1', 't3']);
    expect(marks.remove('all')).toBe(true);
    expect(marks.remove('all')).toBe(false);
    expect(marks.list()).toEqual([]);
  });

  it('keeps what was seen over a restart (the file holds what is left)', async () => {
    const marks = await load(file);
    marks.add([mark('t1'), mark('t2')]);
    marks.remove(['t1']);
    await marks.flush();
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { tags: unknown[] };
    expect(onDisk.tags).toEqual([mark('t2')]);
    const again = await load(file);
    expect(again.list()).toEqual([mark('t2')]);
  });

  it.each([
    ['not JSON', '{"version": 1, "tags": [{"tagId": '],
    ['the wrong shape', '{"version": 1, "tags": [{"tagId": 5}]}'],
    ['another version', '{"version": 9, "tags": []}'],
  ])('starts empty from a file that is %s, says so, and replaces it', async (_, content) => {
    await writeFile(file, content);
    const problems: string[] = [];
    const marks = await load(file, { onProblem: (m) => problems.push(m) });
    expect(marks.list()).toEqual([]);
    expect(problems).toEqual([expect.stringContaining('unreadable')]);
    marks.add([mark('t1')]);
    await marks.flush();
    expect((await load(file)).list()).toEqual([mark('t1')]);
  });

  it('reports a failed write and writes again at the next change', async () => {
    const problems: string[] = [];
    let failing = true;
    const writes: string[] = [];
    const marks = await load(file, {
      onProblem: (m) => problems.push(m),
      write: async (_path, content) => {
        if (failing) throw new Error('disk full');
        writes.push(String(content));
      },
    });
    marks.add([mark('t1')]);
    await marks.flush();
    expect(problems).toEqual([expect.stringContaining('disk full')]);
    failing = false;
    marks.add([mark('t2')]);
    await marks.flush();
    expect(JSON.parse(writes.at(-1) ?? '{}').tags).toEqual([mark('t1'), mark('t2')]);
  });
});
