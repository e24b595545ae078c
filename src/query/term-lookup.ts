// Exact term lookups. The binary search over the sorted terms (`lookupTerm`) does about 17 string comparisons, each
// a likely cache miss, per query word: 12% of a query at 20 MB. A dictionary that is looked up often gets a hash
// table, cached per dictionary (a frozen TermIndexData never changes): once its lookups reach 1/256 of its term
// count, so building it (one hash per term) costs less than the comparisons it saves, and an index that changes
// between every few searches keeps the binary search. Prefix lookups still use the sorted order.
import { hashCodes } from '../analysis/tokenize.js';
import { lookupTerm, type TermIndexData } from '../index-builder/postings.js';

/** Per dictionary: lookups so far, then slots holding term id + 1 (0 = empty), at least twice the term count. */
const tables = new WeakMap<TermIndexData, number | Int32Array>();
let codes = new Uint16Array(64);

function hashString(s: string): number {
  const n = s.length;
  if (codes.length < n) codes = new Uint16Array(n * 2);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(i);
  return hashCodes(codes, n);
}

function build(terms: readonly string[]): Int32Array {
  let size = 16;
  while (size < terms.length * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < terms.length; id++) {
    let i = hashString(terms[id]) & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  return slots;
}

/** The id of `term` in `data`'s dictionary, or -1 when it is not there. */
export function findTerm(data: TermIndexData, term: string): number {
  let slots = tables.get(data) ?? 0;
  if (typeof slots === 'number') {
    if (slots * 256 < data.terms.length) {
      tables.set(data, slots + 1);
      return lookupTerm(data, term);
    }
    tables.set(data, (slots = build(data.terms)));
  }
  const mask = slots.length - 1;
  const terms = data.terms;
  for (let i = hashString(term) & mask; ; i = (i + 1) & mask) {
    const id = slots[i] - 1;
    if (id < 0 || terms[id] === term) return id;
  }
}
