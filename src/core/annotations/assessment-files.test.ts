// Annotation files and the reviewer's assessment: a file of format 1 (written before facets,
// sources, grades, judgements and dismissals) imports with its old meaning, and every new field
// survives export and import by value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessedReview } from '../../../tests/support/assessed-review';
import {
  BRIDGE_LETTER,
  BRIDGE_REPORT,
  TEST_GENERATOR,
  TestReview,
} from '../../../tests/support/test-reviews';
import { facetOf } from '../analysis/facets';
import { sourceNameOf } from '../analysis/sources';
import type { Review, Tag } from '../review/types';
import { exportAnnotationFile } from './export-annotations';
import { importAnnotationJson, reviewFromFile } from './import-annotations';
import { parseAnnotationJson } from './parse-annotations';

const V1_FILE = readFileSync(
  new URL(
    '../../../tests/fixtures/annotations/crosscheck-v1-bridge.crosscheck.json',
    import.meta.url,
  ),
  'utf8',
);

type Json = Record<string, unknown>;

/** A review of the same documents as `reviewer`, with no tags. */
function emptyCopy(reviewer: TestReview): TestReview {
  const empty = new TestReview(reviewer.world, 'Bo Lind', 'Bo’s review');
  empty.addDocument('Report', BRIDGE_REPORT);
  empty.addDocument('Letter', BRIDGE_LETTER);
  return empty;
}

function imported(into: TestReview, json: string): Review {
  const result = importAnnotationJson({ review: into.review, texts: into.texts }, json);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.review;
}

/** A file read as a review of its own and exported again. */
function exportedAgain(json: string): string {
  const parsed = parseAnnotationJson(json);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const file = reviewFromFile(parsed.value);
  if (!file.ok) throw new Error(file.error.message);
  const again = exportAnnotationFile(file.value.review, file.value.newTexts, {
    generator: TEST_GENERATOR,
    orphans: file.value.sharing.orphans,
    needsReview: file.value.sharing.needsReview,
    removed: file.value.sharing.removed,
  });
  if (!again.ok) throw new Error(again.error.message);
  return again.value;
}

function withoutSource({ sourceId: _source, ...rest }: Tag): Omit<Tag, 'sourceId'> {
  return rest;
}

function sourcesByValue(review: Review) {
  return (review.sources ?? []).map(({ id: _id, ...rest }) => rest);
}

describe('a file of annotation format 1', () => {
  it('imports with its old meaning: every link about the content, no sources or verdicts', () => {
    const parsed = parseAnnotationJson(V1_FILE);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.format).toBe('crosscheck');
    const file = reviewFromFile(parsed.value);
    if (!file.ok) throw new Error(file.error.message);
    const { review, sharing } = file.value;
    expect(review.tags.map((t) => [t.kind, t.anchor.exact, t.note ?? ''])).toEqual([
      ['claim', 'It cost four million pounds.', 'Check the minutes.'],
      ['confirmation', 'Records show repairs began in 1950.', ''],
      ['claim', 'The council says the bridge is safe today.', ''],
      ['contradiction', 'A letter from 1931 puts the cost at nine million pounds.', ''],
    ]);
    const claim = review.tags[0] as Tag;
    const evidence = review.tags.filter((t) => t.kind !== 'claim');
    for (const tag of evidence) {
      expect(tag.claimIds).toEqual([claim.id]);
      expect(facetOf(tag, claim.id)).toBe('content');
    }
    for (const tag of review.tags) {
      expect(tag).not.toHaveProperty('facets');
      expect(tag).not.toHaveProperty('sourceId');
      expect(tag).not.toHaveProperty('credibility');
    }
    expect(review).not.toHaveProperty('sources');
    expect(review).not.toHaveProperty('judgements');
    expect(review).not.toHaveProperty('dismissals');
    expect(sharing.orphans.map((o) => [o.quote.exact, o.reason])).toEqual([
      ['A sentence that was deleted.', 'its text was not found'],
    ]);
    expect(sharing.needsReview).toEqual([claim.id]);
    expect(sharing.removed).toHaveLength(1);
    expect(sharing).not.toHaveProperty('judgementConflicts');
  });

  it('merges into a review of the same documents, and exports again with the same annotations', () => {
    const before = JSON.parse(V1_FILE) as Json;
    const after = JSON.parse(exportedAgain(V1_FILE)) as Json;
    expect(after['crosscheck:schemaVersion']).toBe(2);
    for (const key of ['first', 'crosscheck:documents', 'crosscheck:removed', 'label', 'total']) {
      expect(after[key]).toEqual(before[key]);
    }
    expect(after).not.toHaveProperty('crosscheck:sources');
    expect(after).not.toHaveProperty('crosscheck:dismissals');

    const { reviewer } = assessedReview();
    const into = emptyCopy(reviewer);
    const result = importAnnotationJson({ review: into.review, texts: into.texts }, V1_FILE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.summary).toMatchObject({
      added: 4,
      conflicts: [],
      judgementConflicts: [],
      sourcesAdded: 0,
      dismissalsAdded: 0,
    });
  });
});

describe('export → import of the reviewer’s assessment', () => {
  it('keeps facets, sources with aliases and grades, credibility, judgements and dismissals', () => {
    const { reviewer, ids } = assessedReview();
    const original = reviewer.review;
    const review = imported(emptyCopy(reviewer), reviewer.exportFile());
    // The same tags, facets and credibility; attributions name the same sources.
    expect(review.tags.map(withoutSource)).toEqual(original.tags.map(withoutSource));
    const contradiction = review.tags.find((t) => t.id === ids.contradiction) as Tag;
    expect(contradiction.facets).toEqual({ [ids.claim]: 'source' });
    expect(contradiction.credibility).toBe(3);
    expect(review.tags.map((t) => sourceNameOf(t, review.sources))).toEqual(
      original.tags.map((t) => sourceNameOf(t, original.sources)),
    );
    expect(sourceNameOf(contradiction, review.sources)).toBe('Reuters');
    expect(sourcesByValue(review)).toEqual([
      { name: 'Bridge Trust' },
      { name: 'Reuters', aliases: ['Reuters News Agency'], reliability: 'B' },
      { name: 'Gen. Mark Milley' },
    ]);
    expect(review.judgements).toEqual(original.judgements);
    expect(review.judgements?.[ids.claim]).toMatchObject({
      verdict: 'unlikely',
      confidence: 'moderate',
      rationale: 'The letter gives another figure.',
      author: 'Amal Haddad',
    });
    // Dismissals come back in document and position order.
    const inOrder = (review: Review) =>
      [...(review.dismissals ?? [])].sort(
        (a, b) => a.documentId.localeCompare(b.documentId) || a.anchor.start - b.anchor.start,
      );
    expect(inOrder(review)).toEqual(inOrder(original));
    expect(review.dismissals).toHaveLength(2);
  });

  it('keeps what each document is: outlet, author, date and reference', () => {
    const { reviewer } = assessedReview();
    const [report, letter] = reviewer.review.documents;
    if (!report || !letter) throw new Error('no documents');
    Object.assign(report, { outlet: 'Bridge Gazette', date: '1931-05-02' });
    Object.assign(letter, { author: 'A. Engineer', reference: 'https://example.org/letter' });
    const parsed = parseAnnotationJson(reviewer.exportFile());
    if (!parsed.ok) throw new Error(parsed.error.message);
    const file = reviewFromFile(parsed.value);
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.review.documents).toEqual(reviewer.review.documents);
  });

  it('gives the same file, byte for byte, when the file is read as a review and exported again', () => {
    const { reviewer } = assessedReview();
    const json = reviewer.exportFile();
    expect(exportedAgain(json)).toBe(json);
  });

  it('writes our terms where a reader expects them', () => {
    const { reviewer, ids } = assessedReview();
    const file = JSON.parse(reviewer.exportFile()) as Json;
    const items = (file['first'] as { items: Json[] }).items;
    const item = (id: string) => items.find((i) => i['id'] === `urn:uuid:${id}`) as Json;
    expect(item(ids.contradiction)).toMatchObject({
      'crosscheck:attribution': 'Reuters',
      'crosscheck:credibility': 3,
      body: expect.arrayContaining([
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: `urn:uuid:${ids.claim}`,
          'crosscheck:facet': 'source',
        },
      ]),
    });
    expect(item(ids.confirmation)['body']).toContainEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: `urn:uuid:${ids.claim}`,
    });
    expect(item(ids.claim)['crosscheck:judgement']).toMatchObject({
      type: 'crosscheck:Judgement',
      creator: { type: 'Person', name: 'Amal Haddad' },
      'crosscheck:verdict': 'unlikely',
      'crosscheck:confidence': 'moderate',
      'crosscheck:rationale': 'The letter gives another figure.',
    });
    expect(file['crosscheck:sources']).toContainEqual({
      type: 'crosscheck:Source',
      name: 'Reuters',
      'crosscheck:aliases': ['Reuters News Agency'],
      'crosscheck:reliability': 'B',
    });
    const dismissals = file['crosscheck:dismissals'] as Json[];
    expect(dismissals).toHaveLength(2);
    expect(dismissals[0]).toMatchObject({
      type: 'Annotation',
      motivation: 'assessing',
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'dismissed' },
        { type: 'SpecificResource', purpose: 'linking' },
      ],
      target: { selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] },
    });
    expect(file['total']).toBe(items.length);
  });
});

describe('a file whose assessment is wrong', () => {
  const { reviewer, ids } = assessedReview();
  const json = reviewer.exportFile();
  const edited = (change: (file: Json, items: Json[]) => void) => {
    const file = JSON.parse(json) as Json;
    change(file, (file['first'] as { items: Json[] }).items);
    return JSON.stringify(file);
  };
  const itemOf = (items: Json[], id: string) =>
    items.find((i) => i['id'] === `urn:uuid:${id}`) as Json;

  it.each([
    [
      'an attribution to a source not listed',
      (_: Json, items: Json[]) =>
        (itemOf(items, ids.contradiction)['crosscheck:attribution'] = 'AP'),
      /names the source “AP”, which is not in the file’s list of sources/,
    ],
    [
      'a credibility of 7',
      (_: Json, items: Json[]) => (itemOf(items, ids.contradiction)['crosscheck:credibility'] = 7),
      /field crosscheck:credibility should be a whole number from 1 to 6, not 7/,
    ],
    [
      'a facet that is neither source nor content',
      (_: Json, items: Json[]) => {
        const body = itemOf(items, ids.contradiction)['body'] as Json[];
        (body[1] as Json)['crosscheck:facet'] = 'sideways';
      },
      /field body\[1\]\.crosscheck:facet should be "source" or "content", not "sideways"/,
    ],
    [
      'a verdict not on the estimative scale',
      (_: Json, items: Json[]) => {
        (itemOf(items, ids.claim)['crosscheck:judgement'] as Json)['crosscheck:verdict'] =
          'perhaps';
      },
      /crosscheck:judgement\.crosscheck:verdict should be an estimative word/,
    ],
    [
      'a judgement on evidence',
      (_: Json, items: Json[]) => {
        itemOf(items, ids.confirmation)['crosscheck:judgement'] = itemOf(items, ids.claim)[
          'crosscheck:judgement'
        ];
      },
      /is a confirmation but has a judgement; only claims are judged/,
    ],
    [
      'a dismissal of a suggestion for something that is not a claim',
      (file: Json) => {
        const first = (file['crosscheck:dismissals'] as Json[])[0] as Json;
        ((first['body'] as Json[])[1] as Json)['source'] = `urn:uuid:${ids.contradiction}`;
      },
      /Dismissal 1 \(urn:uuid:[^)]+\) links urn:uuid:[0-9a-f-]+, which is not one of the file’s claims/,
    ],
    [
      'a dismissal whose quote is not at its position',
      (file: Json) => {
        const first = (file['crosscheck:dismissals'] as Json[])[0] as Json;
        const selector = (first['target'] as Json)['selector'] as Json[];
        (selector[1] as Json)['start'] = 1;
        (selector[1] as Json)['end'] = 1 + ((selector[0] as Json)['exact'] as string).length;
      },
      /Dismissal 1 \(urn:uuid:[^)]+\): its quote does not match/,
    ],
  ])('is refused in plain words: %s', (_, change, message) => {
    const parsed = parseAnnotationJson(edited(change));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || parsed.error.details.join(' ')).toMatch(message);
  });
});
