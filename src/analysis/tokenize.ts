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

/** A reusable tokenizer for one configuration. `scan` is the allocation-light hot path. */
export class Tokenizer {
  private readonly classes: CharClasses;
  private readonly map: CharMap | null;
  private readonly maxLength: number;
  private readonly scratch = new Scratch();

  constructor(options: TokenizeOptions = {}) {
    this.classes = charClasses(options.mode ?? 'words');
    this.map = options.normalize === false ? null : charMapFor(resolveNormalizeOptions(options));
    const max = options.maxTokenLength;
    this.maxLength = typeof max === 'number' && max > 0 ? max : 255;
  }

  /** Calls `sink` for every token of `text`, in order. Returns the number of tokens. */
  scan(text: string, sink: TokenSink): number {
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
  private emit(text: string, start: number, end: number, position: number, sink: TokenSink): number {
    const map = this.map;
    if (map === null) {
      sink(text.slice(start, end).toLowerCase(), start, end, position);
      return position + 1;
    }
    const scratch = this.scratch;
    const n = foldRange(text, start, end, map, scratch, 0, false);
    if (n < 0) {
      sink(text.slice(start, end), start, end, position);
      return position + 1;
    }
    if (n === 0) return position;
    if (map.multi.length > 0) {
      const buf = scratch.buf;
      for (let j = 0; j < n; j++) if (buf[j] === 0x20) return this.emitSplit(text, start, end, position, sink);
    }
    sink(scratch.toString(n), start, end, position);
    return position + 1;
  }

  /** Rare path: a multi-word ligature (U+FDFA ﷺ) expanded to several words; each maps to the ligature's span. */
  private emitSplit(text: string, start: number, end: number, position: number, sink: TokenSink): number {
    const r = foldRange(text, start, end, this.map as CharMap, this.scratch, 0, true);
    const n = r < 0 ? ~r : r;
    const buf = this.scratch.buf;
    const offs = this.scratch.offs;
    const pieces: [string, number, number][] = [];
    let a = 0;
    for (let j = 0; j <= n; j++) {
      if (j < n && buf[j] !== 0x20) continue;
      if (j > a) {
        let s = '';
        for (let q = a; q < j; q++) s += String.fromCharCode(buf[q]);
        let b = j;
        while (b < n && offs[b] === offs[j - 1]) b++;
        pieces.push([s, offs[a], b < n ? offs[b] : end]);
      }
      a = j + 1;
    }
    for (const [s, ps, pe] of pieces) sink(s, Math.max(start, ps), Math.min(end, pe), position++);
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
