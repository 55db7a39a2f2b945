// Undo and redo on a review others edit too (team sync): a history step's patches say what each
// tag was and what it should become, but a teammate may have changed the tag since. Replaying the
// stored state whole would silently drop the teammate's edit, so a step is replayed field by field:
// only fields that still hold what this reviewer's step left are set back.
import { sameValue } from '../sync/same-value';
import type { TagPatch } from './tag-edits';
import type { Tag } from './types';

/**
 * The patches that replay `patches` (each `before` is what the step expects, `after` what it
 * puts in place) on the tags as they are now. A tag nobody else changed gets the stored state
 * exactly. For a tag a teammate changed since, fields that still hold the expected value get the
 * step's value and the teammate's fields stay; a step that would remove such a tag, create it
 * again, or bring back a tag the teammate removed leaves it as the teammate left it.
 */
export function rebasePatches(tags: readonly Tag[], patches: readonly TagPatch[]): TagPatch[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out: TagPatch[] = [];
  for (const patch of patches) {
    const now = byId.get(patch.id);
    if (sameValue(now, patch.before)) {
      out.push(patch);
      continue;
    }
    const { before: expected, after: target } = patch;
    if (!now || !expected || !target) continue;
    const merged: Record<string, unknown> = { ...now };
    const keys = new Set([...Object.keys(expected), ...Object.keys(target), ...Object.keys(now)]);
    for (const key of keys) {
      const ownValue = (expected as unknown as Record<string, unknown>)[key];
      if (!sameValue(merged[key], ownValue)) continue;
      const value = (target as unknown as Record<string, unknown>)[key];
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    if (!sameValue(merged, now))
      out.push({ id: patch.id, before: now, after: merged as unknown as Tag });
  }
  return out;
}
