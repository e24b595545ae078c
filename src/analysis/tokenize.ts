// The tokenizer: finds word runs in the ORIGINAL text and normalizes each run into a term. Token offsets are
// always offsets of the original string; normalization never moves them.
// Word boundaries: a word is a run of letters, digits and combining marks, so a diacritic never splits a word.
// Invisible joiners (ZWNJ inside a Persian word, a soft hyphen) continue a word but never start or end one, so
// token spans do not include them at the edges.
import { checkOptions, checkText, describe, invalid } from '../errors.js';
import { type CharMap, charMapFor, checkNormalizeOptions, codesToString, CONTEXT, DEFAULT_NORMALIZE_OPTIONS, foldRange, type NormalizeOptions, type QuranicCharMap, type ResolvedNormalizeOptions, resolveNormalizeOptions, Scratch, signOf, useQuranicMaps, verseEndLength, vocativeEnd } from '../normalize/index.js';

export { codesToString };

/** How words are found: `'words'` (letters, digits, marks; fahras' default) or `'letters'` (letters and
 * non-spacing marks only, as Lucene's ArabicLetterTokenizer: digits and format characters separate). */
export type TokenizerMode = 'words' | 'letters';

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

/**
 * Receives each token as the normalized code units `buf[0, n)` (valid only during the call) and their FNV-1a
 * hash (see `hashCodes`), computed while folding. Returning `true` stops the scan there.
 */
export type RawTokenSink = (buf: Uint16Array, n: number, start: number, end: number, position: number, hash: number) => void | boolean;

/** FNV-1a (32-bit) over `buf[0, n)`: the hash `scanRaw` hands to its sink. */
export function hashCodes(buf: Uint16Array, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

// One table lookup per UTF-16 unit on the hot path: for each unit, its word class and its folded form (the
// normalizer's CharMap), cached together. Entry bits: class, then flags, then the replacement unit in the high
// 16 bits. Units not looked at yet hold UNSEEN (SLOW without a class), so the fast path never tests for them.
/** Separates words (space, punctuation ، ؛ ؟, symbols, emoji, lone surrogates). */
const SEP = 1;
/** Starts and continues a word: a letter (incl. U+0640 TATWEEL), a digit or a combining mark. */
const WORD = 2;
/** An invisible format character: continues a word but is trimmed from its edges. */
const JOIN = 4;
/**
 * A high surrogate: its class depends on the unit after it (see `pair`). (The Qur'anic rules' verse-end signs too: they
 * separate, and the verse number in digits after them is no word; see `QuranicTokenizer`.)
 */
const PAIR = 5;
const KIND = 7;
/** Take the general path: a joiner, surrogate pair, multi-unit replacement, hamza composition look-ahead, or UNSEEN. */
const SLOW = 8;
/** Normalization deletes the unit. */
const DROP = 16;
const UNSEEN = SLOW;

const WORDS = /[\p{L}\p{N}\p{M}]/u;
const LETTERS = /[\p{L}\p{Mn}]/u;
const FORMAT = /\p{Cf}/u;

/** The class of the character `s` (one code point): SEP, WORD or JOIN. */
function classify(s: string, letters: boolean): number {
  if ((letters ? LETTERS : WORDS).test(s)) return WORD;
  // BOM U+FEFF and ZWSP U+200B separate; the other format characters join
  return !letters && FORMAT.test(s) && s !== '\ufeff' && s !== '\u200b' ? JOIN : SEP;
}

/** The tables of each mode (words, letters), by normalization (null: none). */
const tables = [new Map<CharMap | null, Int32Array>(), new Map<CharMap | null, Int32Array>()];

/**
 * The tokenizer with fahras normalization, the only one `fahras/search` runs without `fahras/quran`. Its subclasses
 * add what the search bundle leaves out: {@link QuranicTokenizer} the Qur'anic rules (registered by
 * `useQuranicRules`), and the main entry's {@link Tokenizer} partial options and the lower-case-only path of Lucene's
 * chain (`normalize: false`), which the main entry registers for analyzers (`registerLuceneChain`). The steps they
 * override (`entry`, `foldedUnit`, `pair`, `fold`) run off the hot path. `scanRaw` is the allocation-free hot path. Not
 * marked `@internal` as a whole: `scan` and `scanRaw` are public through {@link Tokenizer} (its private and protected
 * members are internal, as everywhere).
 */
export class NormalizingTokenizer {
  private readonly letters: boolean;
  protected readonly map: CharMap | null;
  /** Class + folded unit per BMP unit, filled lazily (shared by tokenizers of one config). */
  protected readonly table: Int32Array;
  private readonly maxLength: number;
  protected readonly scratch = new Scratch();

  /** `rules`: the normalization, complete (the analyzers pass their configuration's), or none (`normalize: false`). */
  constructor(options: TokenizeOptions, rules?: ResolvedNormalizeOptions) {
    const letters = options.mode === 'letters';
    const map = rules ? charMapFor(rules) : null;
    const byMap = tables[+letters];
    let table = byMap.get(map);
    if (!table) byMap.set(map, (table = new Int32Array(0x10000).fill(UNSEEN)));
    this.letters = letters;
    this.map = map;
    this.table = table;
    const max = options.maxTokenLength;
    this.maxLength = typeof max === 'number' && max > 0 ? max : 255;
  }

  /** The table entry of unit `c` (computed once per unit and configuration). */
  protected entry(c: number): number {
    // a surrogate (U+D800–U+DFFF: c >> 11 is 27); a low one (U+DC00–U+DFFF) separates when alone, but is marked SLOW:
    // `scanSpans` never cuts text before one
    let e = c >> 11 === 27 ? (c < 0xdc00 ? PAIR : SEP) | SLOW : classify(String.fromCharCode(c), this.letters);
    if (e === JOIN) e |= SLOW;
    else if (e === WORD) {
      const v = this.foldedUnit(c);
      e |= v === -1 ? DROP : v < 0 || this.map?.compose ? SLOW : v << 16;
    }
    return (this.table[c] = e);
  }

  /** The folded unit of word character `c` as the normalizer's table gives it (-2 for the general path: the subclass). */
  protected foldedUnit(c: number): number {
    return (this.map as CharMap).lookup(c);
  }


  /**
   * The class of the character at `text[i]`, a high surrogate (before `len`), with its width in UTF-16 units above
   * bit 4: `class | width << 4`. With a low surrogate after it, the pair is one character; alone, it separates.
   */
  protected pair(text: string, i: number, len: number): number {
    return i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? classify(text.slice(i, i + 2), this.letters) | 32 : SEP | 16;
  }

  /**
   * Calls `sink` for every token of `text[from, to)` (default: all of it), in order, with its normalized code units;
   * offsets are those of `text`, positions count from 0. Returns the number of tokens.
   */
  scanRaw(text: string, sink: RawTokenSink, from = 0, to = text.length): number {
    // One pass: classify each character and fold it into the scratch buffer as the word grows.
    const table = this.table;
    const map = this.map;
    const scratch = this.scratch;
    const len = to;
    let buf = scratch.buf;
    let position = 0;
    let i = from;
    while (i < len) {
      let c = text.charCodeAt(i);
      let e = table[c];
      if (e === UNSEEN) e = this.entry(c);
      let k = e & KIND;
      let w = 1;
      if (k === PAIR) {
        const kw = this.pair(text, i, len);
        k = kw & 15;
        w = kw >> 4;
      }
      if (k !== WORD) {
        i += w;
        continue;
      }
      // A word: extend over word characters, marks and joiners, folding as we go. The word ends after its last
      // non-joiner: a run of joiners records where the word stood before it (joinEnd marks the run's end). A word
      // with any unit off the fast path (joiner, astral, ligature, hamza composition) is folded again at its end
      // by foldRange, the normalizer's own loop.
      let start = i;
      let n = 0;
      let h = 0x811c9dc5;
      let end = i;
      let joinEnd = -1;
      let rare = false;
      for (;;) {
        if ((e & SLOW) === 0) {
          // the common case: a letter, digit or mark, one unit in and at most one out
          if (n === buf.length) {
            scratch.ensure(n + 64);
            buf = scratch.buf;
          }
          i++;
          if ((e & DROP) === 0) {
            const v = e >>> 16;
            buf[n++] = v;
            h = Math.imul(h ^ v, 0x01000193);
          }
        } else {
          if (e === UNSEEN) e = this.entry(c);
          k = e & KIND;
          w = 1;
          if (k === PAIR) {
            const kw = this.pair(text, i, len);
            k = kw & 15;
            w = kw >> 4;
          }
          if (k === SEP) break; // a unit seen for the first time, or a lone high surrogate (or a verse end)
          // (compared on every unit of this path, not only at joiners: a compare first reached after the loop is
          // optimized, at the first joiner of a build, would deoptimize it)
          const inRun = joinEnd === i;
          if (k === JOIN && !inRun) end = i;
          rare = true;
          i += w;
          if (k === JOIN) joinEnd = i;
        }
        if (i >= len) break;
        c = text.charCodeAt(i);
        e = table[c];
        if ((e & KIND) === SEP) break;
      }
      if (joinEnd !== i) end = i;
      if (end - start > this.maxLength) continue;
      if (rare) {
        n = this.fold(text, start, end, false);
        buf = scratch.buf;
        if (buf.subarray(0, n).includes(0x20)) {
          position = this.emitSplit(text, start, end, position, sink);
          if (position < 0) return ~position;
          buf = scratch.buf;
          continue;
        }
        h = hashCodes(buf, n);
      }
      if (n > 0 && sink(buf, n, start, end, position++, h >>> 0) === true) return position;
    }
    return position;
  }

  /**
   * The span and position of every token of `text`, exactly as {@link scanRaw} gives them, without their terms:
   * faster where words need no folding beyond one unit for one (snippets of an index without term vectors). Text is
   * cut at the separators the table knows; a piece of letters, digits and marks the table folds one unit to at most
   * one is a word when a unit of it stays (what `scanRaw`'s fast path does), and any other piece goes to `scanRaw`.
   * The sink returns `true` to stop. Returns the number of tokens.
   */
  scanSpans(text: string, sink: (start: number, end: number, position: number) => boolean): number {
    const table = this.table;
    const len = text.length;
    let position = 0;
    let stop = false;
    for (let i = 0; i < len; i++) {
      const start = i;
      let e = table[text.charCodeAt(i)];
      let kept = 0;
      for (; (e & (KIND | SLOW)) === WORD; e = ++i < len ? table[text.charCodeAt(i)] : SEP) kept |= ~e & DROP;
      if (e !== SEP) {
        while (++i < len && table[text.charCodeAt(i)] !== SEP);
        position += this.scanRaw(text, (_b, _n, s, end, p) => (stop ||= sink(s, end, position + p)), start, i);
      } else if (kept && i - start <= this.maxLength) stop = sink(start, i, position++);
      if (stop) break;
    }
    return position;
  }

  /**
   * Folds the word `text[start, end)` into the scratch buffer, with its units' offsets when `withOffsets`; returns its
   * length. A space in it separates words (see `emitSplit`; a word lower-cased only, `Tokenizer`, holds none).
   */
  protected fold(text: string, start: number, end: number, withOffsets: boolean): number {
    return foldRange(text, start, end, this.map as CharMap, this.scratch, withOffsets);
  }

  /**
   * Rare path: a multi-word ligature (U+FDFA ﷺ) expanded to several words, each mapped to the ligature's span (or a
   * word `fold` splits: the Qur'anic joined vocative). Returns the next position, or its complement (`~`, negative)
   * when the sink stopped the scan.
   */
  private emitSplit(text: string, start: number, end: number, position: number, sink: RawTokenSink): number {
    const n = this.fold(text, start, end, true);
    const { buf, offs } = this.scratch;
    for (let j = 0, a = 0; j <= n; j++) {
      if (j < n && buf[j] !== 0x20) continue;
      if (j > a) {
        // the piece ends where the original character after its last one starts
        let b = j;
        while (b < n && offs[b] === offs[j - 1]) b++;
        const piece = buf.subarray(a, j);
        if (sink(piece, j - a, Math.max(start, offs[a]), b < n ? Math.min(end, offs[b]) : end, position++, hashCodes(piece, j - a)) === true) return ~position;
      }
      a = j + 1;
    }
    return position;
  }
}

/**
 * The tokenizer with the rules of Qur'anic orthography, when its normalizer's table has them (a `QuranicCharMap` with
 * the `uthmani` option; otherwise it tokenizes as its parent): pause marks, ۞ and ۩ join (trimmed from a word's edges),
 * verse ends separate and take the verse number after them in, the joined vocative is two words. Analyzers use it
 * once {@link useQuranicRules} has run (the main entry runs it; `fahras/search` and `fahras/pack` when given
 * `fahras/quran`); the main entry's {@link Tokenizer} is one.
 */
export class QuranicTokenizer extends NormalizingTokenizer {
  /** Whether the rules apply. */
  private readonly rules = !!(this.map as QuranicCharMap | null)?.inContext;

  protected override entry(c: number): number {
    // the Qur'anic signs: pause marks, ۞ and ۩ join; a verse end separates, its verse number with it (`pair`)
    const sign = this.rules ? signOf(c) : 0;
    return sign ? (this.table[c] = sign === 1 ? JOIN | SLOW : PAIR | SLOW) : super.entry(c);
  }

  protected override foldedUnit(c: number): number {
    const v = super.foldedUnit(c);
    // U+0621 HAMZA ء: every hamza rule needs a vowel mark (CONTEXT too) in the word, which takes the general path
    // anyway, so unvocalized words with ء stay on the fast path, ء folded out of context
    return v === CONTEXT && c === 0x0621 ? (this.map as QuranicCharMap).plain(c) : v;
  }

  protected override pair(text: string, i: number, len: number): number {
    // a verse end (`entry`), not a surrogate: separates, with the verse number after it
    return text.charCodeAt(i) >> 11 === 27 ? super.pair(text, i, len) : SEP | (verseEndLength(text, i, len) << 4);
  }

  protected override fold(text: string, start: number, end: number, withOffsets: boolean): number {
    const split = this.rules ? vocativeEnd(text, start, end) : -1;
    if (split < 0) return super.fold(text, start, end, withOffsets);
    // the joined vocative يٰ + a word (يَـٰٓأَيُّهَا): two words, folded apart, a space between them, so that
    // `emitSplit` gives each its own span: [start, split) and [split, end)
    const scratch = this.scratch;
    const m = super.fold(text, split, end, withOffsets);
    const second = scratch.buf.slice(0, m);
    const from = scratch.offs.slice(0, m);
    const n = super.fold(text, start, split, withOffsets);
    scratch.ensure(n + 2 + m);
    scratch.buf.set(second, n + 1);
    scratch.offs.set(from, n + 1);
    scratch.buf[n] = 0x20;
    scratch.offs[n] = scratch.offs[n + 1] = split;
    return n + 1 + m;
  }
}

/**
 * A reusable tokenizer for one configuration: fahras normalization, or with `normalize: false` only lower case (as
 * Lucene's chain: its letter tokenizer, then LowerCaseFilter). `scanRaw` is the allocation-free hot path.
 */
export class Tokenizer extends QuranicTokenizer {
  constructor(options: TokenizeOptions = {}) {
    super(options, options.normalize === false ? undefined : resolveNormalizeOptions(options));
  }

  /** Calls `sink` with each token's term as a string. Returns the number of tokens. */
  scan(text: string, sink: TokenSink): number {
    return this.scanRaw(text, (buf, n, start, end, position) => sink(codesToString(buf, n), start, end, position));
  }

  protected override foldedUnit(c: number): number {
    if (this.map) return super.foldedUnit(c);
    // without normalization: a word holding U+03A3 Σ (final or not by context) or a unit lower-cased to two (U+0130
    // İ) is lower-cased whole at its end (the general path, `fold`)
    const l = String.fromCharCode(c).toLowerCase();
    return l.length === 1 && c !== 0x3a3 ? l.charCodeAt(0) : -2;
  }

  protected override fold(text: string, start: number, end: number, withOffsets: boolean): number {
    if (this.map) return super.fold(text, start, end, withOffsets);
    const word = text.slice(start, end).toLowerCase();
    const n = word.length;
    this.scratch.ensure(n);
    const buf = this.scratch.buf;
    for (let j = 0; j < n; j++) buf[j] = word.charCodeAt(j);
    return n;
  }
}

/**
 * The rules of Qur'anic orthography as `fahras/quran` exports them, for `loadIndex(bytes, { quran })` of
 * `fahras/search` and `openPack(source, { quran })` of `fahras/pack`: an opaque handle to pass along (it is
 * {@link useQuranicRules}).
 * @internal
 */
export type QuranicRules = () => void;

/** The class of the analyzers' tokenizers with fahras normalization: {@link QuranicTokenizer} once registered. */
export let WordTokenizer: typeof NormalizingTokenizer = NormalizingTokenizer;

/**
 * Registers the rules of Qur'anic orthography (the `uthmani` option) for every later analysis: the normalizer's
 * tables and the analyzers' tokenizers. The main entry runs it when it loads; `fahras/quran` is it (`{ quran }` of
 * `loadIndex` and `openPack` runs it).
 */
export function useQuranicRules(): void {
  useQuranicMaps();
  WordTokenizer = QuranicTokenizer;
}

/** Made on the first `tokenize` call (its class table is 256 kB). */
let defaultTokenizer: Tokenizer | undefined;
let defaultMap: CharMap | undefined;

/** Checks {@link tokenize}'s options (keys, types); throws `FahrasError('INVALID_ARGUMENT')` naming a wrong one. */
function checkTokenizeOptions(options: TokenizeOptions): TokenizeOptions {
  const what = 'tokenize options';
  const { mode, normalize, maxTokenLength, ...rules } = checkOptions(options, `mode normalize maxTokenLength ${Object.keys(DEFAULT_NORMALIZE_OPTIONS).join(' ')}`, what);
  if (mode !== undefined && mode !== 'words' && mode !== 'letters') invalid(`${what}: mode must be 'words' or 'letters', got ${describe(mode)}`);
  if (normalize !== undefined && typeof normalize !== 'boolean') invalid(`${what}: normalize must be true or false, got ${describe(normalize)}`);
  if (maxTokenLength !== undefined && !(Number.isInteger(maxTokenLength) && maxTokenLength > 0)) invalid(`${what}: maxTokenLength must be a positive integer, got ${describe(maxTokenLength)}`);
  return { ...checkNormalizeOptions(rules, what), mode, normalize, maxTokenLength };
}

/**
 * Splits text into normalized words with their offsets in the original string.
 *
 * @example
 * tokenize('قَرَأْتُ الكِتَابَ')
 * // [{ term: 'قرات', start: 0, end: 8, position: 0 }, { term: 'الكتاب', start: 9, end: 18, position: 1 }]
 */
export function tokenize(text: string, options?: TokenizeOptions): Token[] {
  const str = checkText(text, 'tokenize');
  // (made again when the Qur'anic rules were registered since: the default CharMap is then a new one)
  const map = charMapFor(DEFAULT_NORMALIZE_OPTIONS);
  if (options === undefined && defaultMap !== map) {
    defaultTokenizer = new Tokenizer();
    defaultMap = map;
  }
  const tokenizer = options === undefined ? (defaultTokenizer as Tokenizer) : new Tokenizer(checkTokenizeOptions(options));
  const out: Token[] = [];
  tokenizer.scan(str, (term, start, end, position) => {
    out.push({ term, start, end, position });
  });
  return out;
}
