// Two versions of a tag: whether they say the same thing, and which one a merge keeps. The choice
// is a total order, so merging A into B and B into A keep the same versions.
import type { Tag } from '../review/types';
import { isOrphan, type ReviewOrphan } from './review-sharing';

/** A tag as placed on a text, or as an orphan. */
export type TagVersion = Tag | ReviewOrphan;

/** Compares two timestamps: by instant when both parse, else as text. */
export function compareTimes(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether two versions say the same (links compared as sets; an orphan's reason is not content). */
export function sameContent(a: TagVersion, b: TagVersion): boolean {
  return a.modified === b.modified && sameExceptTime(a, b);
}

/**
 * The version a merge keeps: the later `modified`; on a tie a placed tag over an orphan, then the
 * one whose content sorts last (an arbitrary but fixed choice).
 */
export function laterVersion<T extends TagVersion>(a: T, b: T): T {
  const byTime = compareTimes(a.modified, b.modified);
  if (byTime !== 0) return byTime > 0 ? a : b;
  if (isOrphan(a) !== isOrphan(b)) return isOrphan(a) ? b : a;
  return versionKey(a) >= versionKey(b) ? a : b;
}

/** Whether two versions differ at most in when they were last modified. */
export function sameExceptTime(a: TagVersion, b: TagVersion): boolean {
  if (
    a.id !== b.id ||
    a.documentId !== b.documentId ||
    a.kind !== b.kind ||
    (a.note ?? '') !== (b.note ?? '') ||
    a.author !== b.author ||
    a.created !== b.created ||
    !sameLinks(a.claimIds, b.claimIds) ||
    !sameAssessment(a, b)
  ) {
    return false;
  }
  if (isOrphan(a) || isOrphan(b)) {
    return isOrphan(a) && isOrphan(b) && a.quote.exact === b.quote.exact;
  }
  return (
    a.anchor.start === b.anchor.start &&
    a.anchor.end === b.anchor.end &&
    a.anchor.exact === b.anchor.exact
  );
}

/** Same facets, attribution and credibility (all absent in tags older than them). */
function sameAssessment(a: TagVersion, b: TagVersion): boolean {
  return (
    a.sourceId === b.sourceId &&
    a.credibility === b.credibility &&
    (a.facets === b.facets || facetKey(a) === facetKey(b))
  );
}

/** The links that speak to the claim's source, sorted, as text. */
function facetKey(version: TagVersion): string {
  const facets = version.facets;
  if (!facets) return '';
  return Object.keys(facets)
    .filter((id) => facets[id] === 'source')
    .sort()
    .join(' ');
}

function sameLinks(a: readonly string[] = [], b: readonly string[] = []): boolean {
  if (a.length === b.length && a.every((id, i) => id === b[i])) return true;
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/** A version's content as text: equal keys mean the same content. */
export function versionKey(version: TagVersion): string {
  const where = isOrphan(version)
    ? ['orphan', version.quote.exact]
    : [version.anchor.start, version.anchor.end, version.anchor.exact];
  const key = [
    version.id,
    version.documentId,
    version.kind,
    where,
    version.note ?? '',
    [...new Set(version.claimIds ?? [])].sort(),
    version.author,
    version.created,
    version.modified,
  ];
  // Only when present, so that tags older than these fields keep the keys they had.
  if (version.facets || version.sourceId !== undefined || version.credibility !== undefined) {
    key.push(facetKey(version), version.sourceId ?? '', String(version.credibility ?? ''));
  }
  return JSON.stringify(key);
}

/**
 * What differs between two versions, in words: "kind", "note", "links", "facet", "attribution",
 * "credibility", "place", "tag".
 */
export function differences(a: TagVersion, b: TagVersion): string[] {
  const found: string[] = [];
  if (a.id !== b.id) found.push('tag');
  if (a.kind !== b.kind) found.push('kind');
  if ((a.note ?? '') !== (b.note ?? '')) found.push('note');
  if (!sameLinks(a.claimIds, b.claimIds)) found.push('links');
  if (facetKey(a) !== facetKey(b)) found.push('facet');
  if (a.sourceId !== b.sourceId) found.push('attribution');
  if (a.credibility !== b.credibility) found.push('credibility');
  const placeA = isOrphan(a) ? `orphan ${a.quote.exact}` : `${a.anchor.start} ${a.anchor.exact}`;
  const placeB = isOrphan(b) ? `orphan ${b.quote.exact}` : `${b.anchor.start} ${b.anchor.exact}`;
  if (a.documentId !== b.documentId || placeA !== placeB) found.push('place');
  return found;
}
