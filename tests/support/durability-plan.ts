// The deterministic edit sequence of the durability test: edit n depends only on n and the edits
// before it, so the test can rebuild the expected tags after any number of acknowledged edits.
import type { TagKind } from '../../src/core/review/types';

/** How many edits the worker makes. */
export const DURABILITY_EDITS = 1000;

/** How many sentences the worker's document has. */
const DURABILITY_SENTENCES = 60;

/** The sentences of the worker's document, in order. */
export const DURABILITY_SENTENCE_TEXTS = Array.from(
  { length: DURABILITY_SENTENCES },
  (_, i) => `Entry ${i + 1} of the durability log records one more fact.`,
);

/** The worker's document: five sentences to a paragraph. */
export const DURABILITY_TEXT =
  DURABILITY_SENTENCE_TEXTS.map((s, i) => (i % 5 === 4 ? `${s}\n\n` : `${s} `))
    .join('')
    .trimEnd() + '\n';

/** A tag as the plan sees it: by sentence index. */
interface PlannedTag {
  kind: TagKind;
  note?: string;
}

/** Sentence index → its tag. */
export type PlanState = Map<number, PlannedTag>;

/** One planned edit. */
export type PlannedEdit =
  | { op: 'tag'; sentence: number; kind: TagKind }
  | { op: 'remove'; sentence: number }
  | { op: 'note'; sentence: number; note: string };

const KINDS: readonly TagKind[] = ['claim', 'confirmation', 'contradiction'];

/** Edit number n (from 1), given the state after edits 1 … n-1. */
export function planEdit(state: PlanState, n: number): PlannedEdit {
  const sentence = (n * 7 + (n >> 3)) % DURABILITY_SENTENCES;
  const kind = KINDS[(n * 5 + (n >> 2)) % KINDS.length] as TagKind;
  const roll = (n * 13) % 10;
  if (state.has(sentence) && roll >= 8) return { op: 'remove', sentence };
  if (state.has(sentence) && roll >= 5) return { op: 'note', sentence, note: `Note of edit ${n}.` };
  return { op: 'tag', sentence, kind };
}

/** Applies a planned edit to the plan's state, as the service does to the review. */
export function applyPlanned(state: PlanState, edit: PlannedEdit): void {
  const current = state.get(edit.sentence);
  if (edit.op === 'remove') state.delete(edit.sentence);
  else if (edit.op === 'note')
    state.set(edit.sentence, { ...(current as PlannedTag), note: edit.note });
  else state.set(edit.sentence, { ...current, kind: edit.kind });
}

/** The state after the first `count` edits. */
export function stateAfter(count: number): PlanState {
  const state: PlanState = new Map();
  for (let n = 1; n <= count; n++) applyPlanned(state, planEdit(state, n));
  return state;
}

/** A one-line description of an edit for the worker's log. */
export function describeEdit(edit: PlannedEdit): string {
  if (edit.op === 'tag') return `tag sentence ${edit.sentence} ${edit.kind}`;
  if (edit.op === 'remove') return `remove sentence ${edit.sentence}`;
  return `note sentence ${edit.sentence}`;
}
