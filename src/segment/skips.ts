// Block tables over a term's entries, so a reader can jump to the block holding a paragraph instead of decoding
// every entry before it. They are derived from the postings bytes (not serialized): built on first use per term,
// only for terms with long postings, and cached per term index (which is immutable once frozen).
import { EntryCursor, PositionsCursor } from './postings.js';
import type { TermIndexData } from './model.js';

/** Entries per block. */
export const BLOCK = 64;
/** Terms listing fewer paragraphs than this get no table (decoding them whole is as cheap as jumping). */
const MIN_ENTRIES = 4 * BLOCK;

/**
 * Per block: the last paragraph, and the byte offsets of its first entry and of its first position. It moves a
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
   * Moves `cursor` (on this table's term, before `target`, at or past the start of block `from`) to the start of the
   * block holding the first paragraph >= `target` when that block starts past the current entry; afterwards
   * `cursor.paragraphNumber` is the last paragraph before the block. Returns the block it moved to, 0 when it did not
   * move (block 0 starts at the term's start).
   */
  jump(cursor: EntryCursor, target: number, from = 0): number {
    const last = this.last;
    let lo = from;
    if (last[lo] >= target) return 0; // in the block it is in
    // the first block whose last paragraph is >= target
    let hi = last.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    if (lo === last.length) {
      cursor.entryReader.pos = cursor.entryReader.endOffset; // no paragraph >= target
      return 0;
    }
    // (the cursor is in that block already)
    if (last[lo - 1] <= cursor.paragraphNumber) return 0;
    cursor.entryReader.pos = this.off[lo];
    cursor.paragraphNumber = last[lo - 1];
    return lo;
  }
}

/**
 * A positions cursor that moves over whole blocks with the block tables: the main entry's searchers read positions
 * through one (`SearcherExtras.positions`), the search-only entries through its parent, without this code.
 * @internal
 */
export class SkippingPositionsCursor extends PositionsCursor {
  private table: Skips | null = null;
  /** The block the table last moved the cursor to (0 before any): the cursor is at or past its start. */
  private block = 0;

  override reset(data: TermIndexData, termId: number, paragraphCount: number): this {
    this.table = skipsFor(data, termId, paragraphCount);
    this.block = 0;
    return super.reset(data, termId, paragraphCount);
  }

  override seek(target: number): boolean {
    const entries = this.entryCursor;
    const block = entries.paragraphNumber < target && this.table ? this.table.jump(entries, target, this.block) : 0;
    if (block) {
      this.block = block;
      // the reader goes to the block's first positions: the entry before it is behind
      this.positionReader.pos = this.table!.pos[block];
      this.owed = 0;
    }
    return super.seek(target);
  }
}

const cache = new WeakMap<TermIndexData, Map<number, Skips | null>>();
const cursor = new EntryCursor();

/** The block table of term `termId` of `data` (null for short postings), built once per term index. */
export function skipsFor(data: TermIndexData, termId: number, paragraphCount: number): Skips | null {
  if (data.df[termId] < MIN_ENTRIES) return null;
  let tables = cache.get(data);
  if (tables === undefined) cache.set(data, (tables = new Map()));
  let skips = tables.get(termId);
  if (skips === undefined) tables.set(termId, (skips = buildSkips(data, termId, paragraphCount)));
  return skips;
}

function buildSkips(data: TermIndexData, termId: number, paragraphCount: number): Skips {
  // every entry takes at least one byte: an upper bound of the block count
  const cap = Math.ceil((data.entryStart[termId + 1] - data.entryStart[termId]) / BLOCK);
  const last = new Int32Array(cap);
  const off = new Uint32Array(cap);
  const pos = new Uint32Array(cap);
  const positionBytes = data.positionBytes;
  const positionsEnd = data.positionStart[termId + 1];
  let positionAt = data.positionStart[termId];
  let blocks = 0;
  let entryCount = 0;
  const entries = cursor.reset(data, termId, paragraphCount);
  for (let start = entries.entryReader.pos; entries.next(); start = entries.entryReader.pos) {
    if (entryCount++ % BLOCK === 0) {
      off[blocks] = start;
      pos[blocks++] = positionAt;
    }
    last[blocks - 1] = entries.paragraphNumber;
    // step over this entry's tf position varints (a varint ends at a byte below 0x80)
    for (let k = entries.tf; k > 0 && positionAt < positionsEnd; positionAt++) if (positionBytes[positionAt] < 0x80) k--;
  }
  return new Skips(last.slice(0, blocks), off.slice(0, blocks), pos.slice(0, blocks));
}
