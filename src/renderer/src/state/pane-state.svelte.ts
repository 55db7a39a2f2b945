// One document pane: its text and sentences, the selected sentence, the filter and the find bar.
import type { Tag, TagKind } from '../../../core/review/types';
import { sentenceAtOrBefore } from '../../../core/text/sentence-bounds';
import type { DocumentText } from '../../../shared/review-api';

/** Which sentences a pane lists. */
export type PaneFilter = 'all' | 'tagged' | TagKind;

/** A request for the list to bring a row into view (seq changes each time). */
export interface ScrollRequest {
  row: number;
  seq: number;
}

/** State of one pane. */
export class PaneState {
  text = $state.raw<DocumentText | undefined>();
  /** True while the text is being fetched. */
  loading = $state(false);
  filter = $state<PaneFilter>('all');
  /** Index of the selected sentence in the document (not in the filtered list). */
  selected = $state(0);
  findOpen = $state(false);
  findQuery = $state('');
  scrollRequest = $state.raw<ScrollRequest>({ row: 0, seq: 0 });

  constructor(
    readonly documentId: string,
    private readonly tagsOf: () => Map<number, Tag>,
  ) {}

  /** Sentences cut at a space because no sentence end came within the length limit. */
  forced = $derived(new Set(this.text?.forced ?? []));

  /** Number of sentences in the document. */
  get sentenceCount(): number {
    return (this.text?.sentences.length ?? 0) / 2;
  }

  /** Sentence indexes the list shows, after the filter. */
  rows = $derived.by((): number[] => {
    const count = this.sentenceCount;
    const filter = this.filter;
    const rows: number[] = [];
    if (filter === 'all') {
      for (let i = 0; i < count; i++) rows.push(i);
      return rows;
    }
    // Only a filtered list depends on the tags.
    const tags = this.tagsOf();
    const sentences = this.text?.sentences ?? [];
    for (let i = 0; i < count; i++) {
      const tag = tags.get(sentences[2 * i] as number);
      if (tag && (filter === 'tagged' || tag.kind === filter)) rows.push(i);
    }
    return rows;
  });

  /** Sentences matching the find query (case-insensitive), in document order. */
  matches = $derived.by((): number[] => {
    const query = this.findQuery.trim().toLocaleLowerCase();
    const text = this.text;
    if (!this.findOpen || query === '' || !text) return [];
    const lower = text.text.toLocaleLowerCase();
    const result: number[] = [];
    const count = text.sentences.length / 2;
    let at = lower.indexOf(query);
    let sentence = 0;
    while (at !== -1 && sentence < count) {
      while (sentence < count && (text.sentences[2 * sentence + 1] as number) <= at) sentence++;
      if (sentence < count && (text.sentences[2 * sentence] as number) <= at) {
        if (result.at(-1) !== sentence) result.push(sentence);
      }
      at = lower.indexOf(query, at + 1);
    }
    return result;
  });

  /** The selected sentence's span, or undefined before the text is loaded. */
  get selectedSpan(): { start: number; end: number } | undefined {
    const s = this.text?.sentences;
    if (!s || s.length === 0) return undefined;
    return { start: s[2 * this.selected] as number, end: s[2 * this.selected + 1] as number };
  }

  /** The text of sentence `i`. */
  sentenceText(i: number): string {
    const t = this.text;
    if (!t) return '';
    return t.text.slice(t.sentences[2 * i], t.sentences[2 * i + 1]);
  }

  /** Selects a sentence and scrolls it into view. */
  select(sentence: number): void {
    const max = this.sentenceCount - 1;
    if (max < 0) return;
    this.selected = Math.max(0, Math.min(max, sentence));
    this.reveal();
  }

  /** Moves the selection by `delta` rows of the filtered list. */
  move(delta: number): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    const here = rowOf(rows, this.selected);
    const next = Math.max(0, Math.min(rows.length - 1, here + delta));
    this.select(rows[next] as number);
  }

  /** Scrolls the selected sentence into view (showing all sentences if the filter hides it). */
  reveal(): void {
    let row = this.rows.indexOf(this.selected);
    if (row === -1 && this.filter !== 'all') {
      this.filter = 'all';
      row = this.selected;
    }
    this.scrollRequest = { row: Math.max(0, row), seq: this.scrollRequest.seq + 1 };
  }

  /** Selects the next (or previous) find match after the selection. */
  findNext(direction: 1 | -1): void {
    const matches = this.matches;
    if (matches.length === 0) return;
    const next =
      direction === 1
        ? (matches.find((m) => m > this.selected) ?? matches[0])
        : ([...matches].reverse().find((m) => m < this.selected) ?? matches.at(-1));
    if (next !== undefined) this.select(next);
  }

  /** The sentence index that starts at `start`, by binary search. */
  sentenceAt(start: number): number {
    return Math.max(0, sentenceAtOrBefore(this.text?.sentences ?? [], start));
  }
}

/** The position in `rows` of `sentence`, or of the nearest row before it. */
function rowOf(rows: number[], sentence: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = rows[mid] as number;
    if (value === sentence) return mid;
    if (value < sentence) low = mid + 1;
    else high = mid - 1;
  }
  return Math.max(0, high);
}
