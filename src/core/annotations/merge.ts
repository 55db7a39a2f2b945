// Import, step three: merge a validated annotation file into a review. Tags are matched by id (new
// ones added, identical ones kept, differing ones resolved by `modified` with the other version
// recorded as a conflict), removals win over older versions, and at most one tag stays on a
// sentence. Pure and all or nothing: a failure changes nothing.
import { compareTags } from '../review/tag-edits';
import type { Review, Tag } from '../review/types';
import { fail, ok, type Problem, type Result } from '../result';
import { MAX_SET_ASIDE, tooManySetAside } from './import-limits';
import type { AnnotationFile, FileLabel, SkippedAnnotation } from './incoming-file';
import {
  placeIncoming,
  type DocumentMatch,
  type MergeOptions,
  type MergeTarget,
  type PlacedAnnotation,
} from './place-incoming';
import {
  emptySharing,
  isOrphan,
  type RemovedTag,
  type ReviewOrphan,
  type ReviewSharing,
  type TagConflict,
} from './review-sharing';
import {
  compareTimes,
  laterVersion,
  sameContent,
  sameExceptTime,
  versionKey,
  type TagVersion,
} from './tag-versions';

export type { MergeOptions, MergeTarget } from './place-incoming';

/** What an import did, for the summary the reviewer sees. */
export interface MergeSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Tags removed because the file records their removal. */
  removed: number;
  /**
   * Versions not kept, each beside the one kept (the review's sharing state keeps them so the
   * reviewer can choose). Includes `sameSentence`.
   */
  conflicts: TagConflict[];
  /**
   * Of `conflicts`, the other tags on a sentence that already had one: not a disagreement about
   * one tag (two readers may both be right), so shown as "same sentence", not as conflicts.
   */
  sameSentence: TagConflict[];
  /** Quotes that became whole sentences: the quote in the file, and the sentence tagged. */
  widened: { id: string; quote: string; sentence: string }[];
  /** Other tools' tags that name no kind (map them with the `labelMap` option). */
  labels: FileLabel[];
  /** Identical copies in the file, counted once. */
  copies: number;
  /** Annotations placed on a text other than the one they were made on. */
  reanchored: number;
  /** Tags placed approximately by this import, to be confirmed. */
  needsReview: string[];
  /** Annotations this import could not place (not counted in `added`). */
  orphans: ReviewOrphan[];
  /** Other tools' annotations left out, with reasons. */
  skipped: SkippedAnnotation[];
  warnings: string[];
  /** Ids of documents added from the file. */
  documentsAdded: string[];
  documentsMatched: DocumentMatch[];
}

/** The merged review, its sharing state, texts to store, and the summary. */
export interface MergeOutcome {
  review: Review;
  sharing: ReviewSharing;
  /** Texts of documents the import added, by id: store them before saving the review. */
  newTexts: Map<string, string>;
  summary: MergeSummary;
}

interface Chosen {
  version: TagVersion;
  needsReview: boolean;
}

/** Merges a validated annotation file into a review, returning new values (nothing is mutated). */
export function mergeAnnotationFile(
  target: MergeTarget,
  incoming: AnnotationFile,
  options: MergeOptions = {},
): Result<MergeOutcome, Problem> {
  const placed = placeIncoming(target, incoming, options);
  if (!placed.ok) return placed;
  const { review } = target;
  const sharing = target.sharing ?? emptySharing();
  const flagged = new Set(sharing.needsReview);
  const local = new Map<string, Chosen>();
  for (const tag of review.tags)
    local.set(tag.id, { version: tag, needsReview: flagged.has(tag.id) });
  for (const orphan of sharing.orphans)
    local.set(orphan.id, { version: orphan, needsReview: false });
  // Each arriving tag's place in `arrivals`, and whether the review has it (so the review's ids
  // are not looked up again to find the new ones).
  const arrivals = placed.value.placed;
  const arriving = new Map<string, number>();
  arrivals.forEach((p, i) => arriving.set(p.version.id, i));
  const matched = new Uint8Array(arrivals.length);
  const removals = mergeRemovals(sharing.removed, incoming.removed);

  const summary: MergeSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    conflicts: [],
    sameSentence: [],
    widened: [],
    labels: incoming.labels ?? [],
    copies: incoming.copies ?? 0,
    reanchored: 0,
    needsReview: [],
    orphans: [],
    skipped: [...incoming.skipped, ...placed.value.skipped],
    warnings: [...incoming.warnings, ...placed.value.warnings],
    documentsAdded: placed.value.documentsAdded.map((d) => d.id),
    documentsMatched: placed.value.documentsMatched,
  };
  const kept = new Map<string, Chosen>();
  // Every id once, the review's first (no list of 100,000 ids is built to find them).
  const visit = (
    id: string,
    mine: Chosen | undefined,
    theirs: PlacedAnnotation | undefined,
  ): void => {
    let chosen = mine;
    if (theirs && (!mine || !sameContent(mine.version, theirs.version))) {
      const winner = mine ? laterVersion(mine.version, theirs.version) : theirs.version;
      if (mine && !sameExceptTime(mine.version, theirs.version)) {
        const loser = winner === mine.version ? theirs.version : mine.version;
        summary.conflicts.push({ id, kept: winner, other: loser });
      }
      if (winner === theirs.version) chosen = theirs;
    }
    if (!chosen) return;
    const removal = removals.size > 0 ? removals.get(id) : undefined;
    if (removal) {
      if (compareTimes(removal.removed, chosen.version.modified) >= 0) {
        if (mine) summary.removed++;
        else summary.unchanged++;
        return;
      }
      removals.delete(id);
    }
    kept.set(id, chosen);
    if (chosen === mine) {
      if (theirs) summary.unchanged++;
      return;
    }
    const orphan = isOrphan(chosen.version);
    if (mine) summary.updated++;
    else if (!orphan) summary.added++;
    if (theirs?.reanchored) summary.reanchored++;
    if (theirs?.quoted !== undefined && !orphan) {
      const sentence = (chosen.version as Tag).anchor.exact;
      summary.widened.push({ id, quote: theirs.quoted, sentence });
    }
    if (orphan) summary.orphans.push(chosen.version as ReviewOrphan);
    else if (chosen.needsReview) summary.needsReview.push(id);
  };
  for (const [id, mine] of local) {
    const at = arriving.get(id);
    if (at !== undefined) matched[at] = 1;
    visit(id, mine, at === undefined ? undefined : arrivals[at]);
  }
  for (const [id, at] of arriving) if (matched[at] === 0) visit(id, undefined, arrivals[at]);

  const { redirects, displaced } = resolveSharedSentences(kept, summary);
  for (const conflict of summary.conflicts) {
    // A new tag that gave its sentence to another was not added after all.
    const lost = conflict.other.id;
    if (lost !== conflict.id && !local.has(lost) && arriving.has(lost)) summary.added--;
  }
  summary.needsReview = summary.needsReview.filter((id) => kept.has(id));
  summary.widened = summary.widened.filter((w) => kept.has(w.id));
  summary.orphans = summary.orphans.filter((o) => kept.has(o.id));
  // Links to a claim set aside in a conflict are kept, so keeping that claim later restores them.
  const setAside = new Set(
    summary.conflicts.filter((c) => c.other.kind === 'claim').map((c) => c.other.id),
  );
  const keptVersions = [...kept.values()].map((c) => c.version);
  const versions = cleanLinks(keptVersions, redirects, setAside);
  const tags = versions.filter((v): v is Tag => !isOrphan(v)).sort(compareTags);
  const orphans = versions.filter(isOrphan).sort((a, b) => compareIds(a.id, b.id));
  const changed =
    summary.added + summary.updated + summary.removed + placed.value.documentsAdded.length > 0;
  const merged: Review = {
    ...review,
    modified:
      changed && incoming.review && compareTimes(incoming.review.modified, review.modified) > 0
        ? incoming.review.modified
        : review.modified,
    reviewers: mergeReviewers(review.reviewers, incoming, tags),
    documents: [...review.documents, ...placed.value.documentsAdded],
    tags,
  };
  // The version now kept of a tag: as chosen, or as cleanLinks changed it (few are).
  const relinked = new Map<string, TagVersion>();
  versions.forEach((version, i) => {
    if (version !== keptVersions[i]) relinked.set(version.id, version);
  });
  const current = (id: string) => relinked.get(id) ?? kept.get(id)?.version;
  const conflicts = reconcileConflicts(sharing.conflicts, summary.conflicts, current, displaced);
  if (conflicts.fresh.length > MAX_SET_ASIDE) {
    return fail({ code: 'too-many-conflicts', message: tooManySetAside(conflicts.fresh.length) });
  }
  summary.conflicts = conflicts.fresh;
  summary.sameSentence = conflicts.fresh.filter((c) => c.other.id !== c.id);
  return ok({
    review: merged,
    sharing: {
      orphans,
      needsReview: flaggedIn(tags, kept),
      removed: [...removals.values()].sort((a, b) => compareIds(a.id, b.id)),
      conflicts: conflicts.all,
    },
    newTexts: placed.value.newTexts,
    summary,
  });
}

/**
 * The conflicts to keep: earlier ones and this merge's, each beside the version now kept (a tag
 * that lost its sentence hands its conflicts to the tag that took it), without repeats, and
 * without those whose other version is the one kept. `fresh`: the new ones.
 */
function reconcileConflicts(
  previous: readonly TagConflict[],
  arriving: readonly TagConflict[],
  current: (id: string) => TagVersion | undefined,
  displaced: ReadonlyMap<string, string>,
): { all: TagConflict[]; fresh: TagConflict[] } {
  const seen = new Set<string>();
  const all: TagConflict[] = [];
  const fresh: TagConflict[] = [];
  const visit = (conflict: TagConflict, isNew: boolean) => {
    const here = current(conflict.id);
    const id = here ? conflict.id : (displaced.get(conflict.id) ?? '');
    const kept = here ?? current(id);
    if (!kept || sameContent(kept, conflict.other)) return;
    const key = `${id} ${versionKey(conflict.other)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const updated = { id, kept, other: conflict.other };
    all.push(updated);
    if (isNew) fresh.push(updated);
  };
  for (const conflict of previous) visit(conflict, false);
  for (const conflict of arriving) visit(conflict, true);
  return { all, fresh };
}

/** Ids of the tags still to be confirmed, in tag order (none looked up when none is). */
function flaggedIn(tags: readonly Tag[], kept: ReadonlyMap<string, Chosen>): string[] {
  let any = false;
  for (const chosen of kept.values()) if (chosen.needsReview) any = true;
  return any ? tags.filter((t) => kept.get(t.id)?.needsReview).map((t) => t.id) : [];
}

/** Both sides' removals; for a tag removed on both, the later removal. */
function mergeRemovals(
  a: readonly RemovedTag[],
  b: readonly RemovedTag[],
): Map<string, RemovedTag> {
  const merged = new Map<string, RemovedTag>();
  for (const removal of [...a, ...b]) {
    const other = merged.get(removal.id);
    if (!other || compareTimes(removal.removed, other.removed) > 0) merged.set(removal.id, removal);
  }
  return merged;
}

/**
 * Leaves one tag per sentence: two reviewers who tagged the same sentence independently made two
 * tags; the later one stays and the other becomes a conflict. Links to a claim that gave way move
 * to the claim that stayed. Returns those link moves.
 */
function resolveSharedSentences(
  kept: Map<string, Chosen>,
  summary: MergeSummary,
): { redirects: Map<string, string>; displaced: Map<string, string> } {
  // By document, then start (small whole numbers, cheap keys); a list only where a sentence has
  // two tags: a merge looks at every tag of both files.
  const byDocument = new Map<string, Map<number, Chosen | Chosen[]>>();
  let sharedSentences = false;
  for (const chosen of kept.values()) {
    const version = chosen.version;
    if (isOrphan(version)) continue;
    let bySentence = byDocument.get(version.documentId);
    if (bySentence === undefined) byDocument.set(version.documentId, (bySentence = new Map()));
    const start = version.anchor.start;
    const there = bySentence.get(start);
    if (there === undefined) bySentence.set(start, chosen);
    else if (Array.isArray(there)) there.push(chosen);
    else {
      bySentence.set(start, [there, chosen]);
      sharedSentences = true;
    }
  }
  const redirects = new Map<string, string>();
  const displaced = new Map<string, string>();
  if (!sharedSentences) return { redirects, displaced };
  // In the order the sentences were first met, as the conflicts are listed.
  const shared: Chosen[][] = [];
  for (const chosen of kept.values()) {
    if (isOrphan(chosen.version)) continue;
    const there = byDocument.get(chosen.version.documentId)?.get(chosen.version.anchor.start);
    if (Array.isArray(there) && there[0] === chosen) shared.push(there);
  }
  for (const sharing of shared) {
    // The latest version is the same whatever order the tags came in.
    const winner = sharing.reduce((a, b) =>
      laterVersion(a.version, b.version) === a.version ? a : b,
    );
    for (const loser of sharing) {
      if (loser === winner) continue;
      kept.delete(loser.version.id);
      displaced.set(loser.version.id, winner.version.id);
      summary.conflicts.push({ id: winner.version.id, kept: winner.version, other: loser.version });
      if (winner.version.kind === 'claim' && loser.version.kind === 'claim') {
        redirects.set(loser.version.id, winner.version.id);
      }
    }
  }
  return { redirects, displaced };
}

/**
 * Drops links to tags that are not claims (any more), after moving redirected links; links to
 * claims set aside in a conflict stay (they count for nothing until that claim is kept).
 */
function cleanLinks(
  versions: TagVersion[],
  redirects: ReadonlyMap<string, string>,
  setAside: ReadonlySet<string>,
): TagVersion[] {
  const claims = new Set<string>();
  for (const version of versions) if (version.kind === 'claim') claims.add(version.id);
  // Most links stay as they are: checked without building new lists, claims first (most links
  // go to one), redirects only when there are any.
  const redirecting = redirects.size > 0;
  const stays = (ids: readonly string[]): boolean => {
    for (const id of ids) {
      if (!(claims.has(id) || setAside.has(id)) || (redirecting && redirects.has(id))) return false;
    }
    return !repeats(ids);
  };
  return versions.map((version) => {
    if (!version.claimIds) return version;
    if (version.kind !== 'claim' && stays(version.claimIds)) return version;
    const links =
      version.kind === 'claim'
        ? []
        : [...new Set(version.claimIds.map((id) => redirects.get(id) ?? id))].filter(
            (id) => claims.has(id) || setAside.has(id),
          );
    if (
      links.length === version.claimIds.length &&
      links.every((id, i) => id === version.claimIds?.[i])
    ) {
      return version;
    }
    const copy = { ...version };
    if (links.length > 0) copy.claimIds = links;
    else delete copy.claimIds;
    return copy;
  });
}

/** Whether a short list holds an id twice. */
function repeats(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids.indexOf(ids[i] as string) < i) return true;
  return false;
}

function mergeReviewers(
  reviewers: readonly string[],
  incoming: AnnotationFile,
  tags: readonly Tag[],
): string[] {
  const all = new Set(reviewers);
  for (const name of incoming.review?.reviewers ?? []) all.add(name);
  for (const tag of tags) all.add(tag.author);
  return [...all];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
