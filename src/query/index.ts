export { Searcher, searchSnapshot, DEFAULT_RANKING, bm25Idf, type SearchOptions, type SearchResult, type SearchPage, type SuggestOptions, type RankingParams, type SearcherExtras } from './search.js';
export { scoreFields, type FieldScorer, type FieldScoring } from './fields.js';
export { parseQuery, DEFAULT_QUERY_LIMITS, type ParsedQuery, type Clause, type QueryTerm, type QueryLimits } from './parse.js';
export { makeSnippet, toHtml, escapeHtml, type Snippet, type HtmlOptions } from './snippet.js';
export { vectorHits, VectorSearcher, type HitSource } from './vector-hits.js';
// typo tolerance (./typos.js) is imported by the entries that include it, so that importing this module never does
export type { TypoExpander } from './typos.js';
export { suggestWords, type Suggestion, type Suggester } from './suggest.js';
