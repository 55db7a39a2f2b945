// A review's team sync settings, kept by main in its data folder so the app can sync again on the
// next start: the server and the shared document's address in sync/<reviewId>/connection.json,
// and the review's secret alone in sync/<reviewId>/token (owner-only, mode 0600). The token is
// read only to connect: it is never in connection.json, never logged, never sent to a window.
import { chmod, readFile, readdir, rm, stat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidAutomergeUrl } from '@automerge/automerge-repo';
import { fail, ok, type Problem, type Result } from '../../core/result';
import { ReviewRepository } from '../reviews/review-repository';
import { writeFileDurably, type WriteFile } from '../store/durable-write';
import { isSyncServerUrl, isWellFormedToken } from './sync-address';

/** Where a review syncs (what the UI may know; the token is kept apart). */
export interface SyncConnection {
  /** The team's sync server, `ws://…` or `wss://…`. */
  serverUrl: string;
  /** The shared document (`automerge:…`), once the review was shared or joined. */
  documentUrl?: string;
  /** False once the reviewer stopped syncing: kept for next time, but not resumed on start. */
  enabled: boolean;
}

/** A review's stored settings, with its token when one is stored. */
export interface StoredSync {
  connection: SyncConnection;
  token?: string;
}

const CONNECTION_FILE = 'connection.json';
const TOKEN_FILE = 'token';
/** Read and write for the owner only. */
const OWNER_ONLY = 0o600;

/** Why a sync server's address is refused, in plain words (undefined: it is fine). */
export function serverUrlProblem(serverUrl: string): string | undefined {
  if (isSyncServerUrl(serverUrl)) return undefined;
  return `“${serverUrl.slice(0, 200)}” is not a sync server’s address: it looks like ws://192.168.1.20:4871 (or wss://… through a secure proxy).`;
}

/** Why a shared review's address is refused, in plain words (undefined: it is fine). */
export function documentUrlProblem(documentUrl: string): string | undefined {
  if (isValidAutomergeUrl(documentUrl)) return undefined;
  return `“${documentUrl.slice(0, 200)}” is not a shared review’s address: it starts with automerge: — ask the teammate who shared the review to copy it again.`;
}

/** Why a review secret is refused, in plain words (undefined: it is fine). */
export function tokenProblem(token: string): string | undefined {
  if (isWellFormedToken(token)) return undefined;
  return 'The review’s secret is 32 to 256 letters, digits, - or _ (no spaces): use the one your team shares, or make a new one.';
}

/** The sync settings of a data folder's reviews, in `<dataDir>/sync`. */
export class SyncSettingsStore {
  constructor(
    private readonly syncDir: string,
    private readonly writeFile: WriteFile = writeFileDurably,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** The folder of a review's sync files (the review's copy of the shared document is there too). */
  folderOf(reviewId: string): string {
    if (!ReviewRepository.isReviewId(reviewId)) throw new Error(`not a review id: ${reviewId}`);
    return join(this.syncDir, reviewId);
  }

  /** The reviews that have settings stored. */
  async reviewIds(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.syncDir);
    } catch {
      return [];
    }
    const ids: string[] = [];
    for (const name of names.sort()) {
      if (!ReviewRepository.isReviewId(name)) continue;
      const found = await stat(join(this.syncDir, name, CONNECTION_FILE)).then(
        () => true,
        () => false,
      );
      if (found) ids.push(name);
    }
    return ids;
  }

  /**
   * A review's settings: undefined when none are stored; a problem (in plain words) when the
   * file is damaged, which is then left as it is and ignored.
   */
  async read(reviewId: string): Promise<Result<StoredSync | undefined, Problem>> {
    const folder = this.folderOf(reviewId);
    let text: string;
    try {
      text = await readFile(join(folder, CONNECTION_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(undefined);
      return fail(damaged(folder));
    }
    const connection = parseConnection(text);
    if (!connection) return fail(damaged(folder));
    const token = await readFile(join(folder, TOKEN_FILE), 'utf8').then(
      (t) => t.trim(),
      () => undefined,
    );
    return ok(token && isWellFormedToken(token) ? { connection, token } : { connection });
  }

  /**
   * Stores a review's settings (and its token, when given; else the stored one stays). Throws
   * with a plain message for input that is not well formed, and when a write fails.
   */
  async save(reviewId: string, connection: SyncConnection, token?: string): Promise<void> {
    const problem =
      serverUrlProblem(connection.serverUrl) ??
      (connection.documentUrl === undefined
        ? undefined
        : documentUrlProblem(connection.documentUrl)) ??
      (token === undefined ? undefined : tokenProblem(token));
    if (problem) throw new Error(problem);
    const folder = this.folderOf(reviewId);
    await mkdir(folder, { recursive: true });
    if (token !== undefined) {
      const file = join(folder, TOKEN_FILE);
      await this.writeFile(file, `${token}\n`);
      await chmod(file, OWNER_ONLY);
      const mode = (await stat(file)).mode & 0o777;
      // Windows has no owner-only mode bits; there the user's profile folder keeps it private.
      if (mode !== OWNER_ONLY && this.platform !== 'win32') {
        await rm(file, { force: true });
        throw new Error(
          `The review’s secret could not be kept private in ${folder} (its file is readable by others), so it was not stored.`,
        );
      }
    }
    const stored: SyncConnection = {
      serverUrl: connection.serverUrl,
      ...(connection.documentUrl === undefined ? {} : { documentUrl: connection.documentUrl }),
      enabled: connection.enabled,
    };
    await this.writeFile(join(folder, CONNECTION_FILE), JSON.stringify(stored, null, 2) + '\n');
  }

  /** Forgets a review's server and token (its copy of the shared document stays). */
  async forget(reviewId: string): Promise<void> {
    const folder = this.folderOf(reviewId);
    await rm(join(folder, TOKEN_FILE), { force: true });
    await rm(join(folder, CONNECTION_FILE), { force: true });
  }
}

function damaged(folder: string): Problem {
  return {
    code: 'sync-settings-damaged',
    message: `The team sync settings in ${join(folder, CONNECTION_FILE)} could not be read, so this review does not sync; enter the server and secret again in Team sync….`,
  };
}

function parseConnection(text: string): SyncConnection | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { serverUrl, documentUrl, enabled } = parsed as Record<string, unknown>;
  if (typeof serverUrl !== 'string' || serverUrlProblem(serverUrl)) return undefined;
  if (
    documentUrl !== undefined &&
    (typeof documentUrl !== 'string' || documentUrlProblem(documentUrl))
  )
    return undefined;
  if (typeof enabled !== 'boolean') return undefined;
  return { serverUrl, ...(documentUrl === undefined ? {} : { documentUrl }), enabled };
}
