// Sentence numbers for quotes: the 1-based index of the sentence that starts where a tag starts.
import { segment } from '../text/segment';

/** Looks up sentence numbers in a set of documents, segmenting each document once. */
export class SentenceNumbers {
  private readonly starts = new Map<string, number[] | undefined>();

  /** `texts` maps document ids to their normalised text. */
  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  /** The number of the sentence starting at `start`, or undefined if none starts there. */
  of(documentId: string, start: number): number | undefined {
    const starts = this.startsOf(documentId);
    if (!starts) return undefined;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const value = starts[mid] as number;
      if (value === start) return mid + 1;
      if (value < start) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  private startsOf(documentId: string): number[] | undefined {
    if (this.starts.has(documentId)) return this.starts.get(documentId);
    const text = this.texts.get(documentId);
    const starts = text === undefined ? undefined : segment(text).map((span) => span.start);
    this.starts.set(documentId, starts);
    return starts;
  }
}
