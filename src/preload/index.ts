// The Electron bridge: exposes the contract's methods by name, and an event subscription. It
// never exposes ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ReviewApi, ReviewEvent } from '../shared/review-api';
import { EVENT_CHANNEL, ipcChannel, REVIEW_API_METHODS } from '../shared/review-api-methods';
import { BRIDGE_KEY, EXPORT_CHANNEL, type ElectronBridge } from '../shared/host-info';

const api = Object.fromEntries(
  REVIEW_API_METHODS.map((method) => [
    method,
    (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args),
  ]),
) as unknown as ReviewApi;

const bridge: ElectronBridge = {
  api,
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ReviewEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, forward);
    };
  },
  host: {
    kind: 'electron',
    exportFile: (kind, reviewId) => ipcRenderer.invoke(EXPORT_CHANNEL, { kind, reviewId }),
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
