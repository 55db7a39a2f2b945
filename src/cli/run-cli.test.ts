import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobyDickFirstChapter } from '../../tests/support/moby-dick';
import { runCliIn } from '../../tests/support/run-cli-in';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'two.txt'), 'Mr. Smith went to Washington. He saw the U.S. Capitol.\n');
  await writeFile(join(dir, 'crlf.txt'), '\ufeffFirst line.\r\nSecond line.\r\n');
  await writeFile(join(dir, 'legacy.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e]));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(
    join(dir, 'image.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]),
  );
  await mkdir(join(dir, 'folder'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...argv: string[]) {
  return runCliIn(dir, argv);
}

describe('crosscheck segment', () => {
  it('prints numbered sentences, one per line', async () => {
    const { code, stdout, stderr } = await run('segment', 'two.txt');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe('1\tMr. Smith went to Washington.\n2\tHe saw the U.S. Capitol.\n');
  });

  it('prints a hard-wrapped sentence on one line, its wraps as spaces', async () => {
    const chapter = mobyDickFirstChapter();
    await writeFile(join(dir, 'loomings.txt'), chapter);
    const { code, stdout } = await run('segment', 'loomings.txt');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '1\tCHAPTER 1.',
      '2\tLoomings.',
      '3\tCall me Ishmael.',
      '4\tSome years ago—never mind how long precisely—having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.',
    ]);
    expect(lines.every((line) => /^\d+\t\S/.test(line))).toBe(true);
  });

  it('prints JSON offsets into the normalised text for one file', async () => {
    const { code, stdout } = await run('segment', 'crlf.txt', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { start: 0, end: 11, text: 'First line.' },
      { start: 12, end: 24, text: 'Second line.' },
    ]);
  });

  it('maps each path, as given, to its sentences for several files', async () => {
    const { stdout } = await run('segment', '--json', 'two.txt', join(dir, 'crlf.txt'));
    const parsed = JSON.parse(stdout) as Record<string, unknown[]>;
    expect(Object.keys(parsed)).toEqual(['two.txt', join(dir, 'crlf.txt')]);
    expect(parsed['two.txt']).toHaveLength(2);
  });

  it('puts a header before each file in text mode with several files', async () => {
    const { stdout } = await run('segment', 'two.txt', 'crlf.txt');
    expect(stdout).toContain('==> two.txt <==\n1\tMr. Smith');
    expect(stdout).toContain('==> crlf.txt <==\n1\tFirst line.\n2\tSecond line.\n');
  });

  it('warns on stderr when it guesses a legacy encoding', async () => {
    const { code, stdout, stderr } = await run('segment', 'legacy.txt');
    expect(code).toBe(0);
    expect(stdout).toBe('1\tCafé.\n');
    expect(stderr).toMatch(/^crosscheck: “legacy\.txt” is not valid UTF-8.*Windows-1252/);
  });

  it.each([
    ['missing.txt', '“missing.txt” does not exist.'],
    ['folder', '“folder” is a folder, not a text file.'],
    ['empty.txt', '“empty.txt” is empty; there is no text to review.'],
    ['image.png', '“image.png” looks like a PNG image, not a text file'],
  ])('exits 1 with one plain sentence for %s', async (file, message) => {
    const { code, stdout, stderr } = await run('segment', 'two.txt', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`crosscheck: ${message}`);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\s+at\s/);
  });

  it('exits 2 for bad usage', async () => {
    expect((await run('segment')).code).toBe(2);
    const unknown = await run('segment', '--jsn', 'two.txt');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--jsn/);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('explains itself with --help', async () => {
    const { code, stdout } = await run('segment', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: crosscheck segment FILE\.\.\. \[--json\]/);
    expect((await run('--help')).stdout).toMatch(/segment FILE/);
  });
});
