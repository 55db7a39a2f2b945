// Reading who a phrase names: a run of capitalised words ("Gen. Mark Milley", "U.S. Department of
// Defense") or a descriptive source ("an Iraqi military source", "U.S. officials"), read forwards
// from after a cue ("according to …") or backwards from before a verb ("… has said").

/** Words that end a descriptive source phrase. */
const SOURCE_NOUNS = new Set(
  (
    'source sources official officials military ministry government spokesman spokeswoman ' +
    'spokesperson spokespeople army police agency embassy office department diplomat diplomats ' +
    'officer officers commander commanders aide aides analyst analysts witness witnesses'
  ).split(' '),
);

/** Lower-case words allowed inside a descriptive source phrase ("a senior military source"). */
const MODIFIERS = new Set(
  (
    'senior unnamed anonymous local foreign former top defense defence security intelligence ' +
    'administration government military western independent'
  ).split(' '),
);

/** Lower-case words allowed inside a name between capitalised words ("Secretary of State"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'al', 'bin', 'van', 'von', 'der', 'la', 'le']);

/** Capitalised words that start a sentence or clause but are not part of a name. */
const LEADING = new Set(
  'the a an but and or in on at however yet so then also meanwhile later earlier today yesterday'.split(
    ' ',
  ),
);

/** Words that name no one by themselves. */
const PRONOUNS = new Set(
  'it he she they we i you this that these those who which there one someone'.split(' '),
);

const DETERMINERS = new Set(['the', 'an', 'a']);

/** Abbreviations whose full stop does not end a name. */
const ABBREVIATION =
  /^(?:\p{Lu}\.)+$|^(?:gen|lt|col|maj|adm|sgt|capt|brig|cmdr|sen|rep|gov|dr|mr|mrs|ms|prof|st|jr|sr)\.$/iu;

interface Word {
  /** The word without quotes or punctuation around it (an abbreviation's full stop kept). */
  bare: string;
  /** Punctuation after the word ends any phrase through it. */
  stops: boolean;
}

function wordsOf(text: string): Word[] {
  return text
    .split(/\s+/)
    .map((raw) => raw.replace(/^[“”"‘(]+/, ''))
    .filter((raw) => raw !== '')
    .map((raw) => {
      const unquoted = raw.replace(/[,;:!?”"’)]+$/, '');
      const bare = ABBREVIATION.test(unquoted) ? unquoted : unquoted.replace(/\.+$/, '');
      return { bare, stops: bare !== raw };
    });
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const lower = (word: string) => word.toLowerCase();

/** A run of name words, without leading function words; undefined when nothing names anyone. */
function nameOf(run: string[]): string | undefined {
  const kept = [...run];
  while (kept.length > 0 && LEADING.has(lower(kept[0] as string))) kept.shift();
  while (kept.length > 0 && CONNECTORS.has(kept.at(-1) as string)) kept.pop();
  if (kept.length === 0) return undefined;
  if (kept.length === 1 && PRONOUNS.has(lower(kept[0] as string))) return undefined;
  return kept.join(' ');
}

const inDescription = (word: string) =>
  isCapitalised(word) || SOURCE_NOUNS.has(lower(word)) || MODIFIERS.has(lower(word));

/** The name or descriptive source at the start of `text` ("Liz Sly at her…" → "Liz Sly"). */
export function phraseAfter(text: string): string | undefined {
  const words = wordsOf(text);
  const first = words[0];
  if (!first) return undefined;
  if (isCapitalised(first.bare) && !LEADING.has(lower(first.bare))) {
    const run: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const { bare, stops } = words[i] as Word;
      const next = words[i + 1];
      if (isCapitalised(bare)) run.push(bare);
      else if (CONNECTORS.has(bare) && !stops && next && isCapitalised(next.bare)) run.push(bare);
      else break;
      if (stops) break;
    }
    return nameOf(run);
  }
  const start = DETERMINERS.has(lower(first.bare)) ? 1 : 0;
  let end = -1;
  for (let i = start; i < words.length && i < start + 5; i++) {
    const { bare, stops } = words[i] as Word;
    if (!inDescription(bare)) break;
    if (SOURCE_NOUNS.has(lower(bare))) end = i;
    if (stops) break;
  }
  return end < 0
    ? undefined
    : words
        .slice(0, end + 1)
        .map((w) => w.bare)
        .join(' ');
}

/** The name or descriptive source at the end of `text` ("… bureau chief Liz Sly" → "Liz Sly"). */
export function phraseBefore(text: string): string | undefined {
  const words = wordsOf(text).slice(-8);
  const last = words.at(-1);
  if (!last || last.stops) return undefined;
  if (isCapitalised(last.bare)) {
    const run: string[] = [];
    for (let i = words.length - 1; i >= 0; i--) {
      const { bare, stops } = words[i] as Word;
      if (i < words.length - 1 && stops) break;
      const before = words[i - 1];
      if (isCapitalised(bare)) run.unshift(bare);
      else if (CONNECTORS.has(bare) && before && isCapitalised(before.bare)) run.unshift(bare);
      else break;
    }
    return nameOf(run);
  }
  if (!SOURCE_NOUNS.has(lower(last.bare))) return undefined;
  const phrase: string[] = [];
  for (let i = words.length - 1; i >= 0 && phrase.length < 5; i--) {
    const { bare, stops } = words[i] as Word;
    if (i < words.length - 1 && stops) break;
    if (DETERMINERS.has(lower(bare))) {
      phrase.unshift(bare);
      break;
    }
    if (!inDescription(bare) || LEADING.has(lower(bare))) break;
    phrase.unshift(bare);
  }
  return phrase.join(' ');
}
