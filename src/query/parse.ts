// The query parser. ANY string is a valid query: syntax that does not close (an unbalanced quote, a lone
// operator) degrades to plain words, and the work is bounded by rule (characters and clauses are capped).
//
// Syntax: plain words (ranked OR) · "exact phrase" · "word" (one quoted word: its exact form) · -excluded / -"excluded phrase" · +required · a AND b
// (both required) · a OR b (the default, spelled out) · prefix* · with `prefix: true` the last word is a prefix ·
// name:word, name:"phrase" in indexes with fields (an item reader from query/fields.ts restricts them to a field).
import type { AnalyzedToken, TextAnalyzer } from '../analysis/index.js';

/** A single analyzed query word. */
export interface QueryTerm {
  /** The index term (stemmed). */
  term: string;
  /** The normalized word before stemming (used to expand prefixes). */
  surface: string;
  /** Position in the query (phrases use the gaps left by stopwords). */
  position: number;
  /** Match every index term that starts with this word. */
  prefix: boolean;
  /**
   * Match the word's exact form only (a single quoted word, `"الرياض"`): the surface form up to the prefixes the
   * stemmer removes (والرياض, بالرياض, رياض), not the other forms of its stem (الرياضي, رياضة).
   */
  exact?: boolean;
  /** The field the word is restricted to (`title:word`): a field of the index, or `''` for the paragraphs' text (`text:word`). */
  field?: string;
}

/** A clause: one word, or a phrase of several. @internal */
export interface Clause {
  kind: 'term' | 'phrase';
  queryTerms: QueryTerm[];
}

/** A query item as an item reader gives it back: with the field it is restricted to. @internal */
export type QueryItem = RegExpMatchArray & { index: number; field?: string };

/**
 * Reads the query items, in order, for field restrictions (`title:word`, in query/fields.ts): the item, changed
 * (an item to skip gets the empty word). @internal
 */
export type ItemReader = (item: RegExpMatchArray) => QueryItem;

/** A parsed query. @internal */
export interface ParsedQuery {
  /** Optional clauses: ranked, more matched clauses rank higher. */
  should: Clause[];
  /** Required clauses (+word, AND, phrases). */
  must: Clause[];
  /** Excluded clauses. */
  not: Clause[];
  /** Whether a word of the query is a question word (`questions` of the options): the query is ranked as a question. */
  question?: boolean;
}

/** Limits on query work (documented options of `search`). */
export interface QueryLimits {
  /** Characters of the query string considered (default 1,000). */
  maxQueryLength: number;
  /** Clauses kept, in query order (default 32). */
  maxClauses: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxQueryLength: 1000, maxClauses: 32 };

/**
 * One query item, found by `matchAll`: an optional sign (1: `+`/`-` right before a non-space), then a phrase in
 * "…", «…» or “…” (2, 3, 4: up to its closing quote, or to the end when it does not close) or a word (5: up to a
 * space or a `"`). White space is the space, tab, CR, LF, U+00A0 NO-BREAK SPACE and U+3000 IDEOGRAPHIC SPACE.
 */
const ITEM = /([+-](?=[^ \t\n\r\u00a0\u3000]))?(?:"([^"]*)"?|«([^»]*)»?|“([^”]*)”?|([^ \t\n\r\u00a0\u3000"]+))/g;

/**
 * Parses a user's query string with the index's analyzer. Never throws on a string (`search` refuses other
 * values): every piece of syntax that cannot be honored becomes plain words. `readItem` (an index with fields)
 * reads `name:` restrictions. An item whose (first) word, normalized, is one of `questions` makes it a question.
 */
export function parseQuery(
  query: string,
  analyzer: TextAnalyzer,
  options: { prefix?: boolean; questions?: readonly string[] } & Partial<QueryLimits> = {},
  readItem?: ItemReader,
): ParsedQuery {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options };
  let q = query;
  const out: ParsedQuery = { should: [], must: [], not: [] };
  if (q.length > limits.maxQueryLength) {
    q = q.slice(0, limits.maxQueryLength);
    if ((q.charCodeAt(q.length - 1) & 0xfc00) === 0xd800) q = q.slice(0, -1);
  }
  const items = [...q.matchAll(ITEM)];
  let position = 0;
  let requireNext = false;
  let pendingAndTarget: Clause | null = null;
  const seen = new Set<string>();
  items.forEach((found, k) => {
    const m: QueryItem = readItem?.(found) ?? (found as QueryItem);
    const sign = m[1];
    const word = m[5];
    if (!sign && (word === 'AND' || word === 'OR') && k > 0 && k < items.length - 1) {
      // a AND b: the clause before and the clause after are both required; OR is the default
      if (word === 'AND') {
        const idx = pendingAndTarget ? out.should.indexOf(pendingAndTarget) : -1;
        if (idx >= 0) out.must.push(...out.should.splice(idx, 1));
        requireNext = true;
      }
      return;
    }
    // a word's trailing stars make it a prefix; so does `prefix: true` on a last word not followed by a space
    const text = word === undefined ? m[2] ?? m[3] ?? m[4] : word.replace(/\*+$/, '');
    const star = word !== undefined && text !== word;
    const last = word !== undefined && m.index + m[0].length === q.length;
    const asPrefix = star || (options.prefix === true && last && sign !== '-');
    // a question word is a stopword as often as not: looked for before the analysis drops it
    if (options.questions?.includes(analyzer.surfaceOf(text))) out.question = true;
    // what a clause keeps of a token (a word being typed that is a stopword has no span)
    let tokens: Pick<AnalyzedToken, 'term' | 'surface' | 'position'>[] = analyzer.analyze(text);
    if (tokens.length === 0 && asPrefix) {
      // a word being typed that is (so far) a stopword, e.g. من on the way to منظمة: keep it as a prefix
      const surface = analyzer.surfaceOf(text);
      if (surface) tokens = [{ term: surface, surface, position: 0 }];
    }
    if (tokens.length === 0) {
      requireNext = false;
      return;
    }
    const base = position - tokens[0].position;
    // a quoted single word asks for its exact form
    const exact = word === undefined && tokens.length === 1;
    const mk = (t: (typeof tokens)[number], prefix: boolean): QueryTerm => ({
      term: t.term,
      surface: t.surface,
      position: base + t.position,
      prefix,
      exact,
      field: m.field,
    });
    position = base + tokens[tokens.length - 1].position + 2;
    const made: Clause[] =
      word === undefined && tokens.length > 1
        ? [{ kind: 'phrase', queryTerms: tokens.map((t) => mk(t, false)) }]
        : tokens.map((t, i) => ({ kind: 'term', queryTerms: [mk(t, asPrefix && i === tokens.length - 1)] }));
    for (const c of made) {
      // every clause kept has its key in `seen`
      if (seen.size >= limits.maxClauses) break;
      // a phrase or a quoted word is required unless excluded
      const list = sign === '-' ? out.not : sign === '+' || requireNext || c.kind === 'phrase' || exact ? out.must : out.should;
      // a clause repeated in its list adds work, not meaning (a word typed 32 times was 32 clauses): kept once
      const key = JSON.stringify([list === out.not, list === out.must, c.queryTerms.map((t) => [t.term, t.prefix, t.exact, t.field, t.position - c.queryTerms[0].position])]);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(c);
      pendingAndTarget = c;
    }
    requireNext = false;
  });
  return out;
}
