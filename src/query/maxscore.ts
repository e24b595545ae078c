// Top-k of a plain ranked OR query, document at a time with MaxScore (Turtle & Flood): the clauses whose upper
// bounds add up to less than the k-th best score so far are "non-essential": no unit is taken from their postings,
// they are only probed at the candidates of the others, through block tables (src/codec/skips.ts), and a candidate
// stops being scored as soon as its score plus the bounds of the clauses left cannot beat the k-th best. The sums
// are taken clause by clause in the same order as the term-at-a-time scorer, so the k best units get the very same
// floating-point scores.
import { UnitCursor } from '../codec/postings.js';
import { skipsFor } from '../codec/skips.js';
import type { TermIndexData } from '../index-builder/postings.js';

/** One index term of a clause with its BM25 weight `idf × weight × (k1 + 1)`. */
export interface WeightedTerm {
  data: TermIndexData;
  id: number;
  w: number;
}

/** A query clause in scoring order. */
export interface MaxScoreClause {
  /** The clause's index terms (exact word, expansions); each one that occurs adds its BM25. */
  alts: WeightedTerm[];
  /** Surface-form evidence, added when the unit matched this or an earlier clause. */
  surface: WeightedTerm | null;
  /** Upper bound of the clause's contribution. */
  ub: number;
  /** The clause's bit in the matched-clauses mask. */
  bit: number;
}

/** What pruning saved, summed over queries (for benchmarks). */
export interface PruningStats {
  queries: number;
  /** Units taken from the essential clauses' postings. */
  candidates: number;
  /** Candidates scored to the end. */
  scored: number;
  /** Postings of all the query's terms (what an exhaustive scorer reads). */
  postings: number;
}

const END = 0x7fffffff;
/** Slack for floating-point rounding when a bound is compared with an actual score. */
const EPS = 1e-9;

/**
 * Scores the units of `clauses` (in scoring order) and returns the `k` best by `sum × coord[matched clauses]`
 * (ties: lower unit first), unordered; `raw[u]` and `mask[u]` are set for them. `norms[u]` is BM25's length
 * normalization of unit `u`; removed units (`alive[u] === 0`) are skipped.
 */
export function maxScoreTopK(
  clauses: MaxScoreClause[],
  coord: Float64Array,
  norms: Float64Array,
  alive: Uint8Array,
  unitCount: number,
  k: number,
  raw: Float64Array,
  mask: Uint32Array,
  stats: PruningStats,
): number[] {
  const n = clauses.length;
  const first = new Int32Array(n + 1); // clause i's term cursors: [first[i], first[i + 1])
  const rem = new Float64Array(n + 1); // sum of the bounds of clauses i..n-1
  const curs: UnitCursor[] = [];
  const ws: number[] = [];
  const surf: (UnitCursor | null)[] = [];
  const cursor = (t: WeightedTerm) => {
    stats.postings += t.data.df[t.id];
    return new UnitCursor().reset(t.data, t.id, unitCount, skipsFor(t.data, t.id, unitCount, t.data.df[t.id]));
  };
  for (let i = 0; i < n; i++) {
    const c = clauses[i];
    for (const a of c.alts) {
      curs.push(cursor(a));
      ws.push(a.w);
    }
    first[i + 1] = curs.length;
    surf.push(c.surface && cursor(c.surface));
  }
  for (let i = n - 1; i >= 0; i--) rem[i] = rem[i + 1] + clauses[i].ub;
  const at = new Int32Array(curs.length);
  for (let j = 0; j < curs.length; j++) at[j] = curs[j].next() ? curs[j].unit : END;
  // a min-heap of the k best (root: lowest score; among equal scores the highest unit, the one seen last)
  const hu = new Int32Array(k);
  const hs = new Float64Array(k);
  let size = 0;
  let theta = -Infinity;
  let e = n; // clauses [0, e) are essential
  stats.queries++;
  for (;;) {
    let u = END;
    for (let j = first[e] - 1; j >= 0; j--) if (at[j] < u) u = at[j];
    if (u === END) break;
    stats.candidates++;
    if (alive[u]) {
      const norm = norms[u];
      let s = 0;
      let m = 0;
      let i = 0;
      for (; i < n; i++) {
        if (i >= e && (s + rem[i]) * coord[popcount(m) + n - i] * (1 + EPS) <= theta) break;
        const bit = clauses[i].bit;
        for (let j = first[i]; j < first[i + 1]; j++) {
          if (at[j] < u) at[j] = curs[j].seek(u) ? curs[j].unit : END;
          if (at[j] === u) {
            const tf = curs[j].tf;
            s += (ws[j] * tf) / (tf + norm);
            m |= bit;
          }
        }
        const sc = surf[i];
        if (sc !== null && m !== 0 && sc.seek(u) && sc.unit === u) {
          const tf = sc.tf;
          s += ((clauses[i].surface as WeightedTerm).w * tf) / (tf + norm);
        }
      }
      if (i === n) {
        stats.scored++;
        const f = s * coord[popcount(m)];
        if (size < k || f > theta) {
          raw[u] = s;
          mask[u] = m;
          // u is the highest unit seen so far: among equal scores it ranks last
          let j = 0;
          if (size < k) {
            for (j = size++; j > 0 && f <= hs[(j - 1) >> 1]; j = (j - 1) >> 1) {
              hu[j] = hu[(j - 1) >> 1];
              hs[j] = hs[(j - 1) >> 1];
            }
          } else {
            for (let c = 1; c < k; j = c, c = 2 * c + 1) {
              if (c + 1 < k && (hs[c + 1] < hs[c] || (hs[c + 1] === hs[c] && hu[c + 1] > hu[c]))) c++;
              if (f <= hs[c]) break;
              hu[j] = hu[c];
              hs[j] = hs[c];
            }
          }
          hu[j] = u;
          hs[j] = f;
          if (size === k) {
            theta = hs[0];
            while (e > 0 && rem[e - 1] * coord[n - e + 1] * (1 + EPS) <= theta) e--;
          }
        }
      }
    }
    for (let j = curs.length - 1; j >= 0; j--) if (at[j] === u) at[j] = curs[j].next() ? curs[j].unit : END;
  }
  return Array.from(hu.subarray(0, size));
}

/** Number of set bits of a 32-bit mask. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
