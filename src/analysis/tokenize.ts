// The tokenizer: finds word runs in the ORIGINAL text and normalizes each run into a term. Token offsets are
// always offsets of the original string; normalization never moves them.
import { charMapFor, foldRange, type NormalizeOptions, resolveNormalizeOptions, Scratch } from '../normalize/index.js';
import type { CharMap } from '../normalize/rules.js';
import { type CharClasses, charClasses, JOIN, SEP, type TokenizerMode } from './charclass.js';

/** A word of the text: its normalized term and where it stands in the original string. */
export interface Token {
  /** The normalized word. */
  term: string;
  /** Start offset (UTF-16 units) in the original string, inclusive. */
  start: number;
  /** End offset (UTF-16 units) in the original string, exclusive; trailing diacritics are inside. */
  end: number;
  /** Ordinal of the word in the text (0-based). */
  position: number;
}

/** Options of {@link tokenize}: the normalization rules plus how words are found. */
export interface TokenizeOptions extends NormalizeOptions {
  /** `'words'` (default: letters, digits and marks) or `'letters'` (Lucene's ArabicLetterTokenizer). */
  mode?: TokenizerMode;
  /** Apply fahras normalization to terms (default true). When false, terms are only lower-cased. */
  normalize?: boolean;
  /** Words longer than this many UTF-16 units are skipped (junk such as base64); default 255. */
  maxTokenLength?: number;
}

/** Receives each token without allocating an object for it. */
export type TokenSink = (term: string, start: number, end: number, position: number) => void;

/** Receives each token as the normalized code units `buf[0, n)` (valid only during the call). */
export type RawTokenSink = (buf: Uint16Array, n: number, start: number, end: number, position: number) => void;

/** The string of `buf[0, n)`. */
export function codesToString(buf: Uint16Array, n: number): string {
  if (n <= 1024) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let s = '';
  for (let k = 0; k < n; k += 1024) s += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 1024)) as unknown as number[]);
  return s;
}

/** A reusable tokenizer for one configuration. `scanRaw` is the allocation-free hot path. */
export class Tokenizer {
  private readonly classes: CharClasses;
  private readonly map: CharMap | null;
  private readonly maxLength: number;
  private readonly scratch = new Scratch();
  private pieceBuf = new Uint16Array(64);

  constructor(options: TokenizeOptions = {}) {
    this.classes = charClasses(options.mode ?? 'words');
    this.map = options.normalize === false ? null : charMapFor(resolveNormalizeOptions(options));
    const max = options.maxTokenLength;
    this.maxLength = typeof max === 'number' && max > 0 ? max : 255;
  }

  /** Calls `sink` with each token's term as a string. Returns the number of tokens. */
  scan(text: string, sink: TokenSink): number {
    return this.scanRaw(text, (buf, n, start, end, position) => sink(codesToString(buf, n), start, end, position));
  }

  /** Calls `sink` for every token of `text`, in order, with its normalized code units. Returns the number of tokens. */
  scanRaw(text: string, sink: RawTokenSink): number {
    const classes = this.classes;
    const table = classes.table;
    const len = text.length;
    let position = 0;
    let i = 0;
    while (i < len) {
      // Skip separators.
      let c = text.charCodeAt(i);
      let k = table[c] || classes.of(c);
      let w = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          k = classes.ofCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
          w = 2;
        }
      }
      if (k === SEP || k === JOIN) {
        i += w;
        continue;
      }
      // A word starts here: extend over word characters, marks and joiners; the end is after the last non-joiner.
      const start = i;
      let end = i + w;
      i += w;
      while (i < len) {
        c = text.charCodeAt(i);
        k = table[c] || classes.of(c);
        w = 1;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            k = classes.ofCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
            w = 2;
          }
        }
        if (k === SEP) break;
        i += w;
        if (k !== JOIN) end = i;
      }
      if (end - start > this.maxLength) continue;
      position = this.emit(text, start, end, position, sink);
    }
    return position;
  }

  /** Normalizes one word run and hands its term(s) to the sink; returns the next position. */
  private emit(text: string, start: number, end: number, position: number, sink: RawTokenSink): number {
    const map = this.map;
    const scratch = this.scratch;
    if (map === null) {
      const s = text.slice(start, end).toLowerCase();
      scratch.ensure(s.length, false);
      for (let j = 0; j < s.length; j++) scratch.buf[j] = s.charCodeAt(j);
      sink(scratch.buf, s.length, start, end, position);
      return position + 1;
    }
    let n = foldRange(text, start, end, map, scratch, 0, false);
    if (n < 0) n = ~n;
    if (n === 0) return position;
    if (map.multi.length > 0) {
      const buf = scratch.buf;
      for (let j = 0; j < n; j++) if (buf[j] === 0x20) return this.emitSplit(text, start, end, position, sink);
    }
    sink(scratch.buf, n, start, end, position);
    return position + 1;
  }

  /** Rare path: a multi-word ligature (U+FDFA ﷺ) expanded to several words; each maps to the ligature's span. */
  private emitSplit(text: string, start: number, end: number, position: number, sink: RawTokenSink): number {
    const r = foldRange(text, start, end, this.map as CharMap, this.scratch, 0, true);
    const n = r < 0 ? ~r : r;
    const buf = this.scratch.buf;
    const offs = this.scratch.offs;
    const pieces: [number, number, number, number][] = [];
    let a = 0;
    for (let j = 0; j <= n; j++) {
      if (j < n && buf[j] !== 0x20) continue;
      if (j > a) {
        let b = j;
        while (b < n && offs[b] === offs[j - 1]) b++;
        pieces.push([a, j, offs[a], b < n ? offs[b] : end]);
      }
      a = j + 1;
    }
    for (const [pa, pb, ps, pe] of pieces) {
      if (this.pieceBuf.length < pb - pa) this.pieceBuf = new Uint16Array(pb - pa);
      this.pieceBuf.set(buf.subarray(pa, pb));
      sink(this.pieceBuf, pb - pa, Math.max(start, ps), Math.min(end, pe), position++);
    }
    return position;
  }
}

const defaultTokenizer = new Tokenizer();

/**
 * Splits text into normalized words with their offsets in the original string.
 *
 * @example
 * tokenize('قَرَأْتُ الكِتَابَ')
 * // [{ term: 'قرات', start: 0, end: 8, position: 0 }, { term: 'الكتاب', start: 9, end: 18, position: 1 }]
 */
export function tokenize(text: string, options?: TokenizeOptions): Token[] {
  const str = typeof text === 'string' ? text : String(text ?? '');
  const tokenizer = options ? new Tokenizer(options) : defaultTokenizer;
  const out: Token[] = [];
  tokenizer.scan(str, (term, start, end, position) => {
    out.push({ term, start, end, position });
  });
  return out;
}
