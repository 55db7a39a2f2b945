// `crosscheck sync-server [--port N] [--host H] [--data-dir DIR] [--closed]`: the team sync
// server. It keeps each shared review's document and lets in only connections that carry the
// review's token; it binds to this machine only unless --host says otherwise.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../main/compose';
import { mkdir } from 'node:fs/promises';
import { isValidAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo';
import { replaceReviewToken, revokeReview } from '../main/sync/sync-access';
import { isWellFormedToken } from '../main/sync/sync-address';
import { newSyncToken } from '../main/sync/sync-peer';
import { startSyncServer, type RunningSyncServer } from '../main/sync/sync-server';
import { SYNC_TOKEN_ENV } from './serve-sync';
import { badInput, badUsage, type CliIo, type ExitCode } from './cli-io';

/** The port the sync server uses when none is given. */
export const DEFAULT_SYNC_PORT = 4871;

/** Help text for the sync-server command. */
export const SYNC_SERVER_HELP = `Usage: crosscheck sync-server [--port N] [--host ADDRESS] [--data-dir DIR] [--closed]
       crosscheck sync-server [--data-dir DIR] --new-token REVIEW | --revoke REVIEW

Runs the team sync server: reviewers who share a review connect to it with the review's address
and secret token, and see each other's edits as they are made. A review is registered by the
first connection that brings its token; after that only that token is let in. Tokens are kept as
SHA-256 digests and never written to the log. Stop it with Ctrl+C.

  --port N          the port to listen on (default ${DEFAULT_SYNC_PORT}; 0 picks a free one)
  --host ADDRESS    the interface to listen on (default 127.0.0.1: this machine only);
                    put TLS in front of it (a reverse proxy) before opening it to a network
  --data-dir DIR    where shared reviews are kept (default: ${join(defaultDataDir(), 'sync-server')})
  --closed          take no new reviews: only reviews already registered may connect

Managing access (the server may be running; it closes the connections it no longer admits):
  --new-token REVIEW  give a review (its address, automerge:…) a new token: the one in
                      ${SYNC_TOKEN_ENV}, or a new one, printed once. Teammates who should keep
                      access need it; everyone else is shut out. This also registers a review
                      with a --closed server, and restores access withdrawn with --revoke.
  --revoke REVIEW     withdraw access to a review: no token is let in until --new-token`;

/**
 * Runs the sync-server command; resolves when the server stops (on SIGINT/SIGTERM, or when
 * `stop` is aborted, for tests).
 */
export async function runSyncServer(
  args: string[],
  io: CliIo,
  stop?: AbortSignal,
  env: Record<string, string | undefined> = process.env,
): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      closed: { type: 'boolean' },
      'new-token': { type: 'string' },
      revoke: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(SYNC_SERVER_HELP + '\n');
    return 0;
  }
  const dataDir = values['data-dir']
    ? resolve(io.cwd, values['data-dir'])
    : join(defaultDataDir(), 'sync-server');
  if (values['new-token'] !== undefined || values.revoke !== undefined) {
    if (values['new-token'] !== undefined && values.revoke !== undefined) {
      throw badUsage('--new-token and --revoke cannot be used together.');
    }
    return values.revoke !== undefined
      ? revoke(dataDir, values.revoke, io)
      : newToken(dataDir, values['new-token'] as string, io, env);
  }
  const port = values.port === undefined ? DEFAULT_SYNC_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    throw badUsage(`--port takes a whole number from 0 to 65535, not "${values.port}".`);
  }
  if (values.host !== undefined && values.host.trim() === '') {
    throw badUsage('--host takes an address to listen on, such as 127.0.0.1 or 0.0.0.0.');
  }
  let server: RunningSyncServer;
  try {
    server = await startSyncServer({
      port,
      dataDir,
      acceptNewReviews: !values.closed,
      log: (line) => io.stderr(`crosscheck sync-server: ${line}\n`),
      ...(values.host !== undefined ? { host: values.host } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw badInput(`port ${port} is already in use; choose another with --port.`);
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw badInput(`this machine has no address ${values.host ?? ''} to listen on.`);
    }
    if (error instanceof SyntaxError || /access file/.test((error as Error).message)) {
      throw badInput(`${join(dataDir, 'access.json')} is damaged; it was left as it is.`);
    }
    throw error;
  }
  io.stdout(`Crosscheck sync server is running at ${server.url}\n`);
  io.stdout(`Data folder: ${dataDir}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((done) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      void server.close().then(done);
    };
    if (stop) {
      if (stop.aborted) finish();
      else stop.addEventListener('abort', finish, { once: true });
    } else {
      process.once('SIGINT', finish);
      process.once('SIGTERM', finish);
    }
  });
  return 0;
}

/** The document id of a review's address, or a usage error in plain words. */
function reviewId(address: string, flag: string): string {
  const id = isValidAutomergeUrl(address) ? parseAutomergeUrl(address).documentId : undefined;
  if (!id) {
    throw badUsage(`${flag} takes a shared review's address (automerge:…), not "${address}".`);
  }
  return id;
}

async function newToken(
  dataDir: string,
  address: string,
  io: CliIo,
  env: Record<string, string | undefined>,
): Promise<ExitCode> {
  const documentId = reviewId(address, '--new-token');
  const given = env[SYNC_TOKEN_ENV];
  if (given !== undefined && !isWellFormedToken(given)) {
    throw badUsage(
      `${SYNC_TOKEN_ENV} is not a well-formed token: it is 32 to 256 letters, digits, - or _.`,
    );
  }
  const token = given ?? newSyncToken();
  await mkdir(dataDir, { recursive: true });
  const outcome = await replaceReviewToken(dataDir, documentId, token).catch(
    accessProblem(dataDir),
  );
  io.stdout(
    outcome === 'replaced'
      ? `The review ${address} has a new token; the old one no longer lets anyone in.\n`
      : `The review ${address} is registered with this server.\n`,
  );
  if (given === undefined)
    io.stdout(`Its token (shown this once; give it to your team): ${token}\n`);
  return 0;
}

async function revoke(dataDir: string, address: string, io: CliIo): Promise<ExitCode> {
  const documentId = reviewId(address, '--revoke');
  await mkdir(dataDir, { recursive: true });
  const outcome = await revokeReview(dataDir, documentId).catch(accessProblem(dataDir));
  if (outcome === 'unknown') {
    throw badInput(`the sync server in ${dataDir} holds no review ${address}.`);
  }
  io.stdout(
    `Access to the review ${address} is withdrawn: no token lets anyone in until --new-token.\n`,
  );
  return 0;
}

function accessProblem(dataDir: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof SyntaxError || /access file/.test((error as Error).message)) {
      throw badInput(`${join(dataDir, 'access.json')} is damaged; it was left as it is.`);
    }
    throw error;
  };
}
