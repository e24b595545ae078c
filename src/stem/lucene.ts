/**
 * Lucene's Arabic normalizer and light stemmer (Larkey, Ballesteros & Connell), reproduced exactly.
 *
 * `luceneNormalize` = `ArabicNormalizer`, `luceneStem` = `ArabicStemmer` as in Apache Lucene and Lucene++ 3.0.8:
 * the stemmer expects an already normalized word, as Lucene's `ArabicStemFilter` does after
 * `ArabicNormalizationFilter`. Both work on UTF-16 code units; letters outside the BMP never match any rule.
 * Checked word for word against ../shared/oracles/arabic-stemmer-oracle.tsv (test/stem/lucene.test.ts).
 */
import { ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF, BEH, TEH_MARBUTA, TEH, TATWEEL, FEH, KAF, LAM, NOON, HEH, WAW, ALEF_MAKSURA, YEH, FATHATAN, SUKUN } from '../normalize/letters.js'; // letters the rules mention

/**
 * What the normalizer does with one code unit: -1 delete it, 0 keep it, otherwise the replacement.
 * Only called for units in U+0622…U+0652; everything else is kept.
 */
function normalizeAction(c: number): number {
  switch (c) {
    case ALEF_MADDA: // U+0622 آ → U+0627 ALEF ا
    case ALEF_HAMZA_ABOVE: // U+0623 أ → U+0627 ALEF ا
    case ALEF_HAMZA_BELOW: // U+0625 إ → U+0627 ALEF ا
      return ALEF;
    case ALEF_MAKSURA: // U+0649 ى → U+064A YEH ي
      return YEH;
    case TEH_MARBUTA: // U+0629 ة → U+0647 HEH ه
      return HEH;
    case TATWEEL: // U+0640 ـ → deleted
      return -1;
    default:
      // U+064B FATHATAN … U+0652 SUKUN (tanwin, short vowels, shadda, sukun) → deleted
      return c >= FATHATAN && c <= SUKUN ? -1 : 0;
  }
}

/**
 * Lucene's `ArabicNormalizer`: آ أ إ → ا, ى → ي, ة → ه, and deletes tatweel and U+064B…U+0652.
 * Nothing else changes (no hamza on waw/yeh folding, no Persian letters, no presentation forms).
 */
export function luceneNormalize(word: string): string {
  const n = word.length;
  let i = 0;
  // Fast path: most words need nothing; find the first unit that does.
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= ALEF_MADDA && c <= SUKUN && normalizeAction(c) !== 0) break;
  }
  if (i === n) return word;
  let out = word.slice(0, i);
  let runStart = i; // start of the current run of unchanged units still to copy
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c < ALEF_MADDA || c > SUKUN) continue;
    const a = normalizeAction(c);
    if (a === 0) continue;
    if (runStart < i) out += word.slice(runStart, i);
    if (a > 0) out += String.fromCharCode(a);
    runStart = i + 1;
  }
  if (runStart < n) out += word.slice(runStart);
  return out;
}

/**
 * Prefixes, tried in this order; the first that matches is removed (only one). Each is a list of code units.
 * Lucene's length rule: a one-letter prefix needs a word of at least 4 units; the others need
 * at least 2 units left after removal.
 */
const PREFIXES: readonly (readonly number[])[] = [
  [ALEF, LAM], // ال  al-  (definite article)
  [WAW, ALEF, LAM], // وال  wal- (and the)
  [BEH, ALEF, LAM], // بال  bil- (with/by the)
  [KAF, ALEF, LAM], // كال  kal- (like the)
  [FEH, ALEF, LAM], // فال  fal- (so the)
  [LAM, LAM], // لل  lil- (for the; lam + article with its alef dropped)
  [WAW], // و  wa- (and)
];

/**
 * Suffixes, each tested once in this order against the end of the (shrinking) word; every one that matches
 * while at least 2 units would remain is removed, so several can stack (ات then ي, …).
 */
const SUFFIXES: readonly (readonly number[])[] = [
  [HEH, ALEF], // ها  -ha (her / its)
  [ALEF, NOON], // ان  -an (dual)
  [ALEF, TEH], // ات  -at (feminine sound plural)
  [WAW, NOON], // ون  -un (masculine sound plural, nominative)
  [YEH, NOON], // ين  -in (masculine sound plural / dual, oblique)
  [YEH, HEH], // يه  -iyh (his, after yeh)
  [YEH, TEH_MARBUTA], // ية  -iya (relative adjective, feminine; only seen if the word was not normalized)
  [HEH], // ه  -h (his / normalized teh marbuta)
  [TEH_MARBUTA], // ة  teh marbuta (only seen if the word was not normalized)
  [YEH], // ي  -i (my / relative adjective)
];

/** Every affix letter lies in U+0620…U+064F; flags over that block, indexed by (letter − U+0620). */
const LETTER_BASE = 0x0620;
function letterFlags(letters: readonly number[]): Uint8Array {
  const f = new Uint8Array(0x30);
  for (const c of letters) f[c - LETTER_BASE] = 1;
  return f;
}
function flagged(flags: Uint8Array, c: number): boolean {
  const i = c - LETTER_BASE;
  return i >= 0 && i < 0x30 && flags[i] === 1;
}

/** First letters of the prefixes: a word starting with anything else keeps its start. */
const PREFIX_FIRST_LETTERS = letterFlags(PREFIXES.map((p) => p[0]));

/** Last letters of the suffixes: once the word ends with anything else, no further suffix can match. */
const SUFFIX_LAST_LETTERS = letterFlags(SUFFIXES.map((s) => s[s.length - 1]));

/**
 * The length of the prefix Lucene's stemmer removes from an already normalized word (0 for none): the first of
 * ال وال بال كال فال لل و that starts it, by Lucene's startsWithCheckLength. Exact-form matching strips the same.
 */
export function prefixLength(word: string): number {
  const end = word.length;
  if (end >= 3 && flagged(PREFIX_FIRST_LETTERS, word.charCodeAt(0))) {
    for (let p = 0; p < PREFIXES.length; p++) {
      const pre = PREFIXES[p];
      const k = pre.length;
      if (k === 1 ? end < 4 : end < k + 2) continue; // و needs ≥ 4 units; the others leave ≥ 2
      let j = 0;
      while (j < k && word.charCodeAt(j) === pre[j]) j++;
      if (j === k) return k;
    }
  }
  return 0;
}

/**
 * The forms of an already normalized word that differ from it only in the prefix Lucene's stemmer removes: the word
 * without its prefix, then with each of ال وال بال كال فال لل و in its place (الرياض → رياض, الرياض, والرياض, …,
 * ورياض). Exact-form matching looks these up among the surface forms of an index.
 */
export function prefixForms(word: string): string[] {
  const core = word.slice(prefixLength(word));
  return [core, ...PREFIXES.map((p) => String.fromCharCode(...p) + core)];
}

/**
 * Lucene's `ArabicStemmer.stem` on an already normalized word: strip the first matching prefix of
 * ال وال بال كال فال لل و, then test each suffix of ها ان ات ون ين يه ية ه ة ي once, in that order.
 */
export function luceneStem(word: string): string {
  const start = prefixLength(word);
  let end = word.length;

  // Suffixes: Lucene's endsWithCheckLength, against the length left after the prefix. Compared from the last
  // letter back; once the last letter ends no suffix, none of the remaining ones can match.
  for (let s = 0; s < SUFFIXES.length && end - start >= 3; s++) {
    if (!flagged(SUFFIX_LAST_LETTERS, word.charCodeAt(end - 1))) break;
    const suf = SUFFIXES[s];
    const k = suf.length;
    if (end - start < k + 2) continue; // at least 2 units must remain
    let j = k - 1;
    while (j >= 0 && word.charCodeAt(end - k + j) === suf[j]) j--;
    if (j < 0) end -= k;
  }

  return start === 0 && end === word.length ? word : word.slice(start, end);
}
