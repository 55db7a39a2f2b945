// Serves the built renderer's files from one folder, never anything outside it.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Writes the file at `urlPath` below `root` to the response (index.html for "/"); answers 404 for
 * anything missing, hidden, or outside the folder. Returns whether a file was sent.
 */
export async function sendStaticFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  let relative: string;
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    // Malformed percent-encoding (URIError): no file has that name.
    return notFound(response, headers);
  }
  const fullPath = normalize(join(root, relative));
  const inside = fullPath.startsWith(normalize(root) + sep);
  const hidden = relative.split('/').some((part) => part.startsWith('.'));
  if (!inside || hidden || relative.includes('\0')) return notFound(response, headers);
  try {
    const info = await stat(fullPath);
    if (!info.isFile()) return notFound(response, headers);
    const body = await readFile(fullPath);
    response.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES[extname(fullPath)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    response.end(body);
    return true;
  } catch {
    return notFound(response, headers);
  }
}

function notFound(response: ServerResponse, headers: Record<string, string>): false {
  response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('Not found.\n');
  return false;
}
