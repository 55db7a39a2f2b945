// One reviewer's side of a shared review: an Automerge repo that keeps the review's document in a
// folder of its own (so edits made offline survive a restart) and, when online, one WebSocket to
// the sync server that carries the review's token. Nothing waits on the network: the document is
// always written locally first and synced whenever a connection is up.
import { randomBytes } from 'node:crypto';
import {
  Repo,
  type AutomergeUrl,
  type DocHandle,
  type DocumentId,
  type PeerId,
} from '@automerge/automerge-repo';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';
import type { Review } from '../../core/review/types';
import { initialDoc, type AutomergeReview } from './automerge-review';
import { flushReady } from './flush-ready';
import { GuardedClientAdapter } from './guarded-client-adapter';
import { syncAddress } from './sync-address';

/** Where a peer keeps its copy and which server and token it uses. */
export interface SyncPeerOptions {
  /** Base address of the sync server: `ws://host:port` or `wss://host/path`. */
  serverUrl: string;
  /** The review's shared secret. */
  token: string;
  /** The folder for this peer's copy of the document (one folder per shared review). */
  storageDir: string;
  /** How long to wait between attempts to reach the server (ms). */
  retryInterval?: number;
}

/** How the peer's connection stands. */
export type SyncPeerState = 'offline' | 'connecting' | 'online' | 'refused';

/** A reviewer's connection to one shared review. */
export class SyncPeer {
  readonly repo: Repo;
  private documentId: DocumentId | undefined;
  private adapter: GuardedClientAdapter | undefined;
  private status: SyncPeerState = 'offline';
  /** Whether the owner wants a connection (so a closed one is made again). */
  private wanted = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(state: SyncPeerState) => void>();

  constructor(private readonly options: SyncPeerOptions) {
    const only = async (_peer: PeerId, documentId?: DocumentId) =>
      documentId !== undefined && documentId === this.documentId;
    this.repo = new Repo({
      peerId: newPeerId(),
      storage: new NodeFSStorageAdapter(options.storageDir),
      // Each connection syncs from a fresh state (see GuardedClientAdapter), so no peer should
      // keep a sync state of ours on disk.
      isEphemeral: true,
      shareConfig: { announce: only, access: only },
    });
    this.repo.networkSubsystem.on('peer', () => this.setState('online'));
    this.repo.networkSubsystem.on('peer-disconnected', () => {
      if (this.wanted) this.setState('connecting');
    });
  }

  /** Shares a review for the first time: creates its document and connects. */
  share(review: Review): DocHandle<AutomergeReview> {
    const handle = this.repo.create<AutomergeReview>(initialDoc(review));
    this.documentId = handle.documentId;
    this.connect();
    return handle;
  }

  /**
   * Opens a shared review by its URL and starts syncing it: from this peer's folder when it has a
   * copy (offline too), else from the server. Rejects when neither has it within `timeoutMs`.
   */
  async open(url: AutomergeUrl, timeoutMs = 15_000): Promise<DocHandle<AutomergeReview>> {
    this.connect(url);
    // "Unavailable" can be early: the server may not have the document yet. Wait for it to arrive.
    const handle = await this.repo
      .find<AutomergeReview>(url, { allowableStates: ['ready', 'unavailable'] })
      .catch((error: unknown) => {
        throw this.state === 'refused' ? refusedError(url) : error;
      });
    if (!handle.isReady()) {
      // A refused token is known at once: say so rather than wait for a document never coming.
      let stopWatching = () => {};
      const refused = new Promise<never>((_resolve, reject) => {
        const refuse = () => reject(refusedError(url));
        if (this.state === 'refused') return refuse();
        stopWatching = this.onState((state) => state === 'refused' && refuse());
      });
      const found = handle
        .whenReady(['ready'], { signal: AbortSignal.timeout(timeoutMs) })
        .catch(() => {
          throw new Error(
            `The shared review ${url} could not be found on the sync server or in this copy.`,
          );
        });
      try {
        await Promise.race([found, refused]);
      } finally {
        stopWatching();
        found.catch(() => undefined);
        refused.catch(() => undefined);
      }
    }
    return handle;
  }

  /** Starts (or resumes) syncing the document `url` names; returns at once. */
  connect(url?: AutomergeUrl): void {
    if (url) this.documentId = url.slice('automerge:'.length) as DocumentId;
    if (!this.documentId) return;
    this.wanted = true;
    if (this.adapter) return;
    // A new peer id for every connection: the server starts this peer's sync state afresh.
    this.repo.networkSubsystem.peerId = newPeerId();
    const adapter: GuardedClientAdapter = new GuardedClientAdapter(
      syncAddress(this.options.serverUrl, this.documentId, this.options.token),
      {
        onRefused: () => {
          this.wanted = false;
          this.drop(adapter);
          this.setState('refused');
        },
        onClosed: () => {
          this.drop(adapter);
          if (!this.wanted) return;
          this.setState('connecting');
          this.retry = setTimeout(() => {
            this.retry = undefined;
            if (this.wanted) this.connect();
          }, this.options.retryInterval ?? 2000);
        },
      },
    );
    this.adapter = adapter;
    this.setState('connecting');
    this.repo.networkSubsystem.addNetworkAdapter(adapter);
  }

  /** Stops syncing (edits go on locally and sync on the next connect). */
  disconnect(): void {
    this.wanted = false;
    clearTimeout(this.retry);
    this.retry = undefined;
    if (this.adapter) this.drop(this.adapter);
    this.setState('offline');
  }

  private drop(adapter: GuardedClientAdapter): void {
    if (this.adapter !== adapter) return;
    this.adapter = undefined;
    this.repo.networkSubsystem.removeNetworkAdapter(adapter);
  }

  /** How the connection stands now. */
  get state(): SyncPeerState {
    return this.status;
  }

  /** Calls `listener` on every change of state; returns the unsubscribe function. */
  onState(listener: (state: SyncPeerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Disconnects and writes the document to the peer's folder. */
  async close(): Promise<void> {
    this.disconnect();
    await flushReady(this.repo);
    // The engine's shutdown disconnects, then flushes every document, and that flush fails on one
    // that never arrived (a refused join); what arrived was written just above.
    await this.repo.shutdown().catch(() => undefined);
  }

  private setState(state: SyncPeerState): void {
    if (this.status === state || (this.status === 'refused' && state === 'connecting')) return;
    this.status = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** Why a join failed when the server refused the token, in plain words. */
function refusedError(url: AutomergeUrl): Error {
  return new Error(
    `The sync server did not accept the token for ${url}: ask the teammate who shared it for the current one.`,
  );
}

/** A new review secret: 32 random bytes, base64url (43 characters). */
export function newSyncToken(): string {
  return randomBytes(32).toString('base64url');
}

function newPeerId(): PeerId {
  return `crosscheck-${randomBytes(8).toString('hex')}` as PeerId;
}
