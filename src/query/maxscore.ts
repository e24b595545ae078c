// Top-k of a plain ranked OR query with MaxScore (Turtle & Flood). Clauses are taken in scoring order (highest
// bound first), term at a time into the accumulators, while a unit seen in none of them could still reach the
// k best. The k best lower bound comes from completing the best partial candidates (probing the clauses left at
// them). Once the bounds of the clauses left add up to less, those clauses are "non-essential": no new unit is
// taken from them; the candidates are probed in their postings, in unit order through block tables
// (src/codec/skips.ts), and a candidate is dropped as soon as its sum plus the bounds left cannot reach the k-th
// best. Sums are taken clause by clause in the exhaustive scorer's order, so the k best get bit-identical scores.
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
  /** Postings of the query terms (an exhaustive scorer reads them all). */
  postings: number;
  /** Postings of the essential clauses (read whole). */
  essential: number;
  /** Candidates probed in the other clauses' postings. */
  probed: number;
}

/** The searcher's accumulators: per unit the clause sum and matched-clause bits, valid where `stamp[u] === gen`. */
export interface Accumulators {
  scores: Float64Array;
  masks: Uint32Array;
  stamp: Uint32Array;
  gen: number;
  /** The units with a valid entry, `n` of them. */
  touched: Int32Array;
  n: number;
}

/** Slack for floating-point rounding when a bound is compared with an actual score. */
const EPS = 1e-9;

const cursor = new UnitCursor();

/**
 * Scores `clauses` (in scoring order) into `acc` so that its `k` best units by `sum × coord[matched clauses]`
 * (ties: lower unit first) are those of an exhaustive scorer, with the same sums and masks; units that cannot be
 * among them may be left out or left with partial sums. `norms[u]` is BM25's length normalization of unit `u`;
 * removed units (`alive[u] === 0`) are skipped.
 */
export function maxScore(
  clauses: MaxScoreClause[],
  coord: Float64Array,
  norms: Float64Array,
  alive: Uint8Array,
  unitCount: number,
  k: number,
  acc: Accumulators,
  stats: PruningStats,
): void {
  const n = clauses.length;
  const { scores, masks, stamp, gen, touched } = acc;
  const rem = new Float64Array(n + 1); // sum of the bounds of clauses i..n-1
  for (let i = n - 1; i >= 0; i--) rem[i] = rem[i + 1] + clauses[i].ub;
  stats.queries++;
  let theta = -Infinity;
  let e = 0;
  // essential clauses, term at a time
  for (const c of clauses) for (const t of [...c.alts, c.surface]) stats.postings += t ? t.data.df[t.id] : 0;
  while (e < n) {
    stats.essential += addClause(clauses[e++], acc, norms, alive, unitCount);
    if (e === n || acc.n < k) continue;
    // a lower bound of the k-th best final score: complete the k best partial sums
    const best = kBest(acc, coord, k);
    const done = new Float64Array(k);
    complete(clauses, e, best, coord, norms, unitCount, acc, -Infinity, done);
    theta = Math.max(theta, kth(done, k));
    // units not seen so far match only clauses e..n-1
    if (rem[e] * coord[n - e] * (1 + EPS) < theta) break;
  }
  if (e === n) return;
  // non-essential clauses: probe the candidates that can still reach theta, in unit order
  let m = 0;
  for (let i = 0; i < acc.n; i++) {
    const u = touched[i];
    if ((scores[u] + rem[e]) * coord[Math.min(n, popcount(masks[u]) + n - e)] * (1 + EPS) >= theta) touched[m++] = u;
  }
  acc.n = m;
  const cand = touched.subarray(0, m).sort();
  stats.probed += m;
  complete(clauses, e, cand, coord, norms, unitCount, acc, theta, null);
  m = 0;
  for (let i = 0; i < acc.n; i++) if (stamp[touched[i]] === gen) touched[m++] = touched[i];
  acc.n = m;
}

/**
 * Adds one clause to the accumulators, term at a time: every unit of its terms (new ones are touched), then the
 * surface form's at the units already touched. Returns the postings read.
 */
export function addClause(c: MaxScoreClause, acc: Accumulators, norms: Float64Array, alive: Uint8Array, unitCount: number): number {
  const { scores, masks, stamp, gen, touched } = acc;
  const bit = c.bit;
  let read = 0;
  for (const t of c.surface ? [...c.alts, c.surface] : c.alts) {
    const w = t.w;
    const surface = t === c.surface;
    read += t.data.df[t.id];
    // the units read in place through the codec's cursor: no callback per posting
    const cur = cursor.reset(t.data, t.id, unitCount);
    while (cur.next()) {
      const u = cur.unit;
      const tf = cur.tf;
      if (stamp[u] !== gen) {
        // the surface implies the stem: it only adds to units already touched
        if (surface || !alive[u]) continue;
        stamp[u] = gen;
        scores[u] = 0;
        masks[u] = 0;
        touched[acc.n++] = u;
      }
      scores[u] += (w * tf) / (tf + norms[u]);
      if (!surface) masks[u] |= bit;
    }
  }
  return read;
}

/**
 * Adds clauses `from`..n-1 to the sums of `units` (ascending), probing their postings. With `out`, the sums are
 * left alone and `out[i]` receives unit i's final score; without it, the sums are updated, and a unit whose bound
 * falls below `theta` is dropped (its stamp cleared; it stays out of the k best).
 */
function complete(
  clauses: MaxScoreClause[],
  from: number,
  units: Int32Array,
  coord: Float64Array,
  norms: Float64Array,
  unitCount: number,
  acc: Accumulators,
  theta: number,
  out: Float64Array | null,
): void {
  const n = clauses.length;
  const curs: UnitCursor[] = [];
  const ws: number[] = [];
  const bits: number[] = [];
  const surface: boolean[] = [];
  const firstOf = new Int32Array(n + 1);
  const rem = new Float64Array(n + 1);
  for (let i = n - 1; i >= from; i--) rem[i] = rem[i + 1] + clauses[i].ub;
  for (let i = from; i < n; i++) {
    const c = clauses[i];
    for (const t of c.surface ? [...c.alts, c.surface] : c.alts) {
      curs.push(new UnitCursor().reset(t.data, t.id, unitCount, skipsFor(t.data, t.id, unitCount, t.data.df[t.id])));
      ws.push(t.w);
      bits.push(t === c.surface ? 0 : c.bit);
      surface.push(t === c.surface);
    }
    firstOf[i + 1] = curs.length;
  }
  const { scores, masks, stamp } = acc;
  for (let x = 0; x < units.length; x++) {
    const u = units[x];
    const norm = norms[u];
    let s = scores[u];
    let m = masks[u];
    let i = from;
    for (; i < n; i++) {
      if (out === null && (s + rem[i]) * coord[Math.min(n, popcount(m) + n - i)] * (1 + EPS) < theta) break;
      for (let j = firstOf[i]; j < firstOf[i + 1]; j++) {
        if (surface[j] && m === 0) continue;
        const c = curs[j];
        if (c.seek(u) && c.unit === u) {
          s += (ws[j] * c.tf) / (c.tf + norm);
          m |= bits[j];
        }
      }
    }
    if (out !== null) out[x] = s * coord[popcount(m)];
    else if (i < n) stamp[u] = 0;
    else {
      scores[u] = s;
      masks[u] = m;
    }
  }
}

/** The `k` touched units with the best partial sums (ascending unit order). */
function kBest(acc: Accumulators, coord: Float64Array, k: number): Int32Array {
  const lb = new Float64Array(acc.n);
  for (let i = 0; i < acc.n; i++) {
    const u = acc.touched[i];
    lb[i] = acc.scores[u] * coord[popcount(acc.masks[u])];
  }
  const cut = kth(lb, k);
  const out = new Int32Array(k);
  let m = 0;
  for (let i = 0; i < acc.n && m < k; i++) if (lb[i] >= cut) out[m++] = acc.touched[i];
  return out.sort();
}

/** The `k`-th largest of `xs` (-Infinity when there are fewer), by a min-heap of the `k` largest. */
function kth(xs: Float64Array, k: number): number {
  if (xs.length < k) return -Infinity;
  const heap = xs.slice(0, k).sort();
  for (let i = k; i < xs.length; i++) {
    const v = xs[i];
    if (v <= heap[0]) continue;
    let j = 0;
    for (let c = 1; c < k; j = c, c = 2 * c + 1) {
      if (c + 1 < k && heap[c + 1] < heap[c]) c++;
      if (v <= heap[c]) break;
      heap[j] = heap[c];
    }
    heap[j] = v;
  }
  return heap[0];
}

/** Number of set bits of a 32-bit mask. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
