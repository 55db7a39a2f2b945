// Which reviews a sync server holds and the secret each one needs, kept as SHA-256 digests (never
// the tokens) in access.json of the server's data folder. A review is registered by the first
// connection that presents a token for it; every later connection must present the same token.
// An administrator replaces a review's token or withdraws access to it (`crosscheck sync-server
// --new-token / --revoke`); a running server reads the file again and closes what it no longer
// admits. Every write re-reads the file first, so the server and the command never undo each other.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably, type WriteFile } from '../store/durable-write';

/** The verdict on one connection attempt. */
export type AccessVerdict = 'granted' | 'registered' | 'wrong-token' | 'unknown-review' | 'revoked';

/** One review's entry: the digest of its token, when it was registered, and whether access ended. */
export interface AccessEntry {
  tokenSha256: string;
  registered: string;
  /** When access to the review was withdrawn; no token is let in after that. */
  revoked?: string;
}

interface AccessFile {
  version: 1;
  reviews: Record<string, AccessEntry>;
}

/** The server's table of reviews and token digests. */
export class SyncAccess {
  private reviews = new Map<string, AccessEntry>();
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
    const table = await readAccessTable(this.file);
    // A review registered a moment ago may not be on disk yet: keep it (the file only ever adds
    // entries or changes them, never drops one).
    for (const [documentId, entry] of this.reviews) {
      if (!table.has(documentId)) table.set(documentId, entry);
    }
    this.reviews = table;
  }

  /** The entry of a review, if the table has one. */
  entry(documentId: string): AccessEntry | undefined {
    return this.reviews.get(documentId);
  }

  /** How many reviews are registered. */
  get size(): number {
    return this.reviews.size;
  }

  /** Checks a token for a review, registering the review when it is new and that is allowed. */
  async check(documentId: string, token: string): Promise<AccessVerdict> {
    const verdict = await this.checkOnce(documentId, token);
    if (verdict !== 'wrong-token' && verdict !== 'revoked') return verdict;
    // The table may have changed on disk since it was read (a new token, access restored).
    await this.load();
    return this.checkOnce(documentId, token);
  }

  private async checkOnce(documentId: string, token: string): Promise<AccessVerdict> {
    const digest = sha256(token);
    const known = this.reviews.get(documentId);
    if (known?.revoked) return 'revoked';
    if (known) {
      const expected = Buffer.from(known.tokenSha256, 'hex');
      const given = Buffer.from(digest, 'hex');
      const same = expected.length === given.length && timingSafeEqual(expected, given);
      return same ? 'granted' : 'wrong-token';
    }
    if (!this.acceptNewReviews) return 'unknown-review';
    const entry = { tokenSha256: digest, registered: this.clock() };
    this.reviews.set(documentId, entry);
    try {
      await this.save(documentId, entry);
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

  /** Adds one entry to the file as it is on disk now (others may have changed it meanwhile). */
  private save(documentId: string, entry: AccessEntry): Promise<void> {
    const next = this.saving.then(() =>
      changeAccessTable(
        this.file,
        (table) => {
          if (!table.has(documentId)) table.set(documentId, entry);
        },
        this.writeFile,
      ),
    );
    this.saving = next.catch(() => undefined);
    return next;
  }
}

/**
 * Gives a review a new token in a sync server's data folder (registering it when the server does
 * not know it yet, which is also how a --closed server takes a review); access withdrawn before
 * is restored with it.
 */
export async function replaceReviewToken(
  dataDir: string,
  documentId: string,
  token: string,
  now: string = new Date().toISOString(),
): Promise<'replaced' | 'registered'> {
  let outcome: 'replaced' | 'registered' = 'registered';
  await changeAccessTable(join(dataDir, 'access.json'), (table) => {
    const known = table.get(documentId);
    if (known) outcome = 'replaced';
    table.set(documentId, { tokenSha256: sha256(token), registered: known?.registered ?? now });
  });
  return outcome;
}

/** Withdraws access to a review: no token is let in until it is given a new one. */
export async function revokeReview(
  dataDir: string,
  documentId: string,
  now: string = new Date().toISOString(),
): Promise<'revoked' | 'unknown'> {
  let outcome: 'revoked' | 'unknown' = 'unknown';
  await changeAccessTable(join(dataDir, 'access.json'), (table) => {
    const known = table.get(documentId);
    if (!known) return;
    outcome = 'revoked';
    table.set(documentId, { ...known, revoked: known.revoked ?? now });
  });
  return outcome;
}

/** Reads a table of reviews (a missing file is an empty table); throws on a damaged one. */
async function readAccessTable(file: string): Promise<Map<string, AccessEntry>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<AccessFile>;
  if (parsed.version !== 1 || typeof parsed.reviews !== 'object' || parsed.reviews === null) {
    throw new Error(`${file} is not a Crosscheck sync access file.`);
  }
  return new Map(Object.entries(parsed.reviews));
}

/**
 * Reads the table, changes it and writes it back durably, holding `access.json.lock` meanwhile so
 * that the server and the command (two processes) never write over each other's change.
 */
async function changeAccessTable(
  file: string,
  change: (table: Map<string, AccessEntry>) => void,
  write: WriteFile = writeFileDurably,
): Promise<void> {
  const release = await lockFile(`${file}.lock`);
  try {
    const table = await readAccessTable(file);
    change(table);
    const content: AccessFile = { version: 1, reviews: Object.fromEntries(table) };
    await write(file, JSON.stringify(content, null, 2) + '\n');
  } finally {
    await release();
  }
}

/** How long a lock may be held before it is taken as left behind by a process that died (ms). */
const STALE_LOCK_MS = 10_000;

/** Takes a lock file (created exclusively), waiting while another holder has it. */
async function lockFile(path: string): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await stat(path).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (held > STALE_LOCK_MS) await rm(path, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
