import { describe, expect, it } from 'vitest';
import { editContext, NOW } from '../../../tests/support/review-builder';
import { buildSample, readSample } from '../../../tests/support/sample-review';
import { buildBrief } from '../brief/build-brief';
import { segment } from '../text/segment';
import { suggestAttribution, attributionContext } from './attribution';
import { analyseReview } from './claim-analysis';
import { applySampleStory, sampleStorySchema } from './sample-story';

const story = sampleStorySchema.parse(JSON.parse(readSample('sample-story.json')));
const { review: base, texts } = buildSample();
const applied = applySampleStory(base, story, texts, editContext('story'));
if (!applied.ok) throw new Error(applied.error.message);
const review = applied.value;
const letterId = review.tags.find((t) => t.anchor.exact.startsWith('In letter says'))?.id;
const brief = buildBrief(review, texts, { generatedAt: NOW });

describe('the sample story', () => {
  it('was, before it, the misleading “contested, 3 for, 2 against”', () => {
    const before = buildBrief(base, texts, { generatedAt: NOW }).claims.find(
      (c) => c.tagId === letterId,
    );
    expect([before?.status, before?.forCount.tags, before?.againstCount.tags]).toEqual([
      'contested',
      3,
      2,
    ]);
  });

  it('tells the article right: the letter is genuine, the withdrawal it announces is contradicted', () => {
    const letter = analyseReview(review).claims.find((c) => c.claim.id === letterId);
    expect(letter?.source.status).toBe('confirmed');
    expect(letter?.content.status).toBe('contradicted');
    expect(letter?.source.forCount).toEqual({ origins: 2, tags: 3, documents: 1 });
    expect(letter?.content.againstCount).toEqual({ origins: 2, tags: 2, documents: 1 });
    expect(letter?.summary).toBe('Authentic (2 independent origins) · content contradicted (2)');
    expect(letter?.disagreement).toBeUndefined();
  });

  it('leads the brief’s key judgements with it, naming the origins', () => {
    const first = brief.keyJudgements.find((k) => k.tagId === letterId);
    expect(first).toMatchObject({
      headline: 'Judged very unlikely to be true (moderate confidence)',
      summary: 'Authentic (2 independent origins) · content contradicted (2)',
      sourceStatus: 'confirmed',
      contentStatus: 'contradicted',
      origins: {
        source: { for: ['Reuters', 'Liz Sly'], against: [] },
        content: { for: [], against: ['Gen. Mark Milley', 'Mark Esper'] },
      },
    });
    expect(brief.keyJudgements.map((k) => [k.claimNumber, k.summary])).toEqual([
      [1, 'Authentic (2 independent origins) · content contradicted (2)'],
      [2, 'Content confirmed (2 independent origins)'],
      [3, 'Unverified: no independent evidence yet'],
      [4, 'Unverified: no independent evidence yet'],
    ]);
  });

  it('names who says each item, with grades, in the source register', () => {
    expect(
      brief.sourceRegister.map((s) => [s.name, s.reliability?.grade ?? '', s.items.length]),
    ).toEqual([
      ['Donald J. Trump', '', 2],
      ['Gen. Mark Milley', 'B', 1],
      ['Liz Sly', 'B', 2],
      ['Mark Esper', 'B', 1],
      ['Reuters', 'B', 1],
      ['The CJTF-OIR letter', '', 1],
    ]);
    const reuters = brief.claims[0]?.analysis.source.evidence[0];
    expect([reuters?.saidBy?.name, reuters?.credibility]).toEqual([
      'Reuters',
      { grade: 1, label: 'confirmed by other sources' },
    ]);
  });

  it('names the gaps: the unverified claims of the speech', () => {
    expect(brief.gaps.unverified.map((g) => [g.claimNumber, g.reason])).toEqual([
      [3, 'No evidence is linked to it.'],
      [4, 'No evidence is linked to it.'],
    ]);
    expect(brief.gaps.singleOrigin).toEqual([]);
  });

  it('prints the documents’ metadata', () => {
    expect(brief.title.documents.map((d) => [d.title, d.date, d.author])).toEqual([
      ['US military letter on leaving Iraq', '2020-01-06', undefined],
      ['State of the Union address, 2020', '2020-02-04', 'Donald J. Trump'],
    ]);
  });

  it('attributes each article item to a name the suggestion offers for its sentence', () => {
    const article = review.documents[0]?.id as string;
    const text = texts.get(article) as string;
    const spans = segment(text);
    const attributed = review.tags.filter((t) => t.documentId === article && t.kind !== 'claim');
    expect(attributed).toHaveLength(5);
    for (const tag of attributed) {
      const index = spans.findIndex((s) => s.start === tag.anchor.start);
      const names = suggestAttribution(attributionContext(text, spans, index), review.sources).map(
        (c) => c.name,
      );
      const name = review.sources?.find((s) => s.id === tag.sourceId)?.name;
      expect(names, tag.anchor.exact).toContain(name);
    }
  });
});
