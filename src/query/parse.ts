// The query parser. ANY string is a valid query: syntax that does not close (an unbalanced quote, a lone
// operator) degrades to plain words, and the work is bounded by rule (characters and clauses are capped).
//
// Syntax: plain words (ranked OR) · "exact phrase" · -excluded / -"excluded phrase" · +required · a AND b
// (both required) · a OR b (the default, spelled out) · prefix* · with `prefix: true` the last word is a prefix.
import type { Analyzer } from '../analysis/index.js';

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
}

/** A clause: one word, or a phrase of several. */
export interface Clause {
  kind: 'term' | 'phrase';
  terms: QueryTerm[];
}

/** A parsed query. */
export interface ParsedQuery {
  /** Optional clauses: ranked, more matched clauses rank higher. */
  should: Clause[];
  /** Required clauses (+word, AND, phrases). */
  must: Clause[];
  /** Excluded clauses. */
  not: Clause[];
  /** Whether the query was cut to the limits. */
  truncated: boolean;
}

/** Limits on query work (documented options of `search`). */
export interface QueryLimits {
  /** Characters of the query string considered (default 1,000). */
  maxQueryLength: number;
  /** Clauses kept, in query order (default 32). */
  maxClauses: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxQueryLength: 1000, maxClauses: 32 };

interface RawItem {
  text: string;
  sign: '' | '+' | '-';
  quoted: boolean;
  star: boolean;
  /** The item ends the query with no space after it (search-as-you-type prefix candidate). */
  last: boolean;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u3000';
}

/** Splits the raw string into items; never throws. */
function scanItems(q: string): RawItem[] {
  const items: RawItem[] = [];
  let i = 0;
  const n = q.length;
  while (i < n) {
    while (i < n && isSpace(q[i])) i++;
    if (i >= n) break;
    let sign: RawItem['sign'] = '';
    if ((q[i] === '-' || q[i] === '+') && i + 1 < n && !isSpace(q[i + 1])) {
      sign = q[i] as '+' | '-';
      i++;
    }
    if (q[i] === '"' || q[i] === '«' || q[i] === '“') {
      const close = q[i] === '«' ? '»' : q[i] === '“' ? '”' : '"';
      const j = q.indexOf(close, i + 1);
      const end = j < 0 ? n : j;
      items.push({ text: q.slice(i + 1, end), sign, quoted: true, star: false, last: false });
      i = j < 0 ? n : j + 1;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(q[j]) && q[j] !== '"') j++;
    let text = q.slice(i, j);
    let star = false;
    while (text.endsWith('*')) {
      star = true;
      text = text.slice(0, -1);
    }
    items.push({ text, sign, quoted: false, star, last: j === n });
    i = j;
  }
  return items;
}

/**
 * Parses a user's query string with the index's analyzer. Never throws: a non-string is treated as its
 * string form, and every piece of syntax that cannot be honored becomes plain words.
 */
export function parseQuery(
  query: unknown,
  analyzer: Analyzer,
  options: { prefix?: boolean } & Partial<QueryLimits> = {},
): ParsedQuery {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options };
  let q = typeof query === 'string' ? query : query === undefined || query === null ? '' : String(query);
  let truncated = false;
  if (q.length > limits.maxQueryLength) {
    q = q.slice(0, limits.maxQueryLength);
    if ((q.charCodeAt(q.length - 1) & 0xfc00) === 0xd800) q = q.slice(0, -1);
    truncated = true;
  }
  const items = scanItems(q);
  const out: ParsedQuery = { should: [], must: [], not: [], truncated };
  let position = 0;
  let requireNext = false;
  let pendingAndTarget: Clause | null = null;
  let clauses = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (!it.quoted && it.sign === '' && !it.star) {
      if (it.text === 'AND' && k > 0 && k < items.length - 1) {
        // a AND b: the clause before and the clause after are both required
        if (pendingAndTarget) {
          const idx = out.should.indexOf(pendingAndTarget);
          if (idx >= 0) {
            out.should.splice(idx, 1);
            out.must.push(pendingAndTarget);
          }
        }
        requireNext = true;
        continue;
      }
      if (it.text === 'OR' && k > 0 && k < items.length - 1) continue; // OR is the default
    }
    const asPrefix = it.star || (options.prefix === true && it.last && !it.quoted && it.sign !== '-');
    let tokens = analyzer.analyze(it.text);
    if (tokens.length === 0 && asPrefix) {
      // a word being typed that is (so far) a stopword, e.g. من on the way to منظمة: keep it as a prefix
      const surface = analyzer.surfaceOf(it.text);
      if (surface) tokens = [{ term: surface, surface, start: 0, end: it.text.length, position: 0 }];
    }
    if (tokens.length === 0) {
      requireNext = false;
      continue;
    }
    const base = position - tokens[0].position;
    const mk = (t: (typeof tokens)[number], prefix: boolean): QueryTerm => ({
      term: t.term,
      surface: t.surface,
      position: base + t.position,
      prefix,
    });
    position = base + tokens[tokens.length - 1].position + 2;
    let made: Clause[];
    if (it.quoted && tokens.length > 1) made = [{ kind: 'phrase', terms: tokens.map((t) => mk(t, false)) }];
    else made = tokens.map((t, i) => ({ kind: 'term' as const, terms: [mk(t, asPrefix && i === tokens.length - 1)] }));
    for (const c of made) {
      if (clauses >= limits.maxClauses) {
        out.truncated = true;
        break;
      }
      clauses++;
      if (it.sign === '-') out.not.push(c);
      else if (it.sign === '+' || requireNext || (c.kind === 'phrase' && it.sign === '')) out.must.push(c);
      else out.should.push(c);
      pendingAndTarget = c;
    }
    requireNext = false;
  }
  return out;
}
