// Independent origins: evidence from the same source, or with near-identical text (a reprinted
// wire), is one origin however many sentences repeat it (NATO STANAG 2511: "confirmed" needs an
// origin other than the one already held). Grouped with union-find over the two relations.
import { compareTags } from '../review/tag-edits';
import type { Tag } from '../review/types';
import { similarPairs } from './text-similarity';

/** Why two evidence items were put in one origin. */
export type OriginBond =
  | { a: string; b: string; reason: 'same-source'; sourceId: string }
  | { a: string; b: string; reason: 'near-identical-text'; similarity: number };

/** One independent origin: the evidence items (tag ids, canonical order) it stands for. */
export interface Origin {
  /** The id of its first tag in canonical order: stable while that tag exists. */
  id: string;
  tagIds: string[];
  /** The sources its items are attributed to, in order of first appearance. */
  sourceIds: string[];
  /** Why its items are one origin (empty for a single item). */
  bonds: OriginBond[];
}

/** The origins of every evidence tag (claims are not evidence and are left out). */
export function groupOrigins(tags: readonly Tag[]): Origin[] {
  const evidence = tags.filter((t) => t.kind !== 'claim').sort(compareTags);
  const parent = evidence.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const bonds: { at: number; bond: OriginBond }[] = [];
  const firstWithSource = new Map<string, number>();
  evidence.forEach((tag, i) => {
    if (!tag.sourceId) return;
    const first = firstWithSource.get(tag.sourceId);
    if (first === undefined) {
      firstWithSource.set(tag.sourceId, i);
      return;
    }
    union(first, i);
    const a = (evidence[first] as Tag).id;
    bonds.push({
      at: first,
      bond: { a, b: tag.id, reason: 'same-source', sourceId: tag.sourceId },
    });
  });
  for (const { a, b, similarity } of similarPairs(evidence.map((t) => t.anchor.exact))) {
    union(a, b);
    const [ta, tb] = [evidence[a] as Tag, evidence[b] as Tag];
    bonds.push({ at: a, bond: { a: ta.id, b: tb.id, reason: 'near-identical-text', similarity } });
  }
  const byRoot = new Map<number, Origin>();
  evidence.forEach((tag, i) => {
    const root = find(i);
    let origin = byRoot.get(root);
    if (!origin) {
      origin = { id: tag.id, tagIds: [], sourceIds: [], bonds: [] };
      byRoot.set(root, origin);
    }
    origin.tagIds.push(tag.id);
    if (tag.sourceId && !origin.sourceIds.includes(tag.sourceId))
      origin.sourceIds.push(tag.sourceId);
  });
  for (const { at, bond } of bonds) byRoot.get(find(at))?.bonds.push(bond);
  return [...byRoot.values()];
}

/** Looks up the origin of each evidence tag id. */
export function originIndex(origins: readonly Origin[]): Map<string, Origin> {
  const index = new Map<string, Origin>();
  for (const origin of origins) for (const id of origin.tagIds) index.set(id, origin);
  return index;
}
