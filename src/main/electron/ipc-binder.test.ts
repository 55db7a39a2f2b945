import { describe, expect, it } from 'vitest';
import { ok } from '../../core/result';
import { REVIEW_API_METHODS } from '../../shared/review-api-methods';
import { throwingApi } from '../../../tests/support/throwing-api';
import { bindReviewApi, type IpcMainLike } from './ipc-binder';

/** A stand-in for Electron's ipcMain that records handlers and invokes them like IPC would. */
function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = (channel: string, frame: unknown, args: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, args);
  };
  return { ipc, handlers, invoke };
}

describe('the Electron IPC binder', () => {
  it('returns a Result when the service throws, refuses other frames, and unbinds', async () => {
    const { ipc, handlers, invoke } = fakeIpcMain();
    const trusted = { url: 'app' };
    const unbind = bindReviewApi(
      ipc,
      throwingApi(new Error('boom')),
      (f) => f === trusted,
      () => undefined,
    );
    expect(handlers.size).toBe(REVIEW_API_METHODS.length);

    // The handler resolves: a rejection would reach the renderer as a thrown error.
    await expect(invoke('crosscheck:openReview', trusted, { reviewId: 'r' })).resolves.toEqual({
      ok: false,
      error: {
        code: 'internal-error',
        message:
          'Something went wrong inside Crosscheck, so that action may not have been done; try again, and restart Crosscheck if it keeps happening.',
      },
    });
    await expect(invoke('crosscheck:createReview', trusted, { name: 'A' })).resolves.toEqual(
      ok({ id: 'x', name: 'A' }),
    );
    await expect(invoke('crosscheck:createReview', trusted, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await expect(
      invoke('crosscheck:createReview', { url: 'evil' }, { name: 'A' }),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Refused: the call did not come from Crosscheck.' },
    });
    unbind();
    expect(handlers.size).toBe(0);
  });
});
