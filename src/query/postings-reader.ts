// Dictionary-side lookups for queries: prefix expansion and bounded edit distance.
import { lowerBound, type TermIndexData } from '../index-builder/postings.js';

/** Term ids starting with `prefix`, at most `max`, preferring frequent terms when there are more. */
export function expandPrefix(data: TermIndexData, prefix: string, max: number): number[] {
  if (prefix === '') return [];
  const { terms, sorted, df } = data;
  const out: number[] = [];
  // scan is capped so a one-letter prefix on a huge dictionary stays bounded
  const scanCap = Math.max(max * 64, 4096);
  for (let i = lowerBound(data, prefix), n = 0; i < sorted.length && n < scanCap; i++, n++) {
    const id = sorted[i];
    if (!terms[id].startsWith(prefix)) break;
    if (df[id] > 0) out.push(id);
  }
  if (out.length > max) {
    out.sort((a, b) => df[b] - df[a]);
    out.length = max;
  }
  return out;
}

/** Levenshtein distance of `a` and `b` if it is at most `k`, else k + 1 (banded, no allocation beyond two rows). */
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
