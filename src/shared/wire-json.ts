// JSON for the HTTP transport: byte arrays travel as { "$bytes": "<base64>" }; everything else as
// plain JSON. (Electron IPC clones Uint8Array natively and needs none of this.)

/** Serialises a value, encoding every Uint8Array as base64. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: bytesToBase64(v) } : v,
  );
}

/** Parses wire JSON, decoding `{ "$bytes": … }` (as toWireJson writes it) back into Uint8Array. */
export function fromWireJson(text: string): unknown {
  // Most replies carry no bytes: parsed without a reviver, which would be called for every value
  // (a long document's text comes with a million sentence offsets). The key is matched as
  // toWireJson writes it, never escaped.
  if (!text.includes('"$bytes"')) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const encoded = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof encoded === 'string') return base64ToBytes(encoded);
    }
    return v;
  });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk.push(
      ALPHABET[(n >> 18) & 63]! +
        ALPHABET[(n >> 12) & 63]! +
        (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) +
        (c === undefined ? '=' : ALPHABET[n & 63]!),
    );
    if (chunk.length === 4096) {
      parts.push(chunk.join(''));
      chunk.length = 0;
    }
  }
  parts.push(chunk.join(''));
  return parts.join('');
}

/** Decodes standard base64; throws on characters outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const digit = code < 128 ? (LOOKUP[code] as number) : -1;
    if (digit < 0) throw new Error('Invalid base64 data.');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

/**
 * Content type of a call sent as its JSON, a newline, then one byte array's raw bytes (an
 * imported file): no base64, so a 50 MB file is neither a third larger nor encoded by script.
 */
export const CALL_WITH_BYTES_TYPE = 'application/vnd.crosscheck.call-with-bytes';

/** Stands, in the JSON of such a call, for the bytes that follow it. */
const TRAILING_BYTES = '$trailingBytes';

/**
 * A call's arguments as JSON and the bytes of its one top-level byte array of at least `minBytes`
 * (replaced in the JSON by a marker), or undefined when it has none (or more than one).
 */
export function splitTrailingBytes(
  args: unknown,
  minBytes: number,
): { head: string; bytes: Uint8Array } | undefined {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return undefined;
  const large = Object.entries(args).filter(
    ([, v]) => v instanceof Uint8Array && v.length >= minBytes,
  );
  const [only] = large;
  if (!only || large.length > 1) return undefined;
  const [key, bytes] = only as [string, Uint8Array];
  return { head: toWireJson({ ...args, [key]: { [TRAILING_BYTES]: true } }), bytes };
}

/** Reads the body of a call with bytes: the JSON before the first newline, the bytes after it. */
export function joinTrailingBytes(body: Uint8Array): unknown {
  const newline = body.indexOf(0x0a);
  if (newline < 0) throw new Error('The request has no newline after its JSON.');
  const args = fromWireJson(
    new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, newline)),
  );
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return args;
  const bytes = body.subarray(newline + 1);
  const fields = args as Record<string, unknown>;
  const markers = Object.keys(fields).filter((key) => isTrailingMarker(fields[key]));
  if (markers.length !== 1) throw new Error('The request names its bytes once.');
  fields[markers[0] as string] = bytes;
  return fields;
}

function isTrailingMarker(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (value as Record<string, unknown>)[TRAILING_BYTES] === true;
}
