// Undo and redo for one review: stacks of reversible edits (tag patches, and review fields such
// as judgements, sources or dismissals with their values before and after).
import type { ReviewFieldsChange } from './review-change';
import type { TagEdit } from './tag-edits';

/**
 * One undoable step: tag patches and, for edits of review-level fields, each field's whole value
 * before and after (undo writes `before` back, redo `after`).
 */
export interface HistoryEntry extends TagEdit {
  fields?: { before: ReviewFieldsChange; after: ReviewFieldsChange };
}

/** How many edits undo remembers. */
const UNDO_LIMIT = 500;

/** The undo and redo stacks of one review. */
export class EditHistory {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];

  /** Records an edit that was just applied; redo is forgotten. */
  record(edit: HistoryEntry): void {
    if (edit.patches.length === 0 && !edit.fields) return;
    this.undoStack.push(edit);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  /** The edit to run backwards, moved to the redo stack; undefined when there is none. */
  takeUndo(): HistoryEntry | undefined {
    const edit = this.undoStack.pop();
    if (edit) this.redoStack.push(edit);
    return edit;
  }

  /** The edit to run forwards again, moved back to the undo stack. */
  takeRedo(): HistoryEntry | undefined {
    const edit = this.redoStack.pop();
    if (edit) this.undoStack.push(edit);
    return edit;
  }

  /** Forgets every edit, e.g. after a change that undo cannot see (a document was removed). */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }

  /** Labels of the next undo and redo, for menus and tooltips. */
  get next(): { undo?: string; redo?: string } {
    return { undo: this.undoStack.at(-1)?.label, redo: this.redoStack.at(-1)?.label };
  }
}
