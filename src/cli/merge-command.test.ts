import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewFromFile } from '../core/annotations/import-annotations';
import { parseAnnotationJson } from '../core/annotations/parse-annotations';
import { assessedReview, type AssessedIds } from '../../tests/support/assessed-review';
import { TestReview, testWorld } from '../../tests/support/test-reviews';
import { existsSync } from 'node:fs';
import { runCliIn } from '../../tests/support/run-cli-in';

let dir: string;
let ids: AssessedIds;
const REPORT = [
  'The bridge opened in 1932. It cost four million pounds.',
  'Engineers said it would last a century. Records show repairs began in 1950.',
].join('\n\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-merge-'));
  const amal = new TestReview(testWorld(), 'amal', 'Bridge review');
  const report = amal.addDocument('Report', REPORT);
  const claim = amal.tag(report, 'four million', 'claim');
  const repairs = amal.tag(report, 'Records show', 'confirmation');
  amal.link(repairs, claim);
  const bo = amal.copyFor('bo');
  amal.note(claim, 'Amal: check the minutes.');
  bo.note(claim, 'Bo: the minutes agree.'); // later: kept, Amal's note is the conflict
  bo.remove(repairs);
  bo.tag(report, 'last a century', 'claim');
  await writeFile(join(dir, 'amal.crosscheck.json'), amal.exportFile());
  await writeFile(join(dir, 'bo.crosscheck.json'), bo.exportFile());
  // The assessment: Cy judges the first claim otherwise (later), dismisses one more suggestion
  // and names Reuters by its alias.
  const built = assessedReview();
  const assessed = built.reviewer;
  ids = built.ids;
  const cy = assessed.copyFor('Cy Ames');
  cy.judge(ids.claim, {
    verdict: 'likely',
    confidence: 'low',
    rationale: 'The letter is a draft.',
  });
  cy.dismiss(ids.safe, ids.letter, 'never sent');
  cy.attribute(ids.confirmation, 'reuters news agency');
  await writeFile(join(dir, 'assessed.crosscheck.json'), assessed.exportFile());
  await writeFile(join(dir, 'cy.crosscheck.json'), cy.exportFile());
  await writeFile(
    join(dir, 'broken.crosscheck.json'),
    bo.exportFile().replaceAll('"modified":"', '"modifed":"'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...argv: string[]) {
  return runCliIn(dir, argv);
}

describe('crosscheck merge', () => {
  it('writes the merged file and reports conflicts on stderr', async () => {
    const { code, stdout, stderr } = await run(
      'merge',
      'amal.crosscheck.json',
      'bo.crosscheck.json',
      '-o',
      'out.crosscheck.json',
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Merged “bo.crosscheck.json” into “amal.crosscheck.json”: 1 added, 1 updated, 0 unchanged, 1 removed, 1 conflict, 0 on the same sentence, 0 re-anchored, 0 to review, 0 orphans. Wrote “out.crosscheck.json”.\n',
    );
    expect(stderr).toMatch(
      /^crosscheck: conflict: claim “It cost four million pounds\.” \(urn:uuid:[0-9a-f-]+\): kept the version modified [^;]+; the version modified [^ ]+ was set aside; it differs in its note\.\n$/,
    );
    const merged = parseAnnotationJson(await readFile(join(dir, 'out.crosscheck.json'), 'utf8'));
    if (!merged.ok) throw new Error(merged.error.message);
    const review = reviewFromFile(merged.value);
    if (!review.ok) throw new Error(review.error.message);
    expect(review.value.review.tags.map((t) => [t.kind, t.anchor.exact, t.note])).toEqual([
      ['claim', 'It cost four million pounds.', 'Bo: the minutes agree.'],
      ['claim', 'Engineers said it would last a century.', undefined],
    ]);
    expect(review.value.sharing.removed).toHaveLength(1);
  });

  it('writes a JSON report with both versions of each conflict', async () => {
    const { code } = await run(
      'merge',
      'amal.crosscheck.json',
      'bo.crosscheck.json',
      '-o',
      'out2.crosscheck.json',
      '--report',
      'report.json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(report).toMatchObject({
      added: 1,
      updated: 1,
      removed: 1,
      output: 'out2.crosscheck.json',
    });
    expect(report['conflicts']).toEqual([
      expect.objectContaining({
        kept: expect.objectContaining({ note: 'Bo: the minutes agree.' }),
        other: expect.objectContaining({ note: 'Amal: check the minutes.' }),
      }),
    ]);
  });

  it('keeps facets, sources, credibility, judgements and dismissals, and reports a judgement conflict', async () => {
    const { code, stdout, stderr } = await run(
      'merge',
      'assessed.crosscheck.json',
      'cy.crosscheck.json',
      '-o',
      'assessed-out.crosscheck.json',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 0 added, 1 updated, 3 unchanged, 0 removed, 2 conflicts, /);
    expect(stderr).toMatch(
      /^crosscheck: conflict: confirmation “Records show repairs began in 1950\.” \(urn:uuid:[^)]+\): kept the version modified [^;]+; the version modified [^ ]+ was set aside; it differs in its attribution\.\ncrosscheck: conflict: judgement of claim “It cost four million pounds\.” \(urn:uuid:[^)]+\): kept “likely” \(low confidence\) by Cy Ames, modified [^;]+; set aside “unlikely” \(moderate confidence\) by Amal Haddad, modified [^.]+\.\d+Z\.\n$/,
    );
    const merged = parseAnnotationJson(
      await readFile(join(dir, 'assessed-out.crosscheck.json'), 'utf8'),
    );
    if (!merged.ok) throw new Error(merged.error.message);
    const out = reviewFromFile(merged.value);
    if (!out.ok) throw new Error(out.error.message);
    const { review } = out.value;
    const tag = (id: string) => review.tags.find((t) => t.id === id);
    expect(tag(ids.contradiction)).toMatchObject({
      facets: { [ids.claim]: 'source' },
      credibility: 3,
    });
    expect(tag(ids.confirmation)?.credibility).toBe(2);
    const reuters = review.sources?.find((s) => s.name === 'Reuters');
    expect(reuters).toMatchObject({ aliases: ['Reuters News Agency'], reliability: 'B' });
    expect(tag(ids.confirmation)?.sourceId).toBe(reuters?.id);
    expect(review.sources?.map((s) => s.name)).toEqual([
      'Bridge Trust',
      'Reuters',
      'Gen. Mark Milley',
    ]);
    expect(review.judgements?.[ids.claim]).toMatchObject({
      verdict: 'likely',
      confidence: 'low',
      rationale: 'The letter is a draft.',
    });
    expect(review.judgements?.[ids.safe]).toMatchObject({ verdict: 'likely', confidence: 'low' });
    expect(review.dismissals?.map((d) => [d.claimId, d.anchor.exact]).sort()).toEqual(
      [
        [ids.claim, 'It was never sent.'],
        [ids.safe, 'Engineers said it would last a century.'],
        [ids.safe, 'It was never sent.'],
      ].sort(),
    );
  });

  it('exits 1 and writes nothing when a file is invalid', async () => {
    const { code, stdout, stderr } = await run(
      'merge',
      'amal.crosscheck.json',
      'broken.crosscheck.json',
      '-o',
      'never.crosscheck.json',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^crosscheck: “broken\.crosscheck\.json” is not a valid annotation file: Annotation 1 \(urn:uuid:[^)]+\): field modified is missing\. \(\d+ more; run "crosscheck validate broken\.crosscheck\.json" for the list\)\n$/,
    );
    expect(existsSync(join(dir, 'never.crosscheck.json'))).toBe(false);
  });

  it.each([
    [
      ['merge', 'missing.crosscheck.json', 'bo.crosscheck.json', '-o', 'x.json'],
      1,
      /“missing\.crosscheck\.json” does not exist\./,
    ],
    [['merge', 'amal.crosscheck.json', '-o', 'x.json'], 2, /needs exactly two files/],
    [['merge', 'amal.crosscheck.json', 'bo.crosscheck.json'], 2, /needs -o OUT/],
  ])('exits with the right code for %j', async (argv, exitCode, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(exitCode);
    expect(stderr).toMatch(message);
  });
});
