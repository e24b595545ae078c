// normalize(): the normalized string plus a map from every normalized UTF-16 index back to the original string.
// `foldRange` is the one loop every caller uses (whole texts here, single words in the tokenizer).
import { checkText } from '../errors.js';
import { type CharMap, charMapFor, checkNormalizeOptions, composeNext, type NormalizeOptions } from './rules.js';

/** The result of {@link normalize}. */
export interface NormalizedText {
  /** The normalized string. */
  readonly text: string;
  /**
   * `offsets[i]` is the index in the ORIGINAL string of the character that produced normalized character `i`;
   * `offsets[text.length]` is the original length. Non-decreasing; characters expanded from one original
   * character (a lam-alef ligature) share its index.
   */
  readonly offsets: Int32Array;
}

/** Growable scratch buffers reused across calls (no allocation per word on the hot path). @internal */
export class Scratch {
  buf = new Uint16Array(256);
  offs = new Int32Array(256);

  /** Grows both buffers (so an offset is never written past the end of `offs`) to hold `n` units. */
  ensure(n: number): void {
    if (n <= this.buf.length) return;
    let size = this.buf.length;
    while (size < n) size *= 2;
    const b = new Uint16Array(size);
    b.set(this.buf);
    this.buf = b;
    const o = new Int32Array(size);
    o.set(this.offs);
    this.offs = o;
  }
}

/**
 * The string of `buf[0, n)`. (The indexer's word table has a faster one for short words, `wordString` in
 * analysis/interner.ts; this one stays small for the search-only bundle.)
 */
export function codesToString(buf: Uint16Array, n: number): string {
  // in pieces of 1,024 (a bound on apply's arguments)
  let s = '';
  for (let k = 0; k < n; k += 1024) s += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 1024)) as unknown as number[]);
  return s;
}

/**
 * Folds `text[start, end)` into `scratch.buf`, recording each output unit's original index in `scratch.offs` when
 * `withOffsets`. Returns the folded length.
 */
export function foldRange(text: string, start: number, end: number, map: CharMap, scratch: Scratch, withOffsets: boolean): number {
  scratch.ensure(end - start + 8);
  let buf = scratch.buf;
  let offs = scratch.offs;
  const table = map.table;
  const compose = map.compose;
  let n = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    const src = i;
    // Decomposed hamza/madda (NFD): compose base + U+0653/U+0654/U+0655 first, so ي + ٔ is ئ under every option.
    if (compose) {
      const composed = composeNext(text, i, end);
      if (composed >= 0) {
        c = composed;
        i++;
      }
    }
    let v = table[c];
    if (v === -2) v = map.lookup(c);
    if (v >= 0) {
      buf[n] = v;
      if (withOffsets) offs[n] = src;
      n++;
    } else if (v < -1) {
      // several units: a ligature's letters, or a Qur'anic character decided by its neighbours (CONTEXT), which may
      // take in a few characters after it (`CharMap.expand`); each unit comes from `src`
      const folded = map.expand(v, text, i, start, end, scratch, n);
      const m = folded >>> 3;
      buf = scratch.buf;
      offs = scratch.offs;
      if (withOffsets) for (let k = n; k < m; k++) offs[k] = src;
      n = m;
      i += folded & 7;
    }
  }
  return n;
}

const shared = /* @__PURE__ */ new Scratch();

/**
 * Normalizes Arabic text so spelling variants meet, and maps every normalized index back to the original.
 *
 * @example
 * normalize('الْمَكْتَبَةُ').text // 'المكتبه'
 */
export function normalize(text: string, options?: NormalizeOptions): NormalizedText {
  const str = checkText(text, 'normalize');
  const map = charMapFor(checkNormalizeOptions(options, 'normalize options'));
  const n = foldRange(str, 0, str.length, map, shared, true);
  const offsets = new Int32Array(n + 1);
  offsets.set(shared.offs.subarray(0, n));
  offsets[n] = str.length;
  return { text: codesToString(shared.buf, n), offsets };
}

/** Normalizes one word or short string without building an offset map. */
export function normalizeWord(word: string, options?: NormalizeOptions): string {
  checkText(word, 'normalizeWord');
  const map = charMapFor(checkNormalizeOptions(options, 'normalizeWord options'));
  const n = foldRange(word, 0, word.length, map, shared, false); // may grow the buffer: read it after
  return codesToString(shared.buf, n);
}

/**
 * Maps the normalized span `[start, end)` of `n` to the span of the original string it came from. The original
 * span includes marks deleted after the last character (a highlighted word keeps its diacritics) and whole
 * ligatures when only part of their expansion is selected.
 */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): [number, number] {
  const len = n.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  const o = n.offsets;
  const origStart = o[s];
  if (e === s) return [origStart, origStart];
  // The end is where the next normalized character starts, unless it came from the same original character.
  let k = e;
  while (k < len && o[k] === o[e - 1]) k++;
  return [origStart, o[k]];
}
