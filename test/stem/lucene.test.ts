import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { luceneNormalize, luceneStem } from '../../src/stem/index.js';
import { compareColumn, describeOracle, type OracleRow, report } from './oracle-rows.js';

/** Strings made mostly of the letters, marks and affixes the Lucene rules look at. */
const arabicHeavy = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'اأإآءؤئبتةثجحخدذرزسشصضطظعغفقكلمنهوىيـ'),
      fc.constantFrom('ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و', 'ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية'),
      fc.integer({ min: 0x064b, max: 0x0652 }).map((c) => String.fromCharCode(c)), // harakat
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('luceneNormalize', () => {
  it('folds alef forms, alef maksura and teh marbuta', () => {
    expect(luceneNormalize('أحمد')).toBe('احمد'); // U+0623 أ → ا
    expect(luceneNormalize('إسلام')).toBe('اسلام'); // U+0625 إ → ا
    expect(luceneNormalize('آمن')).toBe('امن'); // U+0622 آ → ا
    expect(luceneNormalize('مستشفى')).toBe('مستشفي'); // U+0649 ى → ي
    expect(luceneNormalize('مدرسة')).toBe('مدرسه'); // U+0629 ة → ه
  });

  it('deletes tatweel and harakat U+064B–U+0652', () => {
    expect(luceneNormalize('كـــتاب')).toBe('كتاب');
    expect(luceneNormalize('كَتَبَ')).toBe('كتب');
    expect(luceneNormalize('مُحَمَّدٌ')).toBe('محمد');
    expect(luceneNormalize('ًٌٍَُِّْ')).toBe('');
  });

  it("changes nothing else: hamza on waw/yeh, alef wasla, Qur'anic marks, Persian letters, presentation forms", () => {
    for (const w of ['مؤمن', 'سائل', 'ٱلرحمن', 'رحمٰن', '\u0670', 'ۖ', 'کتاب', 'ﻛﺘﺎﺏ', 'ﻻ', '٣', 'abc', '']) {
      expect(luceneNormalize(w)).toBe(w);
    }
    // Decomposed hamza: the combining U+0654 HAMZA ABOVE stays (it is outside U+064B–U+0652).
    expect(luceneNormalize('\u0627\u0654\u064e')).toBe('\u0627\u0654');
  });

  it('never throws, is idempotent, and leaves none of the folded units', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), arabicHeavy), (s) => {
        const n = luceneNormalize(s);
        expect(luceneNormalize(n)).toBe(n);
        expect(n.length).toBeLessThanOrEqual(s.length);
        expect(/[\u0622\u0623\u0625\u0629\u0640\u0649\u064b-\u0652]/.test(n)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('luceneStem', () => {
  // Expected values worked out from the rules (prefix: first of ال وال بال كال فال لل و, و needs ≥ 4 units,
  // the others leave ≥ 2; then ها ان ات ون ين يه ية ه ة ي in order, each leaving ≥ 2).
  it('removes one prefix and stacked suffixes', () => {
    expect(luceneStem('والمكتبات')).toBe('مكتب'); // وال, then ات
    expect(luceneStem('الكتاب')).toBe('كتاب'); // ال
    expect(luceneStem('بالقلم')).toBe('قلم'); // بال
    expect(luceneStem('كالبحر')).toBe('بحر'); // كال
    expect(luceneStem('فالعلم')).toBe('علم'); // فال
    expect(luceneStem('للعلم')).toBe('علم'); // لل
    expect(luceneStem('وكتب')).toBe('كتب'); // و (4 units)
    expect(luceneStem('بيتها')).toBe('بيت'); // ها
    expect(luceneStem('علميون')).toBe('علم'); // ون, then ي (suffixes stack)
    expect(luceneStem('مدرسيه')).toBe('مدرس'); // يه (ه is tested after يه and no longer matches)
    expect(luceneStem('مدرسية')).toBe('مدرس'); // ية (unnormalized input)
  });

  it('applies the length conditions exactly', () => {
    expect(luceneStem('ولد')).toBe('ولد'); // و needs a word of ≥ 4 units
    expect(luceneStem('الم')).toBe('الم'); // ال needs ≥ 2 units left
    expect(luceneStem('الله')).toBe('له'); // ال leaves 2; then ه would leave 1
    expect(luceneStem('والد')).toBe('الد'); // وال would leave 1, so the later و applies instead
    expect(luceneStem('والدها')).toBe('دها'); // وال; then ها would leave 1 (lengths count after the prefix)
    expect(luceneStem('وجهات')).toBe('جه'); // و, ات; then ه would leave 1
    expect(luceneStem('بيان')).toBe('بي'); // ان; then ي would leave 1
    expect(luceneStem('ها')).toBe('ها');
    expect(luceneStem('')).toBe('');
  });

  it('never throws and returns a contiguous piece of its input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), arabicHeavy), (s) => {
        const out = luceneStem(s);
        expect(out.length).toBeLessThanOrEqual(s.length);
        expect(s.includes(out)).toBe(true);
        const n = luceneNormalize(s);
        const st = luceneStem(n);
        expect(st.length).toBeLessThanOrEqual(n.length);
        if (n.length >= 2) expect(st.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 5000 },
    );
  });
});

function checkLucene(rows: readonly OracleRow[]): void {
  const norm = compareColumn(rows, (r) => r.word, (r) => r.luceneNorm, luceneNormalize);
  const stem = compareColumn(rows, (r) => r.luceneNorm, (r) => r.luceneStem, luceneStem);
  console.info(
    `[lucene oracle] lucene_norm ${norm.agree}/${norm.checked}, lucene_stem ${stem.agree}/${stem.checked} rows agree`,
  );
  expect(report('lucene_norm', norm), 'luceneNormalize(word) vs lucene_norm').toBe('');
  expect(report('lucene_stem', stem), 'luceneStem(lucene_norm) vs lucene_stem').toBe('');
}

describeOracle('Lucene', checkLucene);
