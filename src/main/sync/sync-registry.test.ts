import { expect, it } from 'vitest';
import { SyncRegistry } from './sync-registry';

it('finds a synced review by id, and forgets it only for the sync that registered it', () => {
  const registry = new SyncRegistry<{ name: string }>();
  const first = { name: 'first' };
  const second = { name: 'second' };
  expect(registry.get('r1')).toBeUndefined();
  registry.register('r1', first);
  expect(registry.get('r1')).toBe(first);
  expect(registry.get('r2')).toBeUndefined();
  registry.register('r1', second);
  // A sync closing late does not take away the one that replaced it.
  registry.unregister('r1', first);
  expect(registry.get('r1')).toBe(second);
  registry.unregister('r1', second);
  expect(registry.get('r1')).toBeUndefined();
  registry.register('r2', first);
  registry.unregister('r2');
  expect(registry.get('r2')).toBeUndefined();
});
