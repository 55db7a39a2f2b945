// The browser host: an HTTP server on 127.0.0.1 that serves the built renderer to a local browser.
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest, type ApiBackend } from './api-routes';
import { handleExportRequest, isExportPath, type ExportRouteOptions } from './export-route';
import { isSameOrigin } from './request-guard';
import { sendStaticFile } from './static-files';

/** Security headers sent with every response. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Options for {@link startBrowserHost}. */
export interface BrowserHostOptions {
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The back end behind /api/. */
  backend: ApiBackend;
  /** Exports as downloads (/export/…); without it they answer 404. */
  exports?: ExportRouteOptions;
}

/** A running browser host. */
export interface BrowserHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open, carrying the per-launch token. */
  url: string;
  close(): Promise<void>;
}

/** The last resort of a request whose handler failed: a plain 500, or a cut connection. */
function answerFailure(response: ServerResponse, error: unknown): void {
  console.error('crosscheck: a request failed:', error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('Crosscheck could not answer this request; try again.\n');
}

/** Starts the browser host on 127.0.0.1 and resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  let port = options.port;
  const server = createServer((request, response) => {
    if (!isSameOrigin(request, port)) {
      response.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Forbidden: this server answers only its own page on 127.0.0.1.\n');
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (isExportPath(url.pathname) && options.exports) {
      void handleExportRequest(
        request,
        response,
        url,
        token,
        SECURITY_HEADERS,
        options.exports,
      ).catch((error: unknown) => answerFailure(response, error));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      void handleApiRequest(request, response, url, options.backend, token, SECURITY_HEADERS).catch(
        (error: unknown) => answerFailure(response, error),
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      response.end();
      return;
    }
    void sendStaticFile(options.rendererDir, url.pathname, response, SECURITY_HEADERS);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
