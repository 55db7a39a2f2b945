// Downloads from the browser host when the data folder cannot be written, or a review cannot be
// exported: an answer with a status and a sentence, and the server keeps running.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../../core/result';
import { faultyDisk } from '../../../tests/support/faulty-disk';
import { createBackend, type Backend } from '../compose';
import { TOKEN_HEADER } from './api-routes';
import { startBrowserHost, type BrowserHost } from './browser-host';

const TEXT = 'The bridge opened in 1932. It cost four million pounds.\n';
const disk = faultyDisk();
let root: string;
let backend: Backend;
let host: BrowserHost;
let reviewId: string;
let textPath: string;

function value<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-export-route-'));
  backend = await createBackend({
    dataDir: join(root, 'data'),
    writeFile: (path, content) => disk.writeFile(path, content),
  });
  const service = backend.service;
  reviewId = value(await service.createReview({ name: 'Bridge' })).id;
  const bytes = new TextEncoder().encode(TEXT);
  const added = value(await service.addDocument({ reviewId, fileName: 'b.txt', bytes }));
  value(
    await service.tagSentence({
      reviewId,
      documentId: added.document.id,
      start: 0,
      end: 26,
      kind: 'claim',
    }),
  );
  textPath = join(root, 'data', 'documents', `${added.document.id.slice(7)}.txt`);
  // The app last opened another review: opening this one for an export used to rewrite that.
  const other = value(await service.createReview({ name: 'Other' })).id;
  value(await service.openReview({ reviewId: other }));
  await service.flush();
  host = await startBrowserHost({
    rendererDir: join(root, 'no-renderer'),
    port: 0,
    backend: { api: service, onEvent: (l) => service.onEvent(l) },
    exports: {
      reader: service,
      publish: (event) => service.publish(event),
      fontsDir: 'resources/fonts',
      clock: () => '2026-01-01T00:00:00.000Z',
    },
  });
});

afterAll(async () => {
  disk.state = 'ok';
  host.server.closeAllConnections();
  await host.close();
  await backend.close();
  await rm(root, { recursive: true, force: true });
});

const download = (kind: string, id: string) =>
  fetch(`http://127.0.0.1:${host.port}/export/${kind}/${id}?token=${host.token}`);

describe('the export route', () => {
  it('exports from a read-only data folder without touching it, and keeps serving', async () => {
    disk.state = 'read-only';
    const annotations = await download('annotations', reviewId);
    expect(annotations.status).toBe(200);
    expect(await annotations.text()).toContain('The bridge opened in 1932.');
    const brief = await download('brief', reviewId);
    expect(brief.status).toBe(200);
    expect(
      Buffer.from(await brief.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(disk.failures).toBe(0);
    const listed = await fetch(`http://127.0.0.1:${host.port}/api/listReviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(listed.status).toBe(200);
  });

  it('answers a review that cannot be exported with a status and one sentence', async () => {
    const missing = await download('annotations', '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(
      'That review no longer exists; it may have been deleted in another window.\n',
    );
    await writeFile(textPath, TEXT.replace('1932', '1933'));
    (backend.service as unknown as { textCache: Map<string, unknown> }).textCache.clear();
    for (const kind of ['annotations', 'brief']) {
      const changed = await download(kind, reviewId);
      expect(changed.status).toBe(409);
      expect(await changed.text()).toMatch(/^The text file .+ was changed outside Crosscheck/);
    }
  });
});
