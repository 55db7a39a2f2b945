import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportAnnotationFile } from '../core/annotations/export-annotations';
import { createBackend } from '../main/compose';
import { flat, pdfInfo, pdfText } from '../../tests/support/read-pdf';
import { folderSnapshot } from '../../tests/support/folder-snapshot';
import { runCliIn } from '../../tests/support/run-cli-in';
import { buildStorySample } from '../../tests/support/sample-review';

const RESOURCES = join(import.meta.dirname, '../../resources');
let dir: string;
let dataDir: string;
let sampleId: string;
/** The ids of the sample's documents as the data folder stores them, in the sample's order. */
let sampleDocumentIds: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-brief-cli-'));
  dataDir = join(dir, 'data');
  const backend = await createBackend({ dataDir, samplesDir: join(RESOURCES, 'samples') });
  const sample = await backend.service.openSampleReview({});
  if (!sample.ok) throw new Error(sample.error.message);
  sampleId = sample.value.id;
  await backend.service.createReview({ name: 'Twin' });
  await backend.service.createReview({ name: 'Twin' });
  const opened = await backend.service.openReview({ reviewId: sampleId });
  if (!opened.ok) throw new Error(opened.error.message);
  sampleDocumentIds = opened.value.review.documents.map((d) => d.id);
  const texts = new Map<string, string>();
  for (const document of opened.value.review.documents) {
    const text = await backend.service.getDocumentText({ documentId: document.id });
    if (text.ok) texts.set(document.id, text.value.text);
  }
  const file = exportAnnotationFile(opened.value.review, texts, {
    generator: { id: 'https://crosscheck.app/', name: 'Crosscheck test' },
  });
  if (!file.ok) throw new Error(file.error.message);
  await writeFile(join(dir, 'sample.crosscheck.json'), file.value);
  await writeFile(join(dir, 'not-json.crosscheck.json'), '{ not json');
  await backend.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  delete process.env['SOURCE_DATE_EPOCH'];
});

function run(...argv: string[]) {
  return runCliIn(dir, argv, join(RESOURCES, 'fonts'));
}

describe('crosscheck brief', () => {
  it('writes the brief of a review named on the command line', async () => {
    const { code, stdout, stderr } = await run(
      'brief',
      '--data-dir',
      'data',
      '--review',
      'Sample: Iraq letter, January 2020',
      '-o',
      'sample.pdf',
    );
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const text = flat(await pdfText(join(dir, 'sample.pdf')));
    expect(text).toContain('Sample: Iraq letter, January 2020');
    expect(text).toContain('Claims at a glance');
    expect(text).toContain('In letter says that the U.S. troops would pull out of the country');
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('writes the judgement parts of a review whose evidence is assessed (the sample story)', async () => {
    // The sample as its story tells it, on the documents the data folder holds.
    const { review, texts } = buildStorySample();
    const ids = new Map(review.documents.map((d, i) => [d.id, sampleDocumentIds[i] as string]));
    const stored = {
      ...review,
      id: '00000000-0000-4000-8000-000000000009',
      name: 'Sample story',
      documents: review.documents.map((d) => ({ ...d, id: ids.get(d.id) as string })),
      tags: review.tags.map((t) => ({ ...t, documentId: ids.get(t.documentId) as string })),
    };
    expect([...texts.keys()].map((id) => ids.get(id))).toEqual(sampleDocumentIds);
    await writeFile(join(dataDir, 'reviews', `${stored.id}.json`), JSON.stringify(stored));
    try {
      const result = await run(
        'brief',
        '--data-dir',
        'data',
        '--review',
        'Sample story',
        '-o',
        'story.pdf',
      );
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      const text = flat(await pdfText(join(dir, 'story.pdf')));
      const judgements = text.slice(text.indexOf('Key judgements'), text.indexOf('Bottom line'));
      expect(judgements).toContain(
        'Source ● Confirmed authentic — 2 independent origins: Reuters; Liz Sly Content ○ Contradicted — 2 independent origins: Gen. Mark Milley; Mark Esper',
      );
      expect(text).toContain('A. Source register');
      expect(text).toContain('Unverified claims (2)');
      expect(text).toContain('State of the Union address, 2020 Donald J. Trump · 4 February 2020');
    } finally {
      await rm(join(dataDir, 'reviews', `${stored.id}.json`));
    }
  });

  it('finds a review by id and dates the brief from SOURCE_DATE_EPOCH, byte for byte', async () => {
    process.env['SOURCE_DATE_EPOCH'] = '1714572180';
    const hashes = [];
    for (const name of ['one.pdf', 'two.pdf']) {
      const result = await run('brief', '--data-dir', dataDir, '--review', sampleId, '-o', name);
      expect(result.code).toBe(0);
      hashes.push(
        createHash('sha256')
          .update(await readFile(join(dir, name)))
          .digest('hex'),
      );
    }
    expect(hashes[1]).toBe(hashes[0]);
    expect((await pdfInfo(join(dir, 'one.pdf')))['CreationDate']).toBe('2024-05-01T14:03:00Z');
  });

  it('writes the brief of an annotation file, as the review it was exported from', async () => {
    process.env['SOURCE_DATE_EPOCH'] = '1714572180';
    const { code, stderr } = await run('brief', 'sample.crosscheck.json', '-o', 'from-file.pdf');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const fromFile = flat(await pdfText(join(dir, 'from-file.pdf')));
    expect(fromFile).toContain('Sample: Iraq letter, January 2020');
    expect(fromFile).toContain('We are working to finally end America’s longest war');
    await run('brief', '--data-dir', 'data', '--review', sampleId, '-o', 'from-data.pdf');
    expect(fromFile).toBe(flat(await pdfText(join(dir, 'from-data.pdf'))));
  });

  it('only reads the data folder: no byte of it changes, settings.json included', async () => {
    // The app last had another review open; the brief of the sample must not change that.
    const app = await createBackend({ dataDir });
    const listed = await app.service.listReviews({});
    if (!listed.ok) throw new Error(listed.error.message);
    const twin = listed.value.reviews.find((r) => r.name === 'Twin');
    await app.service.openReview({ reviewId: twin?.id ?? '' });
    await app.close();
    const before = await folderSnapshot(dataDir);
    const result = await run('brief', '--data-dir', 'data', '--review', sampleId, '-o', 'ro.pdf');
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('prints its help', async () => {
    const { code, stdout } = await run('brief', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: crosscheck brief --review NAME-OR-ID/);
    expect((await run('--help')).stdout).toContain('brief --review NAME-OR-ID');
  });

  it.each([
    [['--review', 'x'], 2, 'crosscheck: crosscheck brief needs -o OUT.pdf.\n'],
    [
      ['-o', 'x.pdf'],
      2,
      'crosscheck: crosscheck brief needs --review NAME-OR-ID or an annotation file.\n',
    ],
    [
      ['a.crosscheck.json', '--review', 'x', '-o', 'x.pdf'],
      2,
      'crosscheck: crosscheck brief takes an annotation file or --review, not both.\n',
    ],
    [
      ['missing.crosscheck.json', '-o', 'x.pdf'],
      1,
      'crosscheck: “missing.crosscheck.json” does not exist.\n',
    ],
    [
      ['not-json.crosscheck.json', '-o', 'x.pdf'],
      1,
      /^crosscheck: “not-json\.crosscheck\.json”: the file is not an annotation file: .+\.\n$/,
    ],
    [
      ['--data-dir', 'data', '--review', 'Nothing like it', '-o', 'x.pdf'],
      1,
      'crosscheck: no review has the name or id “Nothing like it”.\n',
    ],
    [
      ['--data-dir', 'data', '--review', 'Twin', '-o', 'x.pdf'],
      1,
      /^crosscheck: 2 reviews are named “Twin”; give an id: [\w-]+, [\w-]+\.\n$/,
    ],
    [
      ['--data-dir', 'missing', '--review', 'x', '-o', 'x.pdf'],
      1,
      /^crosscheck: “.*missing” is not a Crosscheck data folder\.\n$/,
    ],
    [
      ['--data-dir', 'data', '--review', 'x', '-o', 'no/such/folder/x.pdf'],
      1,
      'crosscheck: the folder for “no/such/folder/x.pdf” does not exist.\n',
    ],
    [
      ['--data-dir', 'data', '--review', 'Sample: Iraq letter, January 2020', '-o', 'data'],
      1,
      /^crosscheck: the brief could not be written to .*data \((EISDIR|ENOTEMPTY|EEXIST)\)\.\n$/,
    ],
  ] as [string[], number, string | RegExp][])(
    'refuses %j with exit %i and one sentence',
    async (args, exit, message) => {
      const { code, stdout, stderr } = await run('brief', ...args);
      expect(code).toBe(exit);
      expect(stdout).toBe('');
      if (typeof message === 'string') expect(stderr).toBe(message);
      else expect(stderr).toMatch(message);
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    },
  );

  it('reports a bad SOURCE_DATE_EPOCH as bad usage', async () => {
    process.env['SOURCE_DATE_EPOCH'] = 'yesterday';
    const { code, stderr } = await run('brief', '--review', 'x', '-o', 'x.pdf');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'crosscheck: SOURCE_DATE_EPOCH must be a whole number of seconds, not "yesterday".\n',
    );
  });
});
