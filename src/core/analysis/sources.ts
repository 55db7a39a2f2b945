// The review's sources (speakers and outlets) and attributing tags to them. One outlet is one
// source across documents: a name is matched to an existing source case-insensitively, by alias,
// or (for a bare surname or a titled name) by the surname of exactly one source.
import { fail, ok, type Problem, type Result } from '../result';
import {
  RELIABILITY_GRADES,
  type FieldUpdate,
  type Reliability,
  type Source,
} from '../review/assessment';
import { noSuchTag, type EditContext, type TagEdit } from '../review/tag-edits';
import type { Review, Tag } from '../review/types';

/** Titles and honorifics left out when names are matched loosely ("General Milley" ~ "Gen. Mark Milley"). */
const TITLES = new Set(
  (
    'gen general lt col colonel maj major adm admiral sgt capt captain brig brigadier cmdr commander ' +
    'secretary defense defence minister prime president vice chairman chief sen senator rep gov ' +
    'governor mr mrs ms dr prof sir dame lord lady'
  ).split(' '),
);

/** A name for exact matching: trimmed, one space, lower case, no leading "the", no end punctuation. */
export function sourceKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[.,;:!?]+$/, '');
}

/** The words of a name without titles: "Gen. Mark Milley" → ["mark", "milley"]. */
function personalWords(name: string): string[] {
  return sourceKey(name)
    .split(/[\s.]+/)
    .filter((w) => w !== '' && !TITLES.has(w));
}

/** The source a name means: same name or alias, else the one source with the same titled name or surname. */
export function matchSource(
  sources: readonly Source[],
  name: string,
): { source: Source; exact: boolean } | undefined {
  const key = sourceKey(name);
  if (key === '') return undefined;
  const exact = sources.find(
    (s) => sourceKey(s.name) === key || (s.aliases ?? []).some((a) => sourceKey(a) === key),
  );
  if (exact) return { source: exact, exact: true };
  const words = personalWords(name);
  if (words.length === 0) return undefined;
  const joined = words.join(' ');
  const surname = words.length === 1 ? words[0] : undefined;
  const loose = sources.filter((s) => {
    const theirs = personalWords(s.name);
    return theirs.join(' ') === joined || (surname !== undefined && theirs.at(-1) === surname);
  });
  return loose.length === 1 ? { source: loose[0] as Source, exact: false } : undefined;
}

/** The result of attributing a tag: its patch and the review's sources after it. */
export interface Attribution {
  edit: TagEdit;
  sources: FieldUpdate<Source[]>;
  /** The source the tag now points at (undefined when cleared). */
  sourceId?: string;
}

/**
 * Attributes a tag to the source called `name` (empty: clears the attribution). An existing
 * source is reused (a loose match adds `name` as an alias); otherwise a new one is added. A
 * source left with no tags, no grade and no aliases is dropped, so a mistyped name does not linger.
 */
export function attribute(
  review: Pick<Review, 'tags' | 'sources'>,
  tagId: string,
  name: string,
  context: EditContext,
): Result<Attribution, Problem> {
  const tag = review.tags.find((t) => t.id === tagId);
  if (!tag) return fail(noSuchTag(tagId));
  const before = review.sources ?? [];
  let sources = [...before];
  const trimmed = name.replace(/\s+/g, ' ').trim();
  let sourceId: string | undefined;
  if (trimmed !== '') {
    const match = matchSource(sources, trimmed);
    if (match) {
      sourceId = match.source.id;
      if (!match.exact) {
        const withAlias = { ...match.source, aliases: [...(match.source.aliases ?? []), trimmed] };
        sources = sources.map((s) => (s.id === sourceId ? withAlias : s));
      }
    } else {
      sourceId = context.newId();
      sources.push({ id: sourceId, name: trimmed });
    }
  }
  const label = sourceId ? `attribute to ${trimmed}` : 'clear attribution';
  const result: Attribution = { edit: { label, patches: [] }, sources: { before, after: sources } };
  if (sourceId) result.sourceId = sourceId;
  if (tag.sourceId === sourceId) return ok(result);
  const after: Tag = { ...tag, modified: context.now };
  if (sourceId) after.sourceId = sourceId;
  else delete after.sourceId;
  result.edit.patches.push({ id: tag.id, before: tag, after });
  const old = tag.sourceId;
  if (old && !review.tags.some((t) => t.id !== tag.id && t.sourceId === old)) {
    result.sources.after = sources.filter(
      (s) => s.id !== old || s.reliability !== undefined || (s.aliases ?? []).length > 0,
    );
  }
  return ok(result);
}

/** Grades a source's reliability A–F, or clears the grade (undefined). */
export function gradeSource(
  sources: readonly Source[],
  sourceId: string,
  reliability: Reliability | undefined,
): Result<FieldUpdate<Source[]>, Problem> {
  const source = sources.find((s) => s.id === sourceId);
  if (!source) {
    return fail({
      code: 'no-such-source',
      message: `No source with id ${sourceId} exists in this review; it may have been removed.`,
    });
  }
  if (reliability !== undefined && !RELIABILITY_GRADES.some((g) => g.grade === reliability)) {
    return fail({
      code: 'not-a-reliability',
      message: `“${reliability}” is not a reliability grade; use a letter from A to F.`,
    });
  }
  const graded: Source = { ...source };
  if (reliability) graded.reliability = reliability;
  else delete graded.reliability;
  return ok({
    before: [...sources],
    after: sources.map((s) => (s.id === sourceId ? graded : s)),
  });
}

/** The name of a tag's source, if it has one that exists. */
export function sourceNameOf(tag: Tag, sources: readonly Source[] | undefined): string | undefined {
  return tag.sourceId ? sources?.find((s) => s.id === tag.sourceId)?.name : undefined;
}
