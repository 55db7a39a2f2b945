// The bundled sample review built in memory from resources/samples, the way main's
// buildSampleReview builds it through the review service: each spec tag on the sentence that
// contains its words, with its note and links.
import { readFileSync } from 'node:fs';
import { applySampleStory, sampleStorySchema } from '../../src/core/analysis/sample-story';
import { makeAnchor } from '../../src/core/review/anchor';
import {
  applyEdit,
  linkEvidence,
  setNote,
  tagSentence,
  type TagEdit,
} from '../../src/core/review/tag-edits';
import type { Review, TagKind } from '../../src/core/review/types';
import { normaliseText } from '../../src/core/text/normalise';
import { segment } from '../../src/core/text/segment';
import { documentId, editContext, reviewDocument, testReview } from './review-builder';

const SAMPLES = new URL('../../resources/samples/', import.meta.url);

interface SampleSpec {
  name: string;
  documents: { file: string; fileName: string }[];
  tags: {
    key?: string;
    document: number;
    sentence: string;
    kind: TagKind;
    note?: string;
    links?: string[];
  }[];
}

/** Reads a file of resources/samples. */
export function readSample(file: string): string {
  return readFileSync(new URL(file, SAMPLES), 'utf8');
}

/** The sample review as sample-review.json describes it, and the texts of its documents. */
export function buildSample(): { review: Review; texts: Map<string, string> } {
  const spec = JSON.parse(readSample('sample-review.json')) as SampleSpec;
  const context = editContext();
  const documents = spec.documents.map((entry, i) => ({
    id: documentId(i + 1),
    title: entry.fileName.replace(/\.txt$/, ''),
    text: normaliseText(readSample(entry.file)),
  }));
  let tags = testReview([], []).tags;
  const run = (edit: TagEdit | { ok: true; value: TagEdit } | { ok: false; error: unknown }) => {
    if ('ok' in edit && !edit.ok) throw new Error(JSON.stringify(edit.error));
    tags = applyEdit(tags, 'ok' in edit ? edit.value : edit, 'forward');
  };
  const keys = new Map<string, string>();
  for (const entry of spec.tags) {
    const document = documents[entry.document];
    if (!document) throw new Error(`no document ${entry.document}`);
    const span = segment(document.text).find((s) =>
      document.text.slice(s.start, s.end).includes(entry.sentence),
    );
    if (!span) throw new Error(`no sentence contains ${entry.sentence}`);
    const edit = tagSentence(
      tags,
      {
        documentId: document.id,
        anchor: makeAnchor(document.text, span.start, span.end),
        kind: entry.kind,
      },
      context,
    );
    const id = edit.patches[0]?.id as string;
    run(edit);
    if (entry.key) keys.set(entry.key, id);
    if (entry.note) run(setNote(tags, id, entry.note, context));
    for (const key of entry.links ?? [])
      run(linkEvidence(tags, id, keys.get(key) as string, context));
  }
  const review: Review = {
    ...testReview([], tags, { name: spec.name }),
    documents: documents.map(reviewDocument),
  };
  return { review, texts: new Map(documents.map((d) => [d.id, d.text])) };
}

/**
 * The sample review with its story (resources/samples/sample-story.json) applied by the core, as
 * the app's sample tells it: what each item speaks to, who says it, grades and verdicts.
 */
export function buildStorySample(): { review: Review; texts: Map<string, string> } {
  const { review, texts } = buildSample();
  const story = sampleStorySchema.parse(JSON.parse(readSample('sample-story.json')));
  const applied = applySampleStory(review, story, texts, editContext('story'));
  if (!applied.ok) throw new Error(applied.error.message);
  return { review: applied.value, texts };
}
