// The address a peer connects to for one review, and the server's reading of it. The token travels
// as the password of the address, which the WebSocket client sends as an Authorization header: it
// is never part of the request line that servers and proxies write to their access logs.
import type { IncomingMessage } from 'node:http';
import { isValidDocumentId, type DocumentId } from '@automerge/automerge-repo';

/** The path prefix of a review's sync address. */
const REVIEW_PATH = '/review/';

/** A token must look like a secret: 32 to 256 characters of base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,256}$/;

/** True when `token` has the form of a review secret (long enough to be unguessable). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** True when `serverUrl` is a sync server's address: `ws://` or `wss://` with a host. */
export function isSyncServerUrl(serverUrl: string): boolean {
  return /^wss?:\/\/[^/\s]/.test(serverUrl) && URL.canParse(serverUrl);
}

/**
 * The WebSocket address for `documentId` on the server at `serverUrl` (`ws://` or `wss://`, with
 * or without a path), carrying `token`. Throws for an address that is not a WebSocket one or a
 * token that is not well formed (bugs in the caller: user input is checked before).
 */
export function syncAddress(serverUrl: string, documentId: DocumentId, token: string): string {
  const url = new URL(serverUrl);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`A sync server address starts with ws:// or wss://, not ${url.protocol}//.`);
  }
  if (!isWellFormedToken(token))
    throw new Error('A review token is 32 to 256 base64url characters.');
  url.username = 'review';
  url.password = token;
  url.pathname = url.pathname.replace(/\/+$/, '') + REVIEW_PATH + documentId;
  url.search = '';
  url.hash = '';
  return url.href;
}

/** What an upgrade request asks for: a review's document, and the token it presents. */
export type SyncRequest =
  | { ok: true; documentId: DocumentId; token: string }
  | { ok: false; status: 400 | 401 | 404; reason: string };

/**
 * Reads an upgrade request: the review from the path (the last `/review/<id>` segment, so the
 * server also works behind a proxy that keeps a prefix) and the token from the Authorization
 * header (`Basic` with any user name, or `Bearer`).
 */
export function readSyncRequest(request: IncomingMessage): SyncRequest {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const at = path.lastIndexOf(REVIEW_PATH);
  const documentId = at >= 0 ? path.slice(at + REVIEW_PATH.length) : '';
  if (!isValidDocumentId(documentId)) {
    return { ok: false, status: 404, reason: 'the address names no review' };
  }
  const token = tokenOf(request.headers.authorization);
  if (token === undefined) return { ok: false, status: 401, reason: 'no token was presented' };
  if (!isWellFormedToken(token)) {
    return { ok: false, status: 401, reason: 'the token is not well formed' };
  }
  return { ok: true, documentId, token };
}

function tokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}
