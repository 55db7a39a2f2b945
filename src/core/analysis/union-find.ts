// Disjoint sets of indices 0…n−1 (union–find with path halving): which items are already joined.

/** Disjoint sets over the indices 0…size−1; each set is named by its smallest index. */
export class UnionFind {
  private readonly parent: number[];
  /** How many unions joined two sets so far: unchanged means every set is as it was. */
  joins = 0;

  /** Every index starts in a set of its own. */
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  /** The name (smallest index) of the set holding `i`. */
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  }

  /** Joins the sets of `a` and `b`; false if they were one set already. */
  union(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return false;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    this.joins++;
    return true;
  }
}
