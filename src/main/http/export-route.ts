// GET /export/<kind>/<reviewId>?token=…: a review's export as a download, streamed straight into
// the response (the PDF of a long brief is never held whole in memory).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_KINDS, type ExportKind } from '../../shared/host-info';
import type { ReviewEvent } from '../../shared/review-api';
import { EXPORT_FORMATS, prepareExport } from '../exports';
import type { ReviewReader } from '../reviews/review-reader';
import { tokenMatches } from './request-guard';

/** What the export route needs. */
export interface ExportRouteOptions {
  /** Reads the review without side effects (the export works on a read-only data folder). */
  reader: ReviewReader;
  publish: (event: ReviewEvent) => void;
  fontsDir: string;
  clock: () => string;
}

const ROUTE = new RegExp(`^/export/(${EXPORT_KINDS.join('|')})/([0-9a-f-]{36})$`);

/** Whether a path is an export route. */
export function isExportPath(pathname: string): boolean {
  return pathname.startsWith('/export/');
}

/**
 * Answers one export request. Everything the export needs is read first, so a review that cannot
 * be exported is answered with a status and one plain sentence; a failure while streaming can
 * only cut the download short. Never rejects.
 */
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
  const progress = (fraction: number) =>
    options.publish({ name: 'exportProgress', payload: { reviewId, kind, fraction } });
  let prepared;
  try {
    prepared = await prepareExport(options.reader, kind, reviewId, {
      fontsDir: options.fontsDir,
      clock: options.clock,
      onProgress: progress,
      onNotice: (notice) =>
        options.publish({
          name: 'exportProgress',
          payload: { reviewId, kind, fraction: 1, notice },
        }),
    });
  } catch (error) {
    console.error('crosscheck: export failed:', error);
    return plain(500, 'The export could not be prepared; try again, or restart Crosscheck.');
  }
  if (!prepared.ok) {
    const status = prepared.error.code === 'no-such-review' ? 404 : 409;
    return plain(status, prepared.error.message);
  }
  const name = prepared.value.name;
  response.writeHead(200, {
    ...headers,
    'Content-Type': EXPORT_FORMATS[kind].mimeType,
    'Content-Disposition': `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  const written = await prepared.value.write(response).catch((error: unknown) => ({
    ok: false as const,
    error: { code: 'export-failed', message: String(error) },
  }));
  if (!written.ok) {
    console.error(`crosscheck: ${written.error.message}`);
    response.destroy();
  }
}

/** The file name with anything outside printable ASCII replaced, for old browsers. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}
