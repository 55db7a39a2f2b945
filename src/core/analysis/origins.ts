// Independent origins: evidence from the same source, or with near-identical text (a reprinted
// wire), is one origin however many sentences repeat it (NATO STANAG 2511: "confirmed" needs an
// origin other than the one already held). Grouped with union-find over the two relations,
// keeping only the bonds that joined two groups.
import { compareTags } from '../review/tag-edits';
import type { Tag } from '../review/types';
import { linkNearIdentical } from './text-similarity';
import { UnionFind } from './union-find';

/** Why two evidence items were put in one origin. */
type OriginBond =
  | { a: string; b: string; reason: 'same-source'; sourceId: string }
  | { a: string; b: string; reason: 'near-identical-text'; similarity: number };

/** One independent origin: the evidence items (tag ids, canonical order) it stands for. */
export interface Origin {
  /** The id of its first tag in canonical order: stable while that tag exists. */
  id: string;
  tagIds: string[];
  /** The sources its items are attributed to, in order of first appearance. */
  sourceIds: string[];
  /** Why its items are one origin: one bond per item beyond the first (empty for a single item). */
  bonds: OriginBond[];
}

/**
 * The origins of every evidence tag (claims are not evidence and are left out). Each origin's
 * bonds explain it as a spanning tree: one bond per item beyond its first, the one that joined
 * it (so a thousand reprints of one wire give 999 bonds, not half a million).
 */
export function groupOrigins(tags: readonly Tag[]): Origin[] {
  const evidence = tags.filter((t) => t.kind !== 'claim').sort(compareTags);
  const groups = new UnionFind(evidence.length);
  const bonds: { at: number; bond: OriginBond }[] = [];
  const firstWithSource = new Map<string, number>();
  evidence.forEach((tag, i) => {
    if (!tag.sourceId) return;
    const first = firstWithSource.get(tag.sourceId);
    if (first === undefined) {
      firstWithSource.set(tag.sourceId, i);
      return;
    }
    if (!groups.union(first, i)) return;
    const a = (evidence[first] as Tag).id;
    bonds.push({
      at: first,
      bond: { a, b: tag.id, reason: 'same-source', sourceId: tag.sourceId },
    });
  });
  const texts = evidence.map((t) => t.anchor.exact);
  for (const { a, b, similarity } of linkNearIdentical(texts, groups)) {
    const [ta, tb] = [evidence[a] as Tag, evidence[b] as Tag];
    bonds.push({ at: a, bond: { a: ta.id, b: tb.id, reason: 'near-identical-text', similarity } });
  }
  const byRoot = new Map<number, { origin: Origin; sources: Set<string> }>();
  evidence.forEach((tag, i) => {
    const root = groups.find(i);
    let entry = byRoot.get(root);
    if (!entry) {
      entry = { origin: { id: tag.id, tagIds: [], sourceIds: [], bonds: [] }, sources: new Set() };
      byRoot.set(root, entry);
    }
    entry.origin.tagIds.push(tag.id);
    if (tag.sourceId && !entry.sources.has(tag.sourceId)) {
      entry.sources.add(tag.sourceId);
      entry.origin.sourceIds.push(tag.sourceId);
    }
  });
  for (const { at, bond } of bonds) byRoot.get(groups.find(at))?.origin.bonds.push(bond);
  return [...byRoot.values()].map((entry) => entry.origin);
}

/** Looks up the origin of each evidence tag id. */
export function originIndex(origins: readonly Origin[]): Map<string, Origin> {
  const index = new Map<string, Origin>();
  for (const origin of origins) for (const id of origin.tagIds) index.set(id, origin);
  return index;
}
