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
import { removeStaleTempFiles } from './store/durable-write';
import { SettingsStore } from './store/settings-store';

/** Options for {@link createBackend}. */
export interface BackendOptions {
  dataDir: string;
  /** Folder holding sample-review.json and its documents. */
  samplesDir?: string;
  author?: string;
  clock?: () => string;
}

/** The running back end. */
export interface Backend {
  service: ReviewService;
  dataDir: string;
  /** Writes everything pending and releases the data folder. */
  close(): Promise<void>;
}

/** Locks the data folder (or throws DataDirInUseError) and builds the services. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  await mkdir(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir);
  try {
    const repository = new ReviewRepository(join(options.dataDir, 'reviews'));
    await repository.init();
    const documentsDir = join(options.dataDir, 'documents');
    await mkdir(documentsDir, { recursive: true });
    await removeStaleTempFiles(documentsDir);
    await removeStaleTempFiles(options.dataDir);
    const settings = new SettingsStore(join(options.dataDir, 'settings.json'));
    await settings.load();
    const samplesDir = options.samplesDir;
    const service = new ReviewService({
      repository,
      documents: new DocumentStore(documentsDir),
      settings,
      author: options.author ?? currentUser(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(samplesDir
        ? { buildSample: (s: ReviewService) => buildSampleReview(s, samplesDir) }
        : {}),
    });
    return {
      service,
      dataDir: options.dataDir,
      close: async () => {
        await service.flush();
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
