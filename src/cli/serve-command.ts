// `crosscheck serve [--port N] [--data-dir DIR] [--sync …]`: the browser host, for machines without
// Electron, optionally keeping one review in sync with the team's sync server.
import { openDataDir } from './data-dir-review';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, type Backend } from '../main/compose';
import { rescueUnsaved } from '../main/rescue';
import { startBrowserHost } from '../main/http/browser-host';
import { badInput, badUsage, type CliIo, type ExitCode } from './cli-io';
import { SERVE_SYNC_HELP, startServeSync } from './serve-sync';

/** Help text for the serve command. */
export const SERVE_HELP = `Usage: crosscheck serve [--port N] [--data-dir DIR] [--sync URL --review NAME ...]

Serves Crosscheck to your browser at http://127.0.0.1:N/ and prints the address to open, which
carries a secret token for this launch. Only this machine can connect. Stop it with Ctrl+C.

  --port N        the port to listen on (default 4870; 0 picks a free one)
  --data-dir DIR  where reviews and documents are kept (default: ${defaultDataDir()})
${SERVE_SYNC_HELP}`;

/** The port `serve` uses when none is given. */
export const DEFAULT_PORT = 4870;

/** Where the built app's files are. */
export interface ServePaths {
  rendererDir: string;
  samplesDir: string;
  fontsDir: string;
}

/**
 * Stops the back end: a last try at writing unsaved changes, then, if some are still not on
 * disk, a rescue copy and one sentence on stderr saying where it is.
 */
async function stopBackend(backend: Backend, io: CliIo): Promise<void> {
  await backend.service.retrySaves();
  const rescue = await rescueUnsaved(backend.service, backend.dataDir);
  if (rescue) io.stderr(`crosscheck: ${rescue.message}\n`);
  await backend.close();
}

/** Runs the serve command; resolves when the server stops (on SIGINT/SIGTERM). */
export async function runServe(args: string[], io: CliIo, paths: ServePaths): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      sync: { type: 'string' },
      'sync-token': { type: 'string' },
      'sync-doc': { type: 'string' },
      review: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(SERVE_HELP + '\n');
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    throw badUsage(`--port takes a whole number from 0 to 65535, not "${values.port}".`);
  }
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    throw badInput('the app is not built yet; run "npm run build" first.');
  }
  const dataDir = values['data-dir'] ? resolve(io.cwd, values['data-dir']) : defaultDataDir();
  const backend = await openDataDir(dataDir, { samplesDir: paths.samplesDir, create: true });
  let host;
  let sync;
  try {
    sync = await startServeSync(values, backend, io);
    host = await startBrowserHost({
      rendererDir: paths.rendererDir,
      port,
      backend: { api: backend.service, onEvent: (l) => backend.service.onEvent(l) },
      exports: {
        fontsDir: paths.fontsDir,
        clock: () => new Date().toISOString(),
        publish: (event) => backend.service.publish(event),
        reader: backend.service,
      },
    });
  } catch (error) {
    await sync?.close();
    await backend.close();
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw badInput(`port ${port} is already in use; choose another with --port.`);
    }
    throw error;
  }
  io.stdout(`Crosscheck is running. Open this address in your browser:\n\n  ${host.url}\n\n`);
  io.stdout(`Data folder: ${dataDir}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      host.server.closeAllConnections();
      void host
        .close()
        .then(() => sync?.close())
        .then(() => stopBackend(backend, io))
        .then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
