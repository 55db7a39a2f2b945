// The review files of a data folder: reviews/<id>.json, each a lowdb database written durably.
// A file that does not parse or validate is moved aside, never overwritten, and reported.
import { access, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { parseReview } from '../../core/review/review-schema';
import { REVIEW_SCHEMA_VERSION, type Review } from '../../core/review/types';
import { DurableJsonFile, UnreadableFileError } from '../store/json-file-adapter';
import { removeStaleTempFiles, syncFolder } from '../store/durable-write';

const ID_PATTERN = /^[0-9a-f-]{36}$/;

/** Lists, loads, creates and deletes review files. */
export class ReviewRepository {
  /** Sentences about files moved aside, for the UI to show once. */
  readonly notices: string[] = [];

  constructor(private readonly folder: string) {}

  /** Creates the reviews folder and clears temp files of interrupted writes. */
  async init(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await removeStaleTempFiles(this.folder);
  }

  /** Ids of all review files present. */
  async ids(): Promise<string[]> {
    const names = await readdir(this.folder);
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => ID_PATTERN.test(id));
  }

  /** Whether an id has the shape of a review id (guards paths built from it). */
  static isReviewId(id: string): boolean {
    return ID_PATTERN.test(id);
  }

  /**
   * Opens a review's database, or returns undefined when the file is missing or unreadable (then
   * it is moved aside and a notice recorded).
   */
  async load(id: string): Promise<Low<Review> | undefined> {
    if (!ID_PATTERN.test(id) || !(await exists(this.pathOf(id)))) return undefined;
    const db = new Low<Review>(new DurableJsonFile(this.pathOf(id), parseReview), emptyReview(id));
    try {
      await db.read();
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        await this.moveAside(id, error.reason);
        return undefined;
      }
      throw error;
    }
    return db;
  }

  /** Writes a new review file. */
  async create(review: Review): Promise<Low<Review>> {
    const db = new Low<Review>(new DurableJsonFile(this.pathOf(review.id), parseReview), review);
    await db.write();
    return db;
  }

  /** Deletes a review file. */
  async delete(id: string): Promise<void> {
    await unlink(this.pathOf(id));
    await syncFolder(this.folder);
  }

  private pathOf(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  private async moveAside(id: string, reason: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(this.folder, `${id}.unreadable-${stamp}.json.bak`);
    await rename(this.pathOf(id), aside);
    await syncFolder(this.folder);
    this.notices.push(
      `A review file could not be read (${reason}); it was moved aside to ${aside} and nothing in it was changed.`,
    );
  }
}

function emptyReview(id: string): Review {
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id,
    name: '',
    created: '',
    modified: '',
    reviewers: [],
    documents: [],
    tags: [],
    panes: [],
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
