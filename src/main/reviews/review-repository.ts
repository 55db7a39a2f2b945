// The review files of a data folder: reviews/<id>.json, each a lowdb database written durably.
// A file that does not parse or validate is moved aside, never overwritten, and reported. Each
// file starts with a "summary" header holding the sha256 of the rest, so listing reviews hashes
// each file instead of parsing and validating it; a file changed by hand is read in full.
import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { needsMigration } from '../../core/review/migrate-review';
import { parseReview } from '../../core/review/review-schema';
import { REVIEW_SCHEMA_VERSION, type Review, type ReviewSummary } from '../../core/review/types';
import {
  removeStaleTempFiles,
  syncFolder,
  writeFileDurably,
  type WriteFile,
} from '../store/durable-write';
import { DurableJsonFile, UnreadableFileError } from '../store/json-file-adapter';
import { HEADER_PREFIX, reviewFileText } from './review-file-text';

const ID_PATTERN = /^[0-9a-f-]{36}$/;

const headerSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string(),
  modified: z.string(),
  documentCount: z.number().int().nonnegative(),
  tagCount: z.number().int().nonnegative(),
  /** The sha256 (hex) of the review's JSON, which follows the header in the file. */
  body: z.string(),
});

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Lists, loads, creates and deletes review files. */
export class ReviewRepository {
  /** Sentences about files moved aside, for the UI to show once. */
  readonly notices: string[] = [];

  constructor(
    private readonly folder: string,
    private readonly writeFile: WriteFile = writeFileDurably,
  ) {}

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
   * The summary of the review in file `id` from the file's header, or undefined when the file
   * has none (written before headers existed, or edited by hand): then load it in full.
   */
  async summary(id: string): Promise<ReviewSummary | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(id), 'utf8');
    } catch {
      return undefined;
    }
    const header = leadingObject(text, HEADER_PREFIX);
    if (header === undefined) return undefined;
    const body = `{${text.slice(HEADER_PREFIX.length + header.length + 1)}`;
    try {
      const parsed = headerSchema.safeParse(JSON.parse(header));
      if (!parsed.success || parsed.data.body !== sha256Hex(body)) return undefined;
      const { body: _hash, ...summary } = parsed.data;
      // The file's name is its id, whatever the header says (see `load`).
      return { ...summary, id };
    } catch {
      return undefined;
    }
  }

  /**
   * Opens a review's database, or returns undefined when the file is missing or unreadable (then
   * it is moved aside and a notice recorded). A review whose inner id differs from its file name
   * (a file copied or renamed by hand) is opened under the file's name.
   */
  async load(id: string): Promise<Low<Review> | undefined> {
    if (!ID_PATTERN.test(id) || !(await exists(this.pathOf(id)))) return undefined;
    let olderVersion: number | undefined;
    const db = new Low<Review>(
      this.file(id, (version) => (olderVersion = version)),
      emptyReview(id),
    );
    try {
      await db.read();
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        await this.moveAside(id, error.reason);
        return undefined;
      }
      throw error;
    }
    // A file of an older schema version is kept as it was before the first write upgrades it.
    if (olderVersion !== undefined) await this.keepOldVersion(id, olderVersion);
    if (db.data.id !== id) db.data = { ...db.data, id };
    return db;
  }

  /** Reads a review without keeping or changing anything: undefined when missing or invalid. */
  async read(id: string): Promise<Review | undefined> {
    if (!ID_PATTERN.test(id)) return undefined;
    try {
      const review = await this.file(id).read();
      return review ? { ...review, id } : undefined;
    } catch (error) {
      if (error instanceof UnreadableFileError) return undefined;
      throw error;
    }
  }

  /** Writes a new review file. */
  async create(review: Review): Promise<Low<Review>> {
    const db = new Low<Review>(this.file(review.id), review);
    await db.write();
    return db;
  }

  /** Deletes a review file. */
  async delete(id: string): Promise<void> {
    await unlink(this.pathOf(id));
    await syncFolder(this.folder);
  }

  /** The review file's adapter; `onOlderVersion` hears of a file that will be migrated. */
  private file(id: string, onOlderVersion?: (version: number) => void): DurableJsonFile<Review> {
    const parse = (data: unknown) => {
      if (onOlderVersion && needsMigration(data)) {
        onOlderVersion((data as { schemaVersion: number }).schemaVersion);
      }
      return parseReview(data);
    };
    return new DurableJsonFile(this.pathOf(id), parse, this.writeFile, reviewFileText);
  }

  /** Copies a review file of schema `version` to `<id>.v<version>.json.bak`, once. */
  private async keepOldVersion(id: string, version: number): Promise<void> {
    const backup = join(this.folder, `${id}.v${version}.json.bak`);
    if (await exists(backup)) return;
    await copyFile(this.pathOf(id), backup);
    await syncFolder(this.folder);
  }

  private pathOf(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  private async moveAside(id: string, reason: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(this.folder, `${id}.unreadable-${stamp}.json.bak`);
    try {
      await rename(this.pathOf(id), aside);
      await syncFolder(this.folder);
    } catch {
      this.notices.push(
        `A review file could not be read (${reason}): ${this.pathOf(id)}; it is left as it was and not listed.`,
      );
      return;
    }
    this.notices.push(
      `A review file could not be read (${reason}); it was moved aside to ${aside} and nothing in it was changed.`,
    );
  }
}

/**
 * The JSON object that `text` starts with after `prefix` (e.g. the value of a leading key), or
 * undefined when the text does not start that way or the object does not end within it.
 */
function leadingObject(text: string, prefix: string): string | undefined {
  if (!text.startsWith(prefix) || text[prefix.length] !== '{') return undefined;
  let inString = false;
  let depth = 0;
  for (let i = prefix.length; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(prefix.length, i + 1);
  }
  return undefined;
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
