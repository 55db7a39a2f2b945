// The sync part of `crosscheck serve`: checks the --sync flags, finds (or creates) the named review
// and keeps it in sync with the team's sync server. Nothing it prints carries the token.
import { isValidAutomergeUrl } from '@automerge/automerge-repo';
import type { Backend } from '../main/compose';
import type { ServiceSync } from '../main/sync/service-sync';
import { isSyncServerUrl, isWellFormedToken } from '../main/sync/sync-address';
import { badUsage, type CliIo } from './cli-io';

/** The environment variable that may carry the token instead of --sync-token. */
export const SYNC_TOKEN_ENV = 'CROSSCHECK_SYNC_TOKEN';

/** The serve flags that concern sync (all absent: no sync). */
export interface ServeSyncFlags {
  sync?: string | undefined;
  'sync-token'?: string | undefined;
  'sync-doc'?: string | undefined;
  review?: string | undefined;
}

/** Help lines for the sync flags. */
export const SERVE_SYNC_HELP = `
Team sync (optional; see "crosscheck sync-server"):
  --sync URL       the team's sync server, ws://host:port (wss:// through a TLS proxy)
  --sync-token T   the review's shared secret (or set ${SYNC_TOKEN_ENV}, which keeps it
                   off the process list); it is never printed
  --review NAME    the review to keep in sync, by name or id (created when there is none)
  --sync-doc URL   join a review a teammate shares (automerge:…, which they were shown);
                   without it, the review is shared (or the document shared before is used)
The settings are kept in the data folder (the token in a file only you can read): a later
serve without these flags, or the app on the same folder, syncs the review again.`;

/**
 * Starts syncing when --sync is given; resolves once the review is bound (offline too: a review
 * shared before from this data folder opens from its copy). Returns undefined without --sync.
 */
export async function startServeSync(
  flags: ServeSyncFlags,
  backend: Backend,
  io: Pick<CliIo, 'stdout' | 'stderr'>,
  env: Record<string, string | undefined> = process.env,
  retryInterval?: number,
): Promise<ServiceSync | undefined> {
  const token = flags['sync-token'] ?? env[SYNC_TOKEN_ENV];
  if (flags.sync === undefined) {
    if (flags['sync-token'] || flags.review || flags['sync-doc']) {
      throw badUsage('--sync-token, --review and --sync-doc need --sync URL.');
    }
    return undefined;
  }
  if (!isSyncServerUrl(flags.sync)) {
    throw badUsage(`--sync takes a sync server's address such as ws://127.0.0.1:4871.`);
  }
  if (!token)
    throw badUsage(`--sync needs the review's secret: --sync-token or ${SYNC_TOKEN_ENV}.`);
  if (!isWellFormedToken(token)) {
    throw badUsage('the sync token is not well formed: it is 32 to 256 letters, digits, - or _.');
  }
  if (!flags.review) throw badUsage('--sync needs --review NAME-OR-ID: the review to share.');
  const hide = (text: string) => text.split(token).join('[token]');
  const doc = flags['sync-doc'];
  if (doc !== undefined && !isValidAutomergeUrl(doc)) {
    throw badUsage(`"${hide(doc)}" is not a shared review's address (it starts with automerge:).`);
  }
  const reviewId = await findOrCreateReview(backend, flags.review);
  // Through the back end's team sync, which stores the settings: a later `serve` without the
  // flags (or the app on this folder) syncs the review again.
  const started = await backend.teamSync.start(
    reviewId,
    { serverUrl: flags.sync, token, documentUrl: doc },
    {
      ...(retryInterval === undefined ? {} : { retryInterval }),
      onProblem: (message) => io.stderr(`crosscheck: ${hide(message)}\n`),
    },
  );
  if (!started.ok) throw badUsage(hide(started.error.message));
  const sync = started.value;
  io.stdout(
    `Review syncing with ${hide(flags.sync)}; teammates join with --sync-doc ${sync.url}\n`,
  );
  sync.peer.onState((state) => io.stdout(`Sync: ${state}\n`));
  // It may have come online while the settings were stored.
  if (sync.state !== 'connecting') io.stdout(`Sync: ${sync.state}\n`);
  return sync;
}

/** The id of the review named (by id, else by name); a new review when none has that name. */
async function findOrCreateReview(backend: Backend, nameOrId: string): Promise<string> {
  const list = await backend.service.listReviews({});
  if (!list.ok) throw badUsage(list.error.message);
  const byId = list.value.reviews.find((r) => r.id === nameOrId);
  if (byId) return byId.id;
  const named = list.value.reviews.filter((r) => r.name === nameOrId.trim());
  if (named.length > 1) {
    throw badUsage(`${named.length} reviews are named "${nameOrId}"; give --review the id.`);
  }
  if (named[0]) return named[0].id;
  const created = await backend.service.createReview({ name: nameOrId });
  if (!created.ok) throw badUsage(created.error.message);
  return created.value.id;
}
