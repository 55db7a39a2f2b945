// How well a candidate place for a quote agrees with the context the quote was made in: the text
// just before and just after, compared with whitespace differences ignored.

/** Characters of context that must agree for one side to count as agreeing. */
const AGREEING_LENGTH = 8;

/** Agreement of one candidate with a quote's prefix and suffix. */
export interface ContextAgreement {
  /** Characters (whitespace runs count once) that agree before and after, up to 32 each. */
  before: number;
  after: number;
  /** How many sides agree: enough characters match, or both are at the text's edge. */
  sides: 0 | 1 | 2;
  /** Both sides agree in full. */
  full: boolean;
}

/** Compares `text` around [start, end) with a quote's prefix and suffix. */
export function contextAgreement(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): ContextAgreement {
  const wantBefore = squeeze(prefix).trimEnd();
  const haveBefore = squeeze(text.slice(Math.max(0, start - prefix.length - 32), start)).trimEnd();
  const wantAfter = squeeze(suffix).trimStart();
  const haveAfter = squeeze(text.slice(end, end + suffix.length + 32)).trimStart();
  const before = commonSuffix(wantBefore, haveBefore);
  const after = commonPrefix(wantAfter, haveAfter);
  const beforeAgrees = sideAgrees(wantBefore, haveBefore, before);
  const afterAgrees = sideAgrees(wantAfter, haveAfter, after);
  const sides = ((beforeAgrees ? 1 : 0) + (afterAgrees ? 1 : 0)) as 0 | 1 | 2;
  const full =
    beforeAgrees &&
    afterAgrees &&
    before === Math.min(wantBefore.length, haveBefore.length) &&
    after === Math.min(wantAfter.length, haveAfter.length);
  return { before, after, sides, full };
}

/** A side agrees when enough of it matches, or when both quote and candidate are at an edge. */
function sideAgrees(want: string, have: string, common: number): boolean {
  return want === '' ? have === '' : common >= Math.min(AGREEING_LENGTH, want.length);
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}
