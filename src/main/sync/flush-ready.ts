// Writes a repo's documents to its storage before it shuts down. The engine's own flush fails on a
// document that was asked for but never arrived, so only documents that are ready are written.
import type { Repo } from '@automerge/automerge-repo';

/** Flushes every ready document of `repo` to its storage. */
export async function flushReady(repo: Repo): Promise<void> {
  const ready = Object.values(repo.handles)
    .filter((handle) => handle.isReady())
    .map((handle) => handle.documentId);
  if (ready.length > 0) await repo.flush(ready);
}
