// The options of `search`, checked once per query: a wrong type, a value out of range or an unknown key (a typo)
// is a FahrasError INVALID_ARGUMENT naming the option and what it takes, never a silent default. This runs in
// both entries (the search-only bundle too), so it is table-driven and small.
import { checkOptions, invalid } from '../errors.js';
import type { RankingParams, SearchOptions } from './search.js';
import { DEFAULT_QUERY_LIMITS } from './parse.js';
import {
  DEFAULT_LIMIT,
  DEFAULT_MAX_EXPANSIONS,
  DEFAULT_SNIPPET_LENGTH,
  MAX_CLAUSES,
  MAX_EXPANSIONS,
  MAX_LIMIT,
  MAX_OFFSET,
  MAX_QUERY_LENGTH,
  MAX_SNIPPET_LENGTH,
  MIN_SNIPPET_LENGTH,
} from './limits.js';

/** Search options with their defaults filled in and their values checked. */
export interface ResolvedSearchOptions {
  limit: number;
  offset: number;
  /** @internal `groupBy: 'document'` */
  byDocument: boolean;
  prefix: boolean;
  fuzzy: number;
  snippetLength: number;
  snippets: boolean;
  filter: SearchOptions['filter'];
  maxExpansions: number;
  maxQueryLength: number;
  maxClauses: number;
  ranking: RankingParams;
  /** The index's question words (`questions` of its configuration), for the parser. */
  questions?: readonly string[];
}

/** The integer options: [least, most, default]. */
const INTEGERS = {
  limit: [1, MAX_LIMIT, DEFAULT_LIMIT],
  offset: [0, MAX_OFFSET, 0],
  fuzzy: [0, 2, 0],
  snippetLength: [MIN_SNIPPET_LENGTH, MAX_SNIPPET_LENGTH, DEFAULT_SNIPPET_LENGTH],
  maxExpansions: [1, MAX_EXPANSIONS, DEFAULT_MAX_EXPANSIONS],
  maxQueryLength: [1, MAX_QUERY_LENGTH, DEFAULT_QUERY_LIMITS.maxQueryLength],
  maxClauses: [1, MAX_CLAUSES, DEFAULT_QUERY_LIMITS.maxClauses],
};

function fail(name: string, expected: string): never {
  invalid(`search option ${name}: expected ${expected}`);
}

/** Ranking constants: each a number from 0 to 100 (`b` to 1), so scores stay finite. */
function rankingOf(given: Partial<RankingParams> | undefined, name: string, known: string, base: RankingParams): RankingParams {
  const out: Record<string, number> = { ...base };
  for (const [key, v] of Object.entries(checkOptions(given, known, `search option ${name}`))) {
    const max = key === 'b' ? 1 : 100;
    out[key] = typeof v === 'number' && v >= 0 && v <= max ? v : fail(`${name}.${key}`, `a number from 0 to ${max}`);
  }
  return out as unknown as RankingParams;
}

/**
 * Checks `search` options and fills their defaults, the ranking from `base` (the index's); throws
 * `FahrasError('INVALID_ARGUMENT')` naming a wrong one.
 */
export function resolveSearchOptions(options: SearchOptions | undefined, base: RankingParams): ResolvedSearchOptions {
  const o = checkOptions(options as Record<string, unknown> | undefined, `${Object.keys(INTEGERS).join(' ')} groupBy prefix snippets filter bm25 ranking`, 'search options');
  const out = { ...o } as Record<string, unknown>;
  if (typeof o.fuzzy === 'boolean') out.fuzzy = +o.fuzzy;
  for (const [key, [min, max, dflt]] of Object.entries(INTEGERS)) {
    const v = out[key] ?? dflt;
    out[key] = Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? v : fail(key, `an integer from ${min} to ${max}`);
  }
  for (const key of ['prefix', 'snippets']) if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(key, 'true or false');
  if (o.groupBy !== undefined && o.groupBy !== 'paragraph' && o.groupBy !== 'document') fail('groupBy', `'paragraph' or 'document'`);
  if (o.filter !== undefined && typeof o.filter !== 'function') fail('filter', 'a function');
  out.byDocument = o.groupBy === 'document';
  out.snippets = o.snippets !== false;
  out.ranking = rankingOf(o.bm25 as object, 'bm25', 'k1 b', rankingOf(o.ranking as object, 'ranking', Object.keys(base).join(' '), base));
  return out as unknown as ResolvedSearchOptions;
}
