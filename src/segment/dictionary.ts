// The dictionary of a frozen term index: exact lookups (findTerm), the first term at or after a string
// (lowerBound) and prefix expansion (expandPrefix); typo neighbours are in query/typos.ts.
//
// Exact term lookups. The binary search over the sorted terms (`lowerBound`) does about 17 string comparisons, each
// a likely cache miss, per query word: 12% of a query at 20 MB. A dictionary that is looked up often gets a hash
// table (a Map from term to id), cached per dictionary (a frozen TermIndexData never changes): once its lookups
// reach 1/256 of its term count, so building it costs less than the comparisons it saves, and an index that changes
// between every few searches keeps the binary search. Prefix lookups still use the sorted order.
import type { TermIndexData } from './model.js';

/** Per dictionary: lookups so far, then the table of term → id. */
const tables = new WeakMap<TermIndexData, number | Map<string, number>>();

/** The id of `term` in `data`'s dictionary, or -1 when it is not there. */
export function findTerm(data: TermIndexData, term: string): number {
  data.reads?.lookup(term);
  let table = tables.get(data) ?? 0;
  if (typeof table === 'number') {
    if (table * 256 < data.termsById.length) {
      tables.set(data, table + 1);
      // the first term >= `term`, when it is `term`
      const id = data.sorted[lowerBound(data, term)];
      return id !== undefined && data.termsById[id] === term ? id : -1;
    }
    tables.set(data, (table = new Map(data.termsById.map((t, id) => [t, id]))));
  }
  return table.get(term) ?? -1;
}

/** Index in `sorted` of the first term `>= prefix`. */
export function lowerBound(data: TermIndexData, prefix: string): number {
  const { termsById: terms, sorted } = data;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[sorted[mid]] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Term ids starting with `prefix`, at most `max`, preferring frequent terms when there are more. */
export function expandPrefix(data: TermIndexData, prefix: string, max: number): number[] {
  if (prefix === '') return [];
  data.reads?.prefixScan(prefix, max);
  const { termsById: terms, sorted, df } = data;
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
