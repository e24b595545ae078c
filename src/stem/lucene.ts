/**
 * Lucene's Arabic normalizer and light stemmer (Larkey, Ballesteros & Connell), reproduced exactly.
 *
 * `luceneNormalize` = `ArabicNormalizer`, `luceneStem` = `ArabicStemmer` as in Apache Lucene and Lucene++ 3.0.8:
 * the stemmer expects an already normalized word, as Lucene's `ArabicStemFilter` does after
 * `ArabicNormalizationFilter`. Both work on UTF-16 code units; letters outside the BMP never match any rule.
 * Checked word for word against ../shared/oracles/arabic-stemmer-oracle.tsv (test/stem/lucene.test.ts).
 */
import { ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF, TEH_MARBUTA, TATWEEL, HEH, ALEF_MAKSURA, YEH, FATHATAN, SUKUN } from '../normalize/letters.js'; // letters the normalizer's rules mention

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
 * Prefixes, tried in this order; the first that matches is removed (only one). Each is a string of code units
 * (written as escapes, each letter named: gzip packs strings smaller than arrays of numbers).
 * Lucene's length rule: a one-letter prefix needs a word of at least 4 units; the others need
 * at least 2 units left after removal.
 */
const PREFIXES: readonly string[] = [
  '\u0627\u0644', // ال  al-  (definite article): U+0627 ALEF, U+0644 LAM
  '\u0648\u0627\u0644', // وال  wal- (and the): U+0648 WAW + ال
  '\u0628\u0627\u0644', // بال  bil- (with/by the): U+0628 BEH + ال
  '\u0643\u0627\u0644', // كال  kal- (like the): U+0643 KAF + ال
  '\u0641\u0627\u0644', // فال  fal- (so the): U+0641 FEH + ال
  '\u0644\u0644', // لل  lil- (for the; lam + article with its alef dropped): U+0644 LAM twice
  '\u0648', // و  wa- (and): U+0648 WAW
];

/**
 * Suffixes, each tested once in this order against the end of the (shrinking) word; every one that matches
 * while at least 2 units would remain is removed, so several can stack (ات then ي, …).
 */
const SUFFIXES: readonly string[] = [
  '\u0647\u0627', // ها  -ha (her / its): U+0647 HEH, U+0627 ALEF
  '\u0627\u0646', // ان  -an (dual): ALEF, U+0646 NOON
  '\u0627\u062a', // ات  -at (feminine sound plural): ALEF, U+062A TEH
  '\u0648\u0646', // ون  -un (masculine sound plural, nominative): U+0648 WAW, NOON
  '\u064a\u0646', // ين  -in (masculine sound plural / dual, oblique): U+064A YEH, NOON
  '\u064a\u0647', // يه  -iyh (his, after yeh): YEH, HEH
  '\u064a\u0629', // ية  -iya (relative adjective, feminine; only seen if the word was not normalized): YEH, U+0629 TEH MARBUTA
  '\u0647', // ه  -h (his / normalized teh marbuta): HEH
  '\u0629', // ة  teh marbuta (only seen if the word was not normalized)
  '\u064a', // ي  -i (my / relative adjective): YEH
];

/** First letters of the prefixes (ا و ب ك ف ل): a word starting with anything else keeps its start. */
const PREFIX_FIRST_LETTERS = PREFIXES.map((p) => p[0]).join('');

/** Last letters of the suffixes (ا ن ت ه ة ي): once the word ends with anything else, no further suffix can match. */
const SUFFIX_LAST_LETTERS = SUFFIXES.map((s) => s[s.length - 1]).join('');

/**
 * The length of the prefix Lucene's stemmer removes from an already normalized word (0 for none): the first of
 * ال وال بال كال فال لل و that starts it, by Lucene's startsWithCheckLength. Exact-form matching strips the same.
 */
export function prefixLength(word: string): number {
  const end = word.length;
  if (end >= 3 && PREFIX_FIRST_LETTERS.includes(word[0])) {
    for (const pre of PREFIXES) {
      const k = pre.length;
      // و needs ≥ 4 units; the others leave ≥ 2
      if ((k === 1 ? end >= 4 : end >= k + 2) && word.startsWith(pre)) return k;
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
  return [core, ...PREFIXES.map((p) => p + core)];
}

/**
 * Lucene's `ArabicStemmer.stem` on an already normalized word: strip the first matching prefix of
 * ال وال بال كال فال لل و, then test each suffix of ها ان ات ون ين يه ية ه ة ي once, in that order.
 */
export function luceneStem(word: string): string {
  const start = prefixLength(word);
  let end = word.length;

  // Suffixes: Lucene's endsWithCheckLength, against the length left after the prefix (at least 2 units must remain);
  // once the last letter ends no suffix, none of the remaining ones can match.
  for (const suf of SUFFIXES) {
    if (end - start < 3 || !SUFFIX_LAST_LETTERS.includes(word[end - 1])) break;
    if (end - start >= suf.length + 2 && word.endsWith(suf, end)) end -= suf.length;
  }

  return start === 0 && end === word.length ? word : word.slice(start, end);
}
