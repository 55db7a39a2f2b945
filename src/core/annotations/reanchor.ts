// Re-anchoring: placing quotes made on one version of a text onto another version. Each quote is
// tried at its old position (checked against the quote and its context), then as a sentence that
// occurs once, then by fuzzy matching near where its neighbours went, and is finally snapped to the
// sentence it falls in. Only the first two place a quote silently; anything approximate is marked
// for review, and what cannot be placed is reported as an orphan.
import search from 'approx-string-match';
import { segment, type SentenceSpan } from '../text/segment';
import { contextAgreement, type ContextAgreement } from './quote-context';

/** A quote to place, with the UTF-16 span it had in the text it was made on (a hint). */
export interface QuoteToPlace {
  exact: string;
  prefix: string;
  suffix: string;
  hint?: { start: number; end: number };
}

/** Where a quote went: `exact`/`moved` are certain, `fuzzy` needs review, `orphan` was not placed. */
export type Placement =
  | { status: 'exact' | 'moved'; start: number; end: number }
  | { status: 'fuzzy'; start: number; end: number; reason: string }
  | { status: 'orphan'; reason: string };

/** How far around its expected place a changed quote is searched for (UTF-16 units each side). */
const SEARCH_WINDOW = 2000;

/** Most differences a fuzzy match may have: one per eight characters of the quote, at most 64. */
export function errorBudget(quoteLength: number): number {
  return Math.min(64, Math.max(1, Math.floor(quoteLength / 8)));
}

/** A text prepared for placing many quotes: its sentences, and where each sentence text occurs. */
export class AnchorText {
  readonly sentences: readonly SentenceSpan[];
  private readonly bySentenceText = new Map<string, number[]>();

  constructor(readonly text: string) {
    this.sentences = segment(text);
    this.sentences.forEach((span, i) => {
      const key = text.slice(span.start, span.end);
      const list = this.bySentenceText.get(key);
      if (list) list.push(i);
      else this.bySentenceText.set(key, [i]);
    });
  }

  /** The sentences whose text is exactly `quote`. */
  sentencesQuoting(quote: string): readonly SentenceSpan[] {
    return (this.bySentenceText.get(quote) ?? []).map((i) => this.sentences[i] as SentenceSpan);
  }

  /** The sentence that overlaps [start, end) the most (the nearest one when none overlaps). */
  snap(start: number, end: number): SentenceSpan | undefined {
    const spans = this.sentences;
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((spans[mid] as SentenceSpan).end <= start) low = mid + 1;
      else high = mid;
    }
    let best = spans[Math.min(low, spans.length - 1)];
    let bestOverlap = 0;
    for (let i = low; i < spans.length && (spans[i] as SentenceSpan).start < end; i++) {
      const span = spans[i] as SentenceSpan;
      const overlap = Math.min(end, span.end) - Math.max(start, span.start);
      if (overlap > bestOverlap) [best, bestOverlap] = [span, overlap];
    }
    return best;
  }
}

/** Places one quote (see {@link reanchorAll}). */
export function reanchor(target: AnchorText, quote: QuoteToPlace): Placement {
  return reanchorAll(target, [quote])[0] as Placement;
}

/** Choices for {@link reanchorAll}. */
export interface ReanchorOptions {
  /**
   * Let several quotes land on one sentence (other tools' quotes are parts of sentences, and two
   * readers may quote the same one); by default each sentence takes one quote.
   */
  shareSentences?: boolean;
}

/**
 * Places quotes on a text, in the order given. Quotes placed with certainty tell how the text
 * shifted around them, so a changed quote is looked for near where its neighbours went; two
 * quotes never land on the same sentence unless `shareSentences`.
 */
export function reanchorAll(
  target: AnchorText,
  quotes: readonly QuoteToPlace[],
  options: ReanchorOptions = {},
): Placement[] {
  const share = options.shareSentences === true;
  const placements: (Placement | undefined)[] = quotes.map((q) => placeExactly(target, q));
  // A quote found far from where its neighbours went may be a repeated passage elsewhere.
  const found = shiftsOf(quotes, placements);
  quotes.forEach((quote, i) => {
    const p = placements[i];
    if (p?.status !== 'moved') return;
    const expected = expectedStarts(found, quote);
    if (
      expected.length > 0 &&
      Math.min(...expected.map((e) => Math.abs(e - p.start))) > SEARCH_WINDOW
    ) {
      placements[i] = {
        ...p,
        status: 'fuzzy',
        reason: 'it was found far from where the text around it went',
      };
    }
  });
  const taken = new Set<number>();
  if (!share) for (const p of placements) if (p && p.status !== 'orphan') taken.add(p.start);
  const shifts = shiftsOf(quotes, placements);
  return quotes.map((quote, i) => {
    const placed = placements[i];
    if (placed) return placed;
    const approximate = placeApproximately(target, quote, expectedStarts(shifts, quote), taken);
    if (approximate.status !== 'orphan' && !share) taken.add(approximate.start);
    return approximate;
  });
}

/** The old position if it still holds the quote, or a sentence with the quote found once. */
function placeExactly(target: AnchorText, quote: QuoteToPlace): Placement | undefined {
  const { text } = target;
  const { exact, hint } = quote;
  const agreement = (s: { start: number; end: number }) =>
    contextAgreement(text, s.start, s.end, quote.prefix, quote.suffix);
  const occurrences = target.sentencesQuoting(exact);
  if (hint && text.slice(hint.start, hint.end) === exact) {
    const isSentence = occurrences.some((s) => s.start === hint.start);
    // A file that gives no context (RecogitoJS) has only the quote and its position to agree.
    const noContext = quote.prefix === '' && quote.suffix === '';
    if (isSentence && (noContext || agreement(hint).sides > 0)) return { status: 'exact', ...hint };
  }
  const [only] = occurrences;
  if (occurrences.length === 1 && only && agreement(only).sides > 0) return moved(only, hint);
  if (occurrences.length > 1) {
    const fitting = occurrences.filter((s) => agreement(s).full);
    if (fitting.length === 1 && fitting[0]) return moved(fitting[0], hint);
  }
  return undefined;
}

function moved(span: SentenceSpan, hint: QuoteToPlace['hint']): Placement {
  const status = hint?.start === span.start && hint.end === span.end ? 'exact' : 'moved';
  return { status, start: span.start, end: span.end };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  agreement: ContextAgreement;
  distance: number;
}

/**
 * Looks near where the quote should be; when its hint is outside the text (another tool counted a
 * whole web page) or nothing fits near it, looks through the whole text, with the same scoring.
 */
function placeApproximately(
  target: AnchorText,
  quote: QuoteToPlace,
  expected: number[],
  taken: ReadonlySet<number>,
): Placement {
  const inText = expected.filter((e) => e >= 0 && e < target.text.length);
  const near = placeNear(target, quote, inText, taken, true);
  if (near.status !== 'orphan' || inText.length === 0) return near;
  // Nothing fits near a hint inside the text: the quote itself may stand elsewhere. Only exact
  // copies are looked for through the whole text; fuzzy matching all of a long text for every
  // deleted sentence would take minutes.
  return placeNear(target, quote, [], taken, false);
}

const NOT_FOUND = 'its text was not found; the sentence may have been deleted or rewritten';

/**
 * The same sentence with a changed context, the quote inside a changed sentence, or (when
 * `fuzzy`) a fuzzy match or the sentence between the same neighbours.
 */
function placeNear(
  target: AnchorText,
  quote: QuoteToPlace,
  expected: number[],
  taken: ReadonlySet<number>,
  fuzzy: boolean,
): Placement {
  const { text } = target;
  const { exact } = quote;
  const candidate = (start: number, end: number, errors: number): Candidate => ({
    start,
    end,
    errors,
    agreement: contextAgreement(text, start, end, quote.prefix, quote.suffix),
    distance: expected.length === 0 ? 0 : Math.min(...expected.map((e) => Math.abs(e - start))),
  });
  const sentences = target.sentencesQuoting(exact).filter((s) => !taken.has(s.start));
  const best = bestOf(sentences.map((s) => candidate(s.start, s.end, 0)));
  // A copy far from where the quote should be, in other surroundings, is another sentence.
  const unrelated = best && best.agreement.sides === 0 && best.distance > SEARCH_WINDOW;
  if (best && !unrelated) {
    return {
      status: 'fuzzy',
      start: best.start,
      end: best.end,
      reason:
        sentences.length > 1
          ? `the sentence occurs ${sentences.length} times; the place whose surroundings fit best was chosen`
          : 'the text around the sentence changed',
    };
  }
  const windows = windowsAround(expected, exact.length, text.length);
  const found: Candidate[] = [];
  for (const [from, to] of windows) {
    for (let at = text.indexOf(exact, from); at >= 0 && at + exact.length <= to;) {
      found.push(candidate(at, at + exact.length, 0));
      if (found.length >= 20) break;
      at = text.indexOf(exact, at + 1);
    }
  }
  const inside = snapBest(target, found, taken);
  if (inside)
    return { status: 'fuzzy', ...inside, reason: 'the sentence around the quote changed' };
  const budget = errorBudget(exact.length);
  const matches: Candidate[] = [];
  if (!fuzzy) return { status: 'orphan', reason: NOT_FOUND };
  for (const [from, to] of windows) {
    for (const m of search(text.slice(from, to), exact, budget)) {
      matches.push(candidate(from + m.start, from + m.end, m.errors));
    }
  }
  const snapped =
    snapBest(target, matches, taken) ?? placeBySurroundings(target, quote, windows, taken);
  if (!snapped) {
    return { status: 'orphan', reason: NOT_FOUND };
  }
  // Only spacing changed, between the same neighbours: nothing for a reviewer to check.
  const sentence = text.slice(snapped.start, snapped.end);
  if (squeeze(sentence) === squeeze(exact) && snapped.agreement.sides === 2) {
    return { status: 'moved', start: snapped.start, end: snapped.end };
  }
  return {
    status: 'fuzzy',
    start: snapped.start,
    end: snapped.end,
    reason: `the sentence changed (about ${snapped.errors} character${snapped.errors === 1 ? '' : 's'} differ)`,
  };
}

/**
 * A reworded sentence (more changes than a fuzzy match allows, up to a third of it) that still sits
 * between the same neighbours: both sides of its context must agree.
 */
function placeBySurroundings(
  target: AnchorText,
  quote: QuoteToPlace,
  windows: [number, number][],
  taken: ReadonlySet<number>,
): Candidate | undefined {
  const { text } = target;
  const budget = Math.min(128, Math.floor(quote.exact.length / 3));
  if (budget <= errorBudget(quote.exact.length)) return undefined;
  const found: Candidate[] = [];
  for (const [from, to] of windows) {
    for (const m of search(text.slice(from, to), quote.exact, budget)) {
      const span = target.snap(from + m.start, from + m.end);
      if (!span || taken.has(span.start)) continue;
      const agreement = contextAgreement(text, span.start, span.end, quote.prefix, quote.suffix);
      if (agreement.sides === 2) {
        found.push({ start: span.start, end: span.end, errors: m.errors, agreement, distance: 0 });
      }
    }
  }
  return found.sort(compareCandidates)[0];
}

/** The best candidate snapped to its sentence, skipping sentences already taken. */
function snapBest(
  target: AnchorText,
  candidates: Candidate[],
  taken: ReadonlySet<number>,
): Candidate | undefined {
  for (const c of [...candidates].sort(compareCandidates)) {
    const span = target.snap(c.start, c.end);
    if (span && !taken.has(span.start)) return { ...c, start: span.start, end: span.end };
  }
  return undefined;
}

function bestOf(candidates: Candidate[]): Candidate | undefined {
  return [...candidates].sort(compareCandidates)[0];
}

/**
 * Fewer errors first, then more agreeing sides of context, then nearer to where it was expected,
 * then the earlier (of a sentence duplicated in place, the first copy).
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.errors - b.errors ||
    b.agreement.sides - a.agreement.sides ||
    a.distance - b.distance ||
    a.start - b.start
  );
}

/** Search windows around each expected start (merged when they overlap); all of the text if none. */
function windowsAround(expected: number[], length: number, textLength: number): [number, number][] {
  if (expected.length === 0) return [[0, textLength]];
  const windows: [number, number][] = [];
  for (const e of [...expected].sort((a, b) => a - b)) {
    const from = Math.max(0, e - SEARCH_WINDOW);
    const to = Math.min(textLength, e + length + SEARCH_WINDOW);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

interface Shifts {
  /** Old starts of quotes placed with certainty, ascending, and how far each moved. */
  oldStarts: number[];
  deltas: number[];
}

function shiftsOf(
  quotes: readonly QuoteToPlace[],
  placements: readonly (Placement | undefined)[],
): Shifts {
  const pairs: [number, number][] = [];
  quotes.forEach((q, i) => {
    const p = placements[i];
    if (q.hint && p && p.status !== 'orphan') pairs.push([q.hint.start, p.start - q.hint.start]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { oldStarts: pairs.map((p) => p[0]), deltas: pairs.map((p) => p[1]) };
}

/**
 * Where a quote should now start, judged by the nearest certain neighbour on either side (the
 * quote itself does not count).
 */
function expectedStarts(shifts: Shifts, quote: QuoteToPlace): number[] {
  const hint = quote.hint;
  if (!hint) return [];
  const { oldStarts, deltas } = shifts;
  const before = firstAtOrAfter(oldStarts, hint.start) - 1;
  const after = firstAtOrAfter(oldStarts, hint.start + 1);
  const around = [deltas[before], deltas[after]].filter((d): d is number => d !== undefined);
  return around.length === 0 ? [hint.start] : [...new Set(around.map((d) => hint.start + d))];
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
