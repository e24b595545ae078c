// Qur'anic (Uthmani) orthography → plain (imla'i) spelling: the rules that need a character's neighbours. Each is
// keyed on a character only Qur'anic text writes this way (the dagger alef U+0670, hamza above a tatweel, alef
// wasla U+0671, small waw/yeh U+06E5/U+06E6/U+06E7, the silent-letter mark U+06DF) or on a standalone hamza ء with
// the harakat of vocalized text, so unvocalized Modern Standard Arabic never meets them (the one exception, ءا
// before more letters, is spelled آ in imla'i). `foldRange` calls `foldUthmani` (through `QuranicCharMap.expand`)
// for each character the map marks CONTEXT; neighbours are read in the original text, skipping marks (harakat, Qur'anic marks, tatweel, invisible
// joiners), so every encoding in use gives the same letters (Tanzil, the King Fahd Complex's QPC Hafs text: other
// code points for sukun U+06E1, tanween U+08F0–U+08F2, madda U+06E4, a tatweel or not before the dagger alef).
import type { Scratch } from './normalize.js';
import { CharMap, CONTEXT, UNKNOWN, useCharMaps } from './rules.js';

/** A letter's replacement out of context (`QuranicCharMap.plain`). */
type PlainFold = (c: number) => number;

/** U+0670 ARABIC LETTER SUPERSCRIPT ALEF (dagger alef) ٰ */
const DAGGER_ALEF = 0x0670;
const HAMZA = 0x0621; // U+0621 ARABIC LETTER HAMZA ء
const ALEF_MADDA = 0x0622; // U+0622 ALEF WITH MADDA ABOVE آ
const ALEF_HAMZA = 0x0623; // U+0623 ALEF WITH HAMZA ABOVE أ
const ALEF_HAMZA_BELOW = 0x0625; // U+0625 ALEF WITH HAMZA BELOW إ
const WAW_HAMZA = 0x0624; // U+0624 WAW WITH HAMZA ABOVE ؤ
const YEH_HAMZA = 0x0626; // U+0626 YEH WITH HAMZA ABOVE ئ
const ALEF = 0x0627; // U+0627 ALEF ا
const DHAL = 0x0630; // U+0630 DHAL ذ
const TATWEEL = 0x0640; // U+0640 TATWEEL ـ
const KAF = 0x0643; // U+0643 KAF ك
const LAM = 0x0644; // U+0644 LAM ل
const MEEM = 0x0645; // U+0645 MEEM م
const NOON = 0x0646; // U+0646 NOON ن
const HEH = 0x0647; // U+0647 HEH ه
const WAW = 0x0648; // U+0648 WAW و
const ALEF_MAKSURA = 0x0649; // U+0649 ALEF MAKSURA ى
const YEH = 0x064a; // U+064A YEH ي
const HAH = 0x062d; // U+062D HAH ح
const FEH = 0x0641; // U+0641 FEH ف
const YEH_HAMZA_ABOVE_MARK = 0x0654; // U+0654 HAMZA ABOVE ٔ
const ALEF_WASLA = 0x0671; // U+0671 ALEF WASLA ٱ
const SILENT = 0x06df; // U+06DF SMALL HIGH ROUNDED ZERO ۟ (the letter under it is not pronounced)

/**
 * The characters `foldUthmani` decides in context (QuranicCharMap marks them CONTEXT when the `uthmani` option is on):
 * U+0670 dagger alef ٰ (unless the `superscriptAlef` option asks for alef or keep), U+0654 hamza above ٔ (on a
 * tatweel, a hamza seat), U+0621 hamza ء, U+0671 alef wasla ٱ, U+06E5 small waw ۥ, U+06E6 small yeh ۦ, U+06E7 small high yeh ۧ, U+08F3 small high
 * waw ࣳ, U+06DF small high rounded zero ۟, U+0650 kasra ِ (on a final ى), and the vowel marks the hamza rules read:
 * U+064E fatha َ, U+064F damma ُ, U+0652 sukun ْ, U+06E1 small high dotless head of khah ۡ (QPC's sukun).
 */
// (with the tanween marks U+064B–U+064D and QPC's U+08F0–U+08F2, which the hamza rules read as vowels: a word holding
// one must take the rules' path in the tokenizer as in normalize())
const UTHMANI_CONTEXT = '\u0670\u0654\u0621\u0671\u06e5\u06e6\u06e7\u08f3\u06df\u0650\u064e\u064f\u0652\u06e1\u064b\u064c\u064d\u08f0\u08f1\u08f2';

/**
 * Marks between letters: harakat and hamza/madda marks U+064B–U+065F, dagger alef U+0670, Arabic signs
 * U+0610–U+061A, Qur'anic marks U+06D6–U+06ED and U+08CA–U+08FF, tatweel U+0640, and the invisible U+034F CGJ,
 * U+200C ZWNJ, U+200D ZWJ some encodings put around marks. As ranges.
 */
const MARKS = '\u064b\u065f\u0670\u0670\u0610\u061a\u06d6\u06ed\u08ca\u08ff\u0640\u0640\u034f\u034f\u200c\u200d';

function isMark(c: number): boolean {
  for (let k = 0; k < MARKS.length; k += 2) if (c >= MARKS.charCodeAt(k) && c <= MARKS.charCodeAt(k + 1)) return true;
  return false;
}

/** An Arabic letter: U+0621–U+064A but tatweel, U+0671–U+06D3 (alef wasla and the extended letters). */
function isLetter(c: number): boolean {
  return (c >= HAMZA && c <= YEH && c !== TATWEEL) || (c >= ALEF_WASLA && c <= 0x06d3);
}

/** The index of the letter before `i` in `[start, i)`, skipping marks, or -1 when a non-letter (or nothing) comes first. */
function letterBefore(text: string, i: number, start: number): number {
  let j = i - 1;
  while (j >= start && isMark(text.charCodeAt(j))) j--;
  return j >= start && isLetter(text.charCodeAt(j)) ? j : -1;
}

/** The index of the letter after `i` in `(i, end)`, skipping marks, or -1 when a non-letter (or nothing) comes first. */
function letterAfter(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end && isMark(text.charCodeAt(j))) j++;
  return j < end && isLetter(text.charCodeAt(j)) ? j : -1;
}

/** The letter at `j`, or 0 when `j` is -1. */
function at(text: string, j: number): number {
  return j < 0 ? 0 : text.charCodeAt(j);
}

/** Whether mark `a` or `b` is in `text[from, to)`. */
function hasMark(text: string, from: number, to: number, a: number, b: number): boolean {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === a || c === b) return true;
  }
  return false;
}

const KASRA = 0x0650; // U+0650 KASRA ِ (U+064D KASRATAN ٍ is KASRA - 3)
const DAMMA = 0x064f; // U+064F DAMMA ُ (U+064C DAMMATAN ٌ is DAMMA - 3)
const SHADDA = 0x0651; // U+0651 SHADDA ّ
const FATHA = 0x064e; // U+064E FATHA َ (U+064B FATHATAN ً is FATHA - 3)

/** The marks after the letter at `j`: where the next non-mark character is (or `end`). */
function marksEnd(text: string, j: number, end: number): number {
  let k = j + 1;
  while (k < end && isMark(text.charCodeAt(k))) k++;
  return k;
}

/**
 * The dagger alef at `i` where plain spelling writes no alef: U+0647 HEH ه before ذ or a hamza (هٰذا, هٰؤلاء,
 * هٰأنتم), U+0630 DHAL ذ before ل (ذٰلك), U+0644 LAM ل before ك at a word's start or after و/ف (لٰكن), after و before
 * ئ (أولٰئك), after إ/ء before ه (إلٰه) or after ل before ه (اللّٰه), U+0645 MEEM م after ح before ن (الرحمٰن).
 */
function daggerSilent(text: string, p: number, start: number, q: number): boolean {
  const letter = at(text, p);
  const next = at(text, q);
  const pp = p < 0 ? -1 : letterBefore(text, p, start);
  const before = at(text, pp);
  if (letter === HEH) return next === DHAL || next === WAW_HAMZA || next === ALEF_HAMZA || next === HAMZA;
  if (letter === DHAL) return next === LAM;
  if (letter === MEEM) return before === HAH && next === NOON;
  if (letter !== LAM) return false;
  if (next === KAF) return pp < 0 || ((before === WAW || before === FEH) && letterBefore(text, pp, start) < 0);
  if (next === YEH_HAMZA) return before === WAW;
  return next === HEH && (before === ALEF_HAMZA_BELOW || before === HAMZA || before === LAM);
}

/** Whether a fatha, damma, kasra or sukun (U+064E–U+0652, QPC's U+06E1) or a dagger alef is in `text[from, to)`. */
function hasVowel(text: string, from: number, to: number): boolean {
  return hasMark(text, from, to, FATHA, DAMMA) || hasMark(text, from, to, KASRA, 0x0652) || hasMark(text, from, to, 0x06e1, DAGGER_ALEF);
}

/** Appends the folded form of letter `c` (one unit, or nothing when the options delete it). */
function emit(c: number, plain: PlainFold, buf: Uint16Array, n: number): number {
  const v = plain(c);
  if (v >= 0) buf[n++] = v;
  return n;
}

/**
 * Folds the CONTEXT character at `text[i]` (within `[start, end)`) into `buf` after its first `n` units, which it
 * may also rewrite (a waw that a dagger alef turns into alef). Returns the new length × 8 + the number of
 * characters after `i` it took in too (0–7: a final ءُو or ءَا is rewritten whole). Each unit it appends comes from
 * `i`, so the caller records `i` as its original offset: offsets stay monotone.
 */
function foldUthmani(text: string, i: number, start: number, end: number, plain: PlainFold, buf: Uint16Array, n: number): number {
  const q = text.charCodeAt(i) === HAMZA ? letterAfter(text, i, end) : -1;
  if (q > i && q - i < 8) {
    const last = text.charCodeAt(q);
    const p = letterBefore(text, i, start);
    const alefBefore = at(text, p) === ALEF || hasMark(text, p + 1, i, DAGGER_ALEF, DAGGER_ALEF);
    if (letterAfter(text, q, end) < 0) {
      // ء U+0621 HAMZA before a final letter: ءُو is the plural with the alef plain spelling adds (جَآءُو: جاءوا), ءَا
      // the final alef written ى, seated on أ, or on the line after a long a (رَءَا: رأى, تَرَٰٓءَا: تراءى)
      if (last === WAW && hasMark(text, i, q, DAMMA, DAMMA)) return emit(ALEF, plain, buf, emit(WAW, plain, buf, emit(HAMZA, plain, buf, n))) * 8 + q - i;
      if (last === ALEF && hasMark(text, i, q, FATHA, FATHA)) return emit(ALEF_MAKSURA, plain, buf, emit(alefBefore ? HAMZA : ALEF_HAMZA, plain, buf, n)) * 8 + q - i;
    } else if (at(text, p) !== ALEF && hasMark(text, i, q, FATHA, DAGGER_ALEF)) {
      // ءَا or ءَٰ before more letters (not after ا: إِجْرَاءَات) is آ U+0622 (ءَامَنُوا, ٱلْقُرْءَان, سَوْءَٰتِهِمَا), the
      // alef and its marks taken in
      if (last === ALEF) return emit(ALEF_MADDA, plain, buf, n) * 8 + q - i;
      if (hasMark(text, i, q, DAGGER_ALEF, DAGGER_ALEF)) return emit(ALEF_MADDA, plain, buf, n) * 8 + q - 1 - i;
    }
  }
  return foldInPlace(text, i, start, end, plain, buf, n) * 8;
}

/** `foldUthmani` for a character folded on its own: returns the new length. */
function foldInPlace(text: string, i: number, start: number, end: number, plain: PlainFold, buf: Uint16Array, n: number): number {
  const c = text.charCodeAt(i);
  const prev = i > start ? text.charCodeAt(i - 1) : 0;
  // the vowel marks a hamza rule reads (fatha, damma, sukun, QPC's sukun, the tanween marks) fold as ever; they are CONTEXT so that
  // the tokenizer folds a word holding one and ء again, with the rules (see `hamzaNeedsMark`)
  if (c === FATHA || c === DAMMA || c === 0x0652 || c === 0x06e1 || (c >= FATHA - 3 && c <= KASRA - 3) || (c >= 0x08f0 && c <= 0x08f2)) return emit(c, plain, buf, n);
  if (c === DAGGER_ALEF) {
    // ٰ on U+0648 WAW و (no haraka between: الصلوٰة, الحيوٰة) is the alef itself: و → ا; on U+0649 ALEF MAKSURA ى
    // too before more letters (تَرَىٰهُ → تراه), while a final ىٰ stays ى (عَلَىٰ, موسىٰ)
    if (prev === WAW || (prev === ALEF_MAKSURA && letterAfter(text, i, end) >= 0)) {
      if (n > 0) buf[n - 1] = plain(ALEF);
      return n;
    }
    if (prev === ALEF_MAKSURA) return n;
    // anywhere else ٰ (after a haraka or a tatweel: الكتٰب, السمـٰوٰت) is an alef plain spelling writes, but in the
    // few words it never writes it (daggerSilent)
    return daggerSilent(text, letterBefore(text, i, start), start, letterAfter(text, i, end)) ? n : emit(ALEF, plain, buf, n);
  }
  const p = letterBefore(text, i, start);
  const q = letterAfter(text, i, end);
  const before = at(text, p);
  const after = at(text, q);
  const longVowel = before === ALEF || before === WAW || before === YEH || before === ALEF_MAKSURA;
  if (c === YEH_HAMZA_ABOVE_MARK) {
    // ٔ U+0654 HAMZA ABOVE on U+0640 TATWEEL ـ (a hamza without a seat): the seat plain
    // spelling gives it — ئ after ي or with a kasra (ٱلسَّيِّـَٔات, شَيْـًٔا, ٱلْأَفْـِٔدَة), none before an alef
    // (بِـَٔايَـٰت: بآيات, ٱلْـَٔـٰن: الآن), ء after an alef (أَسَـٰٓـُٔوا: أساءوا), else ئ with a damma (مَسْـُٔولًا) and
    // أ with a fatha (يَسْـَٔلُون). Anywhere else it is a mark (deleted), and so before the word's first letter: a
    // word's leading tatweel is outside its span, so it cannot seat the word's first letter.
    let t = i - 1;
    while (t >= start && isMark(text.charCodeAt(t)) && text.charCodeAt(t) !== TATWEEL) t--;
    if (t < start || text.charCodeAt(t) !== TATWEEL || p < 0) return n;
    const marks = marksEnd(text, i, end);
    if (before === YEH || before === ALEF_MAKSURA || hasMark(text, t, marks, KASRA, KASRA - 3)) return emit(YEH_HAMZA, plain, buf, n);
    if (after === ALEF || hasMark(text, i, marks, DAGGER_ALEF, DAGGER_ALEF)) return n;
    if (before === ALEF || hasMark(text, p + 1, t, DAGGER_ALEF, DAGGER_ALEF)) return emit(HAMZA, plain, buf, n);
    return emit(hasMark(text, t, marks, DAMMA, DAMMA - 3) ? YEH_HAMZA : ALEF_HAMZA, plain, buf, n);
  }
  if (c === KASRA) {
    // ِ U+0650 KASRA on a final U+0649 ى (no shadda) after ح: the root ح-ي-ي's doubled yeh, written once (يُحْىِ,
    // يَسْتَحْىِ: يحيي, يستحيي); elsewhere a final ىِ is one yeh with its case ending (ٱلْهَدْىِ: الهدي)
    return prev === ALEF_MAKSURA && q < 0 && at(text, letterBefore(text, i - 1, start)) === HAH && !hasMark(text, i, marksEnd(text, i, end), SHADDA, SHADDA) ? emit(YEH, plain, buf, n) : emit(c, plain, buf, n);
  }
  if (c === HAMZA) {
    // ء U+0621 HAMZA on the line (ءا: see foldUthmani), where plain spelling seats it: vocalized, next to أ it is an
    // alef (ءَأَنذَرْتَهُمْ, أَءِذَا); inside a word with a kasra (its own, or the previous consonant's) ئ (إِسْرَٰٓءِيل,
    // يَسْتَهْزِءُون), with a fatha after a consonant أ (أَرَءَيْتُم)
    if ((before === ALEF_HAMZA || after === ALEF_HAMZA) && hasVowel(text, i, q)) return emit(ALEF_HAMZA, plain, buf, n);
    if (q >= 0 && p >= 0) {
      if (hasMark(text, i, q, KASRA, KASRA - 3) || (!longVowel && hasMark(text, p, i, KASRA, KASRA - 3))) return emit(YEH_HAMZA, plain, buf, n);
      if (!longVowel && hasMark(text, i, q, FATHA, FATHA)) return emit(ALEF_HAMZA, plain, buf, n);
      // with a sukun (U+0652, QPC's U+06E1) after a damma: ؤ (ٱلرُّءْيَا: الرؤيا)
      if (!longVowel && hasMark(text, p, i, DAMMA, DAMMA) && hasMark(text, i, q, 0x0652, 0x06e1)) return emit(WAW_HAMZA, plain, buf, n);
    }
    return emit(HAMZA, plain, buf, n);
  }
  if (c === ALEF_WASLA) {
    // ٱ U+0671 ALEF WASLA before لّ + ي or a dagger alef: the article's lam merged into the word's (ٱلَّيْل: الليل,
    // ٱلَّـٰتِى: اللاتي); every other ٱ is an alef
    n = emit(ALEF, plain, buf, n);
    const k = marksEnd(text, i + 1, end);
    if (at(text, i + 1) === LAM && hasMark(text, i + 2, k, SHADDA, SHADDA) && (at(text, k) === YEH || hasMark(text, i + 2, k, DAGGER_ALEF, DAGGER_ALEF))) n = emit(LAM, plain, buf, n);
    return n;
  }
  if (c === SILENT) {
    // ۟ U+06DF on a letter plain spelling does not write: an alef inside a word (لِشَا۟ىْءٍ: لشيء, لَأَا۟ذْبَحَنَّهُۥ);
    // a yeh after إ, which is then ئ (مَلَإِي۟هِۦ: ملئه); a final alef after ؤ (then أ after a consonant, ء after an
    // alef: نَبَؤُا۟: نبأ, جَزَٰٓؤُا۟: جزاء), after وٰ (ٱلرِّبَوٰا۟: الربا) or in a word with a silent waw (أُو۟لُوا۟: أولو)
    if (n < 2) return n;
    const w = letterBefore(text, i - 1, start);
    if (prev === YEH) return at(text, w) === ALEF_HAMZA_BELOW ? emit(YEH_HAMZA, plain, buf, n - 2) : n;
    if (prev !== ALEF) return n;
    if (q >= 0) return after === YEH_HAMZA ? n : n - 1; // (but مِا۟ئَة: مائة)
    if (at(text, w) === WAW_HAMZA) {
      const a = letterBefore(text, w, start);
      const alefBefore = at(text, a) === ALEF || hasMark(text, a + 1, w, DAGGER_ALEF, DAGGER_ALEF);
      return emit(alefBefore ? HAMZA : ALEF_HAMZA, plain, buf, n - 2); // in place of the ؤ and the alef
    }
    let s = w;
    while (s > start && (isLetter(text.charCodeAt(s - 1)) || isMark(text.charCodeAt(s - 1)))) s--;
    return at(text, w) === WAW && (hasMark(text, w, i, DAGGER_ALEF, DAGGER_ALEF) || text.slice(s, w).includes('\u0648\u06df')) ? n - 1 : n;
  }
  // ۥ U+06E5 SMALL WAW, ࣳ U+08F3 SMALL HIGH WAW, ۦ U+06E6 SMALL YEH, ۧ U+06E7 SMALL HIGH YEH: a letter inside a word
  // (داوۥد, إبرٰهۦم, ٱلنَّبِيِّـۧن); at its end the long vowel of a pronoun, not written (بِهِۦ, لَهُۥ)
  if (q < 0) return n;
  return emit(c === 0x06e5 || c === 0x08f3 ? WAW : YEH, plain, buf, n);
}

/**
 * The joined vocative and its kin: a word of U+064A YEH ي (after a و or ف) or U+0647 HEH ه, a dagger alef U+0670
 * with its marks, then the next word (يَـٰٓأَيُّهَا, وَيَـٰقَوْمِ, يَـٰٓـَٔادَمُ, and هَـٰٓأَنتُمْ before أ) is two words,
 * written apart in plain spelling (يا أيها, ويا قوم, ها أنتم). Returns where the second word starts, or -1.
 */
export function vocativeEnd(text: string, start: number, end: number): number {
  let j = start;
  let c = text.charCodeAt(j);
  if (c === WAW || c === FEH) c = text.charCodeAt((j = marksEnd(text, j, end)));
  if (c !== YEH && c !== HEH) return -1;
  // the marks up to the next letter, or up to a tatweel after the dagger alef (it carries the next word's hamza)
  let k = j + 1;
  let dagger = false;
  for (let m = text.charCodeAt(k); k < end && isMark(m) && !(dagger && m === TATWEEL); m = text.charCodeAt(++k)) dagger ||= m === DAGGER_ALEF;
  return dagger && (c === YEH ? letterAfter(text, k - 1, end) >= 0 : text.charCodeAt(k) === ALEF_HAMZA) ? k : -1;
}

/**
 * Qur'anic signs that are never words nor part of one, as ranges: the pause marks U+06D6–U+06DC ۖ ۗ ۘ ۙ ۚ ۛ ۜ,
 * U+06DE RUB EL HIZB ۞, U+06E9 PLACE OF SAJDAH ۩ (trimmed from a word's edges), and the verse ends U+06DD END OF
 * AYAH ۝, U+08E2 DISPUTED END OF AYAH, U+FD3E/U+FD3F ORNATE PARENTHESES ﴾ ﴿ around a number.
 */
const PAUSES = '\u06d6\u06dc\u06de\u06de\u06e9\u06e9';
const VERSE_ENDS = '\u06dd\u06dd\u08e2\u08e2\ufd3e\ufd3f';

function inRanges(c: number, ranges: string): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (c >= ranges.charCodeAt(k) && c <= ranges.charCodeAt(k + 1)) return true;
  return false;
}

/**
 * Characters only Qur'anic orthography writes: U+0671 ALEF WASLA ٱ, the Qur'anic annotation marks U+06D6–U+06ED
 * (small high ligatures and pause marks, ۝ END OF AYAH, ۞, small waw ۥ and yeh ۦ, ۩), the Qur'anic marks of Arabic
 * Extended-A U+08D3–U+08FF (open tanween U+08F0–U+08F2 and others), and U+0640 TATWEEL + U+0670 SUPERSCRIPT ALEF ـٰ
 * (the long a of ٱلْكِتَـٰب).
 */
const QURANIC_ORTHOGRAPHY = /[\u0671\u06d6-\u06ed\u08d3-\u08ff]|\u0640\u0670/;

/**
 * Whether `text` is written in Qur'anic orthography (any character of QURANIC_ORTHOGRAPHY): the builder records it
 * in the index (`quranic` in its configuration), so a reader without the rules refuses the index instead of
 * analyzing its queries differently.
 */
export function holdsQuranicOrthography(text: string): boolean {
  return QURANIC_ORTHOGRAPHY.test(text);
}

/** 1 for a sign that is never a word (a pause mark: trimmed from words), 2 for a verse end, 0 otherwise. */
export function signOf(c: number): number {
  return inRanges(c, PAUSES) ? 1 : inRanges(c, VERSE_ENDS) ? 2 : 0;
}

/** The length of the verse-end sign at `text[i]` with the verse number after it (before `len`). */
export function verseEndLength(text: string, i: number, len: number): number {
  // the sign and the verse number after it: digits U+0030–U+0039, U+0660–U+0669, U+06F0–U+06F9
  let j = i + 1;
  for (let c = text.charCodeAt(j); j < len && ((c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)); c = text.charCodeAt(++j));
  return j - i;
}

/**
 * The normalizer's table with the rules of Qur'anic orthography, when the `uthmani` option is on (otherwise it folds
 * as CharMap): the characters of UTHMANI_CONTEXT are CONTEXT, folded by `foldUthmani`. The main entry `fahras` makes
 * every table one (`useQuranicRules`, analysis/tokenize.ts); the search-only entries when given `fahras/quran`, and
 * without it they analyze as with `uthmani: false`.
 * @internal
 */
export class QuranicCharMap extends CharMap {
  /** The out-of-context replacements of the CONTEXT characters. */
  private readonly outOfContext = new Map<number, number>();

  /** Whether the rules apply (the `uthmani` option). */
  readonly inContext = this.options.uthmani;

  override lookup(c: number): number {
    const o = this.options;
    // U+0670 SUPERSCRIPT ALEF is decided in context unless `superscriptAlef` asks for alef or keep
    if (this.table[c] === UNKNOWN && this.inContext && UTHMANI_CONTEXT.includes(String.fromCharCode(c)) && (c !== DAGGER_ALEF || o.superscriptAlef === 'drop')) {
      this.outOfContext.set(c, super.lookup(c));
      this.table[c] = CONTEXT;
    }
    return super.lookup(c);
  }

  /** The replacement of `c` out of context: as `lookup`, but never CONTEXT. */
  readonly plain: PlainFold = (c) => {
    const v = this.lookup(c);
    return v === CONTEXT ? (this.outOfContext.get(c) as number) : v;
  };

  override expand(v: number, text: string, i: number, start: number, end: number, scratch: Scratch, n: number): number {
    if (v !== CONTEXT) return super.expand(v, text, i, start, end, scratch, n);
    // at most three units from the character, and room for the rest of the range
    scratch.ensure(n + 3 + (end - i));
    return foldUthmani(text, i, start, end, this.plain, scratch.buf, n);
  }
}

/** Makes every later normalizer table a {@link QuranicCharMap} (the tokenizer's registration calls it too). */
export function useQuranicMaps(): void {
  useCharMaps(QuranicCharMap);
}
