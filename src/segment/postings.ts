// The encoding of one term's postings, shared by the writer (which appends to it) and the reader.
//
// Entries region: per paragraph containing the term (per document, in a field index), ascending:
// `varint((paragraph - previous) * 2 + (tf === 1 ? 1 : 0))`,
// then `varint(tf)` only when tf > 1 (most terms occur once in a paragraph, so that byte is usually saved).
// `previous` starts at -1, so every delta is >= 1.
// Positions region (optional): per entry in the same order, tf varints: the first position, then deltas.
import { FahrasError } from '../errors.js';

/**
 * Writes `value`, an integer in [0, 2^32) (paragraph numbers, positions, term ids and their deltas), as an unsigned
 * LEB128 varint at `bytes[at]`; returns the next offset. (Shifts, not a division: a build writes several per token.)
 */
export function putVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}

/** Writes one entry (paragraph delta, term frequency) at `bytes[at]`; returns the next offset. */
export function putEntry(bytes: Uint8Array, at: number, delta: number, tf: number): number {
  if (tf === 1) return putVarint(bytes, at, delta * 2 + 1);
  return putVarint(bytes, putVarint(bytes, at, delta * 2), tf);
}

/** A cursor over a byte range; `pos` advances as values are read. Reads past `end` yield 0 and stop. @internal */
export class VarintCursor {
  input: Uint8Array = new Uint8Array(0);
  pos = 0;
  endOffset = 0;

  reset(bytes: Uint8Array, start: number, end: number): this {
    this.input = bytes;
    this.pos = start;
    this.endOffset = end;
    return this;
  }

  next(): number {
    const bytes = this.input;
    let at = this.pos;
    if (at >= this.endOffset) return 0;
    let value = bytes[at++];
    if (value >= 0x80) {
      let sum = value & 0x7f;
      let multiplier = 128;
      do {
        value = at < this.endOffset ? bytes[at++] : 0; // the next byte
        sum += (value & 0x7f) * multiplier;
        multiplier *= 128;
      } while (value >= 0x80 && multiplier < 2 ** 42);
      value = sum;
    }
    this.pos = at;
    return value;
  }
}

/**
 * Where each term's bytes are: term t's entries are `entryBytes[entryStart[t], entryStart[t + 1])`, its positions
 * `positionBytes[positionStart[t], positionStart[t + 1])`. @internal
 */
export interface PostingsRanges {
  entryStart: Uint32Array;
  entryBytes: Uint8Array;
  positionStart: Uint32Array;
  positionBytes: Uint8Array;
}

/**
 * Walks one term's entries in ascending order: `next()` moves to the next one and sets `paragraphNumber` (a document
 * number, in a field index) and `tf`. It ends at damaged data (a zero delta, or a paragraph at or beyond
 * `paragraphCount`), so crafted bytes can never index outside the tables. The one decoder of entries: `forEachEntry`,
 * {@link PositionsCursor} and the searcher's loops use it.
 * A block table (src/segment/skips.ts) moves it over whole blocks instead of decoding them (`Skips.jump`).
 * @internal
 */
export class EntryCursor {
  paragraphNumber = -1;
  tf = 0;
  /** @internal the entry decoder (a block table sets its position) */
  readonly entryReader = new VarintCursor();
  private paragraphCount = 0;

  reset(data: Pick<PostingsRanges, 'entryStart' | 'entryBytes'>, termId: number, paragraphCount: number): this {
    this.entryReader.reset(data.entryBytes, data.entryStart[termId], data.entryStart[termId + 1]);
    this.paragraphNumber = -1;
    this.tf = 0;
    this.paragraphCount = paragraphCount;
    return this;
  }

  next(): boolean {
    const reader = this.entryReader;
    if (reader.pos >= reader.endOffset) return false;
    const head = reader.next(); // the delta, doubled, plus 1 when tf is 1
    const tf = head & 1 ? 1 : reader.next();
    const delta = (head - (head & 1)) / 2;
    if (delta === 0 || this.paragraphNumber + delta >= this.paragraphCount) {
      reader.pos = reader.endOffset; // damaged data: stop rather than misread
      return false;
    }
    this.paragraphNumber += delta;
    this.tf = tf;
    return true;
  }
}

// (pure: a bundle without forEachEntry leaves it out)
const entriesCursor = /* @__PURE__ */ new EntryCursor();

/** Calls `visit(paragraph, tf)` for each entry of term `termId`, ascending (see {@link EntryCursor}). Returns the last paragraph (-1 if none). */
export function forEachEntry(data: Pick<PostingsRanges, 'entryStart' | 'entryBytes'>, termId: number, paragraphCount: number, visit: ((paragraph: number, tf: number) => void) | null): number {
  const cursor = entriesCursor.reset(data, termId, paragraphCount);
  while (cursor.next()) if (visit !== null) visit(cursor.paragraphNumber, cursor.tf);
  return cursor.paragraphNumber;
}

/**
 * Positions of one term in one paragraph that {@link PositionsCursor} hands out, the first ones: more than any
 * paragraph of the default length (4,000 characters) holds, so only very long paragraphs are cut, and the work of
 * a phrase, a proximity bonus or a snippet per term and paragraph stays bounded.
 */
export const MAX_POSITIONS = 4096;

/**
 * A cursor over one term's entries and positions, as phrases, the proximity bonus and snippets pull them:
 * `seek(target)` moves it forward to paragraph `target` (its subclass with block tables, src/segment/skips.ts, over
 * whole blocks: the main entry's), `positions()` reads the positions there. The positions of the entries passed over are skipped,
 * never materialized. No read trusts a stored tf: every position takes a byte, so positions owed beyond the term's
 * bytes left are damage (`CORRUPT_INDEX`), which also bounds the work to those bytes.
 * @internal
 */
export class PositionsCursor {
  readonly entryCursor = new EntryCursor();
  protected readonly positionReader = new VarintCursor();
  /** Position varints between the reader and the end of the current entry's positions. */
  protected owed = 0;

  reset(data: PostingsRanges, termId: number, paragraphCount: number): this {
    this.entryCursor.reset(data, termId, paragraphCount);
    this.positionReader.reset(data.positionBytes, data.positionStart[termId], data.positionStart[termId + 1]);
    this.owed = 0;
    return this;
  }

  /**
   * Moves forward (never back) to the first entry at or after paragraph `target`: true when it is `target`'s (the
   * term occurs there), false when it is a later one's or there is none.
   */
  seek(target: number): boolean {
    const entries = this.entryCursor;
    if (entries.paragraphNumber < target) {
      do {
        if (!entries.next()) return false;
        this.owed += entries.tf;
      } while (entries.paragraphNumber < target);
    }
    return entries.paragraphNumber === target;
  }

  /**
   * The positions of the paragraph {@link seek} found, ascending (its first {@link MAX_POSITIONS}); read once per entry.
   * @throws FahrasError `CORRUPT_INDEX`
   */
  positions(): number[] {
    const reader = this.positionReader;
    const tf = this.entryCursor.tf;
    if (this.owed > reader.endOffset - reader.pos) throw new FahrasError('CORRUPT_INDEX', 'bad positions');
    for (; this.owed > tf; this.owed--) reader.next();
    const positions: number[] = [];
    const n = Math.min(tf, MAX_POSITIONS);
    for (let position = 0, j = 0; j < n; j++) positions.push((position += reader.next())); // the first, then deltas
    this.owed = tf - n; // the rest are passed over before the next entry's
    return positions;
  }
}
