// Anchors: a span of a document's text described by position and by quote with context.
import type { Anchor } from './types';

/** Characters of context kept before and after a quote. */
const ANCHOR_CONTEXT = 32;

/**
 * Describes `text.slice(start, end)` as an anchor with up to 32 characters of context each side.
 * `exact`: that slice, when the caller has already taken it.
 */
export function makeAnchor(
  text: string,
  start: number,
  end: number,
  exact = text.slice(start, end),
): Anchor {
  return {
    start,
    end,
    exact,
    prefix: text.slice(Math.max(0, start - ANCHOR_CONTEXT), start),
    suffix: text.slice(end, end + ANCHOR_CONTEXT),
  };
}

/** Whether an anchor's position still holds its quote in `text`. */
export function anchorMatches(text: string, anchor: Anchor): boolean {
  return text.slice(anchor.start, anchor.end) === anchor.exact;
}
