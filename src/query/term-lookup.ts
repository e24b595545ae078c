// Exact term lookups. The binary search over the sorted terms (`lowerBound`) does about 17 string comparisons, each
// a likely cache miss, per query word: 12% of a query at 20 MB. A dictionary that is looked up often gets a hash
// table (a Map from term to id), cached per dictionary (a frozen TermIndexData never changes): once its lookups
// reach 1/256 of its term count, so building it costs less than the comparisons it saves, and an index that changes
// between every few searches keeps the binary search. Prefix lookups still use the sorted order.
import { lowerBound, type TermIndexData } from '../index-builder/postings.js';

/** Per dictionary: lookups so far, then the table of term → id. */
const tables = new WeakMap<TermIndexData, number | Map<string, number>>();

/** The id of `term` in `data`'s dictionary, or -1 when it is not there. */
export function findTerm(data: TermIndexData, term: string): number {
  let table = tables.get(data) ?? 0;
  if (typeof table === 'number') {
    if (table * 256 < data.terms.length) {
      tables.set(data, table + 1);
      // the first term >= `term`, when it is `term`
      const id = data.sorted[lowerBound(data, term)];
      return id !== undefined && data.terms[id] === term ? id : -1;
    }
    tables.set(data, (table = new Map(data.terms.map((t, id) => [t, id]))));
  }
  return table.get(term) ?? -1;
}
