import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAnnotationFile } from '../core/annotations/export-annotations';
import { TestReview, testWorld } from '../../tests/support/test-reviews';
import { runCliIn } from '../../tests/support/run-cli-in';

let dir: string;
const TEXT = 'The bridge opened in 1932. It cost four million pounds.';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-validate-'));
  const amal = new TestReview(testWorld(), 'amal');
  const id = amal.addDocument('Report', TEXT);
  amal.tag(id, 0, 'claim');
  amal.tag(id, 1, 'contradiction');
  const file = exportAnnotationFile(amal.review, amal.texts, {
    generator: { id: 'https://crosscheck.app/', name: 'Crosscheck test' },
  });
  if (!file.ok) throw new Error(file.error.message);
  await writeFile(join(dir, 'good.crosscheck.json'), file.value);
  await writeFile(
    join(dir, 'tampered.crosscheck.json'),
    file.value
      .replace('four million', 'five million')
      .replace('"crosscheck:schemaVersion": 2', '"crosscheck:schemaVersion": 2'),
  );
  await writeFile(
    join(dir, 'newer.crosscheck.json'),
    file.value.replace('"crosscheck:schemaVersion": 2', '"crosscheck:schemaVersion": 3'),
  );
  await writeFile(join(dir, 'notes.txt'), 'just some notes');
  await writeFile(
    join(dir, 'hypothesis.json'),
    JSON.stringify({
      rows: [
        {
          id: 'a1',
          uri: 'https://example.org',
          tags: ['claim'],
          target: [
            {
              source: 'https://example.org',
              selector: [{ type: 'TextQuoteSelector', exact: 'It cost' }],
            },
          ],
        },
        {
          id: 'a2',
          uri: 'https://example.org',
          tags: ['todo'],
          target: [
            {
              source: 'https://example.org',
              selector: [{ type: 'TextQuoteSelector', exact: 'bridge' }],
            },
          ],
        },
      ],
    }),
  );
  await writeFile(join(dir, 'huge.crosscheck.json'), '');
  await truncate(join(dir, 'huge.crosscheck.json'), 200 * 1024 * 1024); // sparse: no 200 MB written
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...argv: string[]) {
  return runCliIn(dir, argv);
}

describe('crosscheck validate', () => {
  it('says what a valid file holds', async () => {
    expect(await run('validate', 'good.crosscheck.json')).toEqual({
      code: 0,
      stdout:
        '“good.crosscheck.json” is a valid Crosscheck annotation file: 2 annotations (0 orphans) on 1 document, 1 with text.\n',
      stderr: '',
    });
  });

  it('lists every problem of an invalid file and exits 1', async () => {
    const { code, stdout, stderr } = await run('validate', 'tampered.crosscheck.json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('crosscheck: “tampered.crosscheck.json” is not a valid annotation file:');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}- Document 1 \(“Report”\): its embedded text does not match its id/,
      ),
      expect.stringMatching(
        /^ {2}- Annotation 2 \(urn:uuid:[^)]+\): its quote does not match “Report” at 27–55/,
      ),
    ]);
  });

  it.each([
    [
      'newer.crosscheck.json',
      /uses version 3 of the Crosscheck annotation format.*update Crosscheck/,
    ],
    ['notes.txt', /it is not valid JSON/],
    [
      'huge.crosscheck.json',
      /The annotation file is 200 MB, larger than the 100 MB Crosscheck reads/,
    ],
  ])('refuses %s with a plain reason', async (file, message) => {
    const { code, stderr } = await run('validate', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('lists what an import of another tool’s file would skip', async () => {
    const { code, stdout } = await run('validate', 'hypothesis.json');
    expect(code).toBe(0);
    expect(stdout).toBe(
      '“hypothesis.json” holds W3C annotations from another tool: 1 can be imported, 1 would be skipped.\n' +
        '  skipped annotation 2 (a2): its tags (“todo”) are not claim, confirmation or contradiction; map them to a kind to import it.\n' +
        '  label “todo” names no kind: on 1 annotation, 0 imported with it kept in the note; map it to claim, confirmation or contradiction to import the rest.\n' +
        '  note: 1 annotation has no date; it is dated at the time of the import.\n',
    );
  });

  it('exits 2 without exactly one file', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', 'a', 'b')).code).toBe(2);
  });
});
