// Words and symbols for kinds and statuses: always shown together with colour, never colour alone.
import type { Facet } from '../../../core/review/assessment';
import type { ClaimStatus } from '../../../core/review/claim-status';
import type { TagKind } from '../../../core/review/types';
import type { Stance } from '../../../core/suggest/types';
import { showBidiControls } from '../../../core/text/bidi-controls';

/** Symbol, name and keyboard key of each tag kind. */
export const KIND_LABELS: Record<TagKind, { symbol: string; name: string; key: string }> = {
  claim: { symbol: 'C', name: 'Claim', key: '1' },
  confirmation: { symbol: '✓', name: 'Confirmation', key: '2' },
  contradiction: { symbol: '✗', name: 'Contradiction', key: '3' },
};

/** Symbol and name of each claim status. */
export const STATUS_LABELS: Record<ClaimStatus, { symbol: string; name: string }> = {
  contested: { symbol: '◐', name: 'Contested' },
  contradicted: { symbol: '○', name: 'Contradicted' },
  confirmed: { symbol: '●', name: 'Confirmed' },
  unverified: { symbol: '◌', name: 'Unverified' },
};

/** Symbol and word of each stance a suggestion can have. */
export const STANCE_LABELS: Record<Stance, { symbol: string; name: string }> = {
  confirmation: { symbol: '✓', name: 'Confirms' },
  contradiction: { symbol: '✗', name: 'Contradicts' },
  related: { symbol: '≈', name: 'Related' },
};

/** Name and meaning of each facet: what a link between evidence and a claim speaks to. */
export const FACET_LABELS: Record<Facet, { name: string; meaning: string }> = {
  source: { name: 'Source', meaning: 'speaks to the claim’s source: is it authentic?' },
  content: { name: 'Content', meaning: 'speaks to the claim’s content: is it true?' },
};

/**
 * Text from a document, a file name or a note, made safe to show: bidi controls that could
 * reorder what the reviewer sees (Trojan Source) appear as visible markers such as ⟨RLO⟩; the
 * marks LRM, RLM and ALM that Arabic and Hebrew use stay.
 */
export function displayText(text: string): string {
  return showBidiControls(text, { keepMarks: true });
}

/** Shortens display text to `max` characters at a word boundary, with an ellipsis. */
export function shorten(raw: string, max: number): string {
  const text = displayText(raw);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
