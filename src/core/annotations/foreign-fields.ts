// Reading the fields of other tools' annotations: lenient about JSON-LD's one-or-many values, the
// places tools put their selectors (also nested in `refinedBy`), people and dates.
import type { IncomingAnnotation } from './incoming-file';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** How deep `refinedBy` chains are followed; deeper ones are hostile, not useful. */
const MAX_REFINEMENTS = 8;

/** The value as a list: JSON-LD allows one value where a list is meant. */
export function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A non-empty string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whether `type` (or `@type`) names `type`; nested values never match. */
export function hasType(value: Json, type: string): boolean {
  return asList(value['type']).includes(type) || asList(value['@type']).includes(type);
}

/** The target's own selectors (not refinements). */
function selectors(target: Json): Json[] {
  return asList(target['selector']).filter(isObject);
}

/**
 * The target's quote: a TextQuoteSelector among its selectors, or one refining another selector
 * (a FragmentSelector or RangeSelector `refinedBy` a quote, as the W3C model's examples do).
 */
export function quoteOf(target: Json): IncomingAnnotation['quote'] | undefined {
  let level = selectors(target);
  for (let depth = 0; depth < MAX_REFINEMENTS && level.length > 0; depth++) {
    const selector = level.find((s) => hasType(s, 'TextQuoteSelector'));
    if (selector) {
      const exact = str(selector['exact']);
      if (!exact) return undefined;
      return {
        exact,
        prefix: typeof selector['prefix'] === 'string' ? selector['prefix'] : '',
        suffix: typeof selector['suffix'] === 'string' ? selector['suffix'] : '',
      };
    }
    level = level.flatMap((s) => asList(s['refinedBy']).filter(isObject));
  }
  return undefined;
}

/**
 * The target's TextPositionSelector, as a hint only: other tools count in UTF-16 units (Hypothesis
 * counts the whole web page, not the text), so import never trusts it as a code-point position.
 */
export function positionOf(target: Json): { start: number; end: number } | undefined {
  const selector = selectors(target).find((s) => hasType(s, 'TextPositionSelector'));
  const start = selector?.['start'];
  const end = selector?.['end'];
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return undefined;
  return (start as number) >= 0 && (end as number) > (start as number)
    ? { start: start as number, end: end as number }
    : undefined;
}

/**
 * The name to show for an annotation's author: W3C `creator` (name, nickname, id), Hypothesis's
 * `user_info.display_name`, or the user name in its `acct:name@host` account.
 */
export function authorOf(item: Json): string | undefined {
  const info = item['user_info'];
  const display = isObject(info) ? str(info['display_name']) : undefined;
  if (display) return display;
  const creator = personName(item['creator']);
  if (creator) return creator;
  const user = str(item['user']);
  const account = user?.match(/^acct:([^@]+)@/);
  return account?.[1] ?? user;
}

function personName(value: unknown): string | undefined {
  const first = asList(value)[0];
  if (typeof first === 'string') return str(first);
  if (isObject(first)) return str(first['name']) ?? str(first['nickname']) ?? str(first['id']);
  return undefined;
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A time as Crosscheck writes it (`YYYY-MM-DDTHH:MM:SS.sssZ`) on a day every month has and at a
 * time every day has: surely a real instant, so files' tens of thousands of these are spared
 * Date.parse (four times slower than this test).
 */
const PLAIN_UTC_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Whether a value is an ISO 8601 date or date and time that names a real instant. */
export function isDateTime(value: string): boolean {
  if (PLAIN_UTC_TIME.test(value)) return true;
  return value.length <= 40 && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** The annotation's id as written (`id` or `@id`). */
export function rawId(item: Json): string | undefined {
  return str(item['id']) ?? str(item['@id']);
}
