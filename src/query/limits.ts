// The numbers that bound a query's work or shape its ranking and snippets, in one place. DESIGN.md's limits table
// names each; the ranking weights a caller may change are `DEFAULT_RANKING` (search.ts), the query-string caps
// `DEFAULT_QUERY_LIMITS` (parse.ts). esbuild inlines these constants, so naming them costs no bundle bytes.

/** Results per call: the default, and the most a call returns. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
/** The furthest a caller may page (`offset`). */
export const MAX_OFFSET = 10_000;
/** Index terms one prefix or typo word expands to: the default, and the most a caller may ask. */
export const DEFAULT_MAX_EXPANSIONS = 50;
export const MAX_EXPANSIONS = 1000;
/** `maxQueryLength` and `maxClauses` a caller may ask at most (defaults in `DEFAULT_QUERY_LIMITS`). */
export const MAX_QUERY_LENGTH = 100_000;
export const MAX_CLAUSES = 32;
/** Snippet length in characters: the default and its bounds. */
export const DEFAULT_SNIPPET_LENGTH = 160;
export const MIN_SNIPPET_LENGTH = 16;
export const MAX_SNIPPET_LENGTH = 100_000;

/** Proximity evidence: two query words earn a bonus when they stand at most this many positions apart. */
export const PROXIMITY_WINDOW = 8;
/** The head that gets the proximity rerank: the best max(HEAD_FACTOR × (offset + limit), MIN_HEAD) candidates. */
export const HEAD_FACTOR = 3;
export const MIN_HEAD = 30;

/** A snippet window's score: distinct query terms × this + occurrences (distinct terms always win). */
export const DISTINCT_TERM_WEIGHT = 1000;
/** How far (characters) a window's edge looks for white space to cut at before it cuts inside the text. */
export const CUT_REACH = 40;
/** A paragraph is read whole for its snippet's words up to this many characters; past it, up to SCAN_SNIPPETS snippet lengths after the first hit. */
export const SCAN_WHOLE = 16_384;
export const SCAN_SNIPPETS = 4;
