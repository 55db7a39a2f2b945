// What the reviewer is told when a brief holds characters none of its fonts can draw.

/** One sentence naming the characters no bundled font could draw, or undefined when none. */
export function uncoveredNotice(
  characters: readonly { char: string; codePoint: string }[],
): string | undefined {
  if (characters.length === 0) return undefined;
  const shown = characters.slice(0, 8).map((c) => `${c.char} (${c.codePoint})`);
  const more = characters.length > 8 ? ` and ${characters.length - 8} more` : '';
  return `The brief could not draw ${characters.length === 1 ? 'one character' : `${characters.length} characters`} with its fonts — ${shown.join(', ')}${more}; they are printed as their code points and listed in its appendix.`;
}
