// The composition root: builds the back-end services for one data folder, in dependency order,
// and tears them down again. Both hosts and the CLI start here.
import { mkdir } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ReviewRepository } from './reviews/review-repository';
import { ReviewService } from './review-service';
import { buildSampleReview } from './sample-review';
import { lockDataDir } from './store/data-dir-lock';
import { DocumentStore } from './store/document-store';
import { removeStaleTempFiles, type WriteFile } from './store/durable-write';
import type { RetryPolicy } from './reviews/open-review';
import { SettingsStore } from './store/settings-store';
import { SyncSettingsStore } from './sync/sync-settings';
import { TeamSyncManager, type TeamSyncTiming } from './sync/team-sync-manager';

/** Options for {@link createBackend}. */
export interface BackendOptions {
  dataDir: string;
  /** Folder holding sample-review.json and its documents. */
  samplesDir?: string;
  author?: string;
  clock?: () => string;
  /** How files are written (tests pass one that fails like a full or read-only disk). */
  writeFile?: WriteFile;
  /** How failed review writes are retried. */
  retry?: RetryPolicy;
  /** How team syncs wait and retry (tests shorten it). */
  teamSync?: TeamSyncTiming;
}

/** The running back end. */
export interface Backend {
  service: ReviewService;
  dataDir: string;
  /** The reviews' team sync: started from the app or `serve --sync`, resumed on start. */
  teamSync: TeamSyncManager;
  /** Settles once every review that was syncing has started again (or failed to, in words). */
  resumed: Promise<void>;
  /**
   * Closes team syncs, waits for pending writes and releases the data folder. Changes whose
   * write failed are lost after this: hosts first check `service.unsaved()` (retry, warn, or
   * write a rescue copy).
   */
  close(): Promise<void>;
}

/** Locks the data folder (or throws DataDirInUseError) and builds the services. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  await mkdir(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir);
  try {
    const repository = new ReviewRepository(join(options.dataDir, 'reviews'), options.writeFile);
    await repository.init();
    const documentsDir = join(options.dataDir, 'documents');
    await mkdir(documentsDir, { recursive: true });
    await removeStaleTempFiles(documentsDir);
    await removeStaleTempFiles(options.dataDir);
    const settings = new SettingsStore(join(options.dataDir, 'settings.json'), options.writeFile);
    await settings.load();
    const samplesDir = options.samplesDir;
    const service = new ReviewService({
      repository,
      documents: new DocumentStore(documentsDir, options.writeFile),
      settings,
      author: options.author ?? currentUser(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(samplesDir
        ? { buildSample: (s: ReviewService) => buildSampleReview(s, samplesDir) }
        : {}),
      teamSync: (s: ReviewService) =>
        new TeamSyncManager(
          s,
          new SyncSettingsStore(join(options.dataDir, 'sync'), options.writeFile),
          options.teamSync,
        ),
    });
    const teamSync = service.teamSync;
    if (!teamSync) throw new Error('the service was built without team sync');
    // In the background: the app opens at once, offline or not; problems show per review.
    const resumed = teamSync.resumeAll().catch(() => undefined);
    return {
      service,
      dataDir: options.dataDir,
      teamSync,
      resumed,
      close: async () => {
        await teamSync.close();
        await service.flush();
        service.dispose();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The platform's folder for per-user app data, as Electron's `userData` names it. */
export function defaultDataDir(appName = 'Crosscheck'): string {
  if (process.platform === 'win32') {
    return join(process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), appName);
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', appName);
  }
  return join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), appName);
}

function currentUser(): string {
  try {
    return userInfo().username || 'reviewer';
  } catch {
    return 'reviewer';
  }
}
