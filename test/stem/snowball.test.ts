import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stemmer as oramaArabicStemmer } from '@orama/stemmers/arabic';
import { snowballStem } from '../../src/stem/index.js';
import { compareColumn, describeOracle, type OracleRow, report } from './oracle-rows.js';

/** Strings built from the letters, affixes, marks and special forms the Snowball rules look at. */
const arabicHeavy = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'اأإآءؤئبتةسفكلمنهوىيعرد') },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'ال', 'بال', 'كال', 'لل', 'فا', 'وا', 'با', 'بب', 'كك', 'سي', 'ست', 'سن', 'سأ', 'يست', 'نست', 'تست',
          'أأ', 'أآ', 'أؤ', 'أا', 'أإ', 'كما', 'هما', 'كمو', 'تما', 'تمو', 'ات', 'ون', 'ين', 'ان', 'وا', 'تم',
        ),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0x064b, max: 0x0652 }).map((c) => String.fromCharCode(c)) }, // harakat
      { weight: 1, arbitrary: fc.integer({ min: 0xfe80, max: 0xfefc }).map((c) => String.fromCharCode(c)) }, // presentation forms, lam-alef
      { weight: 1, arbitrary: fc.constantFrom('\u0640', '\u0660', '\u0665', '\u0669', 'x', '\u0654') }, // tatweel, digits, other
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('snowballStem', () => {
  // Expected values worked out by hand from arabic.sbl's rules.
  it('strips the article and noun suffixes', () => {
    expect(snowballStem('الكتاب')).toBe('كتاب'); // Checks1: defined noun; Prefix_Step3a ال (length 6 > 4)
    expect(snowballStem('بالبيت')).toBe('بيت'); // Prefix_Step3a بال (length 6 > 5)
    expect(snowballStem('كتابة')).toBe('كتاب'); // Suffix_Noun_Step2c2 ة (length 5 ≥ 4)
    expect(snowballStem('مصطفى')).toBe('مصطفي'); // no suffix rule fits, so final ى → ي
  });

  it('strips verb suffixes', () => {
    expect(snowballStem('كتبوا')).toBe('كتب'); // Suffix_Verb_Step2b وا (length 5 ≥ 5)
    expect(snowballStem('والمكتبات')).toBe('والمكتبا'); // not "defined" (ال is not at the start): verb Step2a ت
  });

  it('normalizes first: harakat, tatweel, digits, presentation forms, lam-alef', () => {
    expect(snowballStem('كَتَبَ')).toBe('كتب');
    expect(snowballStem('كـتـب')).toBe('كتب');
    expect(snowballStem('١٢٣')).toBe('123'); // U+0661… → ASCII
    expect(snowballStem('ﻛﺘﺎﺏ')).toBe('كتاب'); // U+FEDB U+FE98 U+FE8E U+FE8F
    expect(snowballStem('\ufefb')).toBe('لا'); // U+FEFB LAM-ALEF ligature → ل ا
  });

  it('folds hamza last: a final carrier becomes ء, the others their letter', () => {
    expect(snowballStem('مبدأ')).toBe('مبدء'); // final أ → ء
    expect(snowballStem('أسئلة')).toBe('اسيل'); // ة off; أ → ا, ئ → ي
  });

  it('keeps Snowball semantics: longest match without fallback, moving cursor, kept deletions', () => {
    expect(snowballStem('ببيت')).toBe('ببي'); // بب is the longest match and fails length > 3: ب is not tried
    expect(snowballStem('يستخدم')).toBe('استخدم'); // Prefix_Step4_Verb يست → است
    expect(snowballStem('سيستخدم')).toBe('يستخدم'); // Step3_Verb سي → ي leaves the cursor at 1, so Step4 misses
    expect(snowballStem('أأكل')).toBe('اكل'); // Prefix_Step1 أأ → أ, then hamza folding
    expect(snowballStem('المؤمن')).toBe('موم'); // defined: Step1b drops ن though no Step2 rule follows
    expect(snowballStem('فالكتاب')).toBe('فالكتاب'); // فا blocks Prefix_Step2 and فال is no Step3a prefix
    expect(snowballStem('')).toBe('');
  });

  it('never throws, and leaves no harakat, tatweel, Arabic-Indic digits, presentation forms or hamza carriers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), arabicHeavy), (s) => {
        const out = snowballStem(s);
        expect(/[\u064b-\u0652\u0640\u0660-\u0669\ufe80-\ufefc\u0622-\u0626]/.test(out)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the generated Snowball JavaScript in @orama/stemmers on arbitrary Arabic-heavy strings', () => {
    fc.assert(
      fc.property(arabicHeavy, (s) => {
        expect(snowballStem(s)).toBe(oramaArabicStemmer(s));
      }),
      { numRuns: 20000 },
    );
  });
});

function checkSnowball(rows: readonly OracleRow[]): void {
  const res = compareColumn(rows, (r) => r.word, (r) => r.snowball, snowballStem);
  console.info(`[snowball oracle] snowball ${res.agree}/${res.checked} rows agree`);
  expect(report('snowball', res), 'snowballStem(word) vs snowball').toBe('');
}

describeOracle('Snowball', checkSnowball);
