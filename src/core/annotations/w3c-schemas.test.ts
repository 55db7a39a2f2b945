// Every kind of export against the W3C Web Annotation test suite's MUST assertions (JSON Schema
// draft-04, tests/fixtures/w3c), and our own file read back after a JSON-LD processor compacted it.
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { assessedReview } from '../../../tests/support/assessed-review';
import { TEST_GENERATOR, TestReview, testWorld } from '../../../tests/support/test-reviews';
import { failures, mustAssertions, offlineLoader } from '../../../tests/support/w3c';
import { exportAnnotationFile } from './export-annotations';
import { CROSSCHECK_CONTEXT, W3C_ANNOTATION_CONTEXT } from './file-format';
import { parseAnnotationJson } from './parse-annotations';
import { foreignCollectionJson } from './merge-foreign';
import { reviewFromFile } from './import-annotations';

const ANNOTATION_MUSTS = mustAssertions('annotations/annotationMusts.test');
const COLLECTION_MUSTS = mustAssertions('collections/collectionMusts.test');
const PAGE_MUSTS = mustAssertions('collections/pages/pageMusts.test');

/**
 * A review with every feature a file carries: notes, links, an orphan (of evidence with a facet,
 * an attribution and a grade), a removal, review marks, and the assessment (assessed-review.ts).
 */
function fullReview(): TestReview {
  const { reviewer: amal, ids } = assessedReview();
  amal.remove(amal.tag(ids.letter, 'never sent', 'claim'));
  const { id, author, created, modified } = amal.review.tags[0]!;
  amal.sharing.orphans.push({
    id: 'bbbbbbbb-0000-4000-8000-000000000000',
    documentId: ids.report,
    kind: 'confirmation',
    claimIds: [ids.claim],
    facets: { [ids.claim]: 'source' },
    sourceId: ids.reuters,
    credibility: 2,
    author,
    created,
    modified,
    quote: { exact: 'A sentence that was deleted.', prefix: '', suffix: '' },
    reason: 'its text was not found',
  });
  amal.sharing.needsReview.push(id);
  return amal;
}

function exportOf(reviewer: TestReview, embedText = true): Record<string, unknown> {
  const file = exportAnnotationFile(reviewer.review, reviewer.texts, {
    generator: TEST_GENERATOR,
    embedText,
    orphans: reviewer.sharing.orphans,
    needsReview: reviewer.sharing.needsReview,
    removed: reviewer.sharing.removed,
  });
  if (!file.ok) throw new Error(file.error.message);
  return JSON.parse(file.value) as Record<string, unknown>;
}

function itemsOf(collection: Record<string, unknown>): Record<string, unknown>[] {
  const first = collection['first'] as { items: Record<string, unknown>[] } | undefined;
  return first?.items ?? [];
}

const EXPORTS: [string, () => Record<string, unknown>][] = [
  ['a review with texts embedded', () => exportOf(fullReview())],
  ['a review without its texts', () => exportOf(fullReview(), false)],
  ['a review with no tags', () => exportOf(new TestReview(testWorld(), 'bo', 'Empty'))],
  [
    'a review holding tags an older import left undated',
    () => {
      const reviewer = fullReview();
      reviewer.review.tags = reviewer.review.tags.map((t) => ({ ...t, created: '', modified: '' }));
      return exportOf(reviewer);
    },
  ],
  [
    'a merge of other tools’ files',
    () => {
      const parsed = parseAnnotationJson(JSON.stringify(exportOf(fullReview())));
      if (!parsed.ok) throw new Error(parsed.error.message);
      const json = foreignCollectionJson(parsed.value.annotations, {
        id: 'urn:uuid:cccccccc-0000-4000-8000-000000000000',
        label: 'Merged',
        generator: TEST_GENERATOR,
      });
      return JSON.parse(json) as Record<string, unknown>;
    },
  ],
];

describe('W3C Web Annotation test suite, MUST assertions', () => {
  it('loads the assertions the suite lists as MUSTs', () => {
    expect([ANNOTATION_MUSTS.length, COLLECTION_MUSTS.length, PAGE_MUSTS.length]).toEqual([
      54, 10, 15,
    ]);
    // They bite: a page without an id (what Crosscheck wrote before) fails, as does an
    // annotation with an empty date.
    const collection = exportOf(fullReview());
    const first = collection['first'] as Record<string, unknown>;
    const { id: _pageId, ...pageWithoutId } = first;
    expect(failures(PAGE_MUSTS, { ...collection, first: pageWithoutId })).toEqual([
      expect.stringMatching(/^collections\/pages\/5.2-pageIdValidated.json/),
    ]);
    const item = { '@context': collection['@context'], ...itemsOf(collection)[0], created: '' };
    expect(failures(ANNOTATION_MUSTS, item)).toEqual([
      expect.stringMatching(/^annotations\/3.3.1-annotationCreatedValidated.json/),
    ]);
    // A collection without a type fails.
    expect(
      failures(COLLECTION_MUSTS, { id: 'urn:x', '@context': W3C_ANNOTATION_CONTEXT }),
    ).not.toEqual([]);
  });

  it.each(EXPORTS)('%s passes the collection, page and annotation MUSTs', (_, make) => {
    const collection = make();
    expect(failures(COLLECTION_MUSTS, collection)).toEqual([]);
    const items = itemsOf(collection);
    if (collection['total'] === 0) {
      expect(collection).not.toHaveProperty('first');
    } else {
      expect(items.length).toBe(collection['total']);
      expect(failures(PAGE_MUSTS, collection)).toEqual([]);
    }
    // Dismissed suggestions are annotations too, kept beside the page.
    const dismissals = (collection['crosscheck:dismissals'] ?? []) as Record<string, unknown>[];
    for (const item of [...items, ...dismissals]) {
      // An annotation on its own carries the context the collection gives it.
      expect(failures(ANNOTATION_MUSTS, { '@context': collection['@context'], ...item })).toEqual(
        [],
      );
    }
  });

  it('checks the assessment too: our exports carry facets, sources, grades, a judgement', () => {
    const collection = exportOf(fullReview());
    expect(collection['crosscheck:sources']).toHaveLength(3);
    expect(collection['crosscheck:dismissals']).toHaveLength(2);
    const text = JSON.stringify(itemsOf(collection));
    for (const term of ['crosscheck:facet', 'crosscheck:attribution', 'crosscheck:judgement']) {
      expect(text).toContain(term);
    }
    // The MUSTs bite on a dismissal as on any annotation: one without an id fails.
    const [dismissal] = collection['crosscheck:dismissals'] as Record<string, unknown>[];
    const { id: _id, ...withoutId } = dismissal ?? {};
    expect(
      failures(ANNOTATION_MUSTS, { '@context': collection['@context'], ...withoutId }),
    ).toEqual([expect.stringMatching(/^annotations\/3.1-annotationIdValidated.json/)]);
  });
});

describe('the JSON-LD compacted form of our file', () => {
  it('imports as our own file, to the same review', async () => {
    const reviewer = fullReview();
    const document = exportOf(reviewer);
    const context = {
      '@context': [W3C_ANNOTATION_CONTEXT, CROSSCHECK_CONTEXT],
    } as unknown as Parameters<typeof jsonld.compact>[1];
    const options = { documentLoader: offlineLoader() } as Parameters<typeof jsonld.compact>[2];
    const compacted = (await jsonld.compact(document, context, options)) as unknown as Record<
      string,
      unknown
    >;
    // The processor unwrapped one-element lists: the form Crosscheck used to refuse.
    const items = itemsOf(compacted);
    expect(items.some((i) => !Array.isArray(i['body']))).toBe(true);
    const original = parseAnnotationJson(JSON.stringify(document));
    const again = parseAnnotationJson(JSON.stringify(compacted));
    if (!original.ok || !again.ok) throw new Error(again.ok ? 'original' : again.error.message);
    expect(again.value.format).toBe('crosscheck');
    const a = reviewFromFile(original.value);
    const b = reviewFromFile(again.value);
    if (!a.ok || !b.ok) throw new Error('not a review');
    expect(b.value.review).toEqual(a.value.review);
    expect(b.value.sharing).toEqual(a.value.sharing);
    // The assessment came through the processor too.
    expect(b.value.review.judgements).toEqual(reviewer.review.judgements);
    expect(b.value.review.dismissals).toHaveLength(2);
    expect(b.value.review.sources?.map((s) => s.aliases)).toEqual([
      undefined,
      ['Reuters News Agency'],
      undefined,
    ]);
    expect(b.value.sharing.orphans[0]).toMatchObject({
      credibility: 2,
      facets: expect.any(Object),
    });
    expect(b.value.review.tags.some((t) => t.facets && t.credibility === 3)).toBe(true);
  });
});
