import { describe, expect, it } from 'vitest';
import { importAnnotationJson } from './import-annotations';
import { parseAnnotationFile } from './parse-annotations';
import { TestReview, testWorld } from '../../../tests/support/test-reviews';

const ARTICLE = [
  'The bridge opened in 1932. It cost four million pounds.',
  'Engineers said it would last a century. Records show repairs began in 1950.',
].join('\n\n');
const SOURCE = 'https://news.example.org/bridge-article';

function quote(exact: string) {
  const at = ARTICLE.indexOf(exact);
  return [
    {
      type: 'TextQuoteSelector',
      exact,
      prefix: ARTICLE.slice(Math.max(0, at - 20), at),
      suffix: ARTICLE.slice(at + exact.length, at + exact.length + 20),
    },
    { type: 'TextPositionSelector', start: at, end: at + exact.length },
  ];
}

/** A Recogito-style W3C export: tags as tagging bodies, notes as commenting bodies. */
const RECOGITO = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationCollection',
  first: {
    type: 'AnnotationPage',
    items: [
      {
        id: 'https://recogito.example/a/1',
        type: 'Annotation',
        creator: { name: 'Bo' },
        created: '2025-02-01T10:00:00Z',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Claim' }],
        target: { source: SOURCE, selector: quote('four million pounds') },
      },
      {
        id: 'https://recogito.example/a/2',
        type: 'Annotation',
        creator: 'Bo',
        created: '2025-02-01T10:01:00Z',
        modified: '2025-02-01T10:05:00Z',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'confirmation' },
          { type: 'TextualBody', purpose: 'commenting', value: 'Matches the ledger.' },
          { type: 'SpecificResource', purpose: 'linking', source: 'https://recogito.example/a/1' },
        ],
        target: { source: SOURCE, selector: quote('Records show repairs began in 1950.') },
      },
      {
        id: 'https://recogito.example/a/3',
        type: 'Annotation',
        body: [{ purpose: 'tagging', value: 'important' }],
        target: { source: SOURCE, selector: quote('opened in 1932') },
      },
      {
        id: 'https://recogito.example/a/4',
        type: 'Annotation',
        body: [{ purpose: 'tagging', value: 'claim' }],
        target: { source: SOURCE, selector: { type: 'FragmentSelector', value: 'para=2' } },
      },
      {
        id: 'https://recogito.example/a/5',
        type: 'Annotation',
        body: [
          { purpose: 'tagging', value: 'claim' },
          { purpose: 'tagging', value: 'contradiction' },
        ],
        target: { source: SOURCE, selector: quote('last a century') },
      },
      {
        type: 'Annotation',
        body: [{ purpose: 'tagging', value: 'claim' }],
        target: { source: SOURCE, selector: quote('last a century') },
      },
    ],
  },
};

/** Hypothesis's own export format: `tags` and `text`, `user`, `updated`. */
const HYPOTHESIS = {
  rows: [
    {
      id: 'Hy7xQ',
      uri: SOURCE,
      user: 'acct:cy@hypothes.is',
      created: '2025-03-01T09:00:00Z',
      updated: '2025-03-02T09:00:00Z',
      text: 'The plaque says 1931.',
      tags: ['contradiction'],
      target: [
        {
          source: SOURCE,
          selector: [
            { type: 'RangeSelector', startContainer: '/p[1]' },
            ...quote('The bridge opened in 1932.'),
          ],
        },
      ],
    },
  ],
};

function reviewWithArticle() {
  const amal = new TestReview(testWorld(), 'amal');
  const documentId = amal.addDocument('Bridge article', ARTICLE);
  return { amal, documentId, options: { documentMatches: new Map([[SOURCE, documentId]]) } };
}

describe('readForeignAnnotations', () => {
  it('imports tagged annotations onto whole sentences and lists the rest with reasons', () => {
    const { amal, options } = reviewWithArticle();
    const result = importAnnotationJson(amal, JSON.stringify(RECOGITO), options);
    if (!result.ok) throw new Error(result.error.message);
    const { review, summary } = result.value;
    expect(review.tags.map((t) => [t.kind, t.anchor.exact, t.note, t.author])).toEqual([
      ['claim', 'It cost four million pounds.', undefined, 'Bo'],
      ['confirmation', 'Records show repairs began in 1950.', 'Matches the ledger.', 'Bo'],
    ]);
    const [claim, confirmation] = review.tags;
    expect(confirmation?.claimIds).toEqual([claim?.id]);
    expect(confirmation?.modified).toBe('2025-02-01T10:05:00Z');
    expect(summary.needsReview).toEqual([claim?.id]); // a partial quote grew to its sentence
    expect(summary.skipped).toEqual([
      {
        index: 3,
        id: 'https://recogito.example/a/3',
        reason:
          'its tags (“important”) are not claim, confirmation or contradiction; map them to a kind to import it',
      },
      {
        index: 4,
        id: 'https://recogito.example/a/4',
        reason: 'it has no TextQuoteSelector, and Crosscheck places annotations by their quote',
      },
      {
        index: 5,
        id: 'https://recogito.example/a/5',
        reason: 'it is tagged both claim and contradiction; Crosscheck cannot tell which it is',
      },
      { index: 6, reason: 'it has no id' },
    ]);
  });

  it('reads Hypothesis exports (tags, text, user, updated)', () => {
    const { amal, options } = reviewWithArticle();
    const result = importAnnotationJson(amal, JSON.stringify(HYPOTHESIS), options);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.review.tags).toEqual([
      expect.objectContaining({
        kind: 'contradiction',
        anchor: expect.objectContaining({ exact: 'The bridge opened in 1932.' }),
        note: 'The plaque says 1931.',
        author: 'cy', // the user name of acct:cy@hypothes.is
        modified: '2025-03-02T09:00:00Z',
      }),
    ]);
    expect(result.value.summary.needsReview).toEqual([]);
  });

  it('matches the same annotations again on a second import instead of doubling them', () => {
    const { amal, options } = reviewWithArticle();
    const first = importAnnotationJson(amal, JSON.stringify(RECOGITO), options);
    if (!first.ok) throw new Error(first.error.message);
    amal.review = first.value.review;
    const second = importAnnotationJson(amal, JSON.stringify(RECOGITO), options);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.review.tags).toEqual(first.value.review.tags);
    expect(second.value.summary).toMatchObject({ added: 0, unchanged: 2 });
  });

  it('leaves annotations out, saying why, when nobody chose their document', () => {
    const { amal } = reviewWithArticle();
    const result = importAnnotationJson(amal, JSON.stringify(HYPOTHESIS));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.review.tags).toEqual([]);
    expect(result.value.summary.skipped).toEqual([
      expect.objectContaining({
        index: 1,
        reason: `its document (${SOURCE}) is not part of this review; choose the document to import it into`,
      }),
    ]);
  });

  it.each([
    [
      { type: 'AnnotationCollection', first: 'https://example.org/page1' },
      /whose annotations are not in the file/,
    ],
    [{ hello: 'world' }, /neither a Crosscheck file nor W3C annotations/],
  ])('refuses files with no annotations in them', (data, message) => {
    const result = parseAnnotationFile(data);
    expect(result.ok || result.error.message).toMatch(message);
  });
});
