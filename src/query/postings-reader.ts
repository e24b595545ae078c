// Decoding one term's postings (units with term frequencies, and positions on demand). Every decoded unit is
// checked against the unit count, so crafted bytes can never index outside the tables.
import { lowerBound, type TermIndexData } from '../index-builder/postings.js';

/** Calls `visit(unit, tf)` for each unit of term `t`, ascending; stops early if `visit` returns false. */
export function forEachUnit(data: TermIndexData, t: number, unitCount: number, visit: (unit: number, tf: number) => void): void {
  const b = data.bytes;
  let p = data.docStart[t];
  const end = data.posStart[t];
  let unit = -1;
  while (p < end) {
    let v = b[p++];
    if (v >= 0x80) {
      let r = v & 0x7f;
      let s = 7;
      do {
        v = b[p++];
        r += (v & 0x7f) * 2 ** s;
        s += 7;
      } while (v >= 0x80 && p < end);
      v = r;
    }
    let tf = b[p++];
    if (tf >= 0x80) {
      let r = tf & 0x7f;
      let s = 7;
      do {
        tf = b[p++];
        r += (tf & 0x7f) * 2 ** s;
        s += 7;
      } while (tf >= 0x80 && p < end);
      tf = r;
    }
    unit += v;
    if (unit >= unitCount || v === 0) return; // damaged data: stop rather than misread
    visit(unit, tf);
  }
}

/**
 * Collects the positions of term `t` in the units for which `want(unit)` is true: `visit(unit, positions)`.
 * Positions of other units are skipped without being materialized.
 */
export function forEachPositions(
  data: TermIndexData,
  t: number,
  unitCount: number,
  want: (unit: number) => boolean,
  visit: (unit: number, positions: number[]) => void,
): void {
  const b = data.bytes;
  let p = data.docStart[t];
  const end = data.posStart[t];
  let q = end;
  const qEnd = data.docStart[t + 1];
  let unit = -1;
  const read = (limit: number): number => {
    let v = b[p++];
    if (v < 0x80) return v;
    let r = v & 0x7f;
    let s = 7;
    do {
      v = b[p++];
      r += (v & 0x7f) * 2 ** s;
      s += 7;
    } while (v >= 0x80 && p < limit);
    return r;
  };
  while (p < end) {
    const delta = read(end);
    const tf = read(end);
    unit += delta;
    if (unit >= unitCount || delta === 0) return;
    if (want(unit)) {
      const positions: number[] = [];
      let pos = 0;
      for (let i = 0; i < tf && q < qEnd; i++) {
        let v = b[q++];
        if (v >= 0x80) {
          let r = v & 0x7f;
          let s = 7;
          do {
            v = b[q++];
            r += (v & 0x7f) * 2 ** s;
            s += 7;
          } while (v >= 0x80 && q < qEnd);
          v = r;
        }
        pos = i === 0 ? v : pos + v;
        positions.push(pos);
      }
      visit(unit, positions);
    } else {
      for (let i = 0; i < tf && q < qEnd; i++) while (b[q++] >= 0x80 && q < qEnd);
    }
  }
}

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
