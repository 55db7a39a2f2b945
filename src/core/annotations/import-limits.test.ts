// Hostile or careless files: copies collapse, imports respect the API's limits, odd values get a
// reason, and validation (parse) refuses what import would refuse.
import { describe, expect, it } from 'vitest';
import { TestReview, testWorld } from '../../../tests/support/test-reviews';
import { importAnnotationJson } from './import-annotations';
import { MAX_NOTE_LENGTH, MAX_SET_ASIDE } from './import-limits';
import { parseAnnotationJson } from './parse-annotations';

const TEXT = 'The bridge opened in 1932. It cost four million pounds. Repairs began in 1950.';
const SOURCE = 'https://example.org/article';
const NOW = '2024-06-01T00:00:00.000Z';

function hypothesisRow(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    uri: SOURCE,
    created: '2024-05-01T10:00:00Z',
    user: 'acct:eve@hypothes.is',
    tags: ['contradiction'],
    text: 'Not so.',
    target: [
      { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: 'four million pounds' }] },
    ],
    ...extra,
  };
}

function tagged() {
  const amal = new TestReview(testWorld(), 'amal');
  const documentId = amal.addDocument('Article', TEXT);
  amal.tag(documentId, 'four million', 'claim');
  return { amal, options: { documentMatches: new Map([[SOURCE, documentId]]), now: NOW } };
}

describe('hostile files', () => {
  it('counts 50,000 identical copies of one annotation once', () => {
    const { amal, options } = tagged();
    const rows = Array.from({ length: 50_000 }, (_, i) => hypothesisRow(`copy-${i}`));
    const result = importAnnotationJson(amal, JSON.stringify({ rows }), options);
    if (!result.ok) throw new Error(result.error.message);
    const { summary, review, sharing } = result.value;
    expect(summary.copies).toBe(49_999);
    expect(summary.warnings).toContain(
      '49999 annotations were identical copies of another in the file and were counted once.',
    );
    expect(summary.sameSentence).toHaveLength(1);
    expect(review.tags).toHaveLength(1);
    expect(JSON.stringify({ review, sharing }).length).toBeLessThan(5_000);
  });

  it('refuses an import that would set aside more versions than one import may', () => {
    const { amal, options } = tagged();
    const rows = Array.from({ length: MAX_SET_ASIDE + 1 }, (_, i) =>
      hypothesisRow(`row-${i}`, { text: `Objection ${i}.` }),
    );
    const result = importAnnotationJson(amal, JSON.stringify({ rows }), options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /^The import would set aside 10001 versions of tags .*; nothing was imported\./,
    );
  });

  it('keeps notes to the API’s limit', () => {
    const { amal, options } = tagged();
    const long = 'x'.repeat(MAX_NOTE_LENGTH + 1);
    const result = importAnnotationJson(
      amal,
      JSON.stringify([hypothesisRow('long', { text: long })]),
      options,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.review.tags).toHaveLength(1); // only the claim that was there
    expect(result.value.summary.skipped[0]?.reason).toBe(
      'its note has 10001 characters; Crosscheck keeps notes of up to 10000',
    );

    const own = new TestReview(testWorld(), 'bo');
    const id = own.addDocument('Article', TEXT);
    own.note(own.tag(id, 'opened', 'claim'), 'short');
    const file = own.exportFile().replace('"short"', JSON.stringify(long));
    const parsed = parseAnnotationJson(file);
    expect(parsed.ok || parsed.error.message).toMatch(/its note has 10001 characters/);
  });

  it.each([
    ['the collection’s type', '"type": "AnnotationCollection"', '"type": ', /type/],
    ['an annotation’s type', '"type":"Annotation"', '"type":', /type/],
    [
      'the format version',
      '"crosscheck:schemaVersion": 2',
      '"crosscheck:schemaVersion": ',
      /format version \(a list\)/,
    ],
  ])(
    'gives a reason, not an internal error, for a deeply nested value in %s',
    (_, field, key, message) => {
      const own = new TestReview(testWorld(), 'bo');
      own.tag(own.addDocument('Article', TEXT), 'opened', 'claim');
      const deep = '['.repeat(5_000) + ']'.repeat(5_000);
      const file = own.exportFile();
      expect(file).toContain(field);
      const parsed = parseAnnotationJson(file.replace(field, `${key}${deep}`));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.message).toMatch(message);
        expect(parsed.error.message.length).toBeLessThan(400);
      }
    },
  );

  it('finds a forbidden key spelled with escapes, which the quick text check cannot see', () => {
    const own = new TestReview(testWorld(), 'bo');
    own.tag(own.addDocument('Article', TEXT), 'opened', 'claim');
    const file = own
      .exportFile()
      .replace('"target":{', '"target":{"\\u005f_pro\\u0074o__":{"x":1},');
    const parsed = parseAnnotationJson(file);
    expect(parsed.ok || parsed.error.message).toMatch(/“__proto__” key/);
  });

  it('checks dates, and never leaves one empty', () => {
    const own = new TestReview(testWorld(), 'bo');
    const id = own.addDocument('Article', TEXT);
    own.tag(id, 'opened', 'claim');
    const file = own.exportFile().replace(/"created":"[^"]+"/, '"created":"yesterday"');
    const parsed = parseAnnotationJson(file);
    expect(parsed.ok || parsed.error.message).toMatch(
      /its created date “yesterday” is not an ISO 8601 date and time/,
    );

    const foreign = parseAnnotationJson(
      JSON.stringify([
        hypothesisRow('a', { created: 'soon' }),
        hypothesisRow('b', { created: undefined }),
      ]),
      { now: NOW },
    );
    if (!foreign.ok) throw new Error(foreign.error.message);
    expect(foreign.value.skipped).toEqual([
      { index: 1, id: 'a', reason: 'its created date (“soon”) is not an ISO 8601 date and time' },
    ]);
    expect(foreign.value.annotations[0]).toMatchObject({ created: NOW, modified: NOW });
  });
});
