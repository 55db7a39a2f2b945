// Deep equality of JSON-like values, ignoring the order of object members (a tag read back from a
// shared document lists its fields in another order than the one the app built).

/** True when `a` and `b` hold the same JSON data; undefined members count as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = definedEntries(a as Record<string, unknown>);
  const right = b as Record<string, unknown>;
  if (left.length !== definedEntries(right).length) return false;
  return left.every(([key, value]) => Object.hasOwn(right, key) && sameValue(value, right[key]));
}

function definedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, member]) => member !== undefined);
}
