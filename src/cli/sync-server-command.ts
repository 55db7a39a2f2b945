// `crosscheck sync-server [--port N] [--host H] [--data-dir DIR] [--closed]`: the team sync
// server. It keeps each shared review's document and lets in only connections that carry the
// review's token; it binds to this machine only unless --host says otherwise.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../main/compose';
import { startSyncServer, type RunningSyncServer } from '../main/sync/sync-server';
import { badInput, badUsage, type CliIo, type ExitCode } from './cli-io';

/** The port the sync server uses when none is given. */
export const DEFAULT_SYNC_PORT = 4871;

/** Help text for the sync-server command. */
export const SYNC_SERVER_HELP = `Usage: crosscheck sync-server [--port N] [--host ADDRESS] [--data-dir DIR] [--closed]

Runs the team sync server: reviewers who share a review connect to it with the review's address
and secret token, and see each other's edits as they are made. A review is registered by the
first connection that brings its token; after that only that token is let in. Tokens are kept as
SHA-256 digests and never written to the log. Stop it with Ctrl+C.

  --port N          the port to listen on (default ${DEFAULT_SYNC_PORT}; 0 picks a free one)
  --host ADDRESS    the interface to listen on (default 127.0.0.1: this machine only);
                    put TLS in front of it (a reverse proxy) before opening it to a network
  --data-dir DIR    where shared reviews are kept (default: ${join(defaultDataDir(), 'sync-server')})
  --closed          take no new reviews: only reviews already registered may connect`;

/**
 * Runs the sync-server command; resolves when the server stops (on SIGINT/SIGTERM, or when
 * `stop` is aborted, for tests).
 */
export async function runSyncServer(
  args: string[],
  io: CliIo,
  stop?: AbortSignal,
): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      closed: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(SYNC_SERVER_HELP + '\n');
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_SYNC_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    throw badUsage(`--port takes a whole number from 0 to 65535, not "${values.port}".`);
  }
  if (values.host !== undefined && values.host.trim() === '') {
    throw badUsage('--host takes an address to listen on, such as 127.0.0.1 or 0.0.0.0.');
  }
  const dataDir = values['data-dir']
    ? resolve(io.cwd, values['data-dir'])
    : join(defaultDataDir(), 'sync-server');
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
