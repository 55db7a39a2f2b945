// Other spellings of the same data: NDJSON (one annotation per line, as API dumps write), and our
// own file after a JSON-LD processor compacted it (one-element arrays unwrapped, since the W3C
// context gives `body`, `target` and `selector` no list container).

/** Most lines read as NDJSON. */
const MAX_NDJSON_LINES = 1_000_000;

/**
 * The values of a text holding one JSON value per line (blank lines ignored), or undefined when it
 * is not NDJSON (fewer than two values, or a line that is not JSON).
 */
export function parseNdjson(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_NDJSON_LINES) return undefined;
  const values: unknown[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('{')) return undefined;
    try {
      values.push(JSON.parse(trimmed));
    } catch {
      return undefined;
    }
  }
  return values.length >= 2 ? values : undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A one-element list as its element (JSON-LD's other spelling of `type`, `target`). */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/** A single value as a one-element list (what a compactor made of `body`, `selector`…). */
function list(value: unknown): unknown {
  return value === undefined || Array.isArray(value) ? value : [value];
}

/**
 * Our file in the shape we write it, when a JSON-LD compactor unwrapped one-element lists (or
 * wrapped a single `type` or `target`). Objects already in our shape are returned as they are;
 * others are copied, never changed in place.
 */
export function expandCompactedFile(data: object): object {
  const file = data as Json;
  let first = file['first'];
  if (isObject(first)) {
    const items = first['items'];
    const list0 = Array.isArray(items) ? items : isObject(items) ? [items] : undefined;
    if (list0) {
      let changed = list0 !== items;
      const fixed = list0.map((item) => {
        const out = expandAnnotation(item);
        if (out !== item) changed = true;
        return out;
      });
      if (changed || Array.isArray(first['type'])) {
        first = { ...first, type: single(first['type']), items: fixed };
      }
    }
  }
  const fields = [
    'crosscheck:documents',
    'crosscheck:reviewers',
    'crosscheck:removed',
    'crosscheck:sources',
    'crosscheck:dismissals',
  ] as const;
  const dismissals = file['crosscheck:dismissals'];
  const fixedDismissals = Array.isArray(dismissals) ? dismissals.map(expandAnnotation) : undefined;
  const needsCopy =
    first !== file['first'] ||
    Array.isArray(file['type']) ||
    fixedDismissals?.some((d, i) => d !== (dismissals as unknown[])[i]) === true ||
    fields.some((key) => file[key] !== undefined && !Array.isArray(file[key]));
  if (!needsCopy) return data;
  const copy: Json = { ...file, type: single(file['type']), first };
  for (const key of fields) if (copy[key] !== undefined) copy[key] = list(copy[key]);
  if (Array.isArray(copy['crosscheck:dismissals'])) {
    copy['crosscheck:dismissals'] = (copy['crosscheck:dismissals'] as unknown[]).map(
      expandAnnotation,
    );
  }
  if (Array.isArray(copy['crosscheck:documents'])) {
    copy['crosscheck:documents'] = (copy['crosscheck:documents'] as unknown[]).map((d) =>
      isObject(d) && Array.isArray(d['type']) ? { ...d, type: single(d['type']) } : d,
    );
  }
  return copy;
}

/** Whether a value is an object whose `type` is a list (a compactor's or a hand's spelling). */
function typedList(value: unknown): boolean {
  return isObject(value) && Array.isArray(value['type']);
}

function withSingleType(value: unknown): unknown {
  return typedList(value) ? { ...(value as Json), type: single((value as Json)['type']) } : value;
}

/** Whether every element of a list is an object with a single `type` (the shape we write). */
function plainList(values: unknown[]): boolean {
  for (const value of values) if (typedList(value)) return false;
  return true;
}

function expandAnnotation(item: unknown): unknown {
  if (!isObject(item)) return item;
  const body = item['body'];
  const target = item['target'];
  // The shape we write, checked without allocating (files hold tens of thousands of these).
  if (
    Array.isArray(body) &&
    isObject(target) &&
    Array.isArray(target['selector']) &&
    !Array.isArray(item['type']) &&
    plainList(body) &&
    plainList(target['selector'] as unknown[])
  ) {
    return item;
  }
  const bare = single(target);
  const selector = isObject(bare) ? bare['selector'] : undefined;
  const out: Json = { ...item, type: single(item['type']) };
  if (body !== undefined) out['body'] = (list(body) as unknown[]).map(withSingleType);
  if (isObject(bare)) {
    const fixedTarget: Json = { ...bare };
    if (selector !== undefined)
      fixedTarget['selector'] = (list(selector) as unknown[]).map(withSingleType);
    out['target'] = fixedTarget;
  } else if (bare !== undefined) out['target'] = bare;
  return out;
}
