import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChange } from '../../core/review/review-change';
import type { ReviewEvent, ReviewSnapshot } from '../../shared/review-api';
import {
  CALL_WITH_BYTES_TYPE,
  fromWireJson,
  splitTrailingBytes,
  toWireJson,
} from '../../shared/wire-json';
import { createBackend, type Backend } from '../compose';
import { MAX_BODY_BYTES, TOKEN_HEADER } from './api-routes';
import { startBrowserHost, type BrowserHost } from './browser-host';

const INDEX_HTML = '<!doctype html><title>Crosscheck</title><script src="app.js"></script>';
const TEXT =
  'The letter says the troops will leave Iraq. Reuters confirmed the letter independently.\n';

let root: string;
let backend: Backend;
let host: BrowserHost;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-host-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(rendererDir, '.secret'), 'hidden');
  await writeFile(join(root, 'outside.txt'), 'outside the renderer folder');
  backend = await createBackend({ dataDir: join(root, 'data'), samplesDir: 'resources/samples' });
  const service = backend.service;
  host = await startBrowserHost({
    rendererDir,
    port: 0,
    backend: { api: service, onEvent: (l) => service.onEvent(l) },
  });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  host.server.closeAllConnections();
  await host.close();
  await backend.close();
  await rm(root, { recursive: true, force: true });
});

/** POSTs a call; `token: null` sends none. */
async function call(
  method: string,
  args: unknown,
  options: { token?: string | null; headers?: Record<string, string> } = {},
) {
  const token = options.token === undefined ? host.token : options.token;
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { [TOKEN_HEADER]: token }),
      ...options.headers,
    },
    body: toWireJson(args),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return { status: response.status, body: (json ? fromWireJson(text) : text) as never };
}

/** Calls a method that must succeed and returns its value. */
async function ok<T>(method: string, args: unknown): Promise<T> {
  const { status, body } = await call(method, args);
  expect(status).toBe(200);
  const result = body as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

/** Subscribes to /api/events; `reviewChanges(n)` waits for the next n reviewChanged payloads. */
async function eventStream() {
  const controller = new AbortController();
  const events = await fetch(`${base}/api/events?token=${host.token}`, {
    signal: controller.signal,
  });
  expect(events.status).toBe(200);
  expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = events.body!.getReader();
  const decoder = new TextDecoder();
  let received = decoder.decode((await reader.read()).value);
  expect(received).toContain(': connected');
  const changes = () =>
    received
      .split('\n')
      .filter((l) => l.startsWith('data: ') && l.includes('"reviewChanged"'))
      .map((l) => JSON.parse(l.slice('data: '.length)) as ReviewEvent)
      .flatMap((e) => (e.name === 'reviewChanged' ? [e.payload] : []));
  return {
    async reviewChanges(count: number) {
      const deadline = Date.now() + 5000;
      while (changes().length < count && Date.now() < deadline) {
        const chunk = await reader.read();
        if (chunk.done) break;
        received += decoder.decode(chunk.value);
      }
      controller.abort();
      return changes();
    },
  };
}

/** A raw request through node:http, which (unlike fetch) can set any Host header. */
function rawRequest(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves index.html at / with the content security policy', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX_HTML);
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/..%2foutside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/%2e%2e%2foutside.txt',
    '/.secret',
    '/assets',
    '/missing.js',
    '/%00index.html',
  ])('answers 404 for %s', async (path) => {
    const { status, body } = await rawRequest(path, { Host: `127.0.0.1:${host.port}` });
    expect(status).toBe(404);
    expect(body).not.toContain('outside the renderer folder');
    expect(body).not.toContain('"name": "crosscheck"');
  });

  it('answers a malformed percent-encoding with 404 and keeps serving', async () => {
    const { status } = await rawRequest('/%E0%A4%A', { Host: `127.0.0.1:${host.port}` });
    expect(status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

describe('request guard', () => {
  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await call('listReviews', {}, { token: null })).status).toBe(403);
    expect((await call('listReviews', {}, { token: 'wrong' })).status).toBe(403);
    expect((await call('listReviews', {}, { token: host.token.slice(1) + 'x' })).status).toBe(403);
    expect((await call('listReviews', {})).status).toBe(200);
  });

  it('refuses a foreign Origin', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      expect((await call('listReviews', {}, { headers: { Origin: origin } })).status).toBe(403);
    }
    const own = await call('listReviews', {}, { headers: { Origin: base } });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), on pages and API calls alike', async () => {
    const evil = await rawRequest('/', { Host: `evil.example:${host.port}` });
    expect(evil.status).toBe(403);
    expect(evil.body).not.toContain('Crosscheck</title>');
    const api = await rawRequest('/api/events?token=' + host.token, { Host: 'evil.example' });
    expect(api.status).toBe(403);
    expect((await rawRequest('/', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('answers 404 for unknown methods, including inherited object keys', async () => {
    for (const method of [
      'noSuchMethod',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'listReviews/extra',
    ]) {
      const { status, body } = await call(method, {});
      expect(status, method).toBe(404);
      expect((body as { error: string }).error).toMatch(/Unknown method/);
    }
  });

  it('answers 400 with the offending field for invalid arguments', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['createReview', { name: '' }, /“name”: a review needs a name/],
      ['createReview', { name: '   ' }, /“name”: a review needs a name/],
      ['createReview', { name: 'ok', extra: 1 }, /extra/],
      ['createReview', {}, /“name”/],
      ['createReview', [], /createReview/],
      ['listReviews', { sneaky: true }, /sneaky/],
      [
        'tagSentence',
        { reviewId: 'r', documentId: `sha256:${'0'.repeat(64)}`, start: -1, end: 5, kind: 'claim' },
        /“start”/,
      ],
      [
        'tagSentence',
        { reviewId: 'r', documentId: `sha256:${'0'.repeat(64)}`, start: 0, end: 5, kind: 'rumour' },
        /“kind”/,
      ],
      [
        'tagSentence',
        { reviewId: 'r', documentId: 'x', start: 0, end: 5, kind: 'claim' },
        /“documentId”/,
      ],
      ['addDocument', { reviewId: 'r', fileName: 'a.txt', bytes: 'not bytes' }, /“bytes”/],
    ];
    for (const [method, args, message] of cases) {
      const { status, body } = await call(method, args);
      expect(status, `${method} ${JSON.stringify(args)}`).toBe(400);
      expect((body as { error: string }).error).toMatch(message);
    }
    const notJson = await fetch(`${base}/api/listReviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const { status } = await call('createReview', { name: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(status).toBe(413);
    expect((await call('listReviews', {})).status).toBe(200);
  });
});

describe('API end to end', () => {
  it('creates a review, adds a document sent as base64 bytes, tags and reads it back', async () => {
    const review = await ok<{ id: string }>('createReview', { name: 'Over HTTP' });
    const bytes = new TextEncoder().encode(TEXT);
    const body = JSON.stringify({
      reviewId: review.id,
      fileName: 'letter.txt',
      bytes: { $bytes: Buffer.from(bytes).toString('base64') },
    });
    const response = await fetch(`${base}/api/addDocument`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body,
    });
    expect(response.status).toBe(200);
    const added = (await response.json()) as {
      ok: true;
      value: { document: { id: string }; alreadyPresent: boolean };
    };
    expect(added.value.alreadyPresent).toBe(false);
    const documentId = added.value.document.id;

    const text = await ok<{ text: string; sentences: number[] }>('getDocumentText', { documentId });
    expect(text.text).toBe(TEXT);
    expect(text.sentences).toEqual([0, 43, 44, 87]);
    const { tagId } = await ok<{ tagId: string }>('tagSentence', {
      reviewId: review.id,
      documentId,
      start: 0,
      end: 43,
      kind: 'claim',
    });
    const snapshot = await ok<{ review: { tags: { id: string }[] } }>('openReview', {
      reviewId: review.id,
    });
    expect(snapshot.review.tags.map((t) => t.id)).toEqual([tagId]);

    // An expected failure travels as a Result, not as an HTTP error.
    const refused = await call('tagSentence', {
      reviewId: review.id,
      documentId,
      start: 1,
      end: 43,
      kind: 'claim',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'not-a-sentence' } });
  });

  it('adds a document sent as raw bytes after the call’s JSON, and refuses a broken frame', async () => {
    const review = await ok<{ id: string }>('createReview', { name: 'Raw bytes' });
    const text = `${'A long document line. '.repeat(5000)}\n`;
    const split = splitTrailingBytes(
      { reviewId: review.id, fileName: 'long.txt', bytes: new TextEncoder().encode(text) },
      1024,
    );
    if (!split) throw new Error('not split');
    const send = (body: Blob | string) =>
      fetch(`${base}/api/addDocument`, {
        method: 'POST',
        headers: { 'Content-Type': CALL_WITH_BYTES_TYPE, [TOKEN_HEADER]: host.token },
        body,
      });
    const response = await send(new Blob([split.head, '\n', new Uint8Array(split.bytes)]));
    expect(response.status).toBe(200);
    const added = (await response.json()) as { ok: true; value: { document: { id: string } } };
    const read = await ok<{ text: string }>('getDocumentText', {
      documentId: added.value.document.id,
    });
    expect(read.text).toBe(text);
    expect((await send(split.head)).status).toBe(400); // no newline, no bytes
  });

  it('streams a reviewChanged event after a tag edit', async () => {
    const review = await ok<{ id: string }>('createReview', { name: 'Events' });
    const added = await ok<{ document: { id: string } }>('addDocument', {
      reviewId: review.id,
      fileName: 'e.txt',
      bytes: new TextEncoder().encode(TEXT),
    });
    expect((await fetch(`${base}/api/events?token=wrong`)).status).toBe(403);
    const before = await ok<ReviewSnapshot>('openReview', { reviewId: review.id });

    const stream = await eventStream();
    await ok('tagSentence', {
      reviewId: review.id,
      documentId: added.document.id,
      start: 44,
      end: 87,
      kind: 'confirmation',
    });
    const [event] = await stream.reviewChanges(1);
    expect(event?.reviewId).toBe(review.id);
    expect(event?.history).toEqual({ undo: 'tag confirmation' });
    // The event carries the change itself: replayed on the review before it, it gives the review
    // main now holds, with no reload.
    const now = await ok<ReviewSnapshot>('openReview', { reviewId: review.id });
    expect(event?.revision).toBe(now.revision);
    expect(applyChange(before.review, event!.change)).toEqual(now.review);
  });

  it('serves setFacet and setJudgement, and their reviewChanged events carry the change', async () => {
    const review = await ok<{ id: string }>('createReview', { name: 'Assessed over HTTP' });
    const reviewId = review.id;
    const added = await ok<{ document: { id: string } }>('addDocument', {
      reviewId,
      fileName: 'assessed.txt',
      bytes: new TextEncoder().encode(TEXT),
    });
    const documentId = added.document.id;
    const tagged = (start: number, end: number, kind: string) =>
      ok<{ tagId: string }>('tagSentence', { reviewId, documentId, start, end, kind });
    const claimId = (await tagged(0, 43, 'claim')).tagId;
    const evidenceId = (await tagged(44, 87, 'confirmation')).tagId;
    await ok('linkEvidence', { reviewId, evidenceId, claimId });
    const before = await ok<ReviewSnapshot>('openReview', { reviewId });

    const stream = await eventStream();
    await ok('setFacet', { reviewId, evidenceId, claimId, facet: 'source' });
    const judgement = { verdict: 'likely', confidence: 'moderate', rationale: 'Reuters says so.' };
    const { revision } = await ok<{ revision: number }>('setJudgement', {
      reviewId,
      claimId,
      judgement,
    });
    const [facetEvent, judgementEvent] = await stream.reviewChanges(2);
    expect(facetEvent?.history).toEqual({ undo: 'mark as speaking to the source' });
    expect(judgementEvent).toMatchObject({ reviewId, revision, history: { undo: 'set verdict' } });

    // Replaying the two changes on the review before them gives the review main holds.
    const replayed = applyChange(
      applyChange(before.review, facetEvent!.change),
      judgementEvent!.change,
    );
    const now = await ok<ReviewSnapshot>('openReview', { reviewId });
    expect(replayed).toEqual(now.review);
    expect(replayed.tags.find((t) => t.id === evidenceId)?.facets).toEqual({ [claimId]: 'source' });
    expect(replayed.judgements?.[claimId]).toMatchObject(judgement);

    // A facet that is not one, or a link that is not there, is refused in plain words.
    const wrong = await call('setFacet', { reviewId, evidenceId, claimId, facet: 'both' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: expect.stringMatching(/“facet”/) });
    const unlinked = await call('setFacet', {
      reviewId,
      evidenceId: claimId,
      claimId,
      facet: 'source',
    });
    expect(unlinked.body).toMatchObject({ ok: false, error: { code: 'not-evidence' } });
  });
});
