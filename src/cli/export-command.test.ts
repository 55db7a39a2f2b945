import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnnotationJson } from '../core/annotations/parse-annotations';
import { createBackend } from '../main/compose';
import { folderSnapshot } from '../../tests/support/folder-snapshot';
import { runCliIn } from '../../tests/support/run-cli-in';

let dir: string;
let dataDir: string;
let reviewId: string;

const REPORT = 'The bridge opened in 1932. It cost four million pounds. Repairs began in 1950.\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-export-'));
  dataDir = join(dir, 'data');
  const backend = await createBackend({ dataDir, author: 'amal' });
  const { service } = backend;
  const created = await service.createReview({ name: 'Bridge review' });
  if (!created.ok) throw new Error(created.error.message);
  reviewId = created.value.id;
  const added = await service.addDocument({
    reviewId,
    fileName: 'report.txt',
    bytes: new TextEncoder().encode(REPORT),
  });
  if (!added.ok) throw new Error(added.error.message);
  const documentId = added.value.document.id;
  const text = await service.getDocumentText({ documentId });
  if (!text.ok) throw new Error(text.error.message);
  const [, , start1, end1, start2, end2] = text.value.sentences as number[];
  const claim = await service.tagSentence({
    reviewId,
    documentId,
    start: start1!,
    end: end1!,
    kind: 'claim',
  });
  const evidence = await service.tagSentence({
    reviewId,
    documentId,
    start: start2!,
    end: end2!,
    kind: 'confirmation',
  });
  if (!claim.ok || !evidence.ok) throw new Error('could not tag');
  await service.linkEvidence({
    reviewId,
    evidenceId: evidence.value.tagId,
    claimId: claim.value.tagId,
  });
  await backend.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...argv: string[]) {
  return runCliIn(dir, argv);
}

describe('crosscheck export', () => {
  it('writes a REFI-QDA project with --format qdpx', async () => {
    const { code, stdout, stderr } = await run(
      'export',
      '--data-dir',
      'data',
      '--review',
      'Bridge review',
      '--format',
      'qdpx',
      '-o',
      'bridge.qdpx',
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      'Exported “Bridge review” (2 tags on 1 document) as a REFI-QDA project to “bridge.qdpx”.\n',
    );
    const files = unzipSync(new Uint8Array(await readFile(join(dir, 'bridge.qdpx'))));
    const names = Object.keys(files).sort();
    expect(names).toEqual(['project.qde', expect.stringMatching(/^sources\/[0-9a-f-]{36}\.txt$/)]);
    expect(strFromU8(files[names[1]!]!)).toBe(REPORT);
    const project = strFromU8(files['project.qde']!);
    expect(project.match(/<PlainTextSelection /g)).toHaveLength(2);
    expect(project).toContain('name="confirms" direction="OneWay"');
    // The same review gives the same bytes.
    await run(
      'export',
      '--data-dir',
      'data',
      '--review',
      reviewId,
      '--format',
      'qdpx',
      '-o',
      'again.qdpx',
    );
    expect(await readFile(join(dir, 'again.qdpx'))).toEqual(
      await readFile(join(dir, 'bridge.qdpx')),
    );
    const bad = await run(
      'export',
      '--data-dir',
      'data',
      '--review',
      reviewId,
      '--format',
      'pdf',
      '-o',
      'x',
    );
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/--format is annotations or qdpx, not "pdf"/);
  });

  it('writes a review found by name as an annotation file that imports again', async () => {
    const { code, stdout, stderr } = await run(
      'export',
      '--data-dir',
      'data',
      '--review',
      'Bridge review',
      '-o',
      'bridge.crosscheck.json',
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      'Exported “Bridge review” (2 tags on 1 document) to “bridge.crosscheck.json”.\n',
    );
    const parsed = parseAnnotationJson(await readFile(join(dir, 'bridge.crosscheck.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.documents[0]?.text).toBe(REPORT);
    expect(
      parsed.value.annotations.map((a) => [a.kind, a.quote.exact, a.claimIds?.length ?? 0]),
    ).toEqual([
      ['claim', 'It cost four million pounds.', 0],
      ['confirmation', 'Repairs began in 1950.', 1],
    ]);
  });

  it('finds a review by id and can leave the texts out', async () => {
    const { code } = await run(
      'export',
      '--data-dir',
      'data',
      '--review',
      reviewId,
      '-o',
      'bare.json',
      '--no-text',
    );
    expect(code).toBe(0);
    const parsed = parseAnnotationJson(await readFile(join(dir, 'bare.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.documents.map((d) => d.text)).toEqual([undefined]);
    expect(parsed.value.annotations).toHaveLength(2);
  });

  it('exits 1 with one sentence when the review does not exist', async () => {
    const { code, stderr } = await run(
      'export',
      '--data-dir',
      'data',
      '--review',
      'Nope',
      '-o',
      'x.crosscheck.json',
    );
    expect(code).toBe(1);
    expect(stderr).toBe('crosscheck: no review has the name or id “Nope”.\n');
  });

  it('only reads the data folder: works while the app has it open and changes no byte of it', async () => {
    const app = await createBackend({ dataDir });
    try {
      // The app remembers another review as the one to reopen; an export must not change that.
      const other = await app.service.createReview({ name: 'Other review' });
      if (!other.ok) throw new Error(other.error.message);
      await app.service.openReview({ reviewId: other.value.id });
      await app.service.flush();
      const before = await folderSnapshot(dataDir);
      expect(Object.keys(before)).toContain('settings.json');
      const { code, stderr } = await run(
        'export',
        '--data-dir',
        'data',
        '--review',
        'Bridge review',
        '-o',
        'while-open.crosscheck.json',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(await folderSnapshot(dataDir)).toEqual(before);
    } finally {
      await app.close();
    }
  });

  it('exits 2 for bad usage and explains itself with --help', async () => {
    expect((await run('export', '--data-dir', 'data', '-o', 'x.json')).code).toBe(2);
    expect((await run('export', '--data-dir', 'data', '--review', 'Bridge review')).code).toBe(2);
    const help = await run('export', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: crosscheck export --review NAME-OR-ID -o FILE/);
    expect((await run('--help')).stdout).toMatch(/export --review NAME-OR-ID -o FILE/);
  });
});
