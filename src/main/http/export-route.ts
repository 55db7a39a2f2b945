// GET /export/<kind>/<reviewId>?token=…: a review's export as a download, streamed straight into
// the response (the PDF of a long brief is never held whole in memory).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_KINDS, type ExportKind } from '../../shared/host-info';
import type { ReviewApi, ReviewEvent } from '../../shared/review-api';
import { EXPORT_FORMATS, exportNameOf, writeExport } from '../exports';
import { tokenMatches } from './request-guard';

/** What the export route needs. */
export interface ExportRouteOptions {
  api: ReviewApi;
  publish: (event: ReviewEvent) => void;
  fontsDir: string;
  clock: () => string;
}

const ROUTE = new RegExp(`^/export/(${EXPORT_KINDS.join('|')})/([0-9a-f-]{36})$`);

/** Whether a path is an export route. */
export function isExportPath(pathname: string): boolean {
  return pathname.startsWith('/export/');
}

/** Answers one export request. */
export async function handleExportRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  token: string,
  headers: Record<string, string>,
  options: ExportRouteOptions,
): Promise<void> {
  const plain = (status: number, message: string) => {
    response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`${message}\n`);
  };
  if (request.method !== 'GET') return plain(405, 'Exports are downloaded with GET.');
  if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
    return plain(403, 'A valid token is required.');
  }
  const match = ROUTE.exec(url.pathname);
  if (!match) return plain(404, 'No such export.');
  const kind = match[1] as ExportKind;
  const reviewId = match[2] as string;
  const name = await exportNameOf(options.api, kind, reviewId);
  if (!name.ok) return plain(404, name.error.message);

  response.writeHead(200, {
    ...headers,
    'Content-Type': EXPORT_FORMATS[kind].mimeType,
    'Content-Disposition': `attachment; filename="${asciiName(name.value)}"; filename*=UTF-8''${encodeURIComponent(name.value)}`,
    'Cache-Control': 'no-store',
  });
  const written = await writeExport(options.api, kind, reviewId, response, {
    fontsDir: options.fontsDir,
    clock: options.clock,
    onProgress: (fraction) =>
      options.publish({ name: 'exportProgress', payload: { reviewId, kind, fraction } }),
  });
  if (!written.ok) {
    console.error(`crosscheck: ${written.error.message}`);
    response.destroy();
  }
}

/** The file name with anything outside printable ASCII replaced, for old browsers. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}
