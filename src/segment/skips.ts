// Block tables over a term's unit entries, so a reader can jump to the block holding a unit instead of decoding
// every entry before it. They are derived from the postings bytes (not serialized): built on first use per term,
// only for terms with long postings, and cached per postings object (which is immutable once frozen).
import { type PostingsRanges, EntryCursor } from './postings.js';

/** Unit entries per block. */
export const BLOCK = 64;
/** Terms with fewer units than this get no table (decoding them whole is as cheap as jumping). */
const MIN_UNITS = 4 * BLOCK;

/**
 * Per block: the last unit, and the byte offsets of its first unit entry and of its first position. It moves a
 * cursor over whole blocks (`jump`), so only the main entry, which builds tables, carries that code.
 * @internal
 */
export class Skips {
  constructor(
    readonly last: Int32Array,
    readonly off: Uint32Array,
    readonly pos: Uint32Array,
  ) {}

  /**
   * Moves cursor `u` (on this table's term) to the start of the block holding the first unit >= `target` when that
   * block starts past the current entry; afterwards `u.unit` is the last unit before the block. True when it moved.
   */
  jump(u: EntryCursor, target: number): boolean {
    const last = this.last;
    let lo = u.block;
    if (last[lo] >= target) return false; // in the current block
    // the first block whose last unit is >= target
    let hi = last.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    if (lo === last.length) {
      u.entryReader.pos = u.entryReader.endOffset; // no unit >= target
      return false;
    }
    if (last[lo - 1] <= u.paragraphNumber) return false;
    u.entryReader.pos = this.off[lo];
    u.paragraphNumber = last[lo - 1];
    u.block = lo;
    return true;
  }
}

const cache = new WeakMap<PostingsRanges, Map<number, Skips | null>>();
const cursor = new EntryCursor();

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
  const cap = Math.ceil((data.entryStart[t + 1] - data.entryStart[t]) / BLOCK);
  const last = new Int32Array(cap);
  const off = new Uint32Array(cap);
  const pos = new Uint32Array(cap);
  const pb = data.positionBytes;
  const pEnd = data.positionStart[t + 1];
  let p = data.positionStart[t];
  let n = 0;
  let i = 0;
  const c = cursor.reset(data, t, unitCount);
  for (let start = c.entryOffset; c.next(); start = c.entryOffset) {
    if (i++ % BLOCK === 0) {
      off[n] = start;
      pos[n++] = p;
    }
    last[n - 1] = c.paragraphNumber;
    // step over this unit's tf position varints (a varint ends at a byte below 0x80)
    for (let k = c.tf; k > 0 && p < pEnd; p++) if (pb[p] < 0x80) k--;
  }
  return new Skips(last.slice(0, n), off.slice(0, n), pos.slice(0, n));
}
