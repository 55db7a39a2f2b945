// Writes `crosscheck segment --json` output piece by piece, byte for byte what
// JSON.stringify(value, null, 2) would give, without building the whole value or string first.

/** One sentence as printed: offsets into the normalised text and its exact slice. */
export interface SentenceRange {
  start: number;
  end: number;
}

/** Flush the pending output once it is this long (UTF-16 units). */
const CHUNK = 1 << 20;

/**
 * Writes, through `write` in chunks, the sentences of one file as a JSON array (`files` has one
 * entry and `single` is true) or of several files as an object mapping each path to its array,
 * formatted exactly as `JSON.stringify(value, null, 2)` followed by a line break.
 */
export function writeSentencesJson(
  files: readonly { path: string; text: string; sentences: readonly SentenceRange[] }[],
  single: boolean,
  write: (chunk: string) => void,
): void {
  let out = '';
  const emit = (piece: string): void => {
    out += piece;
    if (out.length >= CHUNK) {
      write(out);
      out = '';
    }
  };
  const writeArray = (text: string, sentences: readonly SentenceRange[], pad: string): void => {
    if (sentences.length === 0) {
      emit('[]');
      return;
    }
    const open = `${pad}  {\n${pad}    "start": `;
    for (let k = 0; k < sentences.length; k++) {
      const { start, end } = sentences[k]!;
      emit(
        `${k === 0 ? '[\n' : ',\n'}${open}${start},\n${pad}    "end": ${end},\n${pad}    "text": ` +
          `${JSON.stringify(text.slice(start, end))}\n${pad}  }`,
      );
    }
    emit(`\n${pad}]`);
  };
  const only = files[0];
  if (single && only) {
    writeArray(only.text, only.sentences, '');
  } else if (files.length === 0) {
    emit('{}');
  } else {
    files.forEach((file, k) => {
      emit(`${k === 0 ? '{\n' : ',\n'}  ${JSON.stringify(file.path)}: `);
      writeArray(file.text, file.sentences, '  ');
    });
    emit('\n}');
  }
  write(out + '\n');
}
