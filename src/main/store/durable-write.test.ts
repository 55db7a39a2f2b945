import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileDurably } from './durable-write';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'crosscheck-write-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileDurably', () => {
  it('creates and then replaces a file, leaving no temp files', async () => {
    const path = join(folder, 'review.json');
    await writeFileDurably(path, '{"version":1}');
    expect(await readFile(path, 'utf8')).toBe('{"version":1}');
    await writeFile(join(folder, 'neighbour.txt'), 'untouched');
    await writeFileDurably(path, '{"v":2}');
    expect(await readFile(path, 'utf8')).toBe('{"v":2}');
    await writeFileDurably(path, Uint8Array.from([0xe2, 0x98, 0x83]));
    expect(await readFile(path, 'utf8')).toBe('☃');
    expect((await readdir(folder)).sort()).toEqual(['neighbour.txt', 'review.json']);
    expect(await readFile(join(folder, 'neighbour.txt'), 'utf8')).toBe('untouched');
    // Review files hold private work: only the owner may read them.
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('writes a large file whole', async () => {
    const path = join(folder, 'big.json');
    const content = JSON.stringify({ tags: Array.from({ length: 20_000 }, (_, i) => ({ i })) });
    await writeFileDurably(path, content);
    expect(await readFile(path, 'utf8')).toBe(content);
  });

  it('ends with one whole version when writes to one file overlap', async () => {
    const path = join(folder, 'review.json');
    const versions = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ v: i, pad: 'x'.repeat(i * 1000) }),
    );
    await Promise.all(versions.map((v) => writeFileDurably(path, v)));
    expect(versions).toContain(await readFile(path, 'utf8'));
    expect(await readdir(folder)).toEqual(['review.json']);
  });

  it('fails without touching the old file or leaving a temp file when it cannot replace it', async () => {
    // A folder where the file should be: the rename fails after the temp file was written.
    const path = join(folder, 'review.json');
    await mkdir(path);
    await writeFile(join(path, 'inside.txt'), 'old');
    await expect(writeFileDurably(path, 'new')).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['review.json']);
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('old');
  });

  it('fails plainly when the folder is missing', async () => {
    await expect(writeFileDurably(join(folder, 'missing', 'review.json'), 'x')).rejects.toThrow(
      /ENOENT/,
    );
    expect(await readdir(folder)).toEqual([]);
  });
});
