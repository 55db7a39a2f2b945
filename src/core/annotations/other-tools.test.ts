// Real-shaped files from other tools (tests/fixtures/annotations): Hypothesis API rows whose
// positions count a whole web page, the Hypothesis client's export, NDJSON, RecogitoJS output
// without a source, and the W3C model's refinedBy example. Each annotation lands on its sentence
// or is reported with its reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TestReview, testWorld } from '../../../tests/support/test-reviews';
import { sourcesNeedingChoice } from './document-choices';
import { NO_SOURCE } from './foreign-annotations';
import { importAnnotationJson } from './import-annotations';
import { parseAnnotationJson } from './parse-annotations';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/annotations/${name}`, import.meta.url), 'utf8');
const ARTICLE = fixture('bridge-article.txt');
const PAGE = 'https://www.harbourherald.example/2024/05/harbour-bridge-real-cost';
const NOW = '2024-06-01T00:00:00.000Z';

function sentenceWith(part: string): string {
  const review = new TestReview(testWorld(), 'x');
  const id = review.addDocument('Article', ARTICLE);
  const text = review.texts.get(id) as string;
  const at = text.indexOf(part);
  const start = text.lastIndexOf('. ', at) + 2;
  const newline = text.lastIndexOf('\n', at) + 1;
  const from = Math.max(start, newline);
  const end = text.indexOf('.', at + part.length - 1) + 1;
  return text.slice(from, end);
}

function importInto(name: string, source: string, options = {}) {
  const amal = new TestReview(testWorld(), 'amal');
  const documentId = amal.addDocument('Harbour Bridge', ARTICLE);
  const result = importAnnotationJson(amal, fixture(name), {
    documentMatches: new Map([[source, documentId]]),
    now: NOW,
    ...options,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const tagged = (outcome: ReturnType<typeof importInto>) =>
  outcome.review.tags.map((t) => [t.kind, t.anchor.exact]);

describe('Hypothesis API search rows (positions count the web page: 398,662 to 413,689)', () => {
  const expected = [
    ['claim', sentenceWith('it had cost four million pounds')],
    ['contradiction', sentenceWith('closer to six million pounds')],
    ['claim', sentenceWith('would last a century')],
    ['contradiction', sentenceWith('the southern bearings')],
    ['claim', sentenceWith('no worker died')],
    ['contradiction', sentenceWith('lists sixteen names')],
    ['claim', sentenceWith('Tolls were meant')],
    ['contradiction', sentenceWith('The loan was repaid in 1988')],
    ['claim', sentenceWith('11,000 vehicles')],
    ['confirmation', sentenceWith('one car every half second')],
  ];

  it('anchors every quote in the text on its sentence, and says what the import changed', () => {
    const outcome = importInto('hypothesis-api-search.json', PAGE);
    expect(tagged(outcome)).toEqual(expected);
    const { summary } = outcome;
    expect(summary.added).toBe(10);
    expect(summary.orphans.map((o) => o.quote.exact)).toEqual([
      'The bridge was painted grey in 1935 with lead paint',
    ]);
    expect(summary.skipped.map((s) => [s.index, s.reason])).toEqual([
      [7, expect.stringMatching(/tags \(“disputes”\) are not claim.*map them/)],
      [10, expect.stringMatching(/tags \(“todo”\) are not claim/)],
    ]);
    // Two readers on one sentence: said apart from conflicts.
    expect(summary.conflicts.filter((c) => c.other.id === c.id)).toEqual([]);
    expect(summary.sameSentence.map((c) => [c.kept.author, c.other.author])).toEqual([
      ['Bo Lindqvist', 'Amal Haddad'],
    ]);
    expect(summary.widened).toContainEqual({
      id: expect.any(String),
      quote: 'it had cost four million pounds',
      sentence: sentenceWith('it had cost four million pounds'),
    });
    expect(summary.labels).toEqual([
      { label: 'budget', annotations: 1, kept: 1 },
      { label: 'disputes', annotations: 1, kept: 0 },
      { label: 'todo', annotations: 1, kept: 0 },
    ]);
  });

  it('keeps display names, dates and other labels; maps labels the user chose', () => {
    const outcome = importInto('hypothesis-api-search.json', PAGE, {
      labelMap: { Disputes: 'contradiction' },
    });
    const byQuote = (part: string) =>
      outcome.review.tags.find((t) => t.anchor.exact.includes(part));
    expect(byQuote('closer to six million')).toMatchObject({
      author: 'Bo Lindqvist',
      created: '2024-05-02T09:02:14.569473+00:00',
      modified: '2024-05-02T10:02:14.569473+00:00',
      note: 'Ledger totals, PWD archive box 14.\n\nLabels: budget',
    });
    expect(byQuote('two men falling')).toMatchObject({
      kind: 'contradiction',
      note: 'Herald, 12 June 1930.',
    });
    expect(outcome.summary.added).toBe(11);
  });

  it('reads the same rows as NDJSON, one annotation per line', () => {
    expect(tagged(importInto('hypothesis-api-search.ndjson', PAGE))).toEqual(expected);
  });
});

describe('other tools’ shapes', () => {
  it('reads the Hypothesis client’s export', () => {
    const outcome = importInto('hypothesis-client-export.json', PAGE);
    expect(tagged(outcome)).toEqual([
      ['claim', sentenceWith('it had cost four million pounds')],
      ['claim', sentenceWith('no worker died')],
      ['claim', sentenceWith('Tolls were meant')],
      ['claim', sentenceWith('11,000 vehicles')],
    ]);
    expect(outcome.review.tags.every((t) => t.author === 'Amal Haddad')).toBe(true);
  });

  it('asks for the document of RecogitoJS annotations, which name none, then places them', () => {
    const file = parseAnnotationJson(fixture('recogito-no-source.json'), { now: NOW });
    if (!file.ok) throw new Error(file.error.message);
    const amal = new TestReview(testWorld(), 'amal');
    amal.addDocument('Harbour Bridge', ARTICLE);
    expect(sourcesNeedingChoice(amal.review, file.value)).toEqual([
      { source: NO_SOURCE, title: 'Annotations that do not name their document', annotations: 2 },
    ]);
    const outcome = importInto('recogito-no-source.json', NO_SOURCE);
    expect(tagged(outcome)).toEqual([
      ['claim', sentenceWith('no worker died')],
      ['contradiction', sentenceWith('lists sixteen names')],
    ]);
    // Its positions and quotes agree exactly: nothing to confirm.
    expect(outcome.summary.needsReview).toEqual([]);
    expect(outcome.review.tags[0]).toMatchObject({ created: NOW, modified: NOW });
    expect(outcome.summary.warnings).toContain(
      '2 annotations have no date; they are dated at the time of the import.',
    );
  });

  it('reads a TextQuoteSelector nested in refinedBy (W3C model example)', () => {
    const source = 'urn:sha256:a2df93a55798e3a781724f5acb342e1e7118dfbe7c896605ae9852008f990a1e';
    const amal = new TestReview(testWorld(), 'amal');
    const documentId = amal.addDocument('Harbour Bridge', ARTICLE);
    expect(`urn:${documentId}`).toBe(source); // the file names the text by its hash
    const result = importAnnotationJson(amal, fixture('w3c-refined-by.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.review.tags).toEqual([
      expect.objectContaining({
        kind: 'contradiction',
        author: 'Dana',
        note: 'The log contradicts the promise.',
        anchor: expect.objectContaining({ exact: sentenceWith('the southern bearings') }),
      }),
    ]);
  });
});
