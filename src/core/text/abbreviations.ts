// Word lists for the English sentence segmenter: abbreviations, sentence starters, time words.

/**
 * How a period after a known word behaves when whitespace and a capitalised word follow.
 * - `never`: the word always precedes something (a title or a connective), never ends a sentence.
 * - `starter`: ends a sentence only if the next word usually starts sentences ("The", "He", ...).
 * - `number`: like a plain word, but never ends a sentence before a number ("No. 5").
 * - `time`: a.m./p.m.: ends a sentence before any capitalised word except time-context words.
 * - `etc`: "etc.": ends a sentence before any capitalised word.
 */
export type AbbreviationKind = 'never' | 'starter' | 'number' | 'time' | 'etc';

/** Split a space-separated word list. */
function words(list: string): string[] {
  return list.split(' ');
}

/** Titles and connectives that never end a sentence (matched case-insensitively). */
const NEVER = words(
  'mr mrs ms messrs mmes mme mlle dr drs prof profs gen gens sen sens rep reps gov govs ' +
    'lt col capt cpt sgt maj adm cmdr cdr cpl pvt pfc spc brig lieut rev hon pres supt ' +
    'det insp atty msgr fr amb ald treas vs v cf viz eg ie e.g i.e rt revd mx cllr supt ' +
    'comdr cmdt ens wo sra srta dir',
);

/**
 * Abbreviations that end a sentence only before a typical sentence starter (matched
 * case-insensitively): company and name suffixes, places, references.
 */
const STARTER = words(
  'inc co cos corp ltd plc llc bros assn assoc dept univ inst intl natl govt jr sr esq ' +
    'st mt ft pt ave blvd rd hwy pkwy ste fig figs vol vols pp para sec secs ch chap eq ' +
    'eqs ref refs eds ibid al op cit approx ca sq oz lb lbs mfg mgr asst dist twp ret p c ' +
    // units written with a period, and legal forms of companies
    'yd yds mi hr hrs mins yr yrs wk wks gal qt tbsp tsp est ext tel ' +
    'pty pte bhd gmbh sdn cie lp llp',
);

/** Case-sensitive starter-kind abbreviations: months, weekdays, U.S. states, "Art.". */
const STARTER_CASED = words(
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri ' +
    'Sat Sun Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich ' +
    'Minn Miss Mo Mont Neb Nebr Nev Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wisc Wyo Art ' +
    'Arts',
);

/** Abbreviations that precede a number ("No. 5", "Rs. 3520"). */
const NUMBER = ['no', 'nos', 'rs'];

/** Brand names spelled with an exclamation mark ("Yahoo!"). */
const EXCLAIM_NAMES = new Set(['yahoo', 'jeopardy', 'yum']);

const table = new Map<string, AbbreviationKind>();
for (const w of NEVER) table.set(w, 'never');
for (const w of STARTER) table.set(w, 'starter');
for (const w of NUMBER) table.set(w, 'number');
for (const w of ['a.m', 'p.m']) table.set(w, 'time');
table.set('etc', 'etc');
const casedTable = new Map<string, AbbreviationKind>();
for (const w of STARTER_CASED) {
  casedTable.set(w, 'starter');
  casedTable.set(w.toUpperCase(), 'starter');
}

/** Length of the longest undotted abbreviation in the tables: longer words are never looked up. */
export const MAX_ABBREVIATION_LENGTH = Math.max(
  ...[...table.keys(), ...casedTable.keys()].filter((w) => !w.includes('.')).map((w) => w.length),
);

/**
 * Look up a word (without its final period) in the abbreviation tables.
 * @returns the kind, or undefined when the word is not a known abbreviation.
 */
export function abbreviationKind(word: string): AbbreviationKind | undefined {
  return casedTable.get(word) ?? table.get(word.toLowerCase());
}

/** True when `word` (lower-cased, without the "!") is a brand name spelled with "!". */
export function isExclaimName(word: string): boolean {
  return EXCLAIM_NAMES.has(word.toLowerCase());
}

/**
 * Capitalised words that commonly start an English sentence and rarely continue a name after an
 * abbreviation: pronouns, determiners, conjunctions, prepositions, question words, adverbs.
 */
const STARTERS = new Set(
  words(
    'the a an he she it they we i you his her its their our my your this that these those ' +
      'there here but and or so yet if when while after before as in on at for with by from to ' +
      'of since although though because however meanwhile still also then now what who whom ' +
      'whose why how where which some many most all both each every several few one two three ' +
      'not only even just instead later earlier today yesterday tomorrow last once during ' +
      'despite according among under over about against without within other another such more ' +
      'much neither either nor is are was were do does did has have had can could would should ' +
      'shall must might let please thus hence therefore furthermore moreover nevertheless ' +
      'nonetheless indeed otherwise perhaps maybe yes no mr mrs ms dr officials police',
  ),
);

/** True when `word` is a typical sentence starter (`word` must be capitalised, e.g. "The"). */
export function isSentenceStarter(word: string): boolean {
  return STARTERS.has(word.toLowerCase());
}

/** Capitalised words that continue a time ("10 a.m. Monday", "8 p.m. EST"). */
const TIME_CONTEXT = new Set(
  words(
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April ' +
      'May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep ' +
      'Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun ET EST EDT CT CST CDT MT MST MDT ' +
      'PT PST PDT GMT UTC BST CET CEST Eastern Central Mountain Pacific Atlantic Greenwich ' +
      'Local',
  ),
);

/** True when `word` continues a clock time after "a.m."/"p.m." rather than starting a sentence. */
export function isTimeContextWord(word: string): boolean {
  return TIME_CONTEXT.has(word);
}

/** Verbs of saying that follow a quotation and a speaker's name ("…?” Jones asked."). */
const REPORTING_VERBS = new Set(
  words(
    'said says asked asks told tells added adds wrote writes shouted yelled replied replies ' +
      'explained recalled continued insisted answered cried exclaimed whispered declared ' +
      'tweeted noted stated warned demanded wondered joked laughed screamed pleaded argued ' +
      'responded remarked thought murmured muttered snapped sighed suggested posted',
  ),
);

/** True when `word` is a lower-case verb of saying ("said", "asked", ...). */
export function isReportingVerb(word: string): boolean {
  return REPORTING_VERBS.has(word);
}

/**
 * Arabic and Hebrew verbs of saying that open an attribution after a quotation, as in
 * «هل هذه هي الرسالة؟» تساءل الوزير. (the scripts have no capitals to tell a new sentence).
 */
const RTL_REPORTING_VERBS = new Set(
  words(
    'قال قالت تساءل تساءلت سأل سألت أضاف أضافت أكد أكدت صاح صاحت هتف هتفت رد ردت ردّ ' +
      'שאל שאלה אמר אמרה הוסיף הוסיפה צעק צעקה ענה ענתה השיב השיבה קרא קראה',
  ),
);

/** True when `word` is an Arabic or Hebrew verb of saying ("قال", "שאל", ...). */
export function isRtlReportingVerb(word: string): boolean {
  return RTL_REPORTING_VERBS.has(word);
}
