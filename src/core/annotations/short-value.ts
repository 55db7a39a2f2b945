// A value from a file, shown in a message: at most 40 characters, and never a crash (a value nested
// thousands of levels deep cannot be written out, so it is named instead).

/** The value as short JSON text, or "a deeply nested list/object" when it cannot be written. */
export function shortValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? 'a deeply nested list' : 'a deeply nested object';
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
