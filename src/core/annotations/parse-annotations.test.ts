import { describe, expect, it } from 'vitest';
import { REVIEW_SCHEMA_VERSION } from '../review/types';
import { textId } from '../text/hash';
import { exportAnnotationFile } from './export-annotations';
import { importAnnotationJson, reviewFromFile } from './import-annotations';
import { parseAnnotationFile, parseAnnotationJson } from './parse-annotations';
import { annotationFileSizeProblem, MAX_ANNOTATION_FILE_BYTES } from './safe-json';
import { TEST_GENERATOR, TestReview, testWorld } from '../../../tests/support/test-reviews';

/** Parsed JSON that the tests reach into to break it on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately untyped test input
type LooseJson = any;

const REPORT = [
  'The bridge opened in 1932. It cost four million pounds 💷.',
  'Engineers said it would last a century. Records show repairs began in 1950.',
  'The council says the bridge is safe today.',
].join('\n\n');
const LETTER = 'A letter from 1931 puts the cost at nine million pounds. It was never sent.';

/** A review with two documents, linked evidence, a note, a removal, an orphan and a flag. */
function sampleReview(): TestReview {
  const reviewer = new TestReview(testWorld(), 'amal', 'Bridge review');
  const report = reviewer.addDocument('Report', REPORT);
  const letter = reviewer.addDocument('Letter', LETTER);
  const claim = reviewer.tag(report, 'four million', 'claim');
  reviewer.note(claim, 'Check against the council minutes.');
  const contradiction = reviewer.tag(letter, 'nine million', 'contradiction');
  reviewer.link(contradiction, claim);
  const confirmation = reviewer.tag(report, 'Records show', 'confirmation');
  reviewer.link(confirmation, claim);
  reviewer.remove(reviewer.tag(report, 'safe today', 'claim'));
  const lost = reviewer.tag(letter, 'never sent', 'confirmation');
  const tag = reviewer.review.tags.find((t) => t.id === lost);
  if (!tag) throw new Error('no tag');
  const { anchor, ...rest } = tag;
  reviewer.review.tags = reviewer.review.tags.filter((t) => t.id !== lost);
  reviewer.sharing.orphans = [
    {
      ...rest,
      quote: { exact: 'The letter was burnt in 1940.', prefix: anchor.prefix, suffix: '' },
      reason: 'not found',
    },
  ];
  reviewer.sharing.needsReview = [confirmation];
  return reviewer;
}

describe('parseAnnotationJson', () => {
  it('round-trips a review through a file without losing anything', () => {
    const reviewer = sampleReview();
    const parsed = parseAnnotationJson(reviewer.exportFile());
    if (!parsed.ok) throw new Error(parsed.error.message);
    const imported = reviewFromFile(parsed.value);
    if (!imported.ok) throw new Error(imported.error.message);
    const { review, sharing, newTexts } = imported.value;
    // A review read from a file is of the current review version (version 1 has no new fields).
    expect(review).toEqual({ ...reviewer.review, schemaVersion: REVIEW_SCHEMA_VERSION, panes: [] });
    expect(sharing).toEqual({ ...reviewer.sharing, conflicts: [] });
    expect(newTexts).toEqual(reviewer.texts);
    // And the re-exported file is the same file, byte for byte.
    const again = new TestReview(testWorld(), 'amal');
    Object.assign(again, { review, sharing, texts: newTexts });
    expect(again.exportFile()).toBe(reviewer.exportFile());
  });

  it('gives the same tags when imported into a review that already has them', () => {
    const reviewer = sampleReview();
    const merged = importAnnotationJson(reviewer, reviewer.exportFile());
    if (!merged.ok) throw new Error(merged.error.message);
    expect(merged.value.review).toEqual(reviewer.review);
    expect(merged.value.summary).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 4,
      conflicts: [],
    });
  });

  type Mutation = (file: LooseJson) => unknown;
  const item = (file: LooseJson, i: number) => file['first']['items'][i];
  const badInputs: [string, string | Mutation, RegExp][] = [
    ['not JSON', '{"type": "AnnotationCollection", ', /not valid JSON/],
    ['a number', '42', /it holds a number where a collection of annotations was expected/],
    [
      'a __proto__ key',
      (f) => (item(f, 0)['target'] = JSON.parse('{"__proto__": {"x": 1}}')),
      /“__proto__” key \(at first\.items\.0\.target\.__proto__\)/,
    ],
    ['a constructor key', (f) => (f['constructor'] = { prototype: {} }), /“constructor” key/],
    [
      'an unknown schema version',
      (f) => (f['crosscheck:schemaVersion'] = 7),
      /version 7 of the Crosscheck annotation format.*update Crosscheck/,
    ],
    [
      'a missing field',
      (f) => delete item(f, 1)['modified'],
      /^Annotation 2 \(urn:uuid:[0-9a-f-]+\): field modified is missing\.$/,
    ],
    [
      'a wrong type',
      (f) => (item(f, 0)['target']['selector'][1]['end'] = '55'),
      /^Annotation 1 \(urn:uuid:[^)]+\): field target\.selector\[1\]\.end should be a number, not text\.$/,
    ],
    [
      'an unknown kind',
      (f) => (item(f, 0)['body'][0]['value'] = 'rumour'),
      /^Annotation 1 .*should be claim, confirmation or contradiction, not “rumour”/,
    ],
    [
      'duplicate ids',
      (f) => (item(f, 2)['id'] = item(f, 0)['id']),
      /^Annotation 3 \(urn:uuid:[^)]+\) has the same id as annotation 1\./,
    ],
    [
      'a position out of range',
      (f) => {
        item(f, 3)['target']['selector'][1]['start'] = 900;
        item(f, 3)['target']['selector'][1]['end'] =
          900 + item(f, 3)['target']['selector'][0]['exact'].length;
      },
      new RegExp(
        `^Annotation 4 .*position 900–\\d+ is out of range; “Report” has ${[...REPORT].length} characters\\.`,
      ),
    ],
    [
      'a quote that does not match',
      (f) =>
        (item(f, 0)['target']['selector'][0]['exact'] = LETTER.slice(0, 56).replace(
          'nine',
          'five',
        )),
      /^Annotation 1 .*its quote does not match “Letter” at 0–56 \(the quote is “A letter from 1931 puts the cost at five million pounds\.”, the text there is “A letter from 1931 puts the cost at nine million pounds\.”\)\.$/,
    ],
    [
      'a link to a missing claim',
      (f) => (item(f, 0)['body'][1]['source'] = 'urn:uuid:99999999-0000-4000-8000-000000000000'),
      /^Annotation 1 .*links to claim urn:uuid:99999999-0000-4000-8000-000000000000, which is not in the file\./,
    ],
    [
      'a hash mismatch',
      (f) => (f['crosscheck:documents'][0]['crosscheck:text'] = REPORT.replace('1932', '1933')),
      /^Document 1 \(“Report”\): its embedded text does not match its id/,
    ],
    ['a total that disagrees', (f) => (f['total'] = 9), /says it holds 9 annotations but holds 4/],
  ];

  it.each(badInputs)(
    'refuses %s, says why, and leaves the review unchanged',
    (_, input, message) => {
      const reviewer = sampleReview();
      let json = reviewer.exportFile();
      if (typeof input === 'string') json = input;
      else {
        const file = JSON.parse(json) as LooseJson;
        input(file);
        json = JSON.stringify(file);
      }
      const before = structuredClone({
        review: reviewer.review,
        sharing: reviewer.sharing,
        texts: reviewer.texts,
      });
      const result = importAnnotationJson(reviewer, json);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(message);
      expect(result.error.details[0]).toBe(result.error.message);
      expect({ review: reviewer.review, sharing: reviewer.sharing, texts: reviewer.texts }).toEqual(
        before,
      );
    },
  );

  it('lists every problem of a file, not just the first', () => {
    const file = JSON.parse(sampleReview().exportFile()) as LooseJson;
    delete item(file, 0)['creator'];
    item(file, 2)['type'] = 'Note';
    const result = parseAnnotationFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details).toEqual([
      expect.stringMatching(/^Annotation 1 .*field creator is missing\.$/),
      expect.stringMatching(/^Annotation 3 .*field type should be "Annotation", not "Note"\.$/),
    ]);
  });

  it('refuses a file over the size cap from its size alone, before reading it', () => {
    expect(annotationFileSizeProblem(200 * 1024 * 1024)?.message).toBe(
      'The annotation file is 200 MB, larger than the 100 MB Crosscheck reads; export fewer documents or leave their text out.',
    );
    expect(annotationFileSizeProblem(MAX_ANNOTATION_FILE_BYTES)).toBeUndefined();
  });

  it('refuses text that is not normalised even when its hash matches', () => {
    const file = JSON.parse(sampleReview().exportFile()) as LooseJson;
    const crlf = 'One line.\r\nTwo lines.';
    file['crosscheck:documents'].push({
      ...file['crosscheck:documents'][1],
      id: `urn:${textId(crlf)}`,
      'crosscheck:text': crlf,
    });
    const result = parseAnnotationFile(file);
    expect(result.ok || result.error.message).toMatch(/^Document 3 .*not normalised/);
  });
});

describe('merge-time checks of a file without embedded texts', () => {
  it('refuses a document the review lacks when the file has no text for it', () => {
    const reviewer = sampleReview();
    const file = exportAnnotationFile(reviewer.review, reviewer.texts, {
      generator: TEST_GENERATOR,
      embedText: false,
    });
    if (!file.ok) throw new Error(file.error.message);
    const empty = new TestReview(testWorld(), 'bo');
    const result = importAnnotationJson(empty, file.value);
    expect(result.ok || result.error.message).toMatch(
      /does not include the text of “(Report|Letter)”.*Nothing was imported\./,
    );
    expect(empty.review.tags).toEqual([]);
  });

  it('checks quotes against the review’s own copy of the text', () => {
    const reviewer = sampleReview();
    const file = exportAnnotationFile(reviewer.review, reviewer.texts, {
      generator: TEST_GENERATOR,
      embedText: false,
    });
    if (!file.ok) throw new Error(file.error.message);
    const json = file.value.replace(
      '"exact":"It cost four million pounds 💷."',
      '"exact":"It cost five million pounds 💷."',
    );
    const result = importAnnotationJson(reviewer, json);
    expect(result.ok || result.error.message).toMatch(
      /^Annotation \d \(urn:uuid:[^)]+\): its quote does not match the document at 27–57; nothing was imported\.$/,
    );
  });
});
