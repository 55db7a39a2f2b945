// Real back ends on a real sync server for sync tests: a temporary folder holding the server's
// data and one data folder per reviewer, and the teardown of everything started in it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src/main/compose';
import { ServiceSync } from '../../src/main/sync/service-sync';
import { newSyncToken } from '../../src/main/sync/sync-peer';
import { startSyncServer, type RunningSyncServer } from '../../src/main/sync/sync-server';

/** A sync server and the reviewers' back ends of one test file. */
export class SyncBackends {
  private readonly backends: Backend[] = [];
  private readonly syncs: ServiceSync[] = [];
  /** The shared secret the syncs of {@link startSync} use. */
  readonly token = newSyncToken();

  private constructor(
    readonly folder: string,
    readonly server: RunningSyncServer,
  ) {}

  /** Starts a sync server on a free loopback port; `log` gets its lines. */
  static async start(log?: (line: string) => void): Promise<SyncBackends> {
    const folder = await mkdtemp(join(tmpdir(), 'crosscheck-sync-backends-'));
    const server = await startSyncServer({
      port: 0,
      dataDir: join(folder, 'server'),
      ...(log ? { log } : {}),
    });
    return new SyncBackends(folder, server);
  }

  /** A reviewer's back end, with a data folder of its own, composed as the hosts compose it. */
  async backendOf(name: string): Promise<Backend> {
    const backend = await createBackend({
      dataDir: join(this.folder, name),
      author: name,
      teamSync: { retryInterval: 100 },
    });
    this.backends.push(backend);
    return backend;
  }

  /** Closes a reviewer's back end (as quitting the app does) and opens its data folder again. */
  async restart(backend: Backend): Promise<Backend> {
    const at = this.backends.indexOf(backend);
    if (at >= 0) this.backends.splice(at, 1);
    await backend.close();
    const name = backend.dataDir.slice(this.folder.length + 1);
    return this.backendOf(name);
  }

  /**
   * Shares a reviewer's review on the server (or joins `documentUrl`), retrying every 100 ms, its
   * copy under the data folder's sync/ as the hosts keep it; closed at the end.
   */
  async startSync(
    backend: Backend,
    reviewId: string,
    options: { author?: string; documentUrl?: string; onProblem?: (message: string) => void } = {},
  ): Promise<ServiceSync> {
    return this.track(
      await ServiceSync.start({
        service: backend.service,
        reviewId,
        serverUrl: this.server.url,
        token: this.token,
        storageDir: join(backend.dataDir, 'sync', reviewId),
        author: options.author ?? backend.dataDir,
        retryInterval: 100,
        ...(options.documentUrl ? { documentUrl: options.documentUrl } : {}),
        ...(options.onProblem ? { onProblem: options.onProblem } : {}),
      }),
    );
  }

  /** Remembers a sync to close at the end; returns it. */
  track<T extends ServiceSync | undefined>(sync: T): T {
    if (sync) this.syncs.push(sync);
    return sync;
  }

  /** Closes syncs, back ends and the server, and removes the folder. */
  async close(): Promise<void> {
    for (const sync of this.syncs) await sync.close();
    for (const backend of this.backends) await backend.close();
    await this.server.close();
    await rm(this.folder, { recursive: true, force: true });
  }
}
