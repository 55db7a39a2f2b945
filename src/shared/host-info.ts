// What the preload exposes to the renderer in the Electron host.
import type { Problem, Result } from '../core/result';
import type { ReviewApi, ReviewEvent } from './review-api';

/** Files a review can be exported as: the one list the hosts' routes and validators use. */
export const EXPORT_KINDS = ['brief', 'annotations', 'qdpx'] as const;

/** A file a review can be exported as. */
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The outcome of an export in the Electron host: where it was saved, or that it was cancelled. */
export type ExportOutcome = { savedTo: string } | { cancelled: true } | { downloaded: string };

/** The global name under which the Electron preload exposes {@link ElectronBridge}. */
export const BRIDGE_KEY = 'crosscheck';

/** The Electron bridge: the contract's methods, an event subscription, and host facts. */
export interface ElectronBridge {
  api: ReviewApi;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ReviewEvent) => void): () => void;
  host: {
    kind: 'electron';
    /** Asks where to save with the native dialog, then writes the export there. */
    exportFile(kind: ExportKind, reviewId: string): Promise<Result<ExportOutcome, Problem>>;
  };
}

/** The IPC channel for exports (a host capability, not part of ReviewApi). */
export const EXPORT_CHANNEL = 'crosscheck:export';
