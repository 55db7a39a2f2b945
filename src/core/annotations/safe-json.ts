// The first gate for an incoming file: a size cap checked before reading, JSON parsing, and a
// refusal of keys that could reach object prototypes (`__proto__`, `constructor`, `prototype`).
import { formatBytes } from '../text/import-text';
import { fail, ok, type Result } from '../result';
import { invalidFile, type InvalidAnnotationFile } from './incoming-file';

/** Largest annotation file Crosscheck reads: 100 MB. */
export const MAX_ANNOTATION_FILE_BYTES = 100 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The refusal for a file over the size cap, or undefined when it fits. Hosts call it with the
 * size on disk so that a huge file is refused before it is read.
 */
export function annotationFileSizeProblem(
  byteLength: number,
  maxBytes = MAX_ANNOTATION_FILE_BYTES,
): InvalidAnnotationFile | undefined {
  if (byteLength <= maxBytes) return undefined;
  return invalidFile(
    'too-large',
    `The annotation file is ${formatBytes(byteLength)}, larger than the ${formatBytes(maxBytes)} Crosscheck reads; export fewer documents or leave their text out.`,
  );
}

/** Parses a file's text as JSON (a leading byte-order mark is ignored). */
export function parseJsonText(
  text: string,
  maxBytes = MAX_ANNOTATION_FILE_BYTES,
): Result<unknown, InvalidAnnotationFile> {
  // Every UTF-16 unit is at least one byte in UTF-8, so a longer string is surely over the cap.
  const tooLarge = annotationFileSizeProblem(text.length, maxBytes);
  if (tooLarge) return fail(tooLarge);
  try {
    return ok(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (error) {
    return fail(
      invalidFile(
        'not-json',
        `The file is not an annotation file: it is not valid JSON (${(error as Error).message}).`,
      ),
    );
  }
}

/**
 * Whether JSON text surely holds none of the forbidden keys: none of their names appears in it as
 * a whole JSON string (`"constructor"`, quotes included: a key is a whole string and a quote
 * inside a string is escaped, so prose about a "protocol" or a "constructor" passes), and no `\u`
 * escape of a character from `P` to DEL could spell one (escapes of control characters cannot).
 * One scan of the text; most files pass, and are spared the walk of every object.
 */
export function surelyWithoutForbiddenKeys(text: string): boolean {
  return !MAYBE_FORBIDDEN.test(text);
}

const MAYBE_FORBIDDEN = /"(?:__proto__|constructor|prototype)"|\\u00[5-7][0-9a-fA-F]/;

/**
 * The path of a `__proto__`, `constructor` or `prototype` key in parsed JSON, or undefined when
 * there is none.
 */
export function findForbiddenKey(value: unknown): (string | number)[] | undefined {
  // One pass with a plain stack (files hold hundreds of thousands of objects); the path is only
  // worked out when a key is found.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) if (child !== null && typeof child === 'object') stack.push(child);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return safePathTo(value, node, key);
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return undefined;
}

function safePathTo(root: unknown, target: object, key: string): (string | number)[] {
  try {
    return pathTo(root, target, key) ?? [key];
  } catch {
    return [key]; // nested too deeply to trace: the key alone still names the problem
  }
}

function pathTo(root: unknown, target: object, key: string): (string | number)[] | undefined {
  if (root === target) return [key];
  if (root === null || typeof root !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(root)
    ? root.map((child, i) => [i, child])
    : Object.entries(root);
  for (const [name, child] of entries) {
    const rest = pathTo(child, target, key);
    if (rest) return [name, ...rest];
  }
  return undefined;
}
