// Concurrent edits of one register of a shared review, as the conflict review will show them:
// every value, who wrote it, and which one the document currently shows.
import type { SyncValue, TagField, ReviewField } from './review-doc';

/** One of the concurrent values of a register. */
export interface ConflictValue {
  value: SyncValue;
  /** The reviewer who wrote it, when their app recorded its name in the document. */
  author?: string;
  /** The Automerge actor that wrote it. */
  actor: string;
  /** True for the value the document shows (Automerge's deterministic pick). */
  shown: boolean;
}

/** Two or more concurrent values of one tag field or review field. */
export type SyncConflict =
  | { target: 'tag'; tagId: string; field: TagField | 'removed'; values: ConflictValue[] }
  | { target: 'review'; field: ReviewField; values: ConflictValue[] };
