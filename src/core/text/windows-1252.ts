// Windows-1252 decoding by table: Node's TextDecoder treats the label as Latin-1 and turns bytes
// 0x80–0x9F into control characters instead of “smart quotes”, dashes and the euro sign.

/** Characters for bytes 0x80–0x9F; the five bytes Windows-1252 leaves undefined map to C1 controls, as in WHATWG. */
const HIGH_CONTROLS =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes bytes as Windows-1252 (every byte decodes; nothing fails). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunkSize = 8192;
  const units = new Array<number>(chunkSize);
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const end = Math.min(bytes.length, start + chunkSize);
    units.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      units[i - start] = b >= 0x80 && b < 0xa0 ? HIGH_CONTROLS.charCodeAt(b - 0x80) : b;
    }
    chunks.push(String.fromCharCode(...units));
  }
  return chunks.join('');
}
