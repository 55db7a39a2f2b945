// The Electron host's transport: one ipcMain.handle per contract method (ipc-binder.ts, through
// serveCall), the sender frame checked; events pushed to the window.
import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { EVENT_CHANNEL } from '../../shared/review-api-methods';
import type { ReviewService } from '../review-service';
import { bindReviewApi, type IpcMainLike } from './ipc-binder';

/** Registers the contract's handlers; `isTrusted` says whether a frame is our renderer. */
export function registerIpcHost(
  service: ReviewService,
  window: BrowserWindow,
  isTrusted: (frame: WebFrameMain | null) => boolean,
): () => void {
  const unbind = bindReviewApi(ipcMain as unknown as IpcMainLike, service, isTrusted);
  const unsubscribe = service.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    unbind();
  };
}
