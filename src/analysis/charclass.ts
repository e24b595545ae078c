// Character classes for word boundaries. A word is a run of letters, digits and combining marks: a diacritic
// never splits a word. Invisible joiners (ZWNJ inside a Persian word, a soft hyphen) continue a word but never
// start or end one, so token spans do not include them at the edges.

/** Separates words (space, punctuation ، ؛ ؟, symbols, emoji, lone surrogates). */
export const SEP = 1;
/** Starts and continues a word (letters incl. U+0640 TATWEEL, digits). */
export const WORD = 2;
/** A combining mark: continues a word, and starts one if nothing precedes it. */
export const MARK = 3;
/** An invisible format character: continues a word but is trimmed from its edges. */
export const JOIN = 4;

/** How words are found: `'words'` (letters, digits, marks; fahras' default) or `'letters'` (letters and
 * non-spacing marks only, as Lucene's ArabicLetterTokenizer: digits and format characters separate). */
export type TokenizerMode = 'words' | 'letters';

const reWord = /[\p{L}\p{N}]/u;
const reLetter = /\p{L}/u;
const reMark = /\p{M}/u;
const reNonSpacing = /\p{Mn}/u;
const reFormat = /\p{Cf}/u;

function classify(s: string, mode: TokenizerMode): number {
  if (mode === 'letters') {
    if (reLetter.test(s)) return WORD;
    if (reNonSpacing.test(s)) return MARK;
    return SEP;
  }
  if (reWord.test(s)) return WORD;
  if (reMark.test(s)) return MARK;
  if (reFormat.test(s)) return s === '\ufeff' || s === '\u200b' ? SEP : JOIN; // BOM and ZWSP separate
  return SEP;
}

/** A lazily filled class table for BMP code units; astral code points are classified through a small cache. */
export class CharClasses {
  readonly mode: TokenizerMode;
  readonly table = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();

  constructor(mode: TokenizerMode) {
    this.mode = mode;
    const t = this.table;
    for (let c = 0xd800; c <= 0xdfff; c++) t[c] = SEP; // lone surrogates separate; pairs go through `ofCodePoint`
  }

  /** Class of a BMP code unit. */
  of(c: number): number {
    const v = this.table[c];
    if (v !== 0) return v;
    const k = classify(String.fromCharCode(c), this.mode);
    this.table[c] = k;
    return k;
  }

  /**
   * Class of the character starting at `text[i]` (a surrogate pair is one character), with its width in UTF-16
   * units above bit 4: `class | width << 4`.
   */
  at(text: string, i: number, len: number): number {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return this.ofCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) | 32;
    }
    return (this.table[c] || this.of(c)) | 16;
  }

  /** Class of an astral code point (U+10000 and above). */
  ofCodePoint(cp: number): number {
    let k = this.astral.get(cp);
    if (k === undefined) {
      k = classify(String.fromCodePoint(cp), this.mode);
      if (this.astral.size < 4096) this.astral.set(cp, k);
    }
    return k;
  }
}

const byMode: Partial<Record<TokenizerMode, CharClasses>> = {};

/** The shared class table for a mode. */
export function charClasses(mode: TokenizerMode): CharClasses {
  return (byMode[mode] ??= new CharClasses(mode));
}
