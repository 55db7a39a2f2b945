// The Electron host's transport: one ipcMain.handle per contract method, the sender frame checked,
// arguments validated; events pushed to the window.
import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { EVENT_CHANNEL, ipcChannel, REVIEW_API_METHODS } from '../../shared/review-api-methods';
import { validateArgs } from '../../shared/review-api-schema';
import type { ReviewService } from '../review-service';

/** Registers the contract's handlers; `isTrusted` says whether a frame is our renderer. */
export function registerIpcHost(
  service: ReviewService,
  window: BrowserWindow,
  isTrusted: (frame: WebFrameMain | null) => boolean,
): () => void {
  for (const method of REVIEW_API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, args: unknown) => {
      if (!isTrusted(event.senderFrame))
        throw new Error('Refused: the call did not come from Crosscheck.');
      const valid = validateArgs(method, args ?? {});
      if (!valid.ok)
        return { ok: false, error: { code: 'invalid-request', message: valid.message } };
      const call = service[method] as (a: unknown) => Promise<unknown>;
      return call.call(service, valid.value);
    });
  }
  const unsubscribe = service.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const method of REVIEW_API_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}
