// Import, step three in full: a validated file merged into a review with everything a review
// holds besides its tags. Sources are unified by name first (so the tags' attributions compare),
// the tags are merged (merge.ts), then judgements and dismissed suggestions follow the claims.
import type { Dismissal, Review, Tag } from '../review/types';
import { ok, type Problem, type Result } from '../result';
import type { AnnotationFile } from './incoming-file';
import { mergeAnnotationFile, type MergeOutcome, type MergeSummary } from './merge';
import { mergeJudgements } from './merge-judgements';
import { unifySources } from './merge-sources';
import type { MergeOptions, MergeTarget } from './place-incoming';
import { placeDismissals } from './place-dismissals';
import { emptySharing, type JudgementConflict, type TagConflict } from './review-sharing';
import { compareTimes, type TagVersion } from './tag-versions';

/** What an import did, including the reviewer's judgements and sources. */
export interface ReviewMergeSummary extends MergeSummary {
  /** Claims judged differently on the two sides: the later judgement kept, the other beside it. */
  judgementConflicts: JudgementConflict[];
  /** Sources the file brought that the review did not have (by any name or alias). */
  sourcesAdded: number;
  /** Claims whose judgement the import added or replaced. */
  judgementsChanged: number;
  /** Dismissed suggestions the file brought that the review did not have. */
  dismissalsAdded: number;
}

/** The merged review and what the import did. */
export interface ReviewMergeOutcome extends MergeOutcome {
  summary: ReviewMergeSummary;
}

/**
 * Merges a validated annotation file into a review: tags as mergeAnnotationFile does, plus
 * sources (one per name or alias, ignoring case; the file's ids remapped to the review's),
 * judgements (see mergeJudgements) and dismissals (one per claim and sentence). Nothing is
 * mutated; a failure changes nothing.
 */
export function mergeReviewFile(
  target: MergeTarget,
  incoming: AnnotationFile,
  options: MergeOptions = {},
): Result<ReviewMergeOutcome, Problem> {
  const local = target.review;
  const unified = unifySources(local.sources ?? [], incoming.sources ?? []);
  const hasSources = local.sources !== undefined || unified.sources.length > 0;
  const review: Review = hasSources ? { ...local, sources: unified.sources } : local;
  const merged = mergeAnnotationFile(
    { ...target, review },
    remapSources(incoming, unified.ids),
    options,
  );
  if (!merged.ok) return merged;
  const outcome = merged.value;
  const redirects = claimRedirects(outcome.summary.sameSentence);
  const { tags, orphans, conflicts } = tidyFacets(outcome, redirects);
  const claims = new Set<string>();
  for (const version of [...tags, ...orphans, ...conflicts.map((c) => c.other)]) {
    if (version.kind === 'claim') claims.add(version.id);
  }
  const sharing = target.sharing ?? emptySharing();
  const judged = mergeJudgements(
    local.judgements ?? {},
    incoming.judgements ?? {},
    redirects,
    claims,
    sharing.judgementConflicts,
  );
  const documentsAdded = new Set(outcome.summary.documentsAdded);
  const placed = placeDismissals(incoming.dismissals ?? [], {
    review: local,
    textOf: (id) => target.texts.get(id) ?? outcome.newTexts.get(id),
    ...(options.documentMatches ? { documentMatches: options.documentMatches } : {}),
    documentsMatched: outcome.summary.documentsMatched,
    documentsAdded: [...documentsAdded],
  });
  const dismissals = unionDismissals(local.dismissals ?? [], placed.dismissals, redirects, claims);
  const warnings = [...outcome.summary.warnings, ...unified.warnings];
  if (placed.unplaced > 0) {
    warnings.push(
      `${placed.unplaced} dismissed suggestion${placed.unplaced === 1 ? '' : 's'} could not be placed on this review’s texts and ${placed.unplaced === 1 ? 'was' : 'were'} left out.`,
    );
  }
  const changed = unified.added > 0 || judged.changed > 0 || dismissals.added > 0;
  const next: Review = { ...outcome.review, tags };
  if (hasSources) next.sources = unified.sources;
  if (local.judgements !== undefined || Object.keys(judged.judgements).length > 0) {
    next.judgements = judged.judgements;
  }
  if (local.dismissals !== undefined || dismissals.all.length > 0) next.dismissals = dismissals.all;
  const incomingModified = incoming.review?.modified;
  if (changed && incomingModified && compareTimes(incomingModified, next.modified) > 0) {
    next.modified = incomingModified;
  }
  const nextSharing = { ...outcome.sharing, orphans, conflicts };
  if (judged.conflicts.length > 0 || sharing.judgementConflicts !== undefined) {
    nextSharing.judgementConflicts = judged.conflicts;
  }
  return ok({
    ...outcome,
    review: next,
    sharing: nextSharing,
    summary: {
      ...outcome.summary,
      warnings,
      judgementConflicts: judged.fresh,
      sourcesAdded: unified.added,
      judgementsChanged: judged.changed,
      dismissalsAdded: dismissals.added,
    },
  });
}

/** The file with its annotations' source ids replaced by the review's. */
function remapSources(file: AnnotationFile, ids: ReadonlyMap<string, string>): AnnotationFile {
  if (
    !file.annotations.some((a) => a.sourceId !== undefined && ids.get(a.sourceId) !== a.sourceId)
  ) {
    return file;
  }
  return {
    ...file,
    annotations: file.annotations.map((a) => {
      if (a.sourceId === undefined) return a;
      const id = ids.get(a.sourceId);
      if (id === a.sourceId) return a;
      const copy = { ...a };
      if (id === undefined) delete copy.sourceId;
      else copy.sourceId = id;
      return copy;
    }),
  };
}

/** Claims folded into another on the same sentence: set-aside id → kept id. */
function claimRedirects(sameSentence: readonly TagConflict[]): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const c of sameSentence) {
    if (c.kept.kind === 'claim' && c.other.kind === 'claim') redirects.set(c.other.id, c.id);
  }
  return redirects;
}

/**
 * Facets follow their links: a facet on a link to a folded claim moves to the claim kept, and a
 * facet whose link is gone is dropped. Conflicts are updated to the versions now kept.
 */
function tidyFacets(
  outcome: MergeOutcome,
  redirects: ReadonlyMap<string, string>,
): { tags: Tag[]; orphans: MergeOutcome['sharing']['orphans']; conflicts: TagConflict[] } {
  const replaced = new Map<string, TagVersion>();
  const tidy = <T extends TagVersion>(version: T): T => {
    const facets = version.facets;
    if (!facets) return version;
    const links = new Set(version.claimIds ?? []);
    const next: Record<string, 'source'> = {};
    let same = true;
    for (const [claimId, facet] of Object.entries(facets)) {
      const id = redirects.get(claimId) ?? claimId;
      if (id !== claimId || !links.has(id) || facet !== 'source') same = false;
      if (links.has(id) && facet === 'source') next[id] = 'source';
    }
    if (same) return version;
    const copy = { ...version };
    if (Object.keys(next).length > 0) copy.facets = next;
    else delete copy.facets;
    replaced.set(copy.id, copy);
    return copy;
  };
  const tags = outcome.review.tags.map(tidy);
  const orphans = outcome.sharing.orphans.map(tidy);
  const conflicts =
    replaced.size === 0
      ? outcome.sharing.conflicts
      : outcome.sharing.conflicts.map((c) => {
          const kept = replaced.get(c.id);
          return kept ? { ...c, kept } : c;
        });
  return { tags, orphans, conflicts };
}

/**
 * Both sides' dismissals, one per claim and sentence quote (the earlier kept), of claims still
 * in the review; `added`: those that came from the file.
 */
function unionDismissals(
  local: readonly Dismissal[],
  arriving: readonly Dismissal[],
  redirects: ReadonlyMap<string, string>,
  claims: ReadonlySet<string>,
): { all: Dismissal[]; added: number } {
  const byKey = new Map<string, { dismissal: Dismissal; local: boolean }>();
  const add = (dismissal: Dismissal, isLocal: boolean) => {
    const claimId = redirects.get(dismissal.claimId) ?? dismissal.claimId;
    if (!claims.has(claimId)) return;
    const d = claimId === dismissal.claimId ? dismissal : { ...dismissal, claimId };
    const key = `${claimId} ${d.documentId} ${d.anchor.exact}`;
    const there = byKey.get(key);
    if (!there) {
      byKey.set(key, { dismissal: d, local: isLocal });
      return;
    }
    const earlier =
      compareTimes(d.created, there.dismissal.created) < 0 ||
      (d.created === there.dismissal.created && d.author < there.dismissal.author);
    if (earlier) byKey.set(key, { dismissal: d, local: there.local || isLocal });
  };
  for (const d of local) add(d, true);
  for (const d of arriving) add(d, false);
  const all = [...byKey.values()];
  return { all: all.map((e) => e.dismissal), added: all.filter((e) => !e.local).length };
}
