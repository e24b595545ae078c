/**
 * The Snowball Arabic stemmer (Assem Chelli & Abdelkrim Aries; as shipped in Snowball 2.2.0), reproduced exactly
 * in our own TypeScript and checked word for word against ../shared/oracles/arabic-stemmer-oracle.tsv.
 *
 * Outline of the algorithm (`stem` in the Snowball source):
 *   1. Checks1, on the RAW word: a word starting with بال/كال (length > 4) or ال/لل (length > 3) is a defined noun
 *      (is_verb off, is_defined on).
 *   2. Normalize_pre: delete harakat U+064B…U+0652 and tatweel, map Arabic-Indic digits to ASCII, map the
 *      presentation forms U+FE80…U+FEF4 to their letters and split the lam-alef ligatures U+FEF5…U+FEFC.
 *   3. Suffixes, working backwards from the end: the verb rules (unless defined), else the noun rules, else a final
 *      alef maksura ى becomes yeh ي.
 *   4. Prefixes, working forwards from a cursor that starts at 0 and moves past whatever a rule rewrote.
 *   5. Normalize_post: a final hamza carrier أ إ آ ؤ ئ becomes a bare hamza ء; the others fold to ا و ي.
 *
 * Snowball semantics kept exactly:
 *   - `among` picks the LONGEST listed affix that matches at the cursor; if that affix's length test fails the
 *     step fails (there is no fallback to a shorter affix).
 *   - The length tests compare the length of the whole current word (in UTF-16 units, like the JavaScript build)
 *     at the moment the step starts.
 *   - A failed alternative restores the cursor but NOT the text: a deletion made before the failure stays.
 *   - In the noun rules, the `next` fallback after Suffix_Noun_Step1a moves the cursor one letter left, so
 *     Suffix_Noun_Step3 then looks for its yeh ي one letter before the end.
 *   - Prefix steps run at the cursor left by the previous one (after أأ → أ it is 1, not 0).
 */
import { HAMZA, ALEF_MADDA, ALEF_HAMZA_ABOVE, WAW_HAMZA, ALEF_HAMZA_BELOW, YEH_HAMZA, ALEF, BEH, TEH_MARBUTA, TEH, SEEN, TATWEEL, FEH, KAF, LAM, MEEM, NOON, HEH, WAW, ALEF_MAKSURA, YEH, FATHATAN, SUKUN } from '../normalize/letters.js';

// Other code points the rules name.
const DIGIT_ZERO = 0x0660; // U+0660 ARABIC-INDIC DIGIT ZERO ٠ (… U+0669 ٩ → ASCII '0'…'9')
const DIGIT_NINE = 0x0669;
const FORMS_FIRST = 0xfe80; // U+FE80 ARABIC LETTER HAMZA ISOLATED FORM ﺀ: first presentation form mapped
const FORMS_LAST = 0xfef4; // U+FEF4 ARABIC LETTER YEH MEDIAL FORM ﻴ: last single-letter form mapped
const LIGATURE_LAST = 0xfefc; // U+FEFC ARABIC LIGATURE LAM WITH ALEF FINAL FORM ﻼ: last ligature mapped

// ---------------------------------------------------------------------------------------------------------------
// Normalize_pre tables

/**
 * Presentation forms U+FE80…U+FEF4 → base letter, as runs of [first code point, how many forms, letter].
 * (Isolated / final / initial / medial forms; letters that do not join have only two.)
 */
const FORM_RUNS: readonly (readonly [number, number, number])[] = [
  [0xfe80, 1, HAMZA], // U+FE80 ﺀ → U+0621 HAMZA ء
  [0xfe81, 2, ALEF_MADDA], // U+FE81–FE82 ﺁ ﺂ → U+0622 ALEF WITH MADDA آ
  [0xfe83, 2, ALEF_HAMZA_ABOVE], // U+FE83–FE84 ﺃ ﺄ → U+0623 ALEF WITH HAMZA ABOVE أ
  [0xfe85, 2, WAW_HAMZA], // U+FE85–FE86 ﺅ ﺆ → U+0624 WAW WITH HAMZA ؤ
  [0xfe87, 2, ALEF_HAMZA_BELOW], // U+FE87–FE88 ﺇ ﺈ → U+0625 ALEF WITH HAMZA BELOW إ
  [0xfe89, 4, YEH_HAMZA], // U+FE89–FE8C ﺉ ﺊ ﺋ ﺌ → U+0626 YEH WITH HAMZA ئ
  [0xfe8d, 2, ALEF], // U+FE8D–FE8E ﺍ ﺎ → U+0627 ALEF ا
  [0xfe8f, 4, BEH], // U+FE8F–FE92 → U+0628 BEH ب
  [0xfe93, 2, TEH_MARBUTA], // U+FE93–FE94 ﺓ ﺔ → U+0629 TEH MARBUTA ة
  [0xfe95, 4, TEH], // U+FE95–FE98 → U+062A TEH ت
  [0xfe99, 4, 0x062b], // U+FE99–FE9C → U+062B THEH ث
  [0xfe9d, 4, 0x062c], // U+FE9D–FEA0 → U+062C JEEM ج
  [0xfea1, 4, 0x062d], // U+FEA1–FEA4 → U+062D HAH ح
  [0xfea5, 4, 0x062e], // U+FEA5–FEA8 → U+062E KHAH خ
  [0xfea9, 2, 0x062f], // U+FEA9–FEAA → U+062F DAL د
  [0xfeab, 2, 0x0630], // U+FEAB–FEAC → U+0630 THAL ذ
  [0xfead, 2, 0x0631], // U+FEAD–FEAE → U+0631 REH ر
  [0xfeaf, 2, 0x0632], // U+FEAF–FEB0 → U+0632 ZAIN ز
  [0xfeb1, 4, SEEN], // U+FEB1–FEB4 → U+0633 SEEN س
  [0xfeb5, 4, 0x0634], // U+FEB5–FEB8 → U+0634 SHEEN ش
  [0xfeb9, 4, 0x0635], // U+FEB9–FEBC → U+0635 SAD ص
  [0xfebd, 4, 0x0636], // U+FEBD–FEC0 → U+0636 DAD ض
  [0xfec1, 4, 0x0637], // U+FEC1–FEC4 → U+0637 TAH ط
  [0xfec5, 4, 0x0638], // U+FEC5–FEC8 → U+0638 ZAH ظ
  [0xfec9, 4, 0x0639], // U+FEC9–FECC → U+0639 AIN ع
  [0xfecd, 4, 0x063a], // U+FECD–FED0 → U+063A GHAIN غ
  [0xfed1, 4, FEH], // U+FED1–FED4 → U+0641 FEH ف
  [0xfed5, 4, 0x0642], // U+FED5–FED8 → U+0642 QAF ق
  [0xfed9, 4, KAF], // U+FED9–FEDC → U+0643 KAF ك
  [0xfedd, 4, LAM], // U+FEDD–FEE0 → U+0644 LAM ل
  [0xfee1, 4, MEEM], // U+FEE1–FEE4 → U+0645 MEEM م
  [0xfee5, 4, NOON], // U+FEE5–FEE8 → U+0646 NOON ن
  [0xfee9, 4, HEH], // U+FEE9–FEEC → U+0647 HEH ه
  [0xfeed, 2, WAW], // U+FEED–FEEE → U+0648 WAW و
  [0xfeef, 2, ALEF_MAKSURA], // U+FEEF–FEF0 → U+0649 ALEF MAKSURA ى
  [0xfef1, 4, YEH], // U+FEF1–FEF4 → U+064A YEH ي
];

/** Lam-alef ligatures U+FEF5…U+FEFC (isolated, final) → lam + the alef they carry. */
const LIGATURES: readonly string[] = [
  '\u0644\u0622', // U+FEF5 ﻵ → U+0644 LAM ل + U+0622 ALEF WITH MADDA آ
  '\u0644\u0622', // U+FEF6 ﻶ → ل آ
  '\u0644\u0623', // U+FEF7 ﻷ → U+0644 LAM ل + U+0623 ALEF WITH HAMZA ABOVE أ
  '\u0644\u0623', // U+FEF8 ﻸ → ل أ
  '\u0644\u0625', // U+FEF9 ﻹ → U+0644 LAM ل + U+0625 ALEF WITH HAMZA BELOW إ
  '\u0644\u0625', // U+FEFA ﻺ → ل إ
  '\u0644\u0627', // U+FEFB ﻻ → U+0644 LAM ل + U+0627 ALEF ا
  '\u0644\u0627', // U+FEFC ﻼ → ل ا
];

/** FORM_LETTER[c - U+FE80] = base letter of presentation form c (U+FE80…U+FEF4). */
const FORM_LETTER: Uint16Array = (() => {
  const t = new Uint16Array(FORMS_LAST - FORMS_FIRST + 1);
  for (const [first, count, letter] of FORM_RUNS) for (let i = 0; i < count; i++) t[first - FORMS_FIRST + i] = letter;
  return t;
})();

/** True when Normalize_pre changes code unit c. */
function preChanges(c: number): boolean {
  return (
    (c >= FATHATAN && c <= SUKUN) ||
    c === TATWEEL ||
    (c >= DIGIT_ZERO && c <= DIGIT_NINE) ||
    (c >= FORMS_FIRST && c <= LIGATURE_LAST)
  );
}

/**
 * Normalize_pre over a whole word. Writes the normalized units to B[0…) and returns the normalized string
 * (the word itself when nothing changes, which is the common case).
 */
function normalizePre(word: string): string {
  const n = word.length;
  if (B.length < 2 * n) B = new Uint16Array(2 * n + 32); // a lam-alef ligature becomes two units
  const b = B;
  let i = 0;
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    if (preChanges(c)) break;
    b[i] = c;
  }
  if (i === n) return word;
  let out = word.slice(0, i);
  let k = i; // units written to B
  let run = i; // start of the pending run of unchanged units
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    if (!preChanges(c)) {
      b[k++] = c;
      continue;
    }
    if (run < i) out += word.slice(run, i);
    run = i + 1;
    let to: string;
    if (c >= DIGIT_ZERO && c <= DIGIT_NINE) to = String.fromCharCode(c - DIGIT_ZERO + 0x30); // ٠…٩ → 0…9
    else if (c >= FORMS_FIRST && c <= FORMS_LAST) to = String.fromCharCode(FORM_LETTER[c - FORMS_FIRST]);
    else if (c > FORMS_LAST) to = LIGATURES[c - FORMS_LAST - 1];
    else continue; // harakat / tatweel: deleted
    out += to;
    for (let j = 0; j < to.length; j++) b[k++] = to.charCodeAt(j);
  }
  if (run < n) out += word.slice(run);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Affix tables. An affix is matched as a whole; `min` is the least word length (at the start of the step) for
// which the rule fires (Snowball's `len > n` is written here as min = n + 1); `to` is the replacement
// ('' = delete).

/** @internal */
interface Affix {
  readonly units: readonly number[];
  readonly min: number;
  readonly to: string;
}

/** Every affix letter lies in U+0620…U+064F, so an `among` is indexed by (letter − U+0620). */
const AMONG_BASE = 0x0620;
const AMONG_SIZE = 0x30;

/**
 * An `among` compiled for matching: affixes grouped by the letter tested first (the last one for a suffix),
 * chained longest first, so the first full match in a chain is the longest match.
 * @internal
 */
class Among {
  /** First affix (index) of each key letter's chain, or -1. */
  readonly head = new Int16Array(AMONG_SIZE).fill(-1);
  /** Per affix: its length, the 2nd and 3rd letters in matching order, min length, next in chain. */
  readonly len: Uint8Array;
  readonly u1: Uint16Array;
  readonly u2: Uint16Array;
  readonly min: Uint8Array;
  readonly next: Int16Array;
  readonly to: readonly string[];
  constructor(affixes: readonly Affix[], backward: boolean) {
    const n = affixes.length;
    this.len = new Uint8Array(n);
    this.u1 = new Uint16Array(n);
    this.u2 = new Uint16Array(n);
    this.min = new Uint8Array(n);
    this.next = new Int16Array(n).fill(-1);
    this.to = affixes.map((a) => a.to);
    const order = affixes.map((_, i) => i).sort((x, y) => affixes[y].units.length - affixes[x].units.length);
    const tail = new Int16Array(AMONG_SIZE).fill(-1);
    for (const i of order) {
      const u = backward ? [...affixes[i].units].reverse() : affixes[i].units;
      if (u.length > 3) throw new Error('affix longer than 3 letters');
      this.len[i] = u.length;
      this.u1[i] = u.length > 1 ? u[1] : 0;
      this.u2[i] = u.length > 2 ? u[2] : 0;
      this.min[i] = affixes[i].min;
      const key = u[0] - AMONG_BASE;
      if (key < 0 || key >= AMONG_SIZE) throw new Error('affix letter outside the among range');
      if (tail[key] < 0) this.head[key] = i;
      else this.next[tail[key]] = i;
      tail[key] = i;
    }
  }
}

/** A prefix (forward) or suffix (backward) `among`. */
function among(affixes: readonly Affix[], backward: boolean): Among {
  return new Among(affixes, backward);
}

/** keys[letter − U+0620] = 1 when some affix of the tables starts (prefix) or ends (suffix) with that letter. */
function keyLetters(tables: readonly Among[]): Uint8Array {
  const keys = new Uint8Array(AMONG_SIZE);
  for (const t of tables) for (let k = 0; k < AMONG_SIZE; k++) if (t.head[k] >= 0) keys[k] = 1;
  return keys;
}

/** Is c one of the key letters? */
function isKey(keys: Uint8Array, c: number): boolean {
  const k = c - AMONG_BASE;
  return k >= 0 && k < AMONG_SIZE && keys[k] === 1;
}

/** Affix from a string of letters (read in logical order), a minimum word length, and a replacement. */
function ax(letters: string, min: number, to = ''): Affix {
  const units: number[] = [];
  for (let i = 0; i < letters.length; i++) units.push(letters.charCodeAt(i));
  return { units, min, to };
}

// Checks1 (forward, raw word): the definite article marks a noun.
const CHECKS1 = among(
  [
    ax('\u0628\u0627\u0644', 5), // بال  BEH ALEF LAM (bi-l-, "with the"): length > 4
    ax('\u0643\u0627\u0644', 5), // كال  KAF ALEF LAM (ka-l-, "like the"): length > 4
    ax('\u0644\u0644', 4), // لل  LAM LAM (li-l-, "for the"): length > 3
    ax('\u0627\u0644', 4), // ال  ALEF LAM (al-, "the"): length > 3
  ],
  false,
);

// Prefix_Step1 (forward): doubled hamza-alef at the start.
const PREFIX_STEP1 = among(
  [
    ax('\u0623\u0623', 4, '\u0623'), // أأ  ALEF-HAMZA-ABOVE ×2 → أ
    ax('\u0623\u0622', 4, '\u0622'), // أآ  ALEF-HAMZA-ABOVE + ALEF-MADDA → آ
    ax('\u0623\u0624', 4, '\u0623'), // أؤ  ALEF-HAMZA-ABOVE + WAW-HAMZA → أ
    ax('\u0623\u0627', 4, '\u0627'), // أا  ALEF-HAMZA-ABOVE + ALEF → ا
    ax('\u0623\u0625', 4, '\u0625'), // أإ  ALEF-HAMZA-ABOVE + ALEF-HAMZA-BELOW → إ
  ],
  false,
);

// Prefix_Step2 (forward): conjunctions, unless followed by alef (فا / وا are kept).
const PREFIX_STEP2 = among(
  [
    ax('\u0641', 4), // ف  FEH (fa-, "so"): length > 3
    ax('\u0648', 4), // و  WAW (wa-, "and"): length > 3
  ],
  false,
);

// Prefix_Step3a_Noun (forward): definite article, possibly after a preposition.
const PREFIX_STEP3A_NOUN = among(
  [
    ax('\u0628\u0627\u0644', 6), // بال  BEH ALEF LAM (bi-l-): length > 5
    ax('\u0643\u0627\u0644', 6), // كال  KAF ALEF LAM (ka-l-): length > 5
    ax('\u0644\u0644', 5), // لل  LAM LAM (li-l-): length > 4
    ax('\u0627\u0644', 5), // ال  ALEF LAM (al-): length > 4
  ],
  false,
);

// Prefix_Step3b_Noun (forward): preposition bi-, unless followed by alef (با is kept).
const PREFIX_STEP3B_NOUN = among(
  [
    ax('\u0628', 4), // ب  BEH (bi-, "with"): length > 3, deleted
    ax('\u0628\u0628', 4, '\u0628'), // بب  BEH BEH → ب: length > 3
    ax('\u0643\u0643', 4, '\u0643'), // كك  KAF KAF → ك: length > 3
  ],
  false,
);

// Prefix_Step3_Verb (forward): future sa- before an imperfect prefix.
const PREFIX_STEP3_VERB = among(
  [
    ax('\u0633\u064a', 5, '\u064a'), // سي  SEEN YEH → ي: length > 4
    ax('\u0633\u062a', 5, '\u062a'), // ست  SEEN TEH → ت: length > 4
    ax('\u0633\u0646', 5, '\u0646'), // سن  SEEN NOON → ن: length > 4
    ax('\u0633\u0623', 5, '\u0623'), // سأ  SEEN ALEF-HAMZA-ABOVE → أ: length > 4
  ],
  false,
);

// Prefix_Step4_Verb (forward): imperfect of form X (istaf'ala) back to its perfect.
const PREFIX_STEP4_VERB = among(
  [
    ax('\u064a\u0633\u062a', 5, '\u0627\u0633\u062a'), // يست  YEH SEEN TEH → است: length > 4
    ax('\u0646\u0633\u062a', 5, '\u0627\u0633\u062a'), // نست  NOON SEEN TEH → است: length > 4
    ax('\u062a\u0633\u062a', 5, '\u0627\u0633\u062a'), // تست  TEH SEEN TEH → است: length > 4
  ],
  false,
);

// Suffix_Noun_Step1a (backward): attached pronouns on nouns.
const SUFFIX_NOUN_STEP1A = among(
  [
    ax('\u064a', 4), // ي  YEH (-i, "my"): length ≥ 4
    ax('\u0643', 4), // ك  KAF (-ka, "your"): length ≥ 4
    ax('\u0647', 4), // ه  HEH (-hu, "his"): length ≥ 4
    ax('\u0646\u0627', 5), // نا  NOON ALEF (-na, "our"): length ≥ 5
    ax('\u0643\u0645', 5), // كم  KAF MEEM (-kum, "your" pl.): length ≥ 5
    ax('\u0647\u0627', 5), // ها  HEH ALEF (-ha, "her"): length ≥ 5
    ax('\u0647\u0646', 5), // هن  HEH NOON (-hunna, "their" f.): length ≥ 5
    ax('\u0647\u0645', 5), // هم  HEH MEEM (-hum, "their"): length ≥ 5
    ax('\u0643\u0645\u0627', 6), // كما  KAF MEEM ALEF (-kuma, "your" dual): length ≥ 6
    ax('\u0647\u0645\u0627', 6), // هما  HEH MEEM ALEF (-huma, "their" dual): length ≥ 6
  ],
  true,
);

// Suffix_Noun_Step1b (backward): nunation / plural noon.
const SUFFIX_NOUN_STEP1B = among(
  [
    ax('\u0646', 6), // ن  NOON: length > 5
  ],
  true,
);

// Suffix_Noun_Step2a (backward): case / number vowels.
const SUFFIX_NOUN_STEP2A = among(
  [
    ax('\u0627', 5), // ا  ALEF: length > 4
    ax('\u064a', 5), // ي  YEH: length > 4
    ax('\u0648', 5), // و  WAW: length > 4
  ],
  true,
);

// Suffix_Noun_Step2b (backward): feminine sound plural.
const SUFFIX_NOUN_STEP2B = among(
  [
    ax('\u0627\u062a', 5), // ات  ALEF TEH (-at): length ≥ 5
  ],
  true,
);

// Suffix_Noun_Step2c1 (backward): open teh.
const SUFFIX_NOUN_STEP2C1 = among(
  [
    ax('\u062a', 4), // ت  TEH: length ≥ 4
  ],
  true,
);

// Suffix_Noun_Step2c2 (backward): feminine teh marbuta.
const SUFFIX_NOUN_STEP2C2 = among(
  [
    ax('\u0629', 4), // ة  TEH MARBUTA: length ≥ 4
  ],
  true,
);

// Suffix_Noun_Step3 (backward): relative (nisba) yeh.
const SUFFIX_NOUN_STEP3 = among(
  [
    ax('\u064a', 3), // ي  YEH (ya' nisba): length ≥ 3
  ],
  true,
);

// Suffix_Verb_Step1 (backward): object pronouns on verbs (applied repeatedly).
const SUFFIX_VERB_STEP1 = among(
  [
    ax('\u0647', 4), // ه  HEH (-hu, "him"): length ≥ 4
    ax('\u0643', 4), // ك  KAF (-ka, "you"): length ≥ 4
    ax('\u0646\u064a', 5), // ني  NOON YEH (-ni, "me"): length ≥ 5
    ax('\u0646\u0627', 5), // نا  NOON ALEF (-na, "us"): length ≥ 5
    ax('\u0647\u0627', 5), // ها  HEH ALEF (-ha, "her"): length ≥ 5
    ax('\u0647\u0645', 5), // هم  HEH MEEM (-hum, "them"): length ≥ 5
    ax('\u0647\u0646', 5), // هن  HEH NOON (-hunna, "them" f.): length ≥ 5
    ax('\u0643\u0645', 5), // كم  KAF MEEM (-kum, "you" pl.): length ≥ 5
    ax('\u0643\u0646', 5), // كن  KAF NOON (-kunna, "you" f. pl.): length ≥ 5
    ax('\u0647\u0645\u0627', 6), // هما  HEH MEEM ALEF (-huma, "them two"): length ≥ 6
    ax('\u0643\u0645\u0627', 6), // كما  KAF MEEM ALEF (-kuma, "you two"): length ≥ 6
    ax('\u0643\u0645\u0648', 6), // كمو  KAF MEEM WAW (-kumu): length ≥ 6
  ],
  true,
);

// Suffix_Verb_Step2a (backward): subject endings of perfect and imperfect.
const SUFFIX_VERB_STEP2A = among(
  [
    ax('\u062a', 4), // ت  TEH (-tu/-ta/-ti/-at): length ≥ 4
    ax('\u0627', 4), // ا  ALEF (-a, dual): length ≥ 4
    ax('\u0646', 4), // ن  NOON (-na, f. pl.): length ≥ 4
    ax('\u064a', 4), // ي  YEH (-i, f. sg.): length ≥ 4
    ax('\u0646\u0627', 5), // نا  NOON ALEF (-na, "we", past): length ≥ 5
    ax('\u062a\u0627', 5), // تا  TEH ALEF (-ta, f. dual, past): length ≥ 5
    ax('\u062a\u0646', 5), // تن  TEH NOON (-tunna, past): length ≥ 5
    ax('\u0627\u0646', 6), // ان  ALEF NOON (-ani, dual, present): length > 5
    ax('\u0648\u0646', 6), // ون  WAW NOON (-una, pl., present): length > 5
    ax('\u064a\u0646', 6), // ين  YEH NOON (-ina, f. sg., present): length > 5
    ax('\u062a\u0645\u0627', 6), // تما  TEH MEEM ALEF (-tuma, "you two", past): length ≥ 6
  ],
  true,
);

// Suffix_Verb_Step2b (backward).
const SUFFIX_VERB_STEP2B = among(
  [
    ax('\u0648\u0627', 5), // وا  WAW ALEF (-u, pl. with silent alef): length ≥ 5
    ax('\u062a\u0645', 5), // تم  TEH MEEM (-tum, "you" pl., past): length ≥ 5
  ],
  true,
);

// Suffix_Verb_Step2c (backward).
const SUFFIX_VERB_STEP2C = among(
  [
    ax('\u0648', 4), // و  WAW (-u): length ≥ 4
    ax('\u062a\u0645\u0648', 6), // تمو  TEH MEEM WAW (-tumu, before a pronoun): length ≥ 6
  ],
  true,
);

// Suffix_All_alef_maqsura (backward): a final ى is taken for a misspelt ي.
const SUFFIX_ALEF_MAKSURA = among(
  [
    ax('\u0649', 0, '\u064a'), // ى  ALEF MAKSURA → U+064A YEH ي (no length condition)
  ],
  true,
);

/**
 * Letters that can end a word some suffix rule changes: when the last letter is not one of them, every suffix step
 * fails at once and the suffix stage is skipped (a shortcut with exactly the same result).
 */
const SUFFIX_LAST_LETTERS = keyLetters([
  SUFFIX_NOUN_STEP1A, SUFFIX_NOUN_STEP1B, SUFFIX_NOUN_STEP2A, SUFFIX_NOUN_STEP2B, SUFFIX_NOUN_STEP2C1,
  SUFFIX_NOUN_STEP2C2, SUFFIX_NOUN_STEP3, SUFFIX_VERB_STEP1, SUFFIX_VERB_STEP2A, SUFFIX_VERB_STEP2B,
  SUFFIX_VERB_STEP2C, SUFFIX_ALEF_MAKSURA,
]);

/**
 * Letters that can start a word some prefix rule changes. When the first letter is not one of them, Prefix_Step1
 * and Prefix_Step2 fail, the cursor stays at 0, every later prefix step fails too, and the stage is skipped.
 */
const PREFIX_FIRST_LETTERS = keyLetters([
  PREFIX_STEP1, PREFIX_STEP2, PREFIX_STEP3A_NOUN, PREFIX_STEP3B_NOUN, PREFIX_STEP3_VERB, PREFIX_STEP4_VERB,
]);

// ---------------------------------------------------------------------------------------------------------------
// Working state. The current word is W[LO, HI), and B[LO, HI) holds the same UTF-16 units (rules read B, a typed
// array, and strings are only sliced out at the end); cursors are offsets from LO. Module-level so a stem call
// allocates only the strings it must build (the stemmer is not re-entrant and needs not be).

let W = '';
let LO = 0;
let HI = 0;
let B = new Uint16Array(64);

/** Replace units [a, b) of the current word (offsets from LO) by `to`; returns the new cursor a + to.length. */
function replace(a: number, b: number, to: string): number {
  const n = HI - LO;
  if (to.length === 0 && a === 0) LO += b;
  else if (to.length === 0 && b === n) HI = LO + a;
  else if (to.length === 1 && b - a === 2 && a === 0 && to.charCodeAt(0) === B[LO + 1]) LO += 1;
  else {
    // A change inside the word (rare): rebuild the string and its copy in B.
    W = W.slice(LO, LO + a) + to + W.slice(LO + b, HI);
    LO = 0;
    HI = W.length;
    for (let i = 0; i < HI; i++) B[i] = W.charCodeAt(i);
  }
  return a + to.length;
}

/** Forward `among` at cursor c: the index of the longest affix starting at c, or -1. */
function matchForward(t: Among, c: number): number {
  const n = HI - LO;
  if (c >= n) return -1;
  const p = LO + c;
  const key = B[p] - AMONG_BASE;
  if (key < 0 || key >= AMONG_SIZE) return -1;
  for (let i = t.head[key]; i >= 0; i = t.next[i]) {
    const len = t.len[i];
    if (c + len > n) continue;
    if (len === 1 || (B[p + 1] === t.u1[i] && (len === 2 || B[p + 2] === t.u2[i]))) return i;
  }
  return -1;
}

/** Forward `among` at the start of a string that is not the working word (Checks1 reads the raw word). */
function matchStart(t: Among, word: string): number {
  const n = word.length;
  if (n === 0) return -1;
  const key = word.charCodeAt(0) - AMONG_BASE;
  if (key < 0 || key >= AMONG_SIZE) return -1;
  for (let i = t.head[key]; i >= 0; i = t.next[i]) {
    const len = t.len[i];
    if (len > n) continue;
    if (len === 1 || (word.charCodeAt(1) === t.u1[i] && (len === 2 || word.charCodeAt(2) === t.u2[i]))) return i;
  }
  return -1;
}

/** Backward `among` ending at cursor c: the index of the longest affix ending at c, or -1. */
function matchBackward(t: Among, c: number): number {
  if (c <= 0) return -1;
  const p = LO + c - 1; // last unit before the cursor
  const key = B[p] - AMONG_BASE;
  if (key < 0 || key >= AMONG_SIZE) return -1;
  for (let i = t.head[key]; i >= 0; i = t.next[i]) {
    const len = t.len[i];
    if (len > c) continue;
    if (len === 1 || (B[p - 1] === t.u1[i] && (len === 2 || B[p - 2] === t.u2[i]))) return i;
  }
  return -1;
}

/**
 * One backward step at cursor c: `[substring] among (...)` followed by the matched rule's length test and
 * replacement. Returns whether the step succeeded.
 */
function suffixAt(t: Among, c: number): boolean {
  const i = matchBackward(t, c);
  if (i < 0 || HI - LO < t.min[i]) return false;
  const to = t.to[i];
  if (to.length === 0 && LO + c === HI) HI -= t.len[i];
  else replace(c - t.len[i], c, to);
  return true;
}

/** A backward step at the end of the word (where the cursor sits after every suffix deletion). */
function suffix(t: Among): boolean {
  return suffixAt(t, HI - LO);
}

/** One forward step at cursor c; returns the cursor after it, or -1 when the step fails. */
function prefixAt(t: Among, c: number): number {
  const i = matchForward(t, c);
  if (i < 0 || HI - LO < t.min[i]) return -1;
  return replace(c, c + t.len[i], t.to[i]);
}

/** Does the current word have `first` `second` at offset c? */
function pairAt(c: number, first: number, second: number): boolean {
  return c + 2 <= HI - LO && B[LO + c] === first && B[LO + c + 1] === second;
}

/**
 * The noun alternatives inside `try (...)` before Suffix_Noun_Step3. Returns how far left of the end the cursor is
 * left: 1 only when Step1a succeeded and none of the Step2 rules did (the `next` fallback).
 */
function nounSuffixes(isDefined: boolean): number {
  if (suffix(SUFFIX_NOUN_STEP2C2)) return 0;
  if (!isDefined && suffix(SUFFIX_NOUN_STEP1A)) {
    if (suffix(SUFFIX_NOUN_STEP2A) || suffix(SUFFIX_NOUN_STEP2B) || suffix(SUFFIX_NOUN_STEP2C1)) return 0;
    if (HI > LO) return 1; // `next`: step one letter back
    // (unreachable: Step1a leaves ≥ 3 letters) — the alternative fails and the next one is tried
  }
  // Step1b's deletion stays even when no Step2 rule follows it (Snowball does not undo text on failure).
  if (suffix(SUFFIX_NOUN_STEP1B) && (suffix(SUFFIX_NOUN_STEP2A) || suffix(SUFFIX_NOUN_STEP2B) || suffix(SUFFIX_NOUN_STEP2C1)))
    return 0;
  if (!isDefined && suffix(SUFFIX_NOUN_STEP2A)) return 0;
  suffix(SUFFIX_NOUN_STEP2B);
  return 0;
}

/** The verb suffix rules; returns whether the verb branch succeeded. */
function verbSuffixes(): boolean {
  if (suffix(SUFFIX_VERB_STEP1)) {
    while (suffix(SUFFIX_VERB_STEP1)) {
      // atleast 1: strip stacked object pronouns
    }
    if (suffix(SUFFIX_VERB_STEP2A) || suffix(SUFFIX_VERB_STEP2C) || HI > LO /* next */) return true;
  }
  return suffix(SUFFIX_VERB_STEP2B) || suffix(SUFFIX_VERB_STEP2A);
}

/** Normalize_post on the current word: final hamza carrier → ء, other carriers → their letter. */
function normalizePost(): string {
  const n = HI - LO;
  let i = 0;
  while (i < n && !isHamzaCarrier(B[LO + i])) i++;
  if (i === n) return LO === 0 && HI === W.length ? W : W.slice(LO, HI);
  let out = W.slice(LO, LO + i);
  let run = i;
  for (; i < n; i++) {
    const c = B[LO + i];
    if (!isHamzaCarrier(c)) continue;
    if (run < i) out += W.slice(LO + run, LO + i);
    run = i + 1;
    if (i === n - 1) out += '\u0621'; // last letter أ إ آ ؤ ئ → U+0621 HAMZA ء
    else if (c === WAW_HAMZA) out += '\u0648'; // U+0624 ؤ → U+0648 WAW و
    else if (c === YEH_HAMZA) out += '\u064a'; // U+0626 ئ → U+064A YEH ي
    else out += '\u0627'; // U+0622 آ, U+0623 أ, U+0625 إ → U+0627 ALEF ا
  }
  if (run < n) out += W.slice(LO + run, HI);
  return out;
}

/** U+0622 آ, U+0623 أ, U+0624 ؤ, U+0625 إ, U+0626 ئ: the letters Normalize_post folds. */
function isHamzaCarrier(c: number): boolean {
  return c >= ALEF_MADDA && c <= YEH_HAMZA;
}

/** The prefix stage: each step runs at the cursor the previous one left. */
function prefixes(isVerb: boolean): void {
  let c = 0;
  const c1 = prefixAt(PREFIX_STEP1, c); // try Prefix_Step1
  if (c1 >= 0) c = c1;
  if (!pairAt(c, FEH, ALEF) && !pairAt(c, WAW, ALEF)) {
    // try Prefix_Step2 (not فا, not وا)
    const c2 = prefixAt(PREFIX_STEP2, c);
    if (c2 >= 0) c = c2;
  }
  if (prefixAt(PREFIX_STEP3A_NOUN, c) < 0) {
    const c3b = pairAt(c, BEH, ALEF) ? -1 : prefixAt(PREFIX_STEP3B_NOUN, c); // not با
    if (c3b < 0 && isVerb) {
      const c3 = prefixAt(PREFIX_STEP3_VERB, c); // try Prefix_Step3_Verb
      if (c3 >= 0) c = c3;
      prefixAt(PREFIX_STEP4_VERB, c);
    }
  }
}

/** Stem one word with the Snowball Arabic stemmer (the word may carry harakat, tatweel, presentation forms). */
export function snowballStem(word: string): string {
  // 1. Checks1 on the raw word (before Normalize_pre): a test only, the word is not changed.
  let isVerb = true;
  let isDefined = false;
  const article = matchStart(CHECKS1, word);
  if (article >= 0 && word.length >= CHECKS1.min[article]) {
    isVerb = false;
    isDefined = true;
  }

  // 2. Normalize_pre.
  W = normalizePre(word);
  LO = 0;
  HI = W.length;

  // 3. Suffixes (backwards from the end).
  if (HI > LO && isKey(SUFFIX_LAST_LETTERS, B[HI - 1]) && !(isVerb && verbSuffixes())) {
    // is_noun is always set at this point.
    const back = nounSuffixes(isDefined);
    if (!suffixAt(SUFFIX_NOUN_STEP3, HI - LO - back)) suffix(SUFFIX_ALEF_MAKSURA);
  }

  // 4. Prefixes (forwards from a moving cursor).
  if (HI > LO && isKey(PREFIX_FIRST_LETTERS, B[LO])) prefixes(isVerb);

  // 5. Normalize_post.
  return normalizePost();
}
