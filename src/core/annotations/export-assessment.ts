// Export of the reviewer's assessment (format 2, see file-format.ts): who says each tag and the
// list of sources, credibility, the judgement on a claim, and dismissed suggestions.
import type { Judgement, Source } from '../review/assessment';
import type { Anchor, Dismissal, Review, Tag } from '../review/types';
import {
  DISMISSED,
  documentIri,
  personIri,
  uuidForForeignId,
  uuidIri,
  type FileAnnotation,
  type FileDismissal,
  type FileJudgement,
  type FileSelector,
  type FileSource,
} from './file-format';

/** What the assessment fields of one annotation are written from. */
export interface AssessmentContext {
  /** Source names by source id. */
  sourceNames: ReadonlyMap<string, string>;
  judgements: Readonly<Record<string, Judgement>>;
}

/** The context for a review: its sources by id and its judgements. */
export function assessmentContext(review: Review): AssessmentContext {
  return {
    sourceNames: new Map((review.sources ?? []).map((s) => [s.id, s.name])),
    judgements: review.judgements ?? {},
  };
}

/** Adds a tag's attribution, credibility and (for a claim) judgement to its annotation. */
export function addAssessment(
  annotation: FileAnnotation,
  tag: Omit<Tag, 'anchor'>,
  context: AssessmentContext,
): void {
  if (tag.sourceId !== undefined) {
    const name = context.sourceNames.get(tag.sourceId);
    if (name !== undefined) annotation['crosscheck:attribution'] = name;
  }
  if (tag.credibility !== undefined) annotation['crosscheck:credibility'] = tag.credibility;
  if (tag.kind === 'claim' && Object.hasOwn(context.judgements, tag.id)) {
    annotation['crosscheck:judgement'] = judgementOf(context.judgements[tag.id] as Judgement);
  }
}

function judgementOf(judgement: Judgement): FileJudgement {
  const entry: FileJudgement = {
    type: 'crosscheck:Judgement',
    creator: { id: personIri(judgement.author), type: 'Person', name: judgement.author },
    modified: judgement.modified,
    'crosscheck:verdict': judgement.verdict,
    'crosscheck:confidence': judgement.confidence,
  };
  if (judgement.rationale !== undefined && judgement.rationale !== '') {
    entry['crosscheck:rationale'] = judgement.rationale;
  }
  return entry;
}

/** The review's sources, each once, or undefined when it has none. */
export function sourcesOf(review: Review): FileSource[] | undefined {
  const sources = review.sources ?? [];
  return sources.length === 0 ? undefined : sources.map(sourceOf);
}

function sourceOf(source: Source): FileSource {
  const entry: FileSource = { type: 'crosscheck:Source', name: source.name };
  if (source.aliases && source.aliases.length > 0)
    entry['crosscheck:aliases'] = [...source.aliases];
  if (source.reliability !== undefined) entry['crosscheck:reliability'] = source.reliability;
  return entry;
}

/**
 * The id of a dismissal in a file: the same claim and sentence always give the same id, as they
 * are one dismissal.
 */
function dismissalIri(claimId: string, documentId: string, exact: string): string {
  return uuidIri(uuidForForeignId(`crosscheck dismissal ${claimId} ${documentId} ${exact}`));
}

/**
 * The dismissals of claims the file holds, as W3C annotations in document, position and claim
 * order, or undefined when there are none. `selectors` gives a dismissal's selectors (its anchor
 * checked against the text), or undefined when its document has no text to export.
 */
export function dismissalsOf(
  dismissals: readonly Dismissal[],
  claims: ReadonlySet<string>,
  selectors: (documentId: string, anchor: Anchor) => FileSelector[] | undefined,
): FileDismissal[] | undefined {
  const entries: { entry: FileDismissal; start: number }[] = [];
  const seen = new Set<string>();
  for (const dismissal of dismissals) {
    if (!claims.has(dismissal.claimId)) continue;
    const id = dismissalIri(dismissal.claimId, dismissal.documentId, dismissal.anchor.exact);
    if (seen.has(id)) continue;
    const selector = selectors(dismissal.documentId, dismissal.anchor);
    if (!selector) continue;
    seen.add(id);
    entries.push({
      start: dismissal.anchor.start,
      entry: {
        id,
        type: 'Annotation',
        motivation: 'assessing',
        creator: { id: personIri(dismissal.author), type: 'Person', name: dismissal.author },
        created: dismissal.created,
        body: [
          { type: 'TextualBody', purpose: 'assessing', value: DISMISSED, format: 'text/plain' },
          { type: 'SpecificResource', purpose: 'linking', source: uuidIri(dismissal.claimId) },
        ],
        target: { source: documentIri(dismissal.documentId), selector },
      },
    });
  }
  if (entries.length === 0) return undefined;
  entries.sort(
    (a, b) =>
      compare(a.entry.target.source, b.entry.target.source) ||
      a.start - b.start ||
      compare(a.entry.body[1].source, b.entry.body[1].source),
  );
  return entries.map((e) => e.entry);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
