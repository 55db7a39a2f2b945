// Words and symbols for kinds and statuses: always shown together with colour, never colour alone.
import type { ClaimStatus } from '../../../core/review/claim-status';
import type { TagKind } from '../../../core/review/types';

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

/** Shortens text to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
