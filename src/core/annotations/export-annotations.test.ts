import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { assessedReview } from '../../../tests/support/assessed-review';
import { offlineLoader } from '../../../tests/support/w3c';
import {
  exportAnnotationCollection,
  exportAnnotationFile,
  serializeAnnotationFile,
} from './export-annotations';
import { CROSSCHECK_NAMESPACE, W3C_ANNOTATION_CONTEXT } from './file-format';
import {
  BRIDGE_LETTER,
  BRIDGE_REPORT,
  TEST_GENERATOR,
  TestReview,
  testWorld,
} from '../../../tests/support/test-reviews';

/** A review with a claim (with a note), a confirmation and a contradiction linked to it. */
function sampleReview(): TestReview {
  const reviewer = new TestReview(testWorld(), 'amal', 'Bridge review');
  const report = reviewer.addDocument('Report', BRIDGE_REPORT);
  const letter = reviewer.addDocument('Letter', BRIDGE_LETTER);
  const claim = reviewer.tag(report, 'four million', 'claim');
  reviewer.note(claim, 'Check against the council minutes.');
  const contradiction = reviewer.tag(letter, 'nine million', 'contradiction');
  reviewer.link(contradiction, claim);
  const confirmation = reviewer.tag(report, 'Records show', 'confirmation');
  reviewer.link(confirmation, claim);
  reviewer.tag(report, 'safe today', 'claim');
  return reviewer;
}

function exported(reviewer: TestReview, embedText = true) {
  const result = exportAnnotationCollection(reviewer.review, reviewer.texts, {
    generator: TEST_GENERATOR,
    embedText,
    orphans: reviewer.sharing.orphans,
    removed: reviewer.sharing.removed,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('exportAnnotationCollection', () => {
  it('writes one W3C annotation per tag with its kind, links, note, creator and target', () => {
    const reviewer = sampleReview();
    const collection = exported(reviewer);
    expect(collection['@context'][0]).toBe(W3C_ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe(`urn:uuid:${reviewer.review.id}`);
    expect(collection.total).toBe(4);
    const claim = reviewer.review.tags.find((t) => t.note);
    const evidence = reviewer.review.tags.find((t) => t.kind === 'contradiction');
    const claimItem = collection.first?.items.find((i) => i.id === `urn:uuid:${claim?.id}`);
    expect(claimItem).toMatchObject({
      type: 'Annotation',
      creator: { type: 'Person', name: 'amal' },
      created: claim?.created,
      modified: claim?.modified,
      generator: TEST_GENERATOR.id,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Check against the council minutes.' },
      ],
      target: {
        source: `urn:${claim?.documentId}`,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'It cost four million pounds.',
            prefix: 'The bridge opened in 1932. ',
            suffix: '\n\nEngineers said it would last a',
          },
          { type: 'TextPositionSelector', start: 27, end: 55 },
        ],
      },
    });
    const evidenceItem = collection.first?.items.find((i) => i.id === `urn:uuid:${evidence?.id}`);
    expect(evidenceItem?.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: `urn:uuid:${claim?.id}`,
    });
  });

  it('lists the documents with their text, or without it when asked', () => {
    const reviewer = sampleReview();
    const withText = exported(reviewer)['crosscheck:documents'];
    expect(withText.map((d) => d['crosscheck:title'])).toEqual(['Report', 'Letter']);
    expect(withText[0]?.['crosscheck:text']).toBe(BRIDGE_REPORT);
    expect(withText[0]?.id).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    const withoutText = exported(reviewer, false)['crosscheck:documents'];
    expect(withoutText.every((d) => !('crosscheck:text' in d))).toBe(true);
  });

  it('gives byte-identical files for the same review, whatever order its tags are in', () => {
    const reviewer = sampleReview();
    const first = serializeAnnotationFile(exported(reviewer));
    reviewer.review = { ...reviewer.review, tags: [...reviewer.review.tags].reverse() };
    const second = serializeAnnotationFile(exported(reviewer));
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.indexOf('"@context"')).toBe(4);
  });

  it('refuses, naming the document, when a text is missing or no longer matches a tag', () => {
    const reviewer = sampleReview();
    const [reportId, letterId] = reviewer.review.documents.map((d) => d.id);
    const noLetter = new Map([[reportId as string, BRIDGE_REPORT]]);
    const missing = exportAnnotationFile(reviewer.review, noLetter, { generator: TEST_GENERATOR });
    expect(missing.ok || missing.error.message).toMatch(/The text of “Letter” is missing/);
    const changed = new Map([
      [reportId as string, BRIDGE_REPORT.replace('four', 'five')],
      [letterId as string, BRIDGE_LETTER],
    ]);
    const mismatch = exportAnnotationFile(reviewer.review, changed, { generator: TEST_GENERATOR });
    expect(mismatch.ok || mismatch.error.message).toMatch(/in “Report” no longer matches/);
  });

  it('writes orphans without a position, needs-review marks and removed tags', () => {
    const reviewer = sampleReview();
    const claim = reviewer.review.tags.find((t) => t.kind === 'claim' && !t.note);
    if (!claim) throw new Error('no claim');
    reviewer.remove(claim.id);
    const [kept] = reviewer.review.tags;
    const { anchor, ...rest } = kept!;
    const orphan = {
      ...rest,
      id: 'aaaaaaaa-0000-4000-8000-000000000000',
      quote: anchor,
      reason: 'gone',
    };
    const collection = exportAnnotationCollection(reviewer.review, reviewer.texts, {
      generator: TEST_GENERATOR,
      orphans: [{ ...orphan, quote: { exact: anchor.exact, prefix: '', suffix: '' } }],
      needsReview: [kept!.id],
      removed: reviewer.sharing.removed,
    });
    if (!collection.ok) throw new Error(collection.error.message);
    const items = collection.value.first?.items ?? [];
    const orphanItem = items.find((i) => i.id === `urn:uuid:${orphan.id}`);
    expect(orphanItem?.['crosscheck:orphan']).toBe('gone');
    expect(orphanItem?.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: anchor.exact, prefix: '', suffix: '' },
    ]);
    expect(items.find((i) => i.id === `urn:uuid:${kept!.id}`)?.['crosscheck:needsReview']).toBe(
      true,
    );
    expect(collection.value['crosscheck:removed']).toEqual([
      expect.objectContaining({ id: `urn:uuid:${claim.id}` }),
    ]);
  });

  it('passes JSON-LD expansion in safe mode, with every term mapped to an IRI', async () => {
    const reviewer = sampleReview();
    reviewer.remove(reviewer.review.tags.find((t) => t.kind === 'claim' && !t.note)?.id ?? '');
    const [first] = reviewer.review.tags;
    const { anchor, ...rest } = first!;
    const orphan = {
      ...rest,
      id: 'bbbbbbbb-0000-4000-8000-000000000000',
      quote: anchor,
      reason: 'gone',
    };
    const file = exportAnnotationFile(reviewer.review, reviewer.texts, {
      generator: TEST_GENERATOR,
      removed: reviewer.sharing.removed,
      needsReview: [first!.id],
      orphans: [{ ...orphan, quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: '' } }],
    });
    if (!file.ok) throw new Error(file.error.message);
    const loaded: string[] = [];
    const documentLoader = offlineLoader(loaded);
    // `safe: true` turns every dropped term or relative IRI into an error.
    const options = { documentLoader, safe: true } as Parameters<typeof jsonld.expand>[1];
    const document = JSON.parse(file.value) as Record<string, unknown>;
    const expanded = await jsonld.expand(document, options);
    expect(loaded).toEqual([W3C_ANNOTATION_CONTEXT]);
    // Safe mode bites: a key that maps to no IRI would be refused.
    await expect(jsonld.expand({ ...document, reviewNotes: 'x' }, options)).rejects.toThrow(
      /Safe mode validation error/,
    );
    const text = JSON.stringify(expanded);
    for (const iri of [
      'http://www.w3.org/ns/activitystreams#OrderedCollection',
      'http://www.w3.org/ns/oa#hasBody',
      'http://www.w3.org/ns/oa#tagging',
      'http://www.w3.org/ns/oa#linking',
      'http://www.w3.org/ns/oa#TextPositionSelector',
      `${CROSSCHECK_NAMESPACE}documents`,
      `${CROSSCHECK_NAMESPACE}text`,
      `${CROSSCHECK_NAMESPACE}needsReview`,
      `${CROSSCHECK_NAMESPACE}removedAt`,
      `${CROSSCHECK_NAMESPACE}orphan`,
    ]) {
      expect(text).toContain(iri);
    }
  });

  it('expands the assessment’s terms (format 2) to IRIs in our namespace, in safe mode', async () => {
    const { reviewer, ids } = assessedReview();
    const options = { documentLoader: offlineLoader(), safe: true } as Parameters<
      typeof jsonld.expand
    >[1];
    const document = JSON.parse(reviewer.exportFile()) as Record<string, unknown>;
    type Json = Record<string, unknown>;
    const [expanded] = (await jsonld.expand(document, options)) as Json[];
    const ns = CROSSCHECK_NAMESPACE;
    const text = JSON.stringify(expanded);
    for (const term of [
      'facet',
      'attribution',
      'sources',
      'aliases',
      'reliability',
      'credibility',
      'judgement',
      'verdict',
      'confidence',
      'rationale',
      'dismissals',
      'Judgement',
      'Source',
    ]) {
      expect(text).toContain(`"${ns}${term}"`);
    }
    // Values by IRI: the credibility is an integer, the facet sits on the link to its claim, and
    // a dismissal is an oa:Annotation motivated by oa:assessing.
    expect(text).toContain(
      `"${ns}credibility":[{"@type":"http://www.w3.org/2001/XMLSchema#integer","@value":3}]`,
    );
    const oa = 'http://www.w3.org/ns/oa#';
    const page = (expanded?.['http://www.w3.org/ns/activitystreams#first'] as Json[])[0] as Json;
    const items = (page['http://www.w3.org/ns/activitystreams#items'] as { '@list': Json[] }[])[0];
    const evidence = items?.['@list'].find((i) => i['@id'] === `urn:uuid:${ids.contradiction}`);
    expect(evidence?.[`${oa}hasBody`]).toContainEqual({
      '@type': [`${oa}SpecificResource`],
      [`${oa}hasPurpose`]: [{ '@id': `${oa}linking` }],
      [`${oa}hasSource`]: [{ '@id': `urn:uuid:${ids.claim}` }],
      [`${ns}facet`]: [{ '@value': 'source' }],
    });
    const dismissals = expanded?.[`${ns}dismissals`] as Record<string, unknown>[];
    expect(dismissals).toHaveLength(2);
    expect(dismissals[0]).toMatchObject({
      '@type': ['http://www.w3.org/ns/oa#Annotation'],
      'http://www.w3.org/ns/oa#motivatedBy': [{ '@id': 'http://www.w3.org/ns/oa#assessing' }],
    });
    const sources = expanded?.[`${ns}sources`] as Record<string, unknown>[];
    expect(sources).toContainEqual({
      '@type': [`${ns}Source`],
      'http://xmlns.com/foaf/0.1/name': [{ '@value': 'Reuters' }],
      [`${ns}aliases`]: [{ '@value': 'Reuters News Agency' }],
      [`${ns}reliability`]: [{ '@value': 'B' }],
    });
  });
});
