// The team sync of a data folder's reviews, as both hosts and `serve --sync` start it: starts a
// review's ServiceSync from settings the reviewer entered (and stores them), stops it, and on
// start of the back end resumes every review that was syncing, in the background. A review that
// cannot sync keeps a problem in plain words (shown in its Team sync dialog); nothing here throws
// for what a reviewer typed or for a server that cannot be reached.
import { fail, ok, type Problem, type Result } from '../../core/result';
import type { TeamSyncInfo } from '../../shared/review-api';
import type { ReviewService } from '../review-service';
import type { PresenceTiming } from './presence';
import { ServiceSync } from './service-sync';
import {
  documentUrlProblem,
  serverUrlProblem,
  SyncSettingsStore,
  tokenProblem,
  type StoredSync,
} from './sync-settings';

/** What a start asks for: the server, the secret (else the stored one), the document to join. */
export interface TeamSyncRequest {
  serverUrl: string;
  token?: string | undefined;
  documentUrl?: string | undefined;
}

/** How syncs are run (tests shorten the waits). */
export interface TeamSyncTiming {
  /** How long to wait between attempts to reach the server (ms). */
  retryInterval?: number;
  /** How long a join waits for a document this folder does not have yet (ms). */
  openTimeoutMs?: number;
  presence?: PresenceTiming;
}

/** Starts, stops and resumes the team sync of one back end's reviews. */
export class TeamSyncManager {
  private readonly running = new Map<string, ServiceSync>();
  private readonly problems = new Map<string, string>();
  /** Each review's operations, one after another (a start waits for the resume before it). */
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly service: ReviewService,
    readonly settings: SyncSettingsStore,
    private readonly timing: TeamSyncTiming = {},
  ) {}

  /** Starts every review whose settings say it syncs; resolves when each has started or failed. */
  async resumeAll(): Promise<void> {
    const ids = await this.settings.reviewIds();
    await Promise.all(ids.map((reviewId) => this.queue(reviewId, () => this.resume(reviewId))));
  }

  private async resume(reviewId: string): Promise<void> {
    const stored = await this.settings.read(reviewId);
    if (!stored.ok) {
      this.problems.set(reviewId, stored.error.message);
      return;
    }
    const settings = stored.value;
    if (!settings?.connection.enabled || this.running.has(reviewId)) return;
    const started = await this.begin(reviewId, settings, {});
    if (!started.ok) this.problems.set(reviewId, started.error.message);
  }

  /**
   * Starts syncing a review with what the reviewer entered and stores it (a sync already running
   * for it is closed first). Fails, in plain words, for an address or secret that is not well
   * formed, a review that does not exist, or a join the server cannot answer.
   */
  start(
    reviewId: string,
    request: TeamSyncRequest,
    extra: { retryInterval?: number; onProblem?: (message: string) => void } = {},
  ): Promise<Result<ServiceSync, Problem>> {
    return this.queue(reviewId, async () => {
      const problem =
        serverUrlProblem(request.serverUrl) ??
        (request.documentUrl === undefined ? undefined : documentUrlProblem(request.documentUrl)) ??
        (request.token === undefined ? undefined : tokenProblem(request.token));
      if (problem) return fail({ code: 'bad-sync-settings', message: problem });
      const stored = await this.settings.read(reviewId);
      const token = request.token ?? (stored.ok ? stored.value?.token : undefined);
      if (token === undefined) {
        return fail({
          code: 'no-sync-token',
          message: 'Enter the review’s secret: no secret is stored for this review yet.',
        });
      }
      const documentUrl =
        request.documentUrl ?? (stored.ok ? stored.value?.connection.documentUrl : undefined);
      await this.running.get(reviewId)?.close();
      this.running.delete(reviewId);
      const settings: StoredSync = {
        connection: {
          serverUrl: request.serverUrl,
          enabled: true,
          ...(documentUrl === undefined ? {} : { documentUrl }),
        },
        token,
      };
      const started = await this.begin(reviewId, settings, extra);
      if (!started.ok) return started;
      try {
        await this.settings.save(
          reviewId,
          { ...settings.connection, documentUrl: started.value.url },
          token,
        );
      } catch (error) {
        await started.value.close();
        this.running.delete(reviewId);
        return fail({
          code: 'not-saved',
          message: `The review was not connected: its sync settings could not be stored (${hide((error as Error).message, token)}).`,
        });
      }
      return started;
    });
  }

  /** Stops syncing a review; `forget` also removes its stored server and secret. */
  stop(reviewId: string, forget = false): Promise<void> {
    return this.queue(reviewId, async () => {
      const sync = this.running.get(reviewId);
      this.running.delete(reviewId);
      this.problems.delete(reviewId);
      await sync?.close();
      if (forget) await this.settings.forget(reviewId);
      else {
        const stored = await this.settings.read(reviewId);
        if (stored.ok && stored.value) {
          await this.settings.save(reviewId, { ...stored.value.connection, enabled: false });
        }
      }
      if (sync) {
        this.service.publish({ name: 'syncStatus', payload: { reviewId, status: null } });
        this.service.publish({ name: 'syncConflicts', payload: { reviewId, conflicts: [] } });
      }
    });
  }

  /** What a window may know of a review's team sync (never the token). */
  async info(reviewId: string): Promise<TeamSyncInfo> {
    const sync = this.running.get(reviewId);
    const stored = await this.settings.read(reviewId);
    const connection = stored.ok ? stored.value?.connection : undefined;
    const documentUrl = sync?.url ?? connection?.documentUrl;
    const problem = stored.ok ? this.problems.get(reviewId) : stored.error.message;
    return {
      syncing: sync !== undefined,
      hasToken: stored.ok && stored.value?.token !== undefined,
      ...(connection ? { serverUrl: connection.serverUrl } : {}),
      ...(documentUrl ? { documentUrl } : {}),
      ...(problem && !sync ? { problem } : {}),
    };
  }

  /** The sync running for a review, if any. */
  syncOf(reviewId: string): ServiceSync | undefined {
    return this.running.get(reviewId);
  }

  /** Waits for starts under way, then closes every sync (their settings stay for next time). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((p) => p.catch(() => undefined)));
    const syncs = [...this.running.values()];
    this.running.clear();
    for (const sync of syncs) await sync.close();
  }

  /** Starts a ServiceSync from settings; a failure is a problem in plain words (no token). */
  private async begin(
    reviewId: string,
    settings: StoredSync,
    extra: { retryInterval?: number; onProblem?: (message: string) => void },
  ): Promise<Result<ServiceSync, Problem>> {
    const token = settings.token;
    if (this.closed) return fail({ code: 'closed', message: 'Crosscheck is closing.' });
    if (token === undefined) {
      return fail({
        code: 'no-sync-token',
        message: 'No secret is stored for this review: enter it again in Team sync…',
      });
    }
    const who = await this.service.getReviewerSettings({});
    const author = who.ok ? (who.value.reviewerName ?? who.value.defaultName) : 'reviewer';
    const retryInterval = extra.retryInterval ?? this.timing.retryInterval;
    const { documentUrl } = settings.connection;
    try {
      const sync = await ServiceSync.start({
        service: this.service,
        reviewId,
        serverUrl: settings.connection.serverUrl,
        token,
        storageDir: this.settings.folderOf(reviewId),
        author,
        ...(documentUrl === undefined ? {} : { documentUrl }),
        ...(retryInterval === undefined ? {} : { retryInterval }),
        ...(this.timing.openTimeoutMs === undefined
          ? {}
          : { openTimeoutMs: this.timing.openTimeoutMs }),
        ...(this.timing.presence ? { presence: this.timing.presence } : {}),
        onProblem: (message) => {
          const shown = hide(message, token);
          this.problems.set(reviewId, shown);
          extra.onProblem?.(shown);
        },
      });
      if (this.closed) {
        await sync.close();
        return fail({ code: 'closed', message: 'Crosscheck is closing.' });
      }
      this.running.set(reviewId, sync);
      this.problems.delete(reviewId);
      // Windows showing the review learn at once that it syncs, and of any conflicts.
      this.service.publish({ name: 'syncStatus', payload: { reviewId, status: sync.status() } });
      sync.publishConflicts();
      return ok(sync);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail({ code: 'sync-not-started', message: hide(message, token) });
    }
  }

  private queue<T>(reviewId: string, task: () => Promise<T>): Promise<T> {
    const before = this.queues.get(reviewId) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(task);
    const settled = next.catch(() => undefined);
    this.queues.set(reviewId, settled);
    void settled.then(() => {
      if (this.queues.get(reviewId) === settled) this.queues.delete(reviewId);
    });
    return next;
  }
}

/** A message with the token taken out. */
function hide(text: string, token: string): string {
  return text.split(token).join('[secret]');
}
