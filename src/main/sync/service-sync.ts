// Keeps one review of a ReviewService in sync with its shared document: every change the service
// commits to the review (the reviewer's edits, undo, redo) is handed to the review's ReviewSync,
// and every change from teammates is committed through the service, so windows see it and it is
// written to the review's file. Offline first: the service never waits on the network.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { isValidAutomergeUrl, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { applyChange, type ReviewChange } from '../../core/review/review-change';
import type { Review } from '../../core/review/types';
import type { ReviewService } from '../review-service';
import type { SyncConflict } from '../../core/sync/sync-conflict';
import { sameValue } from '../../core/sync/same-value';
import { tagNews } from '../../core/sync/tag-news';
import type { AutomergeReview } from './automerge-review';
import { newsFromOthers } from './news-from-others';
import { ReviewSync, type ConflictTarget } from './review-sync';
import { SyncPeer, type SyncPeerState } from './sync-peer';
import { Presence, type PresenceTiming } from './presence';
import { UNSEEN_FILE, UnseenMarks } from './unseen-marks';
import type { SyncStatus, UnseenTag } from '../../shared/review-api';

/** What to keep in sync and where. */
export interface ServiceSyncOptions {
  service: ReviewService;
  reviewId: string;
  /** Base address of the sync server (`ws://host:port`). */
  serverUrl: string;
  /** The review's shared secret (never logged). */
  token: string;
  /** The folder for this review's copy of the document (one per shared review). */
  storageDir: string;
  /** The shared document to join (`automerge:…`); without it, the one shared before from this folder, else a new one. */
  documentUrl?: string;
  /** Whose edits these are, in the document's author table. */
  author: string;
  /** How long to wait between attempts to reach the server (ms). */
  retryInterval?: number;
  /** How often this app tells teammates it has the review open, and when they count as gone. */
  presence?: PresenceTiming;
  /** How long to wait for a document this folder does not have yet (ms). */
  openTimeoutMs?: number;
  /** Told when a remote change could not be applied (plain words, no token). */
  onProblem?: (message: string) => void;
  /** When a teammate's change arrived, for the tags it makes new (ISO 8601; tests fix it). */
  clock?: () => string;
}

/** The file in the storage folder that remembers which document the review is shared as. */
const URL_FILE = 'document-url.txt';

/** A review of the service bound to its shared document. */
export class ServiceSync {
  /** The conflicts windows were last told of. */
  private listed: SyncConflict[] = [];

  private shownStatus: SyncStatus | undefined;
  private closed = false;
  private readonly stopStatus: () => void;

  private constructor(
    readonly peer: SyncPeer,
    private readonly sync: ReviewSync,
    private readonly unsubscribe: () => void,
    private readonly reviewId: string,
    private readonly service: ReviewService,
    private readonly presence: Presence,
    private readonly marks: UnseenMarks,
  ) {
    const stopPeer = peer.onState((state) => {
      // Back online: say hello at once rather than at the next beat.
      if (state === 'online') presence.announce();
      this.publishStatus();
    });
    const stopPresence = presence.onChange(() => this.publishStatus());
    this.stopStatus = () => {
      stopPeer();
      stopPresence();
    };
  }

  /** Shares or joins the review's document and starts syncing it; returns once bound. */
  static async start(options: ServiceSyncOptions): Promise<ServiceSync> {
    const { service, reviewId } = options;
    const read = await service.readReview(reviewId);
    if (!read.ok) throw new Error(read.error.message);
    // The review as the service has it, kept in step with every change the service commits.
    let review: Review = read.value;
    let sync: ReviewSync | undefined;
    let handle: DocHandle<AutomergeReview> | undefined;
    await mkdir(options.storageDir, { recursive: true });
    const marks = await UnseenMarks.load(join(options.storageDir, UNSEEN_FILE), {
      ...(options.onProblem ? { onProblem: options.onProblem } : {}),
    });
    const publishUnseen = () => tellUnseen(service, reviewId, marks);
    const unsubscribe = service.onEvent((event) => {
      if (event.name !== 'reviewChanged' || event.payload.reviewId !== reviewId) return;
      review = applyChange(review, event.payload.change);
      // A change that came from the document writes nothing back (ReviewSync compares values).
      sync?.push(event.payload.change);
      // A tag gone (a teammate or this reviewer removed it) is no longer new.
      if (marks.remove(tagNews(event.payload.change).removed)) publishUnseen();
    });
    const clock = options.clock ?? (() => new Date().toISOString());
    const applyRemote = (change: ReviewChange) => {
      const doc = handle?.doc();
      const own = { actor: doc ? A.getActorId(doc) : '', author: options.author };
      let news: UnseenTag[] = [];
      try {
        if (doc) news = newsFromOthers(doc, change, own, clock());
      } catch (error) {
        // Marks are a convenience: a teammate's change is applied whatever happens to them.
        options.onProblem?.(`Could not tell which tags are new: ${String(error)}`);
      }
      void service.applyRemoteChange(reviewId, change).then((result) => {
        if (!result.ok) {
          options.onProblem?.(`A teammate's change was not applied: ${result.error.message}`);
        } else if (marks.add(news)) publishUnseen();
      });
    };
    const peer = new SyncPeer({
      serverUrl: options.serverUrl,
      token: options.token,
      storageDir: options.storageDir,
      ...(options.retryInterval === undefined ? {} : { retryInterval: options.retryInterval }),
    });
    try {
      const given = options.documentUrl;
      if (given !== undefined && !isValidAutomergeUrl(given)) {
        throw new Error(`"${given}" is not a shared review's address (it starts with automerge:).`);
      }
      const url = given ?? (await rememberedUrl(options.storageDir));
      handle = url ? await peer.open(url, options.openTimeoutMs) : peer.share(review);
      await writeFile(join(options.storageDir, URL_FILE), `${handle.url}\n`);
      // Tell windows when teammates' edits change the list of conflicts (not on every edit).
      const bound: { sync?: ServiceSync } = {};
      const remoteChanged = () => {
        const started = bound.sync;
        if (started && !sameValue(started.conflicts(), started.listed)) started.publishConflicts();
      };
      sync = ReviewSync.attach(
        handle,
        { current: () => review, applyRemote, remoteChanged },
        options.author,
      );
      const presence = new Presence(handle, randomUUID(), options.author, options.presence);
      const started = new ServiceSync(peer, sync, unsubscribe, reviewId, service, presence, marks);
      started.listed = sync.conflicts();
      bound.sync = started;
      service.syncs.register(reviewId, started);
      return started;
    } catch (error) {
      unsubscribe();
      await peer.close();
      throw error;
    }
  }

  /** The shared document's URL, which teammates need (with the token) to join. */
  get url(): string {
    return this.sync.url;
  }

  /** How the connection stands. */
  get state(): SyncPeerState {
    return this.peer.state;
  }

  /** The review's registers with concurrent values, which wait for a reviewer's pick. */
  conflicts(): SyncConflict[] {
    return this.sync.conflicts();
  }

  /**
   * Keeps the value `actor` wrote in a conflict: written to the document (settling it for the
   * team) and returned as the change the local review needs (undefined: no such conflict).
   */
  pick(target: ConflictTarget, actor: string): ReviewChange | undefined {
    return this.sync.pick(target, actor);
  }

  /** Tells windows the review's conflicts as they are now (after one was settled). */
  publishConflicts(): void {
    this.listed = this.sync.conflicts();
    this.service.publish({
      name: 'syncConflicts',
      payload: { reviewId: this.reviewId, conflicts: this.listed },
    });
  }

  /** The connection and who else has the review open. */
  status(): SyncStatus {
    const connection = this.peer.state;
    return {
      connection,
      others: connection === 'online' ? this.presence.others() : [],
    };
  }

  /** The tags teammates added or changed since this reviewer last looked at them. */
  unseen(): UnseenTag[] {
    return this.marks.list();
  }

  /** Forgets the tags the reviewer has looked at (`'all'`: every one); resolves once on disk. */
  async markSeen(tagIds: readonly string[] | 'all'): Promise<void> {
    if (this.marks.remove(tagIds)) tellUnseen(this.service, this.reviewId, this.marks);
    await this.marks.flush();
  }

  /** Tells windows how the connection stands and who else is here. */
  private publishStatus(): void {
    const status = this.status();
    if (sameValue(status, this.shownStatus)) return;
    this.shownStatus = status;
    this.service.publish({ name: 'syncStatus', payload: { reviewId: this.reviewId, status } });
  }

  /** Stops syncing (edits go on locally and sync on the next start); once is enough. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopStatus();
    this.presence.close();
    this.service.syncs.unregister(this.reviewId, this);
    this.unsubscribe();
    this.sync.close();
    await this.peer.close();
    await this.marks.flush();
  }
}

/** Tells windows which tags are new from teammates now. */
function tellUnseen(service: ReviewService, reviewId: string, marks: UnseenMarks): void {
  service.publish({ name: 'unseenChanged', payload: { reviewId, tags: marks.list() } });
}

async function rememberedUrl(folder: string): Promise<AutomergeUrl | undefined> {
  try {
    const text = (await readFile(join(folder, URL_FILE), 'utf8')).trim();
    return isValidAutomergeUrl(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
