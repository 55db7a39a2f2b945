// Keeps one review of a ReviewService in sync with its shared document: every change the service
// commits to the review (the reviewer's edits, undo, redo) is handed to the review's ReviewSync,
// and every change from teammates is committed through the service, so windows see it and it is
// written to the review's file. Offline first: the service never waits on the network.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidAutomergeUrl, type AutomergeUrl } from '@automerge/automerge-repo';
import { applyChange, type ReviewChange } from '../../core/review/review-change';
import type { Review } from '../../core/review/types';
import type { ReviewService } from '../review-service';
import { ReviewSync } from './review-sync';
import { SyncPeer, type SyncPeerState } from './sync-peer';

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
  /** How long to wait for a document this folder does not have yet (ms). */
  openTimeoutMs?: number;
  /** Told when a remote change could not be applied (plain words, no token). */
  onProblem?: (message: string) => void;
}

/** The file in the storage folder that remembers which document the review is shared as. */
const URL_FILE = 'document-url.txt';

/** A review of the service bound to its shared document. */
export class ServiceSync {
  private constructor(
    readonly peer: SyncPeer,
    private readonly sync: ReviewSync,
    private readonly unsubscribe: () => void,
  ) {}

  /** Shares or joins the review's document and starts syncing it; returns once bound. */
  static async start(options: ServiceSyncOptions): Promise<ServiceSync> {
    const { service, reviewId } = options;
    const read = await service.readReview(reviewId);
    if (!read.ok) throw new Error(read.error.message);
    // The review as the service has it, kept in step with every change the service commits.
    let review: Review = read.value;
    let sync: ReviewSync | undefined;
    const unsubscribe = service.onEvent((event) => {
      if (event.name !== 'reviewChanged' || event.payload.reviewId !== reviewId) return;
      review = applyChange(review, event.payload.change);
      // A change that came from the document writes nothing back (ReviewSync compares values).
      sync?.push(event.payload.change);
    });
    const applyRemote = (change: ReviewChange) => {
      void service.applyRemoteChange(reviewId, change).then((result) => {
        if (!result.ok)
          options.onProblem?.(`A teammate's change was not applied: ${result.error.message}`);
      });
    };
    const peer = new SyncPeer({
      serverUrl: options.serverUrl,
      token: options.token,
      storageDir: options.storageDir,
      ...(options.retryInterval === undefined ? {} : { retryInterval: options.retryInterval }),
    });
    try {
      await mkdir(options.storageDir, { recursive: true });
      const given = options.documentUrl;
      if (given !== undefined && !isValidAutomergeUrl(given)) {
        throw new Error(`"${given}" is not a shared review's address (it starts with automerge:).`);
      }
      const url = given ?? (await rememberedUrl(options.storageDir));
      const handle = url ? await peer.open(url, options.openTimeoutMs) : peer.share(review);
      await writeFile(join(options.storageDir, URL_FILE), `${handle.url}\n`);
      sync = ReviewSync.attach(handle, { current: () => review, applyRemote }, options.author);
      return new ServiceSync(peer, sync, unsubscribe);
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

  /** Stops syncing (edits go on locally and sync on the next start). */
  async close(): Promise<void> {
    this.unsubscribe();
    this.sync.close();
    await this.peer.close();
  }
}

async function rememberedUrl(folder: string): Promise<AutomergeUrl | undefined> {
  try {
    const text = (await readFile(join(folder, URL_FILE), 'utf8')).trim();
    return isValidAutomergeUrl(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
