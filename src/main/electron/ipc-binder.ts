// Binds every ReviewApi call to an IPC channel through serveCall, so a call over IPC is answered
// with a Result like one over HTTP. Free of Electron imports: tests pass a fake ipcMain.
import { fail } from '../../core/result';
import type { ReviewApi } from '../../shared/review-api';
import { ipcChannel, REVIEW_API_METHODS } from '../../shared/review-api-methods';
import { serveCall } from '../serve-call';

/** The part of Electron's ipcMain the binder uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: unknown }, args: unknown) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** Registers one handler per call; `isTrusted` says whether a frame is our renderer. */
export function bindReviewApi<Frame>(
  ipc: IpcMainLike,
  api: ReviewApi,
  isTrusted: (frame: Frame | null) => boolean,
  log?: (message: string, error: unknown) => void,
): () => void {
  for (const method of REVIEW_API_METHODS) {
    ipc.handle(ipcChannel(method), async (event, args) => {
      if (!isTrusted((event.senderFrame ?? null) as Frame | null)) {
        return fail({
          code: 'forbidden',
          message: 'Refused: the call did not come from Crosscheck.',
        });
      }
      return serveCall(api, method, args, log);
    });
  }
  return () => {
    for (const method of REVIEW_API_METHODS) ipc.removeHandler(ipcChannel(method));
  };
}
