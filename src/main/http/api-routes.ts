// POST /api/<method> and GET /api/events for the browser host: the token is checked, the method
// name and arguments are validated against the contract, and events stream as server-sent events.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReviewApi, ReviewEvent } from '../../shared/review-api';
import { isReviewApiMethod } from '../../shared/review-api-methods';
import { CALL_WITH_BYTES_TYPE, fromWireJson, joinTrailingBytes } from '../../shared/wire-json';
import { CALL_PROBLEMS, serveCall } from '../serve-call';
import { tokenMatches } from './request-guard';

/** Header that carries the per-launch token on API calls. */
export const TOKEN_HEADER = 'x-crosscheck-token';

/** Largest API request body: a 100 MB annotation file as base64, with room to spare. */
export const MAX_BODY_BYTES = 140 * 1024 * 1024;

/** The back end as the HTTP host needs it. */
export interface ApiBackend {
  api: ReviewApi;
  onEvent(listener: (event: ReviewEvent) => void): () => void;
}

/** Answers one /api/ request. */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  backend: ApiBackend,
  token: string,
  headers: Record<string, string>,
): Promise<void> {
  const reply = (status: number, body: unknown) => {
    // Replies carry no bytes, so plain JSON (several times faster than wire JSON on big reviews).
    const text = JSON.stringify(body);
    response.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(text);
  };

  if (url.pathname === '/api/events') {
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      return reply(403, { error: 'A valid token is required.' });
    }
    return streamEvents(request, response, backend, headers);
  }

  if (request.method !== 'POST') return reply(405, { error: 'API calls use POST.' });
  const presented = request.headers[TOKEN_HEADER];
  if (!tokenMatches(typeof presented === 'string' ? presented : undefined, token)) {
    return reply(403, { error: 'A valid token is required.' });
  }
  const method = url.pathname.slice('/api/'.length);
  if (!isReviewApiMethod(method)) return reply(404, { error: `Unknown method “${method}”.` });
  const type = String(request.headers['content-type'] ?? '');
  const withBytes = type.startsWith(CALL_WITH_BYTES_TYPE);
  if (!withBytes && !type.startsWith('application/json')) {
    return reply(415, { error: 'API calls send JSON.' });
  }

  let body: Buffer;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    return reply(413, { error: (error as Error).message });
  }
  let args: unknown;
  try {
    args = withBytes ? joinTrailingBytes(body) : fromWireJson(body.toString('utf8'));
  } catch {
    return reply(400, { error: 'The request body is not valid JSON.' });
  }
  const result = await serveCall(backend.api, method, args);
  if (!result.ok && result.error.code === CALL_PROBLEMS.invalidRequest) {
    return reply(400, { error: result.error.message });
  }
  return reply(200, result);
}

function streamEvents(
  request: IncomingMessage,
  response: ServerResponse,
  backend: ApiBackend,
  headers: Record<string, string>,
): void {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = backend.onEvent((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  request.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped: destroying the request would also cut the
      // connection before the 413 answer reaches the page.
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => {
      if (size > limit) reject(new Error('The request is too large.'));
      else resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}
