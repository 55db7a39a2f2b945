// Normalisation that happens before any offset is computed: LF line endings and Unicode NFC.

/** The line-ending style a file was saved with. */
export type LineEndingStyle = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** Names the line-ending style of a text by counting CRLF, lone CR and lone LF. */
export function detectLineEndings(text: string): LineEndingStyle {
  if (text.indexOf('\r') < 0) return text.indexOf('\n') < 0 ? 'none' : 'lf'; // the usual case, fast
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}

/** CRLF and lone CR become LF; the result is in Unicode Normalization Form C. */
export function normaliseText(text: string): string {
  const lf = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  return lf.normalize('NFC');
}
