// Builders for reviews in unit tests: tags on the sentence containing some words, a review around
// them, and a deterministic edit context.
import { makeAnchor } from '../../src/core/review/anchor';
import type { EditContext } from '../../src/core/review/tag-edits';
import type { Review, ReviewDocument, Tag, TagKind } from '../../src/core/review/types';
import { segment } from '../../src/core/text/segment';

/** The clock of every builder. */
export const NOW = '2024-05-01T14:03:00.000Z';

/** A document of a test review: its id and normalised text. */
export interface TestDocument {
  id: string;
  title: string;
  text: string;
}

/** A `sha256:` id made from a small number. */
export function documentId(n: number): string {
  return `sha256:${n.toString(16).padStart(64, '0')}`;
}

/** A test document with a fresh id. */
export function testDocument(n: number, title: string, text: string): TestDocument {
  return { id: documentId(n), title, text };
}

/** A tag on the sentence of `document` that contains `words`. */
export function tagOn(
  id: string,
  document: TestDocument,
  words: string,
  kind: TagKind,
  extra: Partial<Tag> = {},
): Tag {
  const at = document.text.indexOf(words);
  const span = segment(document.text).find((s) => s.start <= at && at < s.end);
  if (at < 0 || !span) throw new Error(`no sentence with "${words}" in ${document.title}`);
  return {
    id,
    documentId: document.id,
    kind,
    anchor: makeAnchor(document.text, span.start, span.end),
    author: 'ana',
    created: NOW,
    modified: NOW,
    ...extra,
  };
}

/** The review record of a test document. */
export function reviewDocument(document: TestDocument): ReviewDocument {
  return {
    id: document.id,
    title: document.title,
    fileName: `${document.title}.txt`,
    encoding: 'utf-8',
    bom: false,
    lineEndings: 'lf',
    originalSha256: document.id,
    imported: NOW,
  };
}

/** A review of `documents` holding `tags`. */
export function testReview(
  documents: TestDocument[],
  tags: Tag[],
  extra: Partial<Review> = {},
): Review {
  return {
    schemaVersion: 2,
    id: 'r1',
    name: 'Test review',
    created: NOW,
    modified: NOW,
    reviewers: ['ana'],
    documents: documents.map(reviewDocument),
    tags,
    panes: [],
    ...extra,
  };
}

/** An edit context at {@link NOW} by "ana", with ids new-1, new-2, … (or another prefix). */
export function editContext(prefix = 'new'): EditContext {
  let n = 0;
  return { author: 'ana', now: NOW, newId: () => `${prefix}-${++n}` };
}
