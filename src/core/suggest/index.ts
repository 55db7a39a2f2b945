// The evidence-suggestion engine's public surface.
export { buildSuggestionIndex, SuggestionIndex } from './suggestion-index';
export * from './types';
