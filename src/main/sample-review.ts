// Builds the bundled sample review (resources/samples): the Iraq letter article and the 2020 State
// of the Union address, tagged and linked, then told as its story says (sample-story.json: what
// each item speaks to, who says it, grades, verdicts, documents' details), so a newcomer sees the
// whole idea in one click.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { applySampleStory, sampleStorySchema } from '../core/analysis/sample-story';
import { tagKindSchema } from '../core/review/review-schema';
import { fail, ok, type Problem, type Result } from '../core/result';
import type { ReviewService } from './review-service';

const specSchema = z.object({
  name: z.string().min(1),
  documents: z.array(z.object({ file: z.string(), fileName: z.string() })),
  tags: z.array(
    z.object({
      key: z.string().optional(),
      document: z.number().int().nonnegative(),
      sentence: z.string().min(1),
      kind: tagKindSchema,
      note: z.string().optional(),
      links: z.array(z.string()).optional(),
    }),
  ),
});

/** Creates the sample review from `samplesDir`; resolves with its id. */
export async function buildSampleReview(
  service: ReviewService,
  samplesDir: string,
): Promise<Result<string, Problem>> {
  const spec = specSchema.parse(
    JSON.parse(await readFile(join(samplesDir, 'sample-review.json'), 'utf8')),
  );
  const created = await service.createReview({ name: spec.name });
  if (!created.ok) return created;
  const reviewId = created.value.id;
  const documents = [];
  for (const entry of spec.documents) {
    const bytes = new Uint8Array(await readFile(join(samplesDir, entry.file)));
    const added = await service.addDocument({ reviewId, fileName: entry.fileName, bytes });
    if (!added.ok) return added;
    const text = await service.getDocumentText({ documentId: added.value.document.id });
    if (!text.ok) return text;
    documents.push(text.value);
  }
  const tagIds = new Map<string, string>();
  for (const tag of spec.tags) {
    const document = documents[tag.document];
    if (!document) return fail(sampleProblem(`document ${tag.document} is not listed`));
    const { text, sentences } = document;
    let span: [number, number] | undefined;
    for (let i = 0; i < sentences.length; i += 2) {
      const start = sentences[i] as number;
      const end = sentences[i + 1] as number;
      if (text.slice(start, end).includes(tag.sentence)) {
        span = [start, end];
        break;
      }
    }
    if (!span) return fail(sampleProblem(`no sentence contains “${tag.sentence}”`));
    const tagged = await service.tagSentence({
      reviewId,
      documentId: document.id,
      start: span[0],
      end: span[1],
      kind: tag.kind,
    });
    if (!tagged.ok) return tagged;
    if (tag.key) tagIds.set(tag.key, tagged.value.tagId);
    if (tag.note) await service.setNote({ reviewId, tagId: tagged.value.tagId, note: tag.note });
    for (const key of tag.links ?? []) {
      const claimId = tagIds.get(key);
      if (!claimId) return fail(sampleProblem(`link to unknown claim “${key}”`));
      const linked = await service.linkEvidence({
        reviewId,
        evidenceId: tagged.value.tagId,
        claimId,
      });
      if (!linked.ok) return linked;
    }
  }
  const story = sampleStorySchema.parse(
    JSON.parse(await readFile(join(samplesDir, 'sample-story.json'), 'utf8')),
  );
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const told = await service.rewriteReview(reviewId, (review, context) =>
    applySampleStory(review, story, texts, context),
  );
  return told.ok ? ok(reviewId) : told;
}

function sampleProblem(detail: string): Problem {
  return { code: 'sample-broken', message: `The bundled sample review is damaged: ${detail}.` };
}
