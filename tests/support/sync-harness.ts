// Reviewers for team-sync tests: each has an in-memory review (what the app's store holds), a sync
// peer with a data folder of its own, and a log of every register its edits wrote; plus seeded
// random edits made with the same core functions the app uses, and a wait for convergence.
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo';
import { makeAnchor } from '../../src/core/review/anchor';
import { applyChange, type ReviewChange } from '../../src/core/review/review-change';
import {
  compareTags,
  linkEvidence,
  removeTag,
  setNote,
  tagSentence,
  unlinkEvidence,
  type EditContext,
  type TagEdit,
} from '../../src/core/review/tag-edits';
import type { Review, Tag, TagKind } from '../../src/core/review/types';
import { segment } from '../../src/core/text/segment';
import {
  entryToTag,
  REVIEW_FIELDS,
  type DocWrite,
  type SyncValue,
} from '../../src/core/sync/review-doc';
import { sameValue } from '../../src/core/sync/same-value';
import {
  docReader,
  docTagIds,
  fromAutomerge,
  planWrites,
  type AutomergeReview,
} from '../../src/main/sync/automerge-review';
import { ReviewSync } from '../../src/main/sync/review-sync';
import { SyncPeer } from '../../src/main/sync/sync-peer';

/** The document every test review tags: numbered sentences. */
const SYNC_TEXT = Array.from(
  { length: 40 },
  (_, i) => `Sentence ${i + 1} reports what witness ${i % 7} saw.`,
).join(' ');

/** The document's id in test reviews. */
const SYNC_DOCUMENT_ID = `sha256:${'c'.repeat(64)}`;

const SENTENCES = segment(SYNC_TEXT);

/** A review of {@link SYNC_TEXT} with no tags. */
export function emptySyncReview(id: string): Review {
  return {
    schemaVersion: 2,
    id,
    name: 'Harbour fire',
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
    reviewers: ['ana'],
    documents: [],
    tags: [],
    panes: [SYNC_DOCUMENT_ID],
  };
}

/** One register write an edit made: who, which register, what value. */
export interface RecordedWrite {
  client: string;
  write: DocWrite;
}

/** One reviewer's app in a sync test. */
export class SyncClient {
  review: Review;
  peer!: SyncPeer;
  handle!: DocHandle<AutomergeReview>;
  sync!: ReviewSync;
  readonly writes: RecordedWrite[] = [];
  /** Remote changes whose echo wrote to the document (must stay empty: loop safety). */
  readonly echoes: ReviewChange[] = [];
  /** What the test did to this client's connection (for failure messages). */
  note = '';
  private clock = 0;
  private ids = 0;

  constructor(
    readonly name: string,
    private readonly folder: string,
    private readonly serverUrl: string,
    private readonly token: string,
    review: Review,
  ) {
    this.review = review;
  }

  private peerOptions() {
    return {
      serverUrl: this.serverUrl,
      token: this.token,
      storageDir: join(this.folder, 'sync'),
      retryInterval: Number(process.env.RETRY ?? 200),
    };
  }

  /** Shares the review (the first reviewer). */
  share(): AutomergeUrl {
    this.peer = new SyncPeer(this.peerOptions());
    this.handle = this.peer.share(this.review);
    this.bind();
    return this.handle.url;
  }

  /** Opens the shared review (a teammate, or this reviewer after a restart). */
  async open(url: AutomergeUrl): Promise<void> {
    this.peer = new SyncPeer(this.peerOptions());
    this.handle = await this.peer.open(url);
    this.bind();
  }

  /** Closes the app (its folder keeps the document), then opens it again, online. */
  async restart(): Promise<void> {
    const url = this.handle.url;
    this.sync.close();
    await this.peer.close();
    await this.open(url);
  }

  private bind(): void {
    this.sync = ReviewSync.attach(
      this.handle,
      {
        current: () => this.review,
        applyRemote: (change) => {
          this.review = applyChange(this.review, change);
          // The app would store the change and push it on as its own: that must write nothing.
          if (this.sync?.push(change)) this.echoes.push(change);
        },
      },
      this.name,
    );
  }

  /** The edit context of this reviewer's next edit. */
  context(): EditContext {
    this.clock += 1;
    const now = new Date(Date.UTC(2024, 4, 2) + this.clock * 1000).toISOString();
    return { author: this.name, now, newId: () => `${this.name}-${++this.ids}` };
  }

  /** Makes a local edit as the app does: apply to the review, then push into the document. */
  edit(change: ReviewChange): void {
    for (const write of planWrites(this.handle.doc(), change)) {
      this.writes.push({ client: this.name, write });
    }
    this.review = applyChange(this.review, change);
    this.sync.push(change);
  }

  /** The document's heads, sorted. */
  heads(): string[] {
    return [...A.getHeads(this.handle.doc())].sort();
  }
}

/** The synced part of a review, for comparing reviewers' copies. */
function syncedState(review: Review): Record<string, unknown> {
  const state: Record<string, unknown> = { tags: review.tags };
  for (const field of REVIEW_FIELDS) state[field] = review[field];
  return state;
}

/** The review the document describes, tags in canonical order. */
function tagsOfDoc(handle: DocHandle<AutomergeReview>): Tag[] {
  const doc = handle.doc();
  const read = docReader(doc);
  return docTagIds(doc)
    .map((id) => entryToTag(id, read.tag(id)))
    .filter((tag): tag is Tag => tag !== undefined)
    .sort(compareTags);
}

/** True when every client has the same document and the same review, matching the document. */
function converged(clients: readonly SyncClient[]): boolean {
  const [first, ...rest] = clients;
  if (!first) return true;
  const heads = first.heads();
  if (!rest.every((c) => sameValue(c.heads(), heads))) return false;
  const state = syncedState(first.review);
  if (!rest.every((c) => sameValue(syncedState(c.review), state))) return false;
  return sameValue(tagsOfDoc(first.handle), first.review.tags);
}

/** Waits until the clients converge; throws after `timeoutMs`. */
export async function waitForConvergence(
  clients: readonly SyncClient[],
  timeoutMs = 10_000,
): Promise<number> {
  const start = Date.now();
  while (!converged(clients)) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(`clients did not converge in ${timeoutMs} ms: ${divergence(clients)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}

/** Says how clients differ (for a failure message). */
function divergence(clients: readonly SyncClient[]): string {
  const [first, ...rest] = clients as [SyncClient, ...SyncClient[]];
  const parts: string[] = [];
  for (const c of rest) {
    if (!sameValue(c.heads(), first.heads()))
      parts.push(`${c.name} has other heads than ${first.name}`);
  }
  for (const c of clients) {
    const fromDoc = tagsOfDoc(c.handle);
    if (!sameValue(fromDoc, c.review.tags)) {
      const ids = new Set([...fromDoc, ...c.review.tags].map((t) => t.id));
      const differing = [...ids].filter(
        (id) =>
          !sameValue(
            fromDoc.find((t) => t.id === id),
            c.review.tags.find((t) => t.id === id),
          ),
      );
      parts.push(`${c.name}'s review differs from its document on tags ${differing.join(', ')}`);
    }
    if (!sameValue(syncedState(c.review), syncedState(first.review))) {
      parts.push(`${c.name}'s review differs from ${first.name}'s`);
    }
  }
  parts.push(`states ${clients.map((c) => `${c.name} ${c.peer.state} ${c.note}`).join(', ')}`);
  return parts.join('; ') || 'they agree now';
}

/** Every value a register holds: the one shown and any concurrent ones (op order). */
export function registerValues(handle: DocHandle<AutomergeReview>, write: DocWrite): SyncValue[] {
  const doc = handle.doc();
  const object = (write.target === 'tag' ? doc.tags[write.tagId] : doc.fields) as
    Record<string, unknown> | undefined;
  if (!object) return [];
  // Automerge lists values only when there are two or more.
  const conflicts = A.getConflicts(object as A.Doc<unknown>, write.field);
  if (conflicts) return Object.values(conflicts).map(fromAutomerge);
  return write.field in object ? [fromAutomerge(object[write.field])] : [];
}

/** A key for a register a write targets. */
export function registerKey(write: DocWrite): string {
  return write.target === 'tag' ? `tag ${write.tagId} ${write.field}` : `review ${write.field}`;
}

/** Random edits for one reviewer, seeded. */
export class EditScript {
  constructor(private readonly random: () => number) {}

  private pick<T>(list: readonly T[]): T | undefined {
    return list.length === 0 ? undefined : list[Math.floor(this.random() * list.length)];
  }

  /**
   * One random edit of `client`'s review (tag, change kind, note, link, unlink, remove, rename),
   * on one of `hot` tags when given and a coin says so. Returns the change, or undefined when
   * the edit picked changes nothing.
   */
  next(client: SyncClient, hot: readonly string[] = []): ReviewChange | undefined {
    const tags = client.review.tags;
    const context = client.context();
    const live = tags.filter((t) => hot.includes(t.id));
    const target = (live.length > 0 && this.random() < 0.7 ? this.pick(live) : this.pick(tags)) as
      Tag | undefined;
    const roll = this.random();
    let edit: TagEdit | undefined;
    if (!target || roll < 0.2) {
      const sentence = this.pick(SENTENCES);
      if (!sentence) return undefined;
      edit = tagSentence(
        tags,
        {
          documentId: SYNC_DOCUMENT_ID,
          anchor: makeAnchor(SYNC_TEXT, sentence.start, sentence.end),
          kind: this.kind(),
        },
        context,
      );
    } else if (roll < 0.35) {
      edit = tagSentence(
        tags,
        { documentId: target.documentId, anchor: target.anchor, kind: this.kind() },
        context,
      );
    } else if (roll < 0.6) {
      const note = this.random() < 0.15 ? '' : `${client.name} note ${context.now}`;
      edit = unwrap(setNote(tags, target.id, note, context));
    } else if (roll < 0.75) {
      const claim = this.pick(tags.filter((t) => t.kind === 'claim' && t.id !== target.id));
      if (!claim || target.kind === 'claim') return undefined;
      edit = unwrap(linkEvidence(tags, target.id, claim.id, context));
    } else if (roll < 0.82) {
      const claimId = this.pick(target.claimIds ?? []);
      if (!claimId) return undefined;
      edit = unwrap(unlinkEvidence(tags, target.id, claimId, context));
    } else if (roll < 0.9) {
      edit = unwrap(removeTag(tags, target.id, context));
    } else {
      return { kind: 'review', fields: { name: `Harbour fire (${client.name} ${context.now})` } };
    }
    if (!edit || edit.patches.length === 0) return undefined;
    return { kind: 'tags', patches: edit.patches };
  }

  private kind(): TagKind {
    return this.pick(['claim', 'confirmation', 'contradiction'] as const) ?? 'claim';
  }
}

function unwrap(result: { ok: true; value: TagEdit } | { ok: false }): TagEdit | undefined {
  return result.ok ? result.value : undefined;
}
