// The reviewer's assessment of evidence as edits of one review: what a link speaks to, who says
// it, credibility and reliability grades, verdicts and documents' metadata. Each function plans
// one undoable step from the review as it is (the rules live in src/core/analysis); the service
// commits it, so a planned step that changes nothing leaves the revision as it was.
import { attributionContext, suggestAttribution } from '../../core/analysis/attribution';
import { setDocumentMetadata } from '../../core/analysis/document-metadata';
import { setFacet } from '../../core/analysis/facets';
import { gradeItem } from '../../core/analysis/grades';
import { setJudgement, type JudgementInput } from '../../core/analysis/judgement';
import { attribute, gradeSource, sourceKey } from '../../core/analysis/sources';
import type {
  Credibility,
  DocumentMetadata,
  Facet,
  Reliability,
  Source,
} from '../../core/review/assessment';
import type { ReviewFieldsChange } from '../../core/review/review-change';
import { noSuchTag, type EditContext, type TagPatch } from '../../core/review/tag-edits';
import type { Review, ReviewDocument } from '../../core/review/types';
import { fail, ok, type Problem, type Result } from '../../core/result';
import type { DocumentText } from '../../shared/review-api';

/** One undoable step to commit: tag patches and/or review fields replaced whole. */
export interface PlannedEdit {
  label: string;
  patches: TagPatch[];
  /** Review-level fields after the step (absent: the step changes tags only). */
  fields?: ReviewFieldsChange;
}

/** Marks an evidence→claim link as speaking to the claim's source or to its content. */
export function planFacet(
  review: Review,
  link: { evidenceId: string; claimId: string; facet: Facet },
  context: EditContext,
): Result<PlannedEdit, Problem> {
  const evidence = review.tags.find((t) => t.id === link.evidenceId);
  if (!evidence) return fail(noSuchTag(link.evidenceId));
  if (evidence.kind === 'claim') {
    return fail({
      code: 'not-evidence',
      message:
        'Only a confirmation or a contradiction speaks to a claim’s source or content; this tag is a claim.',
    });
  }
  if (!review.tags.some((t) => t.id === link.claimId)) return fail(noSuchTag(link.claimId));
  return setFacet(review.tags, link.evidenceId, link.claimId, link.facet, context);
}

/**
 * Attributes a tag to the source called `name` (null or empty: clears it). The name is matched
 * to the review's sources by name or alias, case-insensitively, else a source is added.
 */
export function planAttribution(
  review: Review,
  tagId: string,
  name: string | null,
  context: EditContext,
): Result<{ edit: PlannedEdit; sourceId?: string }, Problem> {
  const attributed = attribute(review, tagId, name ?? '', context);
  if (!attributed.ok) return attributed;
  const { edit, sources, sourceId } = attributed.value;
  const planned: PlannedEdit = { label: edit.label, patches: edit.patches };
  if (!sameValue(sources.before, sources.after)) planned.fields = { sources: sources.after };
  return ok(sourceId ? { edit: planned, sourceId } : { edit: planned });
}

/** Grades an evidence item's information credibility 1–6 (null clears it); 1 needs ≥ 2 origins. */
export function planCredibility(
  review: Review,
  tagId: string,
  credibility: number | null,
  context: EditContext,
): Result<PlannedEdit, Problem> {
  return gradeItem(
    review.tags,
    tagId,
    (credibility ?? undefined) as Credibility | undefined,
    context,
  );
}

/** What updateSource may change; absent fields stay as they are, a null grade clears it. */
export interface SourceChanges {
  name?: string;
  aliases?: string[];
  reliability?: Reliability | null;
}

/** Renames a source, replaces its aliases and/or grades its reliability, as one step. */
export function planSourceUpdate(
  review: Review,
  sourceId: string,
  changes: SourceChanges,
): Result<PlannedEdit, Problem> {
  const before = review.sources ?? [];
  let after: Source[] = before;
  if (changes.reliability !== undefined) {
    const graded = gradeSource(after, sourceId, changes.reliability ?? undefined);
    if (!graded.ok) return graded;
    after = graded.value.after;
  }
  const source = after.find((s) => s.id === sourceId);
  if (!source) return fail(noSuchSource(sourceId));
  const edited: Source = { ...source };
  if (changes.name !== undefined) {
    const name = oneLine(changes.name);
    if (name === '') {
      return fail({ code: 'empty-name', message: 'A source needs a name; type one in.' });
    }
    const taken = after.find((s) => s.id !== sourceId && sourceKey(s.name) === sourceKey(name));
    if (taken) {
      return fail({
        code: 'source-exists',
        message: `Another source is already called “${taken.name}”; attribute the tags to it instead of renaming this one.`,
      });
    }
    edited.name = name;
  }
  if (changes.aliases !== undefined) {
    const seen = new Set([sourceKey(edited.name)]);
    const aliases: string[] = [];
    for (const alias of changes.aliases.map(oneLine)) {
      const key = sourceKey(alias);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      aliases.push(alias);
    }
    if (aliases.length > 0) edited.aliases = aliases;
    else delete edited.aliases;
  }
  after = after.map((s) => (s.id === sourceId ? edited : s));
  const label =
    changes.name === undefined && changes.aliases === undefined
      ? changes.reliability
        ? `grade ${edited.name} ${changes.reliability}`
        : `clear the grade of ${edited.name}`
      : `edit source ${edited.name}`;
  return ok(
    sameValue(before, after)
      ? { label, patches: [] }
      : { label, patches: [], fields: { sources: after } },
  );
}

/** Sets (input) or clears (null) the reviewer's verdict on a claim. */
export function planJudgement(
  review: Review,
  claimId: string,
  input: JudgementInput | null,
  context: EditContext,
): Result<PlannedEdit, Problem> {
  const judged = setJudgement(review, claimId, input ?? undefined, context);
  if (!judged.ok) return judged;
  const label = input ? 'set verdict' : 'clear verdict';
  const { before, after } = judged.value;
  if (!input && !(claimId in before)) return ok({ label, patches: [] });
  return ok({ label, patches: [], fields: { judgements: after } });
}

/** Changes a document's title, outlet, author, date and reference (empty strings clear fields). */
export function planDocumentMetadata(
  review: Review,
  documentId: string,
  metadata: Partial<DocumentMetadata>,
): Result<PlannedEdit, Problem> {
  const updated = setDocumentMetadata(review.documents, documentId, metadata);
  if (!updated.ok) return updated;
  const { before, after } = updated.value;
  const label = 'edit document details';
  if (sameValue(before, after)) return ok({ label, patches: [] });
  const documents: ReviewDocument[] = review.documents.map((d) =>
    d.id === documentId ? after : d,
  );
  return ok({ label, patches: [], fields: { documents } });
}

/**
 * The best attribution the core suggester finds for a tag: from its sentence, the sentences
 * either side, a transcript speaker label, and the document's author and outlet.
 */
export function attributionSuggestion(
  review: Review,
  tagId: string,
  document: DocumentText,
): Result<{ suggestion?: { name: string; reason: string } }, Problem> {
  const tag = review.tags.find((t) => t.id === tagId);
  if (!tag) return fail(noSuchTag(tagId));
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < document.sentences.length; i += 2) {
    spans.push({
      start: document.sentences[i] as number,
      end: document.sentences[i + 1] as number,
    });
  }
  // The sentence the tag sits in (a re-anchored tag may not start exactly where one does).
  let index = spans.findIndex((s) => s.start === tag.anchor.start);
  if (index < 0)
    index = spans.findIndex((s) => s.start <= tag.anchor.start && tag.anchor.start < s.end);
  const about = review.documents.find((d) => d.id === tag.documentId);
  const metadata = {
    ...(about?.outlet ? { outlet: about.outlet } : {}),
    ...(about?.author ? { author: about.author } : {}),
  };
  const context =
    index >= 0
      ? attributionContext(document.text, spans, index, metadata)
      : { sentence: tag.anchor.exact, ...metadata };
  const best = suggestAttribution(context, review.sources)[0];
  return ok(best ? { suggestion: { name: best.name, reason: best.reason } } : {});
}

function noSuchSource(sourceId: string): Problem {
  return {
    code: 'no-such-source',
    message: `No source with id ${sourceId} exists in this review; it may have been removed.`,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
