// The suggestion engine: every sentence of a review's documents in a MiniSearch full-text index
// (terms stemmed and synonyms merged), then the best matches for a claim re-judged by a scorer.
// Build it once per review (in a worker, off the UI thread), then call suggest() per claim.
import MiniSearch from 'minisearch';
import { segment } from '../text/segment';
import { analyse, bodyStart, type AnalysedText } from './analyse';
import { cueScorer } from './cue-scorer';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';
import {
  sentenceKey,
  type SentenceKey,
  type SentenceRef,
  type StanceScorer,
  type Suggestion,
  type SuggestionDocument,
} from './types';

/** The claim to find evidence for: its text, and where it is when it is a tagged sentence. */
export interface ClaimInput {
  text: string;
  /** the claim's own sentence, never suggested */
  ref?: SentenceRef;
}

/** Options for {@link SuggestionIndex.suggest}. */
export interface SuggestOptions {
  /** how many suggestions at most; default 10 */
  top?: number;
  /** sentences never to suggest: the claim's own, those already linked to it */
  exclude?: ReadonlySet<SentenceKey>;
  /** sentences the reviewer dismissed for this claim */
  dismissed?: ReadonlySet<SentenceKey>;
  /** how candidates are judged; default the cue scorer */
  scorer?: StanceScorer;
  /** how many full-text matches to re-judge; default 120 */
  candidates?: number;
  /** related sentences are listed too unless false; default true */
  includeRelated?: boolean;
}

/** Options for building an index. */
export interface IndexOptions {
  lexicon?: Lexicon;
}

interface IndexedSentence extends SentenceRef {
  index: number;
}

const SPACE = /\s+/;

/** A review's sentences, indexed for evidence suggestions. */
export class SuggestionIndex {
  private readonly lexicon: Lexicon;
  private readonly search: MiniSearch<{ id: number; terms: string }>;
  private readonly sentences: (IndexedSentence | undefined)[] = [];
  private readonly texts = new Map<string, string>();
  private readonly byDocument = new Map<string, number[]>();
  private readonly documentFrequency = new Map<string, number>();
  private live = 0;

  constructor(options: IndexOptions = {}) {
    this.lexicon = options.lexicon ?? DEFAULT_LEXICON;
    this.search = new MiniSearch({
      fields: ['terms'],
      idField: 'id',
      tokenize: (text) => text.split(SPACE),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => text.split(SPACE), processTerm: (term) => term || null },
    });
  }

  /** Whether a document is in the index (completely or as far as it got). */
  hasDocument(documentId: string): boolean {
    return this.texts.has(documentId);
  }

  /** Number of sentences indexed. */
  get sentenceCount(): number {
    return this.live;
  }

  /** Adds (or replaces) one document: segments it and indexes every sentence. */
  addDocument(document: SuggestionDocument): void {
    for (const _ of this.addDocumentInSteps(document));
  }

  /**
   * Adds a document a step at a time, yielding after every `sentencesPerStep` sentences how many
   * of its sentences are indexed, so a worker can report progress or an idle callback can stop
   * between steps. The document is searchable as far as it is indexed. `spans` are its sentences
   * when the caller has segmented it already (as `segment` gives them).
   */
  *addDocumentInSteps(
    document: SuggestionDocument,
    sentencesPerStep = 2000,
    spans: readonly { start: number; end: number }[] = segment(document.text),
  ): Generator<{ done: number; total: number }, void, undefined> {
    if (this.texts.has(document.id)) this.removeDocument(document.id);
    this.texts.set(document.id, document.text);
    const ids: number[] = [];
    this.byDocument.set(document.id, ids);
    for (let from = 0; from < spans.length; from += sentencesPerStep) {
      const batch: { id: number; terms: string }[] = [];
      const to = Math.min(spans.length, from + sentencesPerStep);
      for (let index = from; index < to; index++) {
        const span = spans[index]!;
        const analysed = analyse(document.text.slice(span.start, span.end), this.lexicon);
        if (analysed.terms.length === 0) continue;
        const id = this.sentences.length;
        this.sentences.push({ documentId: document.id, start: span.start, end: span.end, index });
        ids.push(id);
        for (const term of analysed.terms)
          this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        batch.push({ id, terms: analysed.terms.join(' ') });
      }
      this.search.addAll(batch);
      this.live += batch.length;
      yield { done: to, total: spans.length };
    }
  }

  /** Removes a document and its sentences. */
  removeDocument(documentId: string): void {
    const ids = this.byDocument.get(documentId);
    const text = this.texts.get(documentId);
    if (!ids || text === undefined) return;
    for (const id of ids) {
      const sentence = this.sentences[id]!;
      const analysed = analyse(text.slice(sentence.start, sentence.end), this.lexicon);
      for (const term of analysed.terms) {
        const n = (this.documentFrequency.get(term) ?? 1) - 1;
        if (n > 0) this.documentFrequency.set(term, n);
        else this.documentFrequency.delete(term);
      }
      this.search.discard(id);
      this.sentences[id] = undefined;
    }
    this.live -= ids.length;
    this.byDocument.delete(documentId);
    this.texts.delete(documentId);
  }

  /** The sentences most likely to confirm or contradict `claim`, best first, with reasons. */
  suggest(claim: ClaimInput | string, options: SuggestOptions = {}): Suggestion[] {
    const input = typeof claim === 'string' ? { text: claim } : claim;
    const analysed = analyse(input.text, this.lexicon);
    if (analysed.terms.length === 0) return [];
    const scorer = options.scorer ?? defaultScorer;
    const top = options.top ?? 10;
    const ownKey = input.ref ? sentenceKey(input.ref) : undefined;
    const claimText = squash(input.text);
    const skip = (id: number): boolean => {
      const sentence = this.sentences[id];
      if (!sentence) return true;
      const key = sentenceKey(sentence);
      return (
        key === ownKey || options.exclude?.has(key) === true || options.dismissed?.has(key) === true
      );
    };
    const queryTerms = this.queryTerms(analysed);
    const matches = this.search.search(queryTerms.join(' '), {
      combineWith: 'OR',
      boostTerm: (term) => (analysed.terms.includes(term) ? 1 : 0.5),
      filter: (result) => !skip(result.id as number),
    });
    const limit = options.candidates ?? 120;
    const best = matches[0]?.score ?? 1;
    const weight = (term: string) => this.weight(term);
    const suggestions: Suggestion[] = [];
    for (const match of matches.slice(0, limit)) {
      const sentence = this.sentences[match.id as number]!;
      const text = this.texts.get(sentence.documentId)!.slice(sentence.start, sentence.end);
      if (squash(text) === claimText) continue; // the claim itself, wherever it is repeated
      const candidate: AnalysedText = analyse(text, this.lexicon);
      const judgement = scorer.judge({
        claim: analysed,
        candidate,
        weight,
        retrieval: match.score / best,
      });
      if (judgement.stance === 'related' && options.includeRelated === false) continue;
      suggestions.push({ ...sentence, text, ...judgement });
    }
    suggestions.sort((a, b) => b.score - a.score || order(a, b));
    return suggestions.slice(0, top);
  }

  /** The claim's terms plus the terms that contradict them (antonyms). */
  private queryTerms(claim: AnalysedText): string[] {
    const terms = new Set(claim.terms);
    for (const term of claim.terms)
      for (const opposite of this.lexicon.antonyms.get(term) ?? []) terms.add(opposite);
    return [...terms];
  }

  /** Inverse sentence frequency of a term: rare terms weigh more. */
  private weight(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.live + 1) / (df + 1));
  }
}

const defaultScorer = cueScorer();

/** Builds an index over `documents` (see {@link SuggestionIndex}). */
export function buildSuggestionIndex(
  documents: readonly SuggestionDocument[],
  options: IndexOptions & { onProgress?: (done: number, total: number) => void } = {},
): SuggestionIndex {
  const index = new SuggestionIndex(options);
  documents.forEach((document, i) => {
    index.addDocument(document);
    options.onProgress?.(i + 1, documents.length);
  });
  return index;
}

/** A sentence as compared with the claim: without dateline or speaker label, spaces and case. */
function squash(text: string): string {
  return text.slice(bodyStart(text)).replace(/\s+/g, ' ').trim().toLowerCase();
}

function order(a: SentenceRef, b: SentenceRef): number {
  return a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start;
}
