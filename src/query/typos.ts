// Typo tolerance (the `fuzzy` search option): the index terms within a small edit distance of a query word. The
// main entry always hands it to its searcher; `fahras/search` ships it only to pages that import it from
// `fahras/typos` and pass it to `loadIndex` (the `<script>` build: dist/fahras-typos.global.js), so a page that never
// searches with typos does not download it. It imports nothing at run time, so it bundles alone, and it reads no
// property the builds shorten (build/internal-names.ts): the `<script>` build of it is made apart from the
// search one.
import type { QueryTerm } from './parse.js';

/**
 * Typo tolerance for the `fuzzy` search option. `fahras/search` users import `typos` from `fahras/typos` and pass
 * it to `loadIndex(bytes, { typos })`; the main entry `fahras` always includes it.
 */
export interface TypoExpander {
  /**
   * @internal The ids of the dictionary's terms (`terms`, their document frequencies `df`) within the allowed
   * distance of `word` (`fuzzy`: 1 or 2 edits), nearest first, then the more frequent, at most `max`.
   */
  (terms: readonly string[], df: ArrayLike<number>, word: QueryTerm, fuzzy: number, max: number): number[];
}

/** Per dictionary (the terms array of a frozen dictionary never changes): its term ids by term length, the most frequent first. */
const byLength = /* @__PURE__ */ new WeakMap<readonly string[], Map<number, number[]>>();

/**
 * The typo neighbours of words of 5+ letters whose stem has 4+: 1 edit (`fuzzy` 1) or 2 (`fuzzy` 2), and one more
 * (at most 2) from a 9-letter stem. The scan is capped like a prefix's: it examines max(64 × `max`, 4,096) terms,
 * split evenly among the term lengths within reach, the most frequent of each length, so a rare neighbour in a
 * huge dictionary may be passed over.
 */
export const typos: TypoExpander = (terms, df, word, fuzzy, max) => {
  const term = word.term;
  if (word.surface.length < 5 || term.length < 4) return [];
  const k = term.length >= 9 ? Math.min(2, fuzzy + 1) : fuzzy;
  let lengths = byLength.get(terms);
  if (!lengths) {
    const m = new Map<number, number[]>();
    terms.forEach((t, id) => {
      const l = t.length;
      let a = m.get(l);
      if (!a) m.set(l, (a = []));
      a.push(id);
    });
    for (const a of m.values()) a.sort((x, y) => df[y] - df[x]);
    byLength.set(terms, (lengths = m));
  }
  const cap = Math.max(max * 64, 4096) / (2 * k + 1);
  const r0 = new Int32Array(term.length + k + 2);
  const r1 = new Int32Array(term.length + k + 2);
  const out: { id: number; d: number }[] = [];
  for (let l = term.length - k; l <= term.length + k; l++) {
    for (const id of lengths.get(l)?.slice(0, cap) ?? []) {
      const t = terms[id];
      if (t === term) continue;
      const d = boundedDistance(term, t, k, r0, r1);
      if (d <= k) out.push({ id, d });
    }
  }
  out.sort((x, y) => x.d - y.d || df[y.id] - df[x.id]);
  return out.slice(0, max).map((x) => x.id);
};

/**
 * Levenshtein distance of `a` and `b` if it is at most `k`, else some number above `k` (k + 1 when it stops early):
 * two reused rows, and it stops after the first row whose minimum exceeds `k` (no cell of a later row can be
 * smaller). Exported for its property test.
 */
export function boundedDistance(a: string, b: string, k: number, row0: Int32Array, row1: Int32Array): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > k) return k + 1;
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1] + cost;
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > k) return k + 1;
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[lb];
}
