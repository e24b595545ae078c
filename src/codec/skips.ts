// Block tables over a term's unit entries, so a reader can jump to the block holding a unit instead of decoding
// every entry before it. They are derived from the postings bytes (not serialized): built on first use per term,
// only for terms with long postings, and cached per postings object (which is immutable once frozen).
import { type PostingsRanges, UnitCursor } from './postings.js';

/** Unit entries per block. */
export const BLOCK = 64;
/** Terms with fewer units than this get no table (decoding them whole is as cheap as jumping). */
const MIN_UNITS = 4 * BLOCK;

/** Per block: the last unit, and the byte offsets of its first unit entry and of its first position. */
export interface Skips {
  last: Int32Array;
  off: Uint32Array;
  pos: Uint32Array;
}

const cache = new WeakMap<PostingsRanges, Map<number, Skips | null>>();
const cursor = new UnitCursor();

/** The block table of term `t` (null for short postings), built once per postings object. */
export function skipsFor(data: PostingsRanges, t: number, unitCount: number, df: number): Skips | null {
  if (df < MIN_UNITS) return null;
  let m = cache.get(data);
  if (m === undefined) cache.set(data, (m = new Map()));
  let s = m.get(t);
  if (s === undefined) m.set(t, (s = buildSkips(data, t, unitCount)));
  return s;
}

function buildSkips(data: PostingsRanges, t: number, unitCount: number): Skips {
  // every entry takes at least one byte: an upper bound of the block count
  const cap = Math.ceil((data.docStart[t + 1] - data.docStart[t]) / BLOCK);
  const last = new Int32Array(cap);
  const off = new Uint32Array(cap);
  const pos = new Uint32Array(cap);
  const pb = data.posBytes;
  const pEnd = data.posStart[t + 1];
  let p = data.posStart[t];
  let n = 0;
  let i = 0;
  const c = cursor.reset(data, t, unitCount);
  for (let start = c.offset; c.next(); start = c.offset) {
    if (i++ % BLOCK === 0) {
      off[n] = start;
      pos[n++] = p;
    }
    last[n - 1] = c.unit;
    // step over this unit's tf position varints (a varint ends at a byte below 0x80)
    for (let k = c.tf; k > 0 && p < pEnd; p++) if (pb[p] < 0x80) k--;
  }
  return { last: last.slice(0, n), off: off.slice(0, n), pos: pos.slice(0, n) };
}
