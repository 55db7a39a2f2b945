// The evidence-suggestion engine's public surface.
export { analyse, type AnalysedText } from './analyse';
export { cueScorer } from './cue-scorer';
export { compileLexicon, DEFAULT_LEXICON, type Lexicon } from './lexicon';
export {
  buildSuggestionIndex,
  SuggestionIndex,
  type ClaimInput,
  type IndexOptions,
  type SuggestOptions,
} from './suggestion-index';
export * from './types';
