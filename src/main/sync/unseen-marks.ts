// Which tags of a synced review are new to this reviewer: added or changed by a teammate since the
// reviewer last looked at them. "What I have seen" is the reviewer's own, so it is kept beside the
// review's sync copy (`<dataDir>/sync/<reviewId>/unseen.json`), never in the shared review file.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { UnseenTag } from '../../shared/review-api';
import { writeFileDurably, type WriteFile } from '../store/durable-write';

/** The file of marks in a review's sync folder. */
export const UNSEEN_FILE = 'unseen.json';

const fileSchema = z.object({
  version: z.literal(1),
  tags: z.array(z.object({ tagId: z.string().min(1), by: z.string(), at: z.string() }).strict()),
});

/** One review's marks, written durably after every change. */
export class UnseenMarks {
  private readonly marks: Map<string, UnseenTag>;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    marks: readonly UnseenTag[],
    private readonly write: WriteFile,
    private readonly onProblem: (message: string) => void,
  ) {
    this.marks = new Map(marks.map((m) => [m.tagId, m]));
  }

  /**
   * Reads the marks at `path`; a missing file is no marks, and so is an unreadable one (it is
   * replaced at the next change, and `onProblem` is told).
   */
  static async load(
    path: string,
    options: { write?: WriteFile; onProblem?: (message: string) => void } = {},
  ): Promise<UnseenMarks> {
    const onProblem = options.onProblem ?? (() => undefined);
    let marks: UnseenTag[] = [];
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (parsed.success) marks = parsed.data.tags;
      else onProblem('The list of tags new from teammates was unreadable; it starts empty.');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        onProblem('The list of tags new from teammates was unreadable; it starts empty.');
      }
    }
    return new UnseenMarks(path, marks, options.write ?? writeFileDurably, onProblem);
  }

  /** The tags new to the reviewer, oldest first. */
  list(): UnseenTag[] {
    return [...this.marks.values()].sort(
      (a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.tagId < b.tagId ? -1 : 1),
    );
  }

  /** Marks tags new (a tag marked before takes the newer mark); true when the list changed. */
  add(tags: readonly UnseenTag[]): boolean {
    let changed = false;
    for (const tag of tags) {
      const known = this.marks.get(tag.tagId);
      if (known && known.by === tag.by && known.at === tag.at) continue;
      // Re-inserted, so that the mark reads as the latest.
      this.marks.delete(tag.tagId);
      this.marks.set(tag.tagId, { tagId: tag.tagId, by: tag.by, at: tag.at });
      changed = true;
    }
    return this.changed(changed);
  }

  /** Forgets marks: tags seen, or gone (`'all'`: every mark); true when the list changed. */
  remove(tagIds: Iterable<string> | 'all'): boolean {
    if (tagIds === 'all') {
      const changed = this.marks.size > 0;
      this.marks.clear();
      return this.changed(changed);
    }
    let changed = false;
    for (const id of tagIds) changed = this.marks.delete(id) || changed;
    return this.changed(changed);
  }

  /** Resolves once every change so far is on disk (or its write failed and was reported). */
  flush(): Promise<void> {
    return this.writing;
  }

  private changed(changed: boolean): boolean {
    if (!changed) return false;
    const content = `${JSON.stringify({ version: 1, tags: this.list() }, null, 2)}\n`;
    this.writing = this.writing.then(() =>
      this.write(this.path, content).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.onProblem(`The list of tags new from teammates was not saved: ${reason}`);
      }),
    );
    return true;
  }
}
