// Near-identical text, as a reprinted wire report is: Jaccard similarity of word 3-shingles.
//
// Texts are compared as sets of overlapping three-word runs (after lower-casing, dropping accents
// and punctuation). Two texts with similarity ≥ NEAR_IDENTICAL_THRESHOLD are one report: a
// 20-word sentence with one word changed scores about 0.7, with two changed about 0.5; separate
// reports of the same event share few three-word runs and score well under 0.3. Short sentences
// are formulaic ("X confirmed the letter is authentic"), so texts under MIN_WORDS words count as
// one report only when their words are the same.

/** Words per shingle. */
export const SHINGLE_SIZE = 3;

/** Jaccard similarity of shingle sets at or above which two texts count as the same report. */
export const NEAR_IDENTICAL_THRESHOLD = 0.5;

/** Fewer words than this, and only texts with the same words are near-identical. */
export const MIN_WORDS = 8;

/** The words of a text: lower case, without accents, letters and digits only. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The set of word shingles of a text; a text shorter than a shingle is one shingle of all its words. */
export function shinglesOf(text: string): Set<string> {
  const words = wordsOf(text);
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
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Whether two texts are near-identical (one report, reprinted). */
export function nearIdentical(a: string, b: string): boolean {
  return sameReport(jaccard(shinglesOf(a), shinglesOf(b)), a, b, NEAR_IDENTICAL_THRESHOLD);
}

function sameReport(similarity: number, a: string, b: string, threshold: number): boolean {
  if (similarity < threshold) return false;
  return similarity === 1 || Math.min(wordsOf(a).length, wordsOf(b).length) >= MIN_WORDS;
}

/**
 * Every pair of near-identical texts (by index, a < b) at `threshold`, without comparing
 * all pairs: each set is indexed by its rarest shingles only (prefix filtering — two sets with
 * Jaccard ≥ t share at least one of their first |A| − ⌈t·|A|⌉ + 1 shingles in a global order),
 * and only pairs sharing one are compared exactly.
 */
export function similarPairs(
  texts: readonly string[],
  threshold = NEAR_IDENTICAL_THRESHOLD,
): { a: number; b: number; similarity: number }[] {
  const sets = texts.map(shinglesOf);
  const frequency = new Map<string, number>();
  for (const set of sets) for (const s of set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const rarestFirst = (x: string, y: string) =>
    (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0);
  const index = new Map<string, number[]>();
  const pairs: { a: number; b: number; similarity: number }[] = [];
  sets.forEach((set, i) => {
    const ordered = [...set].sort(rarestFirst);
    const prefix = ordered.slice(0, ordered.length - Math.ceil(threshold * ordered.length) + 1);
    const candidates = new Set<number>();
    for (const shingle of prefix) {
      const postings = index.get(shingle);
      if (postings) for (const j of postings) candidates.add(j);
      else index.set(shingle, []);
      index.get(shingle)?.push(i);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const similarity = jaccard(sets[j] as Set<string>, set);
      if (sameReport(similarity, texts[j] as string, texts[i] as string, threshold)) {
        pairs.push({ a: j, b: i, similarity });
      }
    }
  });
  return pairs;
}
