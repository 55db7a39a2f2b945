// The renderer's one way to the back end: the Electron bridge when the preload provided it,
// otherwise HTTP to the browser host that served this page.
import type { Problem, Result } from '../../../core/result';
import type { ReviewApi, ReviewEvent } from '../../../shared/review-api';
import { REVIEW_API_METHODS } from '../../../shared/review-api-methods';
import {
  BRIDGE_KEY,
  type ElectronBridge,
  type ExportKind,
  type ExportOutcome,
} from '../../../shared/host-info';
import {
  CALL_WITH_BYTES_TYPE,
  fromWireJson,
  splitTrailingBytes,
  toWireJson,
} from '../../../shared/wire-json';

/** The back end as the UI sees it. */
export interface Backend {
  api: ReviewApi;
  onEvent(listener: (event: ReviewEvent) => void): () => void;
  /** Told when the connection to the back end drops (false) and comes back (true). */
  onConnection?(listener: (up: boolean) => void): () => void;
  host: {
    kind: 'electron' | 'browser';
    /** Saves an export: a save dialog in Electron, a download in the browser. */
    exportFile(kind: ExportKind, reviewId: string): Promise<Result<ExportOutcome, Problem>>;
  };
}

/** Connects to whichever host is present. */
export function connectBackend(): Backend {
  const bridge = (window as unknown as Record<string, ElectronBridge | undefined>)[BRIDGE_KEY];
  if (bridge) return bridge;
  return connectHttp(new URL(window.location.href).searchParams.get('token') ?? '');
}

function connectHttp(token: string): Backend {
  const call = async (method: string, args: unknown): Promise<Result<unknown, Problem>> => {
    let response: Response;
    try {
      const { body, type } = wireBody(args ?? {});
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': type, 'X-Crosscheck-Token': token },
        body,
      });
    } catch {
      return offline();
    }
    const body = fromWireJson(await response.text()) as Result<unknown, Problem> & {
      error?: unknown;
    };
    if (response.ok) return body;
    if (response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message:
            'This page’s access token is not valid (the server may have restarted); open the address that “crosscheck serve” printed.',
        },
      };
    }
    return {
      ok: false,
      error: {
        code: `http-${response.status}`,
        message: String(body.error ?? response.statusText),
      },
    };
  };
  const api = Object.fromEntries(
    REVIEW_API_METHODS.map((method) => [method, (args: unknown) => call(method, args)]),
  ) as unknown as ReviewApi;
  // One event stream for the page; its drops and reconnections tell whether main is reachable.
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  const eventListeners = new Set<(event: ReviewEvent) => void>();
  const connectionListeners = new Set<(up: boolean) => void>();
  let up = true;
  source.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as ReviewEvent;
    for (const listener of eventListeners) listener(event);
  };
  source.onerror = () => {
    if (!up) return;
    up = false;
    for (const listener of connectionListeners) listener(false);
  };
  source.onopen = () => {
    if (up) return;
    up = true;
    for (const listener of connectionListeners) listener(true);
  };
  return {
    api,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    host: { kind: 'browser', exportFile: (kind, reviewId) => download(kind, reviewId, token) },
  };
}

/**
 * The body of a call. An imported file's bytes follow the call's JSON as they are (a Blob: the
 * browser sends it without script encoding it), so a 50 MB import does not freeze the page.
 */
function wireBody(args: unknown): { body: BodyInit; type: string } {
  const split = splitTrailingBytes(args, 64 * 1024);
  if (!split) return { body: toWireJson(args), type: 'application/json' };
  return {
    body: new Blob([split.head, '\n', split.bytes as BlobPart]),
    type: CALL_WITH_BYTES_TYPE,
  };
}

/** Fetches an export from the browser host and hands it to the browser as a download. */
async function download(
  kind: ExportKind,
  reviewId: string,
  token: string,
): Promise<Result<ExportOutcome, Problem>> {
  let response: Response;
  try {
    response = await fetch(`/export/${kind}/${reviewId}?token=${encodeURIComponent(token)}`);
  } catch {
    return offline();
  }
  if (!response.ok) {
    const message = (await response.text()).trim();
    return { ok: false, error: { code: `http-${response.status}`, message } };
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    return {
      ok: false,
      error: {
        code: 'export-failed',
        message: 'The export stopped before it was complete; try again.',
      },
    };
  }
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `export-${kind}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { downloaded: name } };
}

/** The file name in a Content-Disposition header (the UTF-8 form when present). */
function fileNameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="([^"]+)"/i.exec(header)?.[1];
}

function offline(): Result<never, Problem> {
  return {
    ok: false,
    error: {
      code: 'offline',
      message:
        'Crosscheck’s server is not answering; start it again with “npm start”, then reload.',
    },
  };
}
