// Looking up sentences in the flat [start0, end0, start1, end1, …] form that hosts pass around.

/** The index of the last sentence starting at or before `offset`, or -1 when none does. */
export function sentenceAtOrBefore(sentences: readonly number[], offset: number): number {
  let low = 0;
  let high = sentences.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = sentences[2 * mid] as number;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}

/** Whether [start, end) is exactly one of the sentences. */
export function isWholeSentence(sentences: readonly number[], start: number, end: number): boolean {
  const index = sentenceAtOrBefore(sentences, start);
  return index >= 0 && sentences[2 * index] === start && sentences[2 * index + 1] === end;
}
