// Finds numbers with what they count ("30 days", "$4 million", "12 per cent") and dates
// ("12 May", "May 2020") in an analysed sentence, so two sentences' figures can be compared.
import type { AnalysedText, Token } from './analyse';
import { stemWord } from './lexicon';

/** A figure in a sentence: its value, what it counts, and where it is. */
export interface Quantity {
  value: number;
  /** what is counted: a stem ("day", "troop"), "percent", a currency, "date:month" or "year" */
  unit: string;
  start: number;
  end: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  m: 1e6,
};
const CURRENCIES: Record<string, string> = { $: 'dollar', '£': 'pound', '€': 'euro' };
const CURRENCY_WORDS = new Set(['dollar', 'pound', 'euro', 'yen', 'yuan', 'rupe', 'franc', 'peso']);
const TIME_UNITS = new Set([
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'hour',
  'hours',
  'minute',
  'minutes',
]);
const SKIP_BEFORE_UNIT = new Set(['more', 'extra', 'additional', 'of', 'new', 'us', 'u.s']);

function monthOf(word: string): number | undefined {
  const full = MONTHS.indexOf(word);
  if (full >= 0) return full + 1;
  const short = MONTH_ABBREVIATIONS.indexOf(word.replace(/\.$/, ''));
  if (short >= 0) return short === 9 ? 9 : short > 9 ? short : short + 1;
  return undefined;
}

/** Durations in hours, so "48 hours" and "two days" are one figure. */
const HOURS: Readonly<Record<string, number>> = { minute: 1 / 60, hour: 1, day: 24, week: 168 };

/** Whether two figures count the same kind of thing: a bare "15 million" compares with any count. */
export function sameUnit(a: Quantity, b: Quantity): boolean {
  if (a.unit === b.unit) return true;
  if (HOURS[a.unit] !== undefined && HOURS[b.unit] !== undefined) return true;
  const bare = a.unit === 'count' ? b : b.unit === 'count' ? a : undefined;
  return bare !== undefined && !NOT_COUNTS.has(bare.unit);
}

const NOT_COUNTS = new Set(['year', 'date', 'percent', 'day', 'week', 'month', 'hour', 'minute']);

/** Whether two figures of the same unit agree: a month alone agrees with any day of it. */
export function sameFigure(a: Quantity, b: Quantity): boolean {
  if (a.unit === 'date' && (a.value % 100 === 0 || b.value % 100 === 0))
    return Math.floor(a.value / 100) === Math.floor(b.value / 100);
  const hoursA = HOURS[a.unit];
  const hoursB = HOURS[b.unit];
  if (hoursA !== undefined && hoursB !== undefined && a.unit !== b.unit)
    return Math.abs(a.value * hoursA - b.value * hoursB) < 1e-9;
  return a.value === b.value || Math.abs(a.value - b.value) <= Math.abs(a.value) * 0.005;
}

const cache = new WeakMap<AnalysedText, Quantity[]>();

/** The figures and dates in a sentence, in order. */
export function quantities(analysed: AnalysedText): Quantity[] {
  let found = cache.get(analysed);
  if (!found) {
    found = findQuantities(analysed);
    cache.set(analysed, found);
  }
  return found;
}

function findQuantities(analysed: AnalysedText): Quantity[] {
  const tokens = analysed.tokens;
  const found: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const month = monthOf(token.word);
    if (
      month !== undefined &&
      (token.word !== 'may' || isNumber(tokens[i + 1]) || isNumber(tokens[i - 1]))
    ) {
      // "12 May 2020", "May 12", "May 2020", "in March"
      const day = dayAt(tokens[i - 1]) ?? dayAt(tokens[i + 1]);
      const year = yearAt(tokens[i + 1]) ?? yearAt(tokens[i + 2]);
      let start = token.start;
      let end = token.end;
      if (day !== undefined) {
        const dayToken = dayAt(tokens[i - 1]) !== undefined ? tokens[i - 1]! : tokens[i + 1]!;
        start = Math.min(start, dayToken.start);
        end = Math.max(end, dayToken.end);
      }
      found.push({ value: month * 100 + (day ?? 0), unit: 'date', start, end });
      if (year !== undefined) {
        const yearToken = yearAt(tokens[i + 1]) !== undefined ? tokens[i + 1]! : tokens[i + 2]!;
        found.push({ value: year, unit: 'year', start: yearToken.start, end: yearToken.end });
      }
      continue;
    }
    if (token.value === undefined) continue;
    if (
      monthOf(tokens[i + 1]?.word ?? '') !== undefined ||
      monthOf(tokens[i - 1]?.word ?? '') !== undefined
    )
      continue;
    let value = token.value;
    let start = token.start;
    let end = token.end;
    let j = i + 1;
    let unit: string | undefined;
    const before = tokens[i - 1];
    if (before && CURRENCIES[before.word] && before.end === token.start) {
      unit = CURRENCIES[before.word];
      start = before.start;
    }
    const multiplier = MULTIPLIERS[tokens[j]?.word ?? ''];
    if (multiplier !== undefined) {
      value *= multiplier;
      end = tokens[j]!.end;
      j++;
    }
    const next = tokens[j];
    if (
      next &&
      (next.word === '%' ||
        next.word === 'percent' ||
        (next.word === 'per' && tokens[j + 1]?.word === 'cent'))
    ) {
      unit = 'percent';
      end = (next.word === 'per' ? tokens[j + 1]! : next).end;
    } else if (unit === undefined) {
      let k = j;
      while (tokens[k] && SKIP_BEFORE_UNIT.has(tokens[k]!.word) && k < j + 2) k++;
      const unitToken = tokens[k];
      if (
        unitToken &&
        unitToken.value === undefined &&
        /\p{L}/u.test(unitToken.word) &&
        (unitToken.term !== undefined || TIME_UNITS.has(unitToken.word))
      ) {
        const stem = stemWord(unitToken.word.split(' ')[0]!);
        unit = unitToken.term ?? stem;
        if (CURRENCY_WORDS.has(stem)) unit = stem;
        if (TIME_UNITS.has(unitToken.word)) unit = unitToken.word.replace(/s$/, '');
        end = unitToken.end;
      } else if (value >= 1800 && value <= 2100 && Number.isInteger(value)) {
        unit = 'year';
      } else if (multiplier !== undefined) {
        unit = 'count';
      }
    }
    if (unit === undefined) continue;
    found.push({ value, unit, start, end });
    i = Math.max(i, j - 1);
  }
  return found;
}

function isNumber(token: Token | undefined): boolean {
  return token?.value !== undefined;
}

function dayAt(token: Token | undefined): number | undefined {
  const v = token?.value;
  return v !== undefined && Number.isInteger(v) && v >= 1 && v <= 31 ? v : undefined;
}

function yearAt(token: Token | undefined): number | undefined {
  const v = token?.value;
  return v !== undefined && Number.isInteger(v) && v >= 1800 && v <= 2100 ? v : undefined;
}
