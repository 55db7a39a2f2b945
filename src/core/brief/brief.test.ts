import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../review/anchor';
import type { Review, ReviewDocument, Tag, TagKind } from '../review/types';
import { segment } from '../text/segment';
import { buildBrief } from './build-brief';
import { attentionFromSharing, NEEDS_REVIEW_REASON } from './sharing-attention';
import { formatCount, formatDay, formatTimestamp, shorten } from './shorten';

const NOW = '2024-05-01T14:03:00.000Z';

const letter = 'The army wrote a letter. Troops will leave Iraq. The letter was a draft.';
const speech = 'We are bringing our troops home. The caliphate is destroyed. Nobody disputes it.';

function doc(id: string, title: string): ReviewDocument {
  return {
    id,
    title,
    fileName: `${title}.txt`,
    encoding: 'utf-8',
    bom: false,
    lineEndings: 'lf',
    originalSha256: id,
    imported: '2024-04-30T09:00:00.000Z',
  };
}

/** A tag on the sentence of `text` that contains `words`. */
function tag(
  id: string,
  documentId: string,
  text: string,
  words: string,
  kind: TagKind,
  extra: Partial<Tag> = {},
): Tag {
  const at = text.indexOf(words);
  const span = segment(text).find((s) => s.start <= at && at < s.end);
  if (at < 0 || !span) throw new Error(`no sentence with "${words}"`);
  return {
    id,
    documentId,
    kind,
    anchor: makeAnchor(text, span.start, span.end),
    author: 'ana',
    created: NOW,
    modified: NOW,
    ...extra,
  };
}

function review(tags: Tag[]): Review {
  return {
    schemaVersion: 1,
    id: 'r1',
    name: 'Troop letter',
    created: NOW,
    modified: NOW,
    reviewers: ['ana', 'ben'],
    documents: [doc('sha256:aaa', 'letter'), doc('sha256:bbb', 'speech')],
    tags,
    panes: [],
  };
}

const texts = new Map([
  ['sha256:aaa', letter],
  ['sha256:bbb', speech],
]);

const tags: Tag[] = [
  tag('c-wrote', 'sha256:aaa', letter, 'army wrote', 'claim', { note: 'Who wrote it?' }),
  tag('c-leave', 'sha256:aaa', letter, 'Troops will', 'claim'),
  tag('c-isis', 'sha256:bbb', speech, 'caliphate', 'claim'),
  tag('e-draft', 'sha256:aaa', letter, 'was a draft', 'contradiction', {
    claimIds: ['c-leave', 'c-wrote'],
    note: 'Called a draft.',
  }),
  tag('e-home', 'sha256:bbb', speech, 'bringing', 'confirmation', { claimIds: ['c-leave'] }),
  tag('e-loose', 'sha256:bbb', speech, 'Nobody', 'confirmation'),
];

describe('buildBrief', () => {
  const brief = buildBrief(review(tags), texts, { generatedAt: NOW });

  it('fills the title page from the review', () => {
    expect(brief.title).toEqual({
      reviewName: 'Troop letter',
      reviewers: ['ana', 'ben'],
      generatedAt: NOW,
      documents: [
        { id: 'sha256:aaa', title: 'letter' },
        { id: 'sha256:bbb', title: 'speech' },
      ],
    });
  });

  it('orders claims contested, contradicted, confirmed, unverified, then by document and position', () => {
    expect(brief.claims.map((c) => [c.number, c.tagId, c.status])).toEqual([
      [1, 'c-leave', 'contested'],
      [2, 'c-wrote', 'contradicted'],
      [3, 'c-isis', 'unverified'],
    ]);
  });

  it('quotes claims and evidence in full with document, sentence number and note', () => {
    const [leave, wrote] = brief.claims;
    expect(leave).toMatchObject({
      quote: 'Troops will leave Iraq.',
      source: { documentId: 'sha256:aaa', documentTitle: 'letter', sentence: 2 },
      forCount: { tags: 1, documents: 1 },
      againstCount: { tags: 1, documents: 1 },
    });
    expect(leave?.confirmations).toEqual([
      {
        tagId: 'e-home',
        kind: 'confirmation',
        quote: 'We are bringing our troops home.',
        source: { documentId: 'sha256:bbb', documentTitle: 'speech', sentence: 1 },
        sameDocument: false,
      },
    ]);
    expect(leave?.contradictions).toEqual([
      {
        tagId: 'e-draft',
        kind: 'contradiction',
        quote: 'The letter was a draft.',
        source: { documentId: 'sha256:aaa', documentTitle: 'letter', sentence: 3 },
        note: 'Called a draft.',
        sameDocument: true,
      },
    ]);
    expect(wrote?.note).toBe('Who wrote it?');
    expect(wrote?.source.sentence).toBe(1);
  });

  it('states the bottom line with the counts, contested first, and names the contested claims', () => {
    expect(brief.bottomLine).toEqual({
      total: 3,
      counts: { contested: 1, contradicted: 1, confirmed: 0, unverified: 1 },
      sourceCounts: { contested: 0, contradicted: 0, confirmed: 0, unverified: 3 },
      sentences: [
        'Of the 3 claims in this review, judged on their content from independent origins, 1 is contested, 1 is contradicted, none is confirmed and 1 is unverified.',
        'The contested claim is claim 1, “Troops will leave Iraq”.',
        'The contradicted claim is claim 2, “The army wrote a letter”.',
      ],
      contested: [1],
      contradicted: [2],
    });
  });

  it('lists the documents and every tag needing attention in the appendix', () => {
    const orphan = {
      quote: 'Gone.',
      documentTitle: 'letter',
      kind: 'claim' as const,
      reason: 'The text no longer contains this quote.',
    };
    const withOrphans = buildBrief(review(tags), texts, { generatedAt: NOW, orphans: [orphan] });
    expect(withOrphans.appendix.documents[1]).toEqual({
      id: 'sha256:bbb',
      title: 'speech',
      fileName: 'speech.txt',
      imported: '2024-04-30T09:00:00.000Z',
    });
    expect(withOrphans.appendix.attention).toEqual([
      { title: 'Orphaned tags', tags: [orphan] },
      { title: 'Tags that need review', tags: [] },
      {
        title: 'Evidence not linked to any claim',
        tags: [
          {
            quote: 'Nobody disputes it.',
            documentTitle: 'speech',
            kind: 'confirmation',
            sentence: 3,
            reason: 'This confirmation is not linked to any claim.',
          },
        ],
      },
    ]);
  });

  it('leaves out sentence numbers that cannot be found, and does not depend on tag order', () => {
    const shuffled = [...tags].reverse();
    const withoutText = buildBrief(review(shuffled), new Map([['sha256:aaa', letter]]), {
      generatedAt: NOW,
    });
    expect(withoutText.claims.map((c) => c.tagId)).toEqual(brief.claims.map((c) => c.tagId));
    expect(withoutText.claims[2]?.source).toEqual({
      documentId: 'sha256:bbb',
      documentTitle: 'speech',
    });
  });

  it('says so when there are no claims', () => {
    const empty = buildBrief(review([]), texts, { generatedAt: NOW });
    expect(empty.claims).toEqual([]);
    expect(empty.bottomLine.sentences).toEqual(['This review has no claims yet.']);
  });
});

describe('bottom line', () => {
  const many = 'First claim. Second claim. Third claim. Fourth claim. Fifth claim.';
  /** One claim per entry, in document order, each with the evidence kinds listed. */
  function claims(evidence: TagKind[][]): Tag[] {
    const words = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];
    return evidence.flatMap((kinds, i) => [
      tag(`c${i}`, 'sha256:aaa', many, words[i] ?? '', 'claim'),
      ...kinds.map((kind, j) =>
        tag(`e${i}-${j}`, 'sha256:bbb', speech, 'bringing', kind, { claimIds: [`c${i}`] }),
      ),
    ]);
  }
  const manyTexts = new Map([
    ['sha256:aaa', many],
    ['sha256:bbb', speech],
  ]);
  const sentencesOf = (evidence: TagKind[][]) =>
    buildBrief(review(claims(evidence)), manyTexts, { generatedAt: NOW }).bottomLine.sentences;

  it.each([
    [
      [['confirmation']],
      [
        "Judged on its content from independent origins, the review's only claim is confirmed.",
        'No claim is contested or contradicted.',
      ],
    ],
    [
      [['confirmation', 'contradiction'], [], ['contradiction', 'confirmation']],
      [
        'Of the 3 claims in this review, judged on their content from independent origins, 2 are contested, none is contradicted, none is confirmed and 1 is unverified.',
        'The contested claims are claim 1, “First claim”; and claim 2, “Third claim”.',
      ],
    ],
  ] as [TagKind[][], string[]][])('says %j in words', (evidence, sentences) => {
    expect(sentencesOf(evidence)).toEqual(sentences);
  });

  it('names three contested claims and counts the rest', () => {
    const [, second] = sentencesOf(
      Array.from({ length: 5 }, () => ['confirmation', 'contradiction']),
    );
    expect(second).toBe(
      'The contested claims are claim 1, “First claim”; claim 2, “Second claim”; claim 3, “Third claim”; and 2 more.',
    );
  });
});

describe('shorten', () => {
  it.each([
    ['short enough', 20, 'short enough'],
    ['a  quote\nwith   spaces', 40, 'a quote with spaces'],
    ['one two three four five six', 15, 'one two three…'],
    ['abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
    ['ab😀cd', 4, 'ab…'],
  ])('shortens %j to %i characters', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('writes %i as %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('formatTimestamp', () => {
  it('writes dates in words, in UTC', () => {
    expect(formatTimestamp('2020-01-06T18:05:00.000Z')).toBe('6 January 2020, 18:05 UTC');
    expect(formatDay('2020-12-31T23:59:59Z')).toBe('31 December 2020');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });
});

describe('attentionFromSharing', () => {
  it('lists orphans with their reasons and needs-review tags with their sentence', () => {
    const withTags = review(tags);
    const [claim] = tags;
    const { anchor: _anchor, ...rest } = claim as Tag;
    const attention = attentionFromSharing(
      withTags,
      {
        orphans: [
          {
            ...rest,
            id: 'gone',
            quote: { exact: 'A vanished sentence.', prefix: '', suffix: '' },
            reason: 'The text no longer contains the quote.',
          },
        ],
        needsReview: ['e-home'],
      },
      texts,
    );
    expect(attention).toEqual({
      orphans: [
        {
          quote: 'A vanished sentence.',
          documentTitle: 'letter',
          kind: 'claim',
          reason: 'The text no longer contains the quote.',
        },
      ],
      needsReview: [
        {
          quote: 'We are bringing our troops home.',
          documentTitle: 'speech',
          kind: 'confirmation',
          reason: NEEDS_REVIEW_REASON,
          sentence: 1,
        },
      ],
    });
  });
});
