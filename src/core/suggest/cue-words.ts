// The word lists behind each stance cue, kept together so a reviewer can read and edit them.
// Entries are lower-case surface words (not stems); multi-word entries are matched as phrases.

/** Words that carry no meaning for matching a claim to evidence. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than so as of at by for from in into on onto to with within ' +
    'about over under up down out off per via is are was were be been being am do does did done ' +
    'has have had having will would shall should can could may might must it its it’s this that ' +
    'these those there here their them they he him his she her hers we us our you your i me my ' +
    'who whom whose which what when where why how all any both each few many most other some ' +
    'such own same very just also only too again further once s t ’s ’ also yet still ever even ' +
    'mr mrs ms dr said says say told tells according added adding stated statement spokesman ' +
    'spokeswoman spokesperson week weeks month months day today yesterday tomorrow year years ' +
    'new one two three time while because though although however thursday friday monday ' +
    'tuesday wednesday saturday sunday last next first since against between through during ' +
    'before after above below not no nor never none n’t nt'
  ).split(' '),
);

/** Words that negate what follows them within a few words ("no decision to withdraw"). */
export const NEGATORS: readonly string[] = [
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'n’t',
  "n't",
  'cannot',
  'no longer',
  'not yet',
  'ruled out',
  'rules out',
  'rule out',
  'has yet to',
  'have yet to',
];

/** Words that deny or dispute what a source says (a denial reverses the whole sentence). */
export const DENIAL_WORDS: readonly string[] = [
  'denied',
  'denies',
  'deny',
  'denial',
  'rejected',
  'rejects',
  'refuted',
  'refutes',
  'dismissed',
  'dismisses',
  'disputed',
  'disputes',
  'contradicted',
  'contradicts',
  'untrue',
  'false',
  'falsely',
  'incorrect',
  'inaccurate',
  'wrong',
  'erroneous',
  'mistaken',
  'misleading',
  'baseless',
  'unfounded',
  'retracted',
  'withdrawn in error',
  'nonsense',
  'debunked',
];

/** Words saying a document, quote or recording is not what it seems (speak to the source). */
export const FORGERY_WORDS: readonly string[] = [
  'fake',
  'faked',
  'forged',
  'forgery',
  'fabricated',
  'fabrication',
  'counterfeit',
  'doctored',
  'bogus',
  'hoax',
  'spoof',
  'not authentic',
  'not genuine',
  'manipulated',
  'altered',
  'impostor',
  'deepfake',
];

/** Words saying a document was never meant to stand (its content is disputed, not its origin). */
export const DRAFT_WORDS: readonly string[] = [
  'draft',
  'unsigned',
  'by mistake',
  'in error',
  'a mistake',
  'an error',
  'poorly worded',
  'premature',
  'prematurely',
  'not final',
  'superseded',
  'sent in error',
];

/** Words that affirm a source is what it claims to be. */
export const AFFIRM_WORDS: readonly string[] = [
  'authentic',
  'authenticity',
  'genuine',
  'verified',
  'confirmed',
  'confirms',
  'confirm',
  'corroborated',
  'corroborates',
  'legitimate',
  'real',
  'accurate',
  'correct',
  'true',
  'indeed',
];

/** Words that make a sentence uncertain: it is related, not evidence either way. */
export const HEDGE_WORDS: readonly string[] = [
  'may',
  'might',
  'could',
  'possibly',
  'perhaps',
  'considering',
  'consider',
  'considers',
  'weighing',
  'weighs',
  'mulling',
  'exploring',
  'rumoured',
  'rumored',
  'rumours',
  'rumors',
  'speculation',
  'speculated',
  'unconfirmed',
  'reportedly',
  'allegedly',
  'unclear',
  'not clear',
  'if',
  'whether',
  'would consider',
  'potential',
  'potentially',
  'likely',
  'unlikely',
  'expected to decide',
  'under review',
  'too early',
  'yet to be confirmed',
  'could not confirm',
  'could not be confirmed',
  'could not independently',
  'asked whether',
];

/** Nouns that name a source: when evidence speaks of one of these, it may be about the source. */
export const SOURCE_NOUNS: readonly string[] = [
  'letter',
  'memo',
  'memorandum',
  'document',
  'documents',
  'email',
  'e-mail',
  'photo',
  'photograph',
  'picture',
  'image',
  'video',
  'footage',
  'recording',
  'audio',
  'tape',
  'quote',
  'quotation',
  'transcript',
  'post',
  'tweet',
  'message',
  'note',
  'signature',
  'report',
  'file',
  'leaflet',
  'notice',
  'circular',
  'screenshot',
  'certificate',
  'cable',
  'dossier',
];
