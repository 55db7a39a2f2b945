// Which reviews a sync server holds and the secret each one needs, kept as SHA-256 digests (never
// the tokens) in access.json of the server's data folder. A review is registered by the first
// connection that presents a token for it; every later connection must present the same token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably, type WriteFile } from '../store/durable-write';

/** The verdict on one connection attempt. */
export type AccessVerdict = 'granted' | 'registered' | 'wrong-token' | 'unknown-review';

interface AccessFile {
  version: 1;
  reviews: Record<string, { tokenSha256: string; registered: string }>;
}

/** The server's table of reviews and token digests. */
export class SyncAccess {
  private reviews = new Map<string, { tokenSha256: string; registered: string }>();
  private saving: Promise<void> = Promise.resolve();
  private readonly file: string;

  /**
   * @param dataDir the server's data folder
   * @param acceptNewReviews whether a token for a review not yet known registers it
   */
  constructor(
    dataDir: string,
    private readonly acceptNewReviews: boolean,
    private readonly writeFile: WriteFile = writeFileDurably,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    this.file = join(dataDir, 'access.json');
  }

  /** Reads access.json (a missing file is an empty table); throws on a damaged one. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<AccessFile>;
    if (parsed.version !== 1 || typeof parsed.reviews !== 'object' || parsed.reviews === null) {
      throw new Error(`${this.file} is not a Crosscheck sync access file.`);
    }
    this.reviews = new Map(Object.entries(parsed.reviews));
  }

  /** How many reviews are registered. */
  get size(): number {
    return this.reviews.size;
  }

  /** Checks a token for a review, registering the review when it is new and that is allowed. */
  async check(documentId: string, token: string): Promise<AccessVerdict> {
    const digest = sha256(token);
    const known = this.reviews.get(documentId);
    if (known) {
      const expected = Buffer.from(known.tokenSha256, 'hex');
      const given = Buffer.from(digest, 'hex');
      const same = expected.length === given.length && timingSafeEqual(expected, given);
      return same ? 'granted' : 'wrong-token';
    }
    if (!this.acceptNewReviews) return 'unknown-review';
    this.reviews.set(documentId, { tokenSha256: digest, registered: this.clock() });
    try {
      await this.save();
    } catch (error) {
      // Not on disk: forget it, so a restart cannot hand the review to another token.
      this.reviews.delete(documentId);
      throw error;
    }
    return 'registered';
  }

  /** Waits for pending writes of the table. */
  async flush(): Promise<void> {
    await this.saving;
  }

  private save(): Promise<void> {
    const content: AccessFile = { version: 1, reviews: Object.fromEntries(this.reviews) };
    const next = this.saving.then(() =>
      this.writeFile(this.file, JSON.stringify(content, null, 2) + '\n'),
    );
    this.saving = next.catch(() => undefined);
    return next;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
