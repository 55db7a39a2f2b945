// Dismissed suggestions from a file, placed on the review's texts the way its tags were: on the
// same document at their position, or re-anchored by quote on the document the import matched
// (by choice or title). One that cannot be placed is left out and counted.
import { makeAnchor } from '../review/anchor';
import type { Dismissal, Review } from '../review/types';
import { CodePointIndex } from './code-points';
import type { IncomingDismissal } from './incoming-file';
import type { DocumentMatch } from './place-incoming';
import { AnchorText, reanchorAll } from './reanchor';

/** Where the import put each incoming document: what placeIncoming decided. */
export interface DismissalPlaces {
  review: Review;
  /** The review's texts and those the import adds, by document id. */
  textOf: (documentId: string) => string | undefined;
  documentMatches?: ReadonlyMap<string, string>;
  documentsMatched: readonly DocumentMatch[];
  documentsAdded: readonly string[];
}

/** The placed dismissals, and how many could not be placed. */
export function placeDismissals(
  incoming: readonly IncomingDismissal[],
  places: DismissalPlaces,
): { dismissals: Dismissal[]; unplaced: number } {
  const dismissals: Dismissal[] = [];
  let unplaced = 0;
  const bySource = new Map<string, IncomingDismissal[]>();
  for (const d of incoming) bySource.set(d.source, [...(bySource.get(d.source) ?? []), d]);
  for (const [source, list] of bySource) {
    const documentId = targetOf(source, places);
    const text = documentId === undefined ? undefined : places.textOf(documentId);
    if (documentId === undefined || text === undefined) {
      unplaced += list.length;
      continue;
    }
    const toReanchor: IncomingDismissal[] = [];
    const index = documentId === source ? new CodePointIndex(text) : undefined;
    for (const d of list) {
      const start = d.position && index?.toUtf16(d.position.start);
      const end = d.position && index?.toUtf16(d.position.end);
      if (start !== undefined && end !== undefined && text.slice(start, end) === d.quote.exact) {
        dismissals.push(dismissalOf(d, documentId, text, start, end));
      } else toReanchor.push(d);
    }
    if (toReanchor.length === 0) continue;
    const placements = reanchorAll(
      new AnchorText(text),
      toReanchor.map((d) => ({ ...d.quote })),
    );
    toReanchor.forEach((d, i) => {
      const p = placements[i];
      if (!p || p.status === 'orphan') unplaced++;
      else dismissals.push(dismissalOf(d, documentId, text, p.start, p.end));
    });
  }
  return { dismissals, unplaced };
}

function targetOf(source: string, places: DismissalPlaces): string | undefined {
  const chosen = places.documentMatches?.get(source);
  if (chosen !== undefined) return chosen;
  if (places.review.documents.some((d) => d.id === source)) return source;
  const matched = places.documentsMatched.find((m) => m.from === source);
  if (matched) return matched.to;
  return places.documentsAdded.includes(source) ? source : undefined;
}

function dismissalOf(
  d: IncomingDismissal,
  documentId: string,
  text: string,
  start: number,
  end: number,
): Dismissal {
  return {
    claimId: d.claimId,
    documentId,
    anchor: makeAnchor(text, start, end),
    author: d.author,
    created: d.created,
  };
}
