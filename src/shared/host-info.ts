// What the preload exposes to the renderer in the Electron host.
import type { ReviewApi, ReviewEvent } from './review-api';

/** The global name under which the Electron preload exposes {@link ElectronBridge}. */
export const BRIDGE_KEY = 'crosscheck';

/** The Electron bridge: the contract's methods, an event subscription, and host facts. */
export interface ElectronBridge {
  api: ReviewApi;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ReviewEvent) => void): () => void;
  host: { kind: 'electron' };
}
