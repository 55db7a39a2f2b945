import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../../tests/support/run-cli-in';

let dir: string;
const CLAIM = 'A letter from the coalition command says US troops will pull out of Iraq.';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-suggest-'));
  await writeFile(
    join(dir, 'wire.txt'),
    `BAGHDAD, Jan 6 (Reuters) - ${CLAIM}\r\nAbout 5,000 US troops are stationed in Iraq.\r\n`,
  );
  await writeFile(
    join(dir, 'briefing.txt'),
    'Pentagon briefing.\nSECRETARY ESPER: There has been no decision whatsoever to leave Iraq.\n' +
      'REPORTER: Are US troops moving out of Baghdad?\n',
  );
  await writeFile(
    join(dir, 'report.txt'),
    'The US military confirmed the authenticity of the letter to the Washington Post.\n',
  );
  await writeFile(join(dir, 'empty.txt'), '');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...argv: string[]) {
  return runCliIn(dir, argv);
}

interface Row {
  file: string;
  start: number;
  end: number;
  text: string;
  stance: string;
  score: number;
  reasons: string[];
}

describe('crosscheck suggest', () => {
  it('prints suggestions best first as JSON, with offsets into the normalised text', async () => {
    const files = ['wire.txt', 'briefing.txt', 'report.txt'];
    const { code, stdout, stderr } = await run('suggest', '--claim', CLAIM, ...files, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = JSON.parse(stdout) as Row[];
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
    const denial = rows.find((r) => r.text.includes('no decision whatsoever'));
    expect(denial).toMatchObject({ file: 'briefing.txt', stance: 'contradiction' });
    expect(denial!.reasons.join('; ')).toContain('negated: no decision whatsoever to leave');
    const authentic = rows.find((r) => r.file === 'report.txt');
    expect(authentic).toMatchObject({ stance: 'confirmation', start: 0 });
    expect(rows.some((r) => r.text.includes(CLAIM))).toBe(false);
    // offsets as in segment --json: the CRLF file is normalised to LF first
    const segmented = JSON.parse((await run('segment', 'wire.txt', '--json')).stdout) as Row[];
    const stationed = rows.find((r) => r.text.startsWith('About 5,000'));
    expect(stationed).toMatchObject({ start: segmented[1]!.start, end: segmented[1]!.end });
  });

  it('keeps to --top and prints readable text without --json', async () => {
    const { code, stdout } = await run(
      'suggest',
      '--claim',
      CLAIM,
      'briefing.txt',
      'report.txt',
      '--top',
      '1',
    );
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3);
    expect(stdout).toMatch(/^0\.\d\d {2}contradiction {2}briefing\.txt:\d+-\d+\n/);
  });

  it.each([
    [['suggest', 'wire.txt'], '--claim'],
    [['suggest', '--claim', CLAIM], 'at least one FILE'],
    [['suggest', '--claim', CLAIM, 'wire.txt', '--top', 'lots'], '--top must be a whole number'],
    [['suggest', '--claim', CLAIM, 'wire.txt', '--colour'], 'Unknown option'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it.each([
    ['missing.txt', '“missing.txt” does not exist.'],
    ['empty.txt', '“empty.txt” is empty'],
  ])('exits 1 with one plain sentence for %s', async (file, message) => {
    const { code, stdout, stderr } = await run('suggest', '--claim', CLAIM, 'wire.txt', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
