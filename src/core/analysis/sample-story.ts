// The bundled sample's story (resources/samples/sample-story.json) applied to the sample review
// built from sample-review.json: document metadata, sources and their grades, attribution and
// facets per tag, re-kinded or added tags, credibility grades and the reviewer's judgements. Pure:
// main applies the result through its usual change path.
import { z } from 'zod';
import { fail, ok, type Problem, type Result } from '../result';
import { ESTIMATIVE_WORDS, type EstimativeWord } from '../review/assessment';
import { tagKindSchema } from '../review/review-schema';
import { makeAnchor } from '../review/anchor';
import {
  applyEdit,
  linkEvidence,
  setNote,
  tagSentence,
  type EditContext,
  type TagEdit,
} from '../review/tag-edits';
import type { Review, Tag } from '../review/types';
import { segment } from '../text/segment';
import { setDocumentMetadata } from './document-metadata';
import { setFacet } from './facets';
import { gradeItem } from './grades';
import { setJudgement } from './judgement';
import { attribute } from './sources';

/** The story file's shape. */
export const sampleStorySchema = z.object({
  documents: z.array(
    z.object({
      title: z.string().min(1),
      outlet: z.string().optional(),
      author: z.string().optional(),
      date: z.string().optional(),
      reference: z.string().optional(),
    }),
  ),
  sources: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).optional(),
      reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).optional(),
    }),
  ),
  tags: z.array(
    z.object({
      key: z.string().optional(),
      document: z.number().int().nonnegative(),
      sentence: z.string().min(1),
      /** Given: the sentence is tagged (or re-tagged) with this kind; absent: it must be tagged already. */
      kind: tagKindSchema.optional(),
      links: z.array(z.string()).optional(),
      note: z.string().optional(),
      source: z.string().optional(),
      facets: z.record(z.string(), z.literal('source')).optional(),
      credibility: z
        .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])
        .optional(),
    }),
  ),
  judgements: z.record(
    z.string(),
    z.object({
      verdict: z.enum(ESTIMATIVE_WORDS.map((w) => w.word) as [EstimativeWord, ...EstimativeWord[]]),
      confidence: z.enum(['high', 'moderate', 'low']),
      rationale: z.string().optional(),
    }),
  ),
});

/** The story as parsed. */
export type SampleStory = z.infer<typeof sampleStorySchema>;

/**
 * The sample review with its story applied. `review.documents` are in the order of the sample's
 * spec, which the story's `document` indexes follow; `texts` maps document ids to their text.
 */
export function applySampleStory(
  review: Review,
  story: SampleStory,
  texts: ReadonlyMap<string, string>,
  context: EditContext,
): Result<Review, Problem> {
  let next: Review = { ...review, sources: [...(review.sources ?? [])] };
  const apply = (result: Result<TagEdit, Problem>): Problem | undefined => {
    if (!result.ok) return result.error;
    next = { ...next, tags: applyEdit(next.tags, result.value, 'forward') };
    return undefined;
  };
  for (const [i, metadata] of story.documents.entries()) {
    const document = next.documents[i];
    if (!document) return fail(broken(`document ${i} is not in the review`));
    const updated = setDocumentMetadata(next.documents, document.id, metadata);
    if (!updated.ok) return updated;
    next.documents = next.documents.map((d) => (d.id === document.id ? updated.value.after : d));
  }
  for (const source of story.sources) {
    next.sources?.push({ id: context.newId(), ...source });
  }
  const ids = new Map<string, string>();
  const found: { entry: SampleStory['tags'][number]; id: string }[] = [];
  for (const entry of story.tags) {
    const located = locate(next, entry, texts);
    if (!located.ok) return located;
    const { documentId, anchor, existing } = located.value;
    let id = existing?.id;
    if (entry.kind && existing?.kind !== entry.kind) {
      const edit = tagSentence(next.tags, { documentId, anchor, kind: entry.kind }, context);
      id = edit.patches[0]?.id;
      const problem = apply({ ok: true, value: edit });
      if (problem) return fail(problem);
    }
    if (!id) return fail(broken(`no tag on “${entry.sentence}”`));
    if (entry.note) {
      const problem = apply(setNote(next.tags, id, entry.note, context));
      if (problem) return fail(problem);
    }
    if (entry.key) ids.set(entry.key, id);
    found.push({ entry, id });
  }
  const claimId = (key: string) => ids.get(key) ?? key;
  for (const { entry, id } of found) {
    for (const key of entry.links ?? []) {
      const problem = apply(linkEvidence(next.tags, id, claimId(key), context));
      if (problem) return fail(problem);
    }
    for (const key of Object.keys(entry.facets ?? {})) {
      const problem = apply(setFacet(next.tags, id, claimId(key), 'source', context));
      if (problem) return fail(problem);
    }
    if (entry.source) {
      const attributed = attribute(next, id, entry.source, context);
      if (!attributed.ok) return attributed;
      next = { ...next, sources: attributed.value.sources.after };
      const problem = apply({ ok: true, value: attributed.value.edit });
      if (problem) return fail(problem);
    }
  }
  for (const { entry, id } of found) {
    if (entry.credibility === undefined) continue;
    const problem = apply(gradeItem(next.tags, id, entry.credibility, context));
    if (problem) return fail(problem);
  }
  for (const [key, input] of Object.entries(story.judgements)) {
    const judged = setJudgement(next, claimId(key), input, context);
    if (!judged.ok) return judged;
    next = { ...next, judgements: judged.value.after };
  }
  return ok(next);
}

function locate(
  review: Review,
  entry: SampleStory['tags'][number],
  texts: ReadonlyMap<string, string>,
): Result<{ documentId: string; anchor: Tag['anchor']; existing?: Tag }, Problem> {
  const documentId = review.documents[entry.document]?.id;
  const text = documentId ? texts.get(documentId) : undefined;
  if (!documentId || text === undefined)
    return fail(broken(`document ${entry.document} has no text`));
  const span = segment(text).find((s) => text.slice(s.start, s.end).includes(entry.sentence));
  if (!span) return fail(broken(`no sentence contains “${entry.sentence}”`));
  const existing = review.tags.find(
    (t) =>
      t.documentId === documentId && t.anchor.start === span.start && t.anchor.end === span.end,
  );
  const located: { documentId: string; anchor: Tag['anchor']; existing?: Tag } = {
    documentId,
    anchor: makeAnchor(text, span.start, span.end),
  };
  if (existing) located.existing = existing;
  return ok(located);
}

function broken(detail: string): Problem {
  return { code: 'sample-broken', message: `The bundled sample story is damaged: ${detail}.` };
}
