import { expect, it } from 'vitest';
import { REFUSED_REASON, syncWarning } from './sync-warning';

it('warns of a sync that did not start, with its reason, and of one the server refuses', () => {
  expect(syncWarning(null, 'No secret is stored for this review.')).toBe(
    'No secret is stored for this review.',
  );
  expect(syncWarning({ connection: 'refused', others: [] }, undefined)).toBe(REFUSED_REASON);
});

it('does not warn while the review syncs, retries by itself, or was never set to sync', () => {
  expect(syncWarning({ connection: 'online', others: [] }, undefined)).toBeUndefined();
  expect(syncWarning({ connection: 'offline', others: [] }, undefined)).toBeUndefined();
  expect(syncWarning({ connection: 'connecting', others: [] }, undefined)).toBeUndefined();
  expect(syncWarning(null, undefined)).toBeUndefined();
  // A running sync's own state wins over a problem left from before it started.
  expect(syncWarning({ connection: 'online', others: [] }, 'old problem')).toBeUndefined();
});
