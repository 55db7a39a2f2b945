// Plain-text helpers for the brief: shortening long quotes, writing numbers and dates for people.

/**
 * Shortens `text` to at most `max` characters (UTF-16 units, ellipsis included), cutting at the
 * last space when there is one in the second half, and never inside a surrogate pair.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = Math.max(0, max - 1);
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const space = flat.lastIndexOf(' ', cut);
  if (space > max / 2) cut = space;
  return flat.slice(0, cut).replace(/[\s,;:.–—-]+$/, '') + '…';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "6 January 2020, 14:03 UTC" from an ISO 8601 time; the input itself if it is not one. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const hours = String(date.getUTCHours()).padStart(2, '0');
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${formatDay(iso)}, ${hours}:${minutes} UTC`;
}

/** "6 January 2020" from an ISO 8601 time (in UTC); the input itself if it is not one. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A whole number with thousands separated by commas: "1,000". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
