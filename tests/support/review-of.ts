// Test support: a review of one document made of given sentences, some of them tagged, for tests
// of what the brief prints.
import { makeAnchor } from '../../src/core/review/anchor';
import type { Review, Tag, TagKind } from '../../src/core/review/types';
import { segment } from '../../src/core/text/segment';

const NOW = '2024-05-01T14:03:00.000Z';

/** A review of one document whose sentences are `sentences`; `tags` say which to tag how. */
export function reviewOf(
  sentences: string[],
  tags: { sentence: number; kind: TagKind; links?: number[]; note?: string }[],
): { review: Review; texts: Map<string, string> } {
  const text = sentences.join(' ');
  const spans = segment(text);
  if (spans.length !== sentences.length) throw new Error('the test text segments differently');
  const documentId = 'sha256:' + 'cd'.repeat(32);
  const id = (n: number) => `tag-${String(n).padStart(5, '0')}`;
  const tagList: Tag[] = tags.map((t) => {
    const span = spans[t.sentence] as { start: number; end: number };
    const tag: Tag = {
      id: id(t.sentence),
      documentId,
      kind: t.kind,
      anchor: makeAnchor(text, span.start, span.end),
      author: 'ana',
      created: NOW,
      modified: NOW,
    };
    if (t.links) tag.claimIds = t.links.map(id);
    if (t.note) tag.note = t.note;
    return tag;
  });
  const review: Review = {
    schemaVersion: 1,
    id: 'review-1',
    name: 'Test review',
    created: NOW,
    modified: NOW,
    reviewers: ['ana'],
    documents: [
      {
        id: documentId,
        title: 'Source text',
        fileName: 'source.txt',
        encoding: 'utf-8',
        bom: false,
        lineEndings: 'lf',
        originalSha256: documentId,
        imported: NOW,
      },
    ],
    tags: tagList,
    panes: [],
  };
  return { review, texts: new Map([[documentId, text]]) };
}
