// Near-identical text, as a reprinted wire report is: Jaccard similarity of word 3-shingles.
//
// Texts are compared as sets of overlapping three-word runs (after lower-casing, dropping accents
// and punctuation). Two texts with similarity ≥ NEAR_IDENTICAL_THRESHOLD are one report: a
// 20-word sentence with one word changed scores about 0.7, with two changed about 0.5; separate
// reports of the same event share few three-word runs and score well under 0.3. Short sentences
// are formulaic ("X confirmed the letter is authentic"), so texts under MIN_WORDS words count as
// one report only when their words are the same.
import type { UnionFind } from './union-find';

/** Words per shingle. */
const SHINGLE_SIZE = 3;

/** Jaccard similarity of shingle sets at or above which two texts count as the same report. */
const NEAR_IDENTICAL_THRESHOLD = 0.5;

/** Fewer words than this, and only texts with the same words are near-identical. */
const MIN_WORDS = 8;

/** The words of a text: lower case, without accents, letters and digits only. */
function wordsOf(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- ASCII text needs no accent folding.
  const folded = /^[\u0000-\u007f]*$/.test(text)
    ? text
    : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A text as compared: its word count and its shingles. */
export interface Fingerprint {
  words: number;
  shingles: Set<string>;
}

/** The fingerprint of a text. */
export function fingerprintOf(text: string): Fingerprint {
  const words = wordsOf(text);
  return { words: words.length, shingles: shinglesOfWords(words) };
}

/** The set of word shingles of a text; a text shorter than a shingle is one shingle of all its words. */
export function shinglesOf(text: string): Set<string> {
  return shinglesOfWords(wordsOf(text));
}

function shinglesOfWords(words: string[]): Set<string> {
  const shingles = new Set<string>();
  if (words.length === 0) return shingles;
  if (words.length < SHINGLE_SIZE) {
    shingles.add(words.join(' '));
    return shingles;
  }
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) {
    shingles.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  }
  return shingles;
}

/** Jaccard similarity of two sets: shared / all; two empty sets score 0. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Whether two texts are near-identical (one report, reprinted). */
export function nearIdentical(a: string, b: string): boolean {
  return sameReport(fingerprintOf(a), fingerprintOf(b));
}

/** Whether two fingerprints are of near-identical texts at `threshold`. */
export function sameReport(
  a: { words: number; shingles: ReadonlySet<unknown> },
  b: { words: number; shingles: ReadonlySet<unknown> },
  threshold = NEAR_IDENTICAL_THRESHOLD,
): boolean {
  const similarity = jaccard(a.shingles, b.shingles);
  if (similarity < threshold) return false;
  return similarity === 1 || Math.min(a.words, b.words) >= MIN_WORDS;
}

type Shingle = number | string;

/** The texts' shingle sets with shingles numbered, and each set's prefix for `threshold`. */
interface PrefixedPrints {
  prints: { words: number; shingles: Set<Shingle> }[];
  /** Per text, its rarest shingles (global order: rarer first): any near-identical text shares one. */
  prefixes: Shingle[][];
}

/**
 * Numbers the shingles (words interned, three word numbers packed into one) so the sets hold
 * numbers, not strings, and picks each set's prefix: two sets with Jaccard ≥ t share at least
 * one of their first |A| − ⌈t·|A|⌉ + 1 shingles in a global order (prefix filtering).
 */
function prefixedPrints(texts: readonly string[], threshold: number): PrefixedPrints {
  const dictionary = new Map<string, number>();
  const numbered = texts.map((text) =>
    wordsOf(text).map((word) => {
      let id = dictionary.get(word);
      if (id === undefined) {
        id = dictionary.size + 1;
        dictionary.set(word, id);
      }
      return id;
    }),
  );
  const base = dictionary.size + 1;
  const pack =
    base ** SHINGLE_SIZE < Number.MAX_SAFE_INTEGER
      ? (ids: number[]) =>
          ids.reduce((key, id) => key * base + id, 0) * base ** (SHINGLE_SIZE - ids.length)
      : (ids: number[]) => ids.join(' ');
  const prints = numbered.map((ids) => {
    const shingles = new Set<Shingle>();
    if (ids.length > 0 && ids.length < SHINGLE_SIZE) shingles.add(pack(ids));
    for (let i = 0; i + SHINGLE_SIZE <= ids.length; i++)
      shingles.add(pack(ids.slice(i, i + SHINGLE_SIZE)));
    return { words: ids.length, shingles };
  });
  const frequency = new Map<Shingle, number>();
  for (const { shingles } of prints) {
    for (const s of shingles) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  }
  const prefixes = prints.map((print) => {
    const ordered = [...print.shingles]
      .map((s) => ({ s, n: frequency.get(s) ?? 0 }))
      .sort((x, y) => x.n - y.n || (x.s < y.s ? -1 : x.s > y.s ? 1 : 0));
    return ordered
      .slice(0, ordered.length - Math.ceil(threshold * ordered.length) + 1)
      .map(({ s }) => s);
  });
  return { prints, prefixes };
}

/** Two near-identical texts, by index (a < b), and their similarity. */
export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Every pair of near-identical texts (by index, a < b) at `threshold`, without comparing all
 * pairs: only pairs sharing a prefix shingle are compared exactly. There can be n²/2 of them
 * (n copies of one wire): to group texts, use {@link linkNearIdentical}.
 */
export function similarPairs(
  texts: readonly string[],
  threshold = NEAR_IDENTICAL_THRESHOLD,
): SimilarPair[] {
  const { prints, prefixes } = prefixedPrints(texts, threshold);
  const index = new Map<Shingle, number[]>();
  const pairs: SimilarPair[] = [];
  prints.forEach((print, i) => {
    const candidates = new Set<number>();
    for (const s of prefixes[i] as Shingle[]) {
      const postings = index.get(s);
      if (postings) {
        for (const j of postings) candidates.add(j);
        postings.push(i);
      } else index.set(s, [i]);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const other = prints[j] as (typeof prints)[number];
      if (sameReport(other, print, threshold)) {
        pairs.push({ a: j, b: i, similarity: jaccard(other.shingles, print.shingles) });
      }
    }
  });
  return pairs;
}

/**
 * Joins, in `groups`, every two texts that are near-identical at `threshold` (so each group ends
 * as a connected set of the near-identical relation, as with {@link similarPairs}), and returns
 * the pairs that joined two groups: at most one per text beyond the first of each group, so
 * O(n) however many pairs there are. Texts already in one group (joined by the caller, or by an
 * earlier pair) are never compared: each shingle's postings are kept per group, and a group that
 * is already the text's own is skipped whole; in another group, members are compared until one
 * matches.
 */
export function linkNearIdentical(
  texts: readonly string[],
  groups: UnionFind,
  threshold = NEAR_IDENTICAL_THRESHOLD,
): SimilarPair[] {
  const { prints, prefixes } = prefixedPrints(texts, threshold);
  /** Per shingle: the texts holding it in their prefix, by group name as of `joins` unions. */
  const index = new Map<Shingle, { byGroup: Map<number, number[]>; joins: number }>();
  const links: SimilarPair[] = [];
  prints.forEach((print, i) => {
    const tried = new Set<number>();
    for (const s of prefixes[i] as Shingle[]) {
      let entry = index.get(s);
      if (!entry) {
        entry = { byGroup: new Map(), joins: groups.joins };
        index.set(s, entry);
      }
      const postings = entry.byGroup;
      if (entry.joins !== groups.joins) regroup(postings, groups);
      let own = groups.find(i);
      for (const [name, members] of postings) {
        if (groups.find(name) === own) continue;
        for (const j of members) {
          if (tried.has(j)) continue;
          tried.add(j);
          const other = prints[j] as (typeof prints)[number];
          if (!sameReport(other, print, threshold)) continue;
          groups.union(j, i);
          own = groups.find(i);
          links.push({ a: j, b: i, similarity: jaccard(other.shingles, print.shingles) });
          break;
        }
      }
      if (entry.joins !== groups.joins) regroup(postings, groups);
      entry.joins = groups.joins;
      own = groups.find(i);
      const members = postings.get(own);
      if (members) members.push(i);
      else postings.set(own, [i]);
    }
  });
  return links;
}

/** Re-files postings whose group was joined to another under the joined group's name. */
function regroup(postings: Map<number, number[]>, groups: UnionFind): void {
  // Deleting and adding keys while iterating a Map is safe: added keys are visited, as names.
  for (const [name, members] of postings) {
    const root = groups.find(name);
    if (root === name) continue;
    postings.delete(name);
    const into = postings.get(root);
    if (!into) {
      postings.set(root, members);
      continue;
    }
    const [large, small] = into.length >= members.length ? [into, members] : [members, into];
    for (const j of small) large.push(j);
    postings.set(root, large);
  }
}
