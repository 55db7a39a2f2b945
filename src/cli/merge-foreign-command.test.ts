// `crosscheck merge` and `brief` of plain W3C files from another tool (urn:sha256: sources, no
// embedded texts): merged by id in either order, briefed with the texts from --documents DIR.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfText } from '../../tests/support/read-pdf';
import { runCliIn } from '../../tests/support/run-cli-in';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/annotations');
const FONTS = join(import.meta.dirname, '../../resources/fonts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-merge-w3c-'));
  for (const name of ['w3c-collection-amal.json', 'w3c-collection-bo.json'])
    await copyFile(join(FIXTURES, name), join(dir, name));
  await mkdir(join(dir, 'texts'));
  // Another name than the one the annotations were made on: matched by content.
  await copyFile(join(FIXTURES, 'bridge-article.txt'), join(dir, 'texts', 'harbour.txt'));
  await mkdir(join(dir, 'empty'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCliIn(dir, argv, FONTS);
const read = async (name: string) => readFile(join(dir, name), 'utf8');

describe('crosscheck merge of two plain W3C files', () => {
  it('merges by id to the same set in both orders, with the conflict on stderr and in the report', async () => {
    const ab = await run(
      'merge',
      'w3c-collection-amal.json',
      'w3c-collection-bo.json',
      '-o',
      'ab.json',
      '--report',
      'ab-report.json',
    );
    const ba = await run(
      'merge',
      'w3c-collection-bo.json',
      'w3c-collection-amal.json',
      '-o',
      'ba.json',
    );
    expect([ab.code, ba.code]).toEqual([0, 0]);
    expect(await read('ab.json')).toBe(await read('ba.json'));
    const merged = JSON.parse(await read('ab.json'));
    expect(merged.type).toBe('AnnotationCollection');
    expect(merged.total).toBe(5);
    const items = merged.first.items as { id: string; body: { value?: string }[] }[];
    expect(items.map((i) => i.id).sort()).toEqual(
      ['c1', 'c2', 'e1', 'e2', 'e3'].map((n) => `https://annotations.example/a/${n}`),
    );
    const e1 = items.find((i) => i.id.endsWith('/e1'));
    expect(e1?.body.map((b) => b.value)).toContain('Archive box 14, ledger 3: £5.9m.'); // the later
    for (const out of [ab, ba]) {
      expect(out.stderr).toBe(
        'crosscheck: conflict: contradiction “Ledgers kept by the Public Works Department put th…” (https://annotations.example/a/e1): kept the version modified 2024-05-02T09:00:00Z; the version modified 2024-05-01T11:00:00Z was set aside; it differs in its note.\n',
      );
    }
    expect(ab.stdout).toMatch(/5 annotations, 1 added, 1 updated, 1 unchanged, 1 conflict/);
    const report = JSON.parse(await read('ab-report.json'));
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0].kept.note).toBe('Archive box 14, ledger 3: £5.9m.');
    expect(report.conflicts[0].other.note).toBe('Archive box 14.');
  });

  it('briefs the merged file with the texts from --documents DIR', async () => {
    await run('merge', 'w3c-collection-amal.json', 'w3c-collection-bo.json', '-o', 'm.json');
    const { code, stderr } = await run('brief', 'm.json', '--documents', 'texts', '-o', 'm.pdf');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = flat(await pdfText(join(dir, 'm.pdf')));
    for (const quote of [
      'The city council told residents that it had cost four million pounds.',
      'Engineers promised the structure would last a century without major repairs.',
      'put the final figure closer to six million pounds',
      'the first large repair, to the southern bearings, began in 1950',
      'The bridge carried 11,000 vehicles a day by 1939',
    ]) {
      expect(text).toContain(quote);
    }
  });

  it('names the documents it has no text for', async () => {
    const { code, stderr } = await run(
      'brief',
      'w3c-collection-bo.json',
      '--documents',
      'empty',
      '-o',
      'x.pdf',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /no text was found for this document: urn:sha256:a2df93a5[0-9a-f]+\. Put the text files beside the others/,
    );
    const without = await run('brief', 'w3c-collection-bo.json', '-o', 'x.pdf');
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/give the folder of those texts with --documents DIR/);
  });
});
