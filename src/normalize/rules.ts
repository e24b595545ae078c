// The normalization rules, one code point at a time. Each rule is an option (all on by default, except that the
// superscript alef U+0670 is dropped by default). `resolveChar` is the single source of truth; `CharMap` caches its
// answers in a typed array so the hot loop does one lookup per UTF-16 unit.
import { checkOptions, describe, invalid } from '../errors.js';
import type { Scratch } from './normalize.js';

/** Which spelling variants to fold. Every field is optional; the defaults give full Arabic search normalization. */
export interface NormalizeOptions {
  /**
   * Remove diacritics: harakat U+064B–U+0652, madda/hamza marks U+0653–U+0655, U+0656–U+065F, Arabic signs
   * U+0610–U+061A, Qur'anic annotation marks U+06D6–U+06ED and U+08CA–U+08FF (and U+0897–U+089F). Default true.
   */
  diacritics?: boolean;
  /**
   * U+0670 SUPERSCRIPT ALEF ٰ: `'drop'` (هَٰذَا → هذا, default; with `uthmani`, alef where plain spelling writes one:
   * ٱلْكِتَـٰب → الكتاب), `'alef'` (رحمٰن → رحمان) or `'keep'`.
   */
  superscriptAlef?: 'drop' | 'alef' | 'keep';
  /** Remove U+0640 TATWEEL ـ. Default true. */
  tatweel?: boolean;
  /** Fold alef forms أ إ آ ٱ ٲ ٳ ٵ → U+0627 ALEF ا. Default true. */
  alef?: boolean;
  /** Fold hamza carriers: U+0624 ؤ → U+0648 و, U+0626 ئ → U+064A ي. Default true. */
  hamzaCarriers?: boolean;
  /** U+0629 TEH MARBUTA ة → U+0647 HEH ه. Default true. */
  tehMarbuta?: boolean;
  /** U+0649 ALEF MAQSURA ى → U+064A YEH ي. Default true. */
  alefMaqsura?: boolean;
  /** Persian/Urdu letter variants to their Arabic letters (ک → ك, ی ې ۍ ے → ي, ہ ە ۀ ھ → ه, ٶ ٷ → ؤ, ٸ → ئ). Default true. */
  persian?: boolean;
  /** Presentation forms U+FB50–U+FDFF and U+FE70–U+FEFE to base letters (ligatures become several letters). Default true. */
  presentationForms?: boolean;
  /** Arabic-Indic U+0660–U+0669 and extended (Persian) U+06F0–U+06F9 digits → ASCII 0–9. Default true. */
  digits?: boolean;
  /** Remove invisible marks: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM U+061C, bidi embeddings/isolates, word joiner, BOM, soft hyphen, CGJ. Default true. */
  invisibles?: boolean;
  /** Lower-case Latin, Greek and Cyrillic letters and fold their diacritics (É → e), fullwidth forms to ASCII. Default true. */
  latin?: boolean;
  /**
   * Qur'anic (Uthmani) orthography to plain (imla'i) spelling, in context (ٱلصَّلَوٰةَ → الصلاة, ءَامَنُوا۟ → امنوا,
   * ٱلسَّمَـٰوَٰتِ → السماوات): the rules apply only around Qur'anic characters (dagger alef U+0670, hamza above a
   * tatweel, alef wasla U+0671, small waw/yeh U+06E5–U+06E7) and a vocalized hamza ء, so plain text is unchanged; the
   * tokenizer splits the joined vocative (يَـٰٓأَيُّهَا → يا + أيها) and keeps pause marks out of words. Default true
   * (indexes written before it existed load with false, the analysis they were built with).
   */
  uthmani?: boolean;
}

/** Options with every field filled in. */
export type ResolvedNormalizeOptions = Required<NormalizeOptions>;

export const DEFAULT_NORMALIZE_OPTIONS: ResolvedNormalizeOptions = Object.freeze({
  diacritics: true,
  superscriptAlef: 'drop',
  tatweel: true,
  alef: true,
  hamzaCarriers: true,
  tehMarbuta: true,
  alefMaqsura: true,
  persian: true,
  presentationForms: true,
  digits: true,
  invisibles: true,
  latin: true,
  uthmani: true,
});

export function resolveNormalizeOptions(options?: NormalizeOptions): ResolvedNormalizeOptions {
  if (!options) return DEFAULT_NORMALIZE_OPTIONS;
  const out = { ...DEFAULT_NORMALIZE_OPTIONS } as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_NORMALIZE_OPTIONS)) {
    const v = (options as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as unknown as ResolvedNormalizeOptions;
}


/**
 * Checks normalization options a caller gave (each key known, each value a boolean, `superscriptAlef` one of its
 * three words) and fills the defaults; throws `FahrasError('INVALID_ARGUMENT')` naming `what` and the key. The
 * entry points that take options call it; the tokenizer trusts what they resolved.
 */
export function checkNormalizeOptions(options: NormalizeOptions | undefined, what: string): ResolvedNormalizeOptions {
  const o = checkOptions(options, Object.keys(DEFAULT_NORMALIZE_OPTIONS).join(' '), what) as Record<string, unknown>;
  for (const key in o) {
    const v = o[key];
    const ok = key === 'superscriptAlef' ? v === 'drop' || v === 'alef' || v === 'keep' : typeof v === 'boolean';
    if (!ok && v !== undefined) invalid(`${what}.${key}: expected ${key === 'superscriptAlef' ? "'drop', 'alef' or 'keep'" : 'true or false'}, got ${describe(v)}`);
  }
  return resolveNormalizeOptions(o);
}

/** Whether `c` is in one of `ranges`: pairs of code units, the first and the last of each range. */
function inRanges(c: number, ranges: string): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (c >= ranges.charCodeAt(i) && c <= ranges.charCodeAt(i + 1)) return true;
  return false;
}

/** The Arabic combining marks removed by the `diacritics` rule (U+0670 is handled on its own), as ranges. */
const DIACRITICS =
  '\u0610\u061a' + // Arabic signs: honorifics ؐ ؑ ؒ ؓ ؔ, Qur'anic small marks ؕ–ؚ
  '\u064b\u065f' + // harakat: fathatan ً … sukun ْ U+0652, maddah ٓ U+0653, hamza above ٔ U+0654 / below ٕ U+0655, U+0656–U+065F
  '\u06d6\u06ed' + // Qur'anic annotation: small high ligatures ۖ–ۜ, end of ayah ۝, rub el hizb ۞, small marks ۟–ۭ (incl. small waw ۥ, small yeh ۦ)
  '\u0897\u089f' + // Arabic Extended-B: Qur'anic marks (Unicode 14)
  '\u08ca\u08ff'; // Arabic Extended-A: Qur'anic annotation marks and small high letters (U+08D3–U+08FF), U+08E2 disputed end of ayah

/** True for the Arabic combining marks removed by the `diacritics` rule (U+0670 is handled on its own). */
export function isArabicDiacritic(c: number): boolean {
  return inRanges(c, DIACRITICS);
}

/** The invisible format characters removed by the `invisibles` rule, as ranges. */
const INVISIBLES =
  '\u200b\u200f' + // ZERO WIDTH SPACE, ZWNJ U+200C, ZWJ U+200D, LRM U+200E, RLM U+200F
  '\u061c\u061c' + // U+061C ARABIC LETTER MARK
  '\ufeff\ufeff' + // U+FEFF BYTE ORDER MARK / zero width no-break space
  '\u00ad\u00ad' + // U+00AD SOFT HYPHEN
  '\u034f\u034f' + // U+034F COMBINING GRAPHEME JOINER
  '\u202a\u202e' + // bidi embeddings and overrides LRE RLE PDF LRO RLO
  '\u2060\u2064' + // WORD JOINER and invisible operators
  '\u2066\u2069'; // bidi isolates LRI RLI FSI PDI

/** True for invisible format characters removed by the `invisibles` rule. */
export function isInvisible(c: number): boolean {
  return inRanges(c, INVISIBLES);
}

/**
 * The rules that give every character of some ranges one replacement: `[option, replacement ('' deletes),
 * ranges]`. A rule applies when its option is on; ranges of different rules overlap only where both delete
 * (U+034F is invisible and a Latin combining mark), so the order does not matter.
 */
const RULES: readonly [keyof NormalizeOptions, string, string][] = [
  ['diacritics', '', DIACRITICS],
  ['invisibles', '', INVISIBLES],
  // U+0640 TATWEEL ـ → removed
  ['tatweel', '', '\u0640\u0640'],
  // → U+0627 ALEF ا: U+0622 ALEF WITH MADDA ABOVE آ, U+0623 ALEF WITH HAMZA ABOVE أ, U+0625 ALEF WITH HAMZA BELOW إ,
  // U+0671 ALEF WASLA ٱ, U+0672 ALEF WITH WAVY HAMZA ABOVE ٲ, U+0673 ALEF WITH WAVY HAMZA BELOW ٳ, U+0675 HIGH HAMZA ALEF ٵ
  ['alef', '\u0627', '\u0622\u0623\u0625\u0625\u0671\u0673\u0675\u0675'],
  // U+0624 WAW WITH HAMZA ABOVE ؤ → U+0648 WAW و
  ['hamzaCarriers', '\u0648', '\u0624\u0624'],
  // U+0626 YEH WITH HAMZA ABOVE ئ → U+064A YEH ي
  ['hamzaCarriers', '\u064a', '\u0626\u0626'],
  // U+0629 TEH MARBUTA ة → U+0647 HEH ه
  ['tehMarbuta', '\u0647', '\u0629\u0629'],
  // U+0649 ALEF MAQSURA ى → U+064A YEH ي
  ['alefMaqsura', '\u064a', '\u0649\u0649'],
  // → U+0643 KAF ك: U+06A9 KEHEH ک (Persian kaf), U+06AA SWASH KAF ڪ
  ['persian', '\u0643', '\u06a9\u06aa'],
  // → U+064A YEH ي: U+06CC FARSI YEH ی, U+06CD YEH WITH TAIL ۍ, U+06D0 YEH (Pashto E) ې, U+06D2 YEH BARREE ے
  ['persian', '\u064a', '\u06cc\u06cd\u06d0\u06d0\u06d2\u06d2'],
  // → U+0626 YEH WITH HAMZA ABOVE ئ: U+06D3 YEH BARREE WITH HAMZA ABOVE ۓ, U+0678 HIGH HAMZA YEH ٸ
  ['persian', '\u0626', '\u06d3\u06d3\u0678\u0678'],
  // → U+0624 WAW WITH HAMZA ABOVE ؤ: U+0676 HIGH HAMZA WAW ٶ, U+0677 U WITH HAMZA ABOVE ٷ
  ['persian', '\u0624', '\u0676\u0677'],
  // → U+0647 HEH ه: U+06C0 HEH WITH YEH ABOVE ۀ, U+06C1 HEH GOAL ہ, U+06C2 HEH GOAL WITH HAMZA ABOVE ۂ,
  // U+06BE HEH DOACHASHMEE ھ, U+06D5 AE ە
  ['persian', '\u0647', '\u06c0\u06c2\u06be\u06be\u06d5\u06d5'],
  // U+06C3 TEH MARBUTA GOAL ۃ → U+0629 TEH MARBUTA ة (then the teh marbuta rule)
  ['persian', '\u0629', '\u06c3\u06c3'],
];

/**
 * Characters whose replacement the engine computes: Arabic Presentation Forms-A U+FB50–U+FDFF, -B U+FE70–U+FEFE
 * (NFKC, `presentationForms`); Latin, Greek, Cyrillic (NFKD, `latin`), as ranges.
 */
const PRESENTATION_FORMS = '\ufb50\ufdff\ufe70\ufefe';
const LATIN =
  'AZ' + // A–Z → a–z
  '\u00c0\u024f' + // Latin-1 letters, Latin Extended-A/B
  '\u0300\u036f' + // combining diacritical marks (the Latin accents): removed
  '\u0370\u04ff' + // Greek, Cyrillic
  '\u1e00\u1fff' + // Latin Extended Additional, Greek Extended
  '\ufb00\ufb06' + // Latin ligatures ﬀ ﬁ ﬂ …
  '\uff01\uff5e'; // fullwidth ASCII

/**
 * One rule step for a BMP code unit: the replacement string (the character itself when nothing applies).
 * Replacements may themselves need further rules (a ligature expands to letters that are then folded);
 * `resolveChar` applies rules until every output character is stable.
 */
function ruleFor(c: number, o: ResolvedNormalizeOptions): string {
  const s = String.fromCharCode(c);
  // U+0670 SUPERSCRIPT ALEF ٰ → dropped, or → U+0627 ALEF ا
  if (c === 0x0670) return o.superscriptAlef === 'drop' ? '' : o.superscriptAlef === 'alef' ? '\u0627' : s;
  for (const [option, to, ranges] of RULES) if (o[option] && inRanges(c, ranges)) return to;
  // ARABIC-INDIC DIGIT ZERO..NINE ٠–٩ U+0660–U+0669, EXTENDED ARABIC-INDIC (Persian/Urdu) DIGIT ۰–۹ U+06F0–U+06F9 → 0–9
  if (o.digits && inRanges(c, '\u0660\u0669\u06f0\u06f9')) return String(c & 15);
  // NFKC gives the base letters (U+FEFB LAM WITH ALEF ligature ﻻ → ل ا, U+FDF2 → الله). The isolated
  // harakat forms (U+FE70–U+FE7F, and the shadda ligatures U+FC5E–U+FC63 such as ﱞ) decompose to a SPACE + marks:
  // that leading space is an artefact and is dropped. Multi-word ligatures (U+FDFA ﷺ, U+FDFB, U+FDFD) keep
  // their inner spaces: the tokenizer splits them into words.
  if (o.presentationForms && inRanges(c, PRESENTATION_FORMS)) return s.normalize('NFKC').replace(/^ +/, '');
  // lower-case, fold diacritics, fullwidth → ASCII; spacing compatibility characters (U+037A ͺ, U+1FBD ᾽)
  // decompose to a SPACE + mark: the space is dropped
  if (o.latin && inRanges(c, LATIN)) return s.normalize('NFKD').replace(/[\u0300-\u036f ]/g, '').toLowerCase().normalize('NFC');
  return s;
}

/**
 * The final replacement of a BMP code unit: rules applied until each output character maps to itself
 * (so normalization is idempotent). Returns the code unit itself when nothing applies.
 */
export function resolveChar(c: number, o: ResolvedNormalizeOptions, depth = 0): string {
  const r = ruleFor(c, o);
  let out = '';
  for (let i = 0; i < r.length; i++) {
    const d = r.charCodeAt(i);
    // no rule chain is deeper than 4: a guard, not a path taken
    out += d === c || depth > 4 ? r[i] : resolveChar(d, o, depth + 1);
  }
  return out;
}

/**
 * Pairs Unicode does not compose (NFC) that are composed before folding all the same, as pairs of (base, result),
 * all with U+0654 HAMZA ABOVE ٔ: ى + ٔ → U+0626 ئ (the dotless form carries hamza), U+06CC ی + ٔ → U+0626 ئ,
 * ه + ٔ → U+06C0 ۀ.
 */
const HAMZA_EXTRA = '\u0649\u0626\u06cc\u0626\u0647\u06c0';

/**
 * The letter at `text[i]` composed with a following U+0653 MADDA ABOVE ٓ, U+0654 HAMZA ABOVE ٔ or U+0655 HAMZA BELOW
 * ٕ (before `end`), or -1 when the next character does not compose with it. Canonical composition (NFC) gives
 * ا + ٓ/ٔ/ٕ → آ أ إ (U+0622 U+0623 U+0625), و + ٔ → ؤ U+0624, ي + ٔ → ئ U+0626, and U+06D2 ے → ۓ U+06D3,
 * U+06C1 ہ → ۂ U+06C2, U+06D5 ە → ۀ U+06C0 with ٔ; HAMZA_EXTRA adds three more.
 */
export function composeNext(text: string, i: number, end: number): number {
  const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  // marks are rare: the pair is composed only after a check on the mark's code
  if (next < 0x0653 || next > 0x0655) return -1;
  const c = text.slice(i, i + 2).normalize('NFC');
  if (c.length === 1) return c.charCodeAt(0);
  const k = next === 0x0654 ? HAMZA_EXTRA.indexOf(text[i]) : -1;
  return k < 0 || k & 1 ? -1 : HAMZA_EXTRA.charCodeAt(k + 1);
}

/** The table value of a character not looked up yet. */
export const UNKNOWN = -2;
/** The table value of a character the `uthmani` rules decide in context (uthmani.ts, `QuranicCharMap`). */
export const CONTEXT = -3;

/**
 * A lazily filled table from BMP code unit to its replacement: `>= 0` one code unit, `-1` deleted, `-3` decided in
 * context (CONTEXT: only the Qur'anic rules' subclass, uthmani.ts, gives it), `<= -4` an index into `multi`
 * (ligatures). One table per distinct options object.
 * @internal
 */
export class CharMap {
  readonly options: ResolvedNormalizeOptions;
  readonly table = new Int32Array(0x10000).fill(UNKNOWN);
  readonly multi: string[] = [];
  /**
   * Whether composing base + U+0653/U+0654/U+0655 can change the output. With diacritics, alef, hamza-carrier,
   * alef-maqsura and Persian folding all on, the composed letter folds to the same result as the base alone
   * (ا+ٔ → أ → ا), so the hot loop skips the look-ahead.
   */
  readonly compose: boolean;

  constructor(o: ResolvedNormalizeOptions) {
    this.options = o;
    this.compose = !(o.diacritics && o.alef && o.hamzaCarriers && o.alefMaqsura && o.persian);
  }

  /** Encoded replacement of `c` (see class doc). */
  lookup(c: number): number {
    let v = this.table[c];
    if (v === UNKNOWN) {
      const s = resolveChar(c, this.options);
      // a ligature's letters go to `multi`: -4 for the first, -5 for the second…
      v = this.table[c] = s.length === 1 ? s.charCodeAt(0) : s ? -3 - this.multi.push(s) : -1;
    }
    return v;
  }

  /**
   * Writes the several units table value `v` (< -1) of `text[i]` (within `[start, end)`) stands for into the scratch
   * buffer after its first `n` units, growing it so that the rest of the range still fits one unit for one: here a
   * ligature's letters. Returns the new length × 8 + the characters after `i` it took in too (none here; the
   * Qur'anic rules' CONTEXT characters, uthmani.ts, take in up to 7).
   */
  expand(v: number, _text: string, i: number, _start: number, end: number, scratch: Scratch, n: number): number {
    const s = this.multi[-4 - v];
    scratch.ensure(n + s.length + (end - i) + 8);
    for (let k = 0; k < s.length; k++) scratch.buf[n++] = s.charCodeAt(k);
    return n * 8;
  }
}

/** The class of the normalizer's tables: `CharMap`, or the Qur'anic rules' subclass once registered (uthmani.ts). */
let Maps = CharMap;

/**
 * Makes every later table of `charMapFor` one of `maps` (the Qur'anic rules' subclass: the main entry registers it,
 * `fahras/search` and `fahras/pack` when given `fahras/quran`); tables made before are dropped.
 */
export function useCharMaps(maps: typeof CharMap): void {
  if (Maps === maps) return;
  Maps = maps;
  tables.clear();
  lastOptions = undefined;
}

const tables = new Map<string, CharMap>();
/** The options asked for last (the defaults, nearly always) and their map: found without building a key. */
let lastOptions: ResolvedNormalizeOptions | undefined;
let lastMap: CharMap;

/** The shared CharMap for these options (one per distinct configuration). */
export function charMapFor(options: ResolvedNormalizeOptions): CharMap {
  if (options !== lastOptions) {
    const key = JSON.stringify((lastOptions = options));
    let m = tables.get(key);
    // (a copy: the options may be an index's configuration, which its owner can change)
    if (!m) tables.set(key, (m = new Maps({ ...options })));
    lastMap = m;
  }
  return lastMap;
}
