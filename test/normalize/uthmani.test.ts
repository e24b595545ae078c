// Qur'anic (Uthmani) orthography → plain spelling (src/normalize/uthmani.ts). The Uthmani words below are spelled
// as in Tanzil's Uthmani text (Tanzil Project, https://tanzil.net), some also as the King Fahd Complex's QPC Hafs
// text encodes them (sukun U+06E1, open tanween U+08F0–U+08F2, no tatweel before the dagger alef).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan, useQuranicMaps } from '../../src/normalize/index.js';
import { tokenize } from '../../src/analysis/tokenize.js';
import { assertProperty, runs } from '../helpers/runs.js';

// (the main entry registers the rules; this file tests the normalizer alone)
useQuranicMaps();

const n = (s: string) => normalize(s).text;
const old = (s: string) => normalize(s, { uthmani: false }).text;

/** [Uthmani, plain spelling (as Simple Clean writes it), the normalized form both give]. */
const WORDS: [string, string, string][] = [
  ['ٱلصَّلَوٰةَ', 'الصلاة', 'الصلاه'], // و + dagger alef → ا
  ['ٱلْحَيَوٰةِ', 'الحياة', 'الحياه'],
  ['ٱلسَّمَـٰوَٰتِ', 'السماوات', 'السماوات'], // ـٰ → ا, وَٰ → وا
  ['ٱلْكِتَـٰبَ', 'الكتاب', 'الكتاب'],
  ['إِبْرَٰهِـۧمَ', 'إبراهيم', 'ابراهيم'], // small high yeh inside a word
  ['إِبْرَٰهِۦمَ', 'إبراهيم', 'ابراهيم'], // small yeh inside a word
  ['عَلَىٰ', 'على', 'علي'], // final ىٰ stays ى
  ['ٱلتَّوْرَىٰةَ', 'التوراة', 'التوراه'], // ىٰ before more letters → ا
  ['هَـٰذَا', 'هذا', 'هذا'], // the words plain spelling writes without the alef
  ['ذَٰلِكَ', 'ذلك', 'ذلك'],
  ['وَلَـٰكِنَّ', 'ولكن', 'ولكن'],
  ['أُو۟لَـٰٓئِكَ', 'أولئك', 'اوليك'],
  ['إِلَـٰهٌ', 'إله', 'اله'],
  ['ٱلرَّحْمَـٰنِ', 'الرحمن', 'الرحمن'],
  ['هَـٰٓؤُلَآءِ', 'هؤلاء', 'هولاء'],
  ['ٱلْمَلَـٰٓئِكَةُ', 'الملائكة', 'الملايكه'],
  ['ءَامَنُوا۟', 'آمنوا', 'امنوا'], // ءا before more letters → آ
  ['ٱلْقُرْءَانَ', 'القرآن', 'القران'],
  ['سَوْءَٰتِهِمَا', 'سوآتهما', 'سواتهما'],
  ['شَيْـًۭٔا', 'شيئا', 'شييا'], // hamza on a tatweel, seated
  ['بِـَٔايَـٰتِنَا', 'بآياتنا', 'باياتنا'],
  ['ٱلْـَٔـٰنَ', 'الآن', 'الان'],
  ['يَسْـَٔلُونَكَ', 'يسألونك', 'يسالونك'],
  ['ٱلسَّيِّـَٔاتِ', 'السيئات', 'السييات'],
  ['إِسْرَٰٓءِيلَ', 'إسرائيل', 'اسراييل'], // ء with a kasra → ئ
  ['يَسْتَهْزِءُونَ', 'يستهزئون', 'يستهزيون'],
  ['أَرَءَيْتُمْ', 'أرأيتم', 'ارايتم'],
  ['ءَأَنذَرْتَهُمْ', 'أأنذرتهم', 'اانذرتهم'],
  ['ٱلرُّءْيَا', 'الرؤيا', 'الرويا'],
  ['جَآءُو', 'جاءوا', 'جاءوا'], // final ءُو: the plural's alef
  ['رَءَا', 'رأى', 'راي'], // final ءَا → أى
  ['ٱلَّيْلِ', 'الليل', 'الليل'], // alef wasla + لّ + ي: the article's lam
  ['ٱلَّـٰتِى', 'اللاتي', 'اللاتي'],
  ['ٱلَّذِينَ', 'الذين', 'الذين'],
  ['بِهِۦ', 'به', 'به'], // final small yeh / waw: not written
  ['لَهُۥ', 'له', 'له'],
  ['دَاوُۥدَ', 'داوود', 'داوود'],
  ['نَبَؤُا۟', 'نبأ', 'نبا'], // ا۟ after ؤ
  ['جَزَٰٓؤُا۟', 'جزاء', 'جزاء'],
  ['ٱلرِّبَوٰا۟', 'الربا', 'الربا'],
  ['أُو۟لُوا۟', 'أولو', 'اولو'],
  ['لِشَا۟ىْءٍ', 'لشيء', 'لشيء'], // ا۟ inside a word
  ['مِا۟ئَةَ', 'مائة', 'مايه'],
  ['مَلَإِي۟هِۦ', 'ملئه', 'مليه'],
  ['يُحْىِ', 'يحيي', 'يحيي'], // ىِ after ح: the doubled yeh
  ['ٱلْهَدْىِ', 'الهدي', 'الهدي'],
];

/** The same words as QPC Hafs encodes them: other code points for sukun, tanween and madda, no tatweel. */
const QPC: [string, string][] = [
  ['ٱلۡكِتَٰبَ', 'الكتاب'],
  ['ٱلسَّمَٰوَٰتِ', 'السماوات'],
  ['شَيۡـٔٗا', 'شييا'],
  ['ءَامَنُواْ', 'امنوا'],
  ['ٱلرُّءۡيَا', 'الرويا'],
  ['ٱلۡمَلَٰٓئِكَةُ', 'الملايكه'],
  ['رَحِيمٌ\u200dۢ', 'رحيم'], // a joiner around a mark
];

describe('uthmani: Qur\'anic orthography meets plain spelling', () => {
  it('folds each Uthmani word and its plain spelling to one form', () => {
    for (const [uthmani, plain, both] of WORDS) {
      expect(n(uthmani), uthmani).toBe(both);
      expect(n(plain), plain).toBe(both);
    }
  });

  it('reads the encodings in use alike (QPC Hafs code points, joiners around marks)', () => {
    for (const [word, want] of QPC) expect(n(word), word).toBe(want);
  });

  it('is off in indexes written before it (uthmani: false is the old analysis)', () => {
    expect(old('ٱلصَّلَوٰةَ')).toBe('الصلوه');
    expect(old('ٱلْكِتَـٰبَ')).toBe('الكتب');
  });

  it('leaves unvocalized Modern Standard Arabic as it was', async () => {
    // letters (hamza included), Persian letters, digits, punctuation, spaces, joiners: no harakat, no Qur'anic marks
    const alphabet = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغـفقكلمنهوىيپچکگی٠١٢٣0123 ،.؟!\u200c'.split('');
    await assertProperty(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(n(s)).toBe(old(s));
        expect(tokenize(s)).toEqual(tokenize(s, { uthmani: false }));
      }),
      runs(2000),
    );
  });

  it('leaves vocalized Modern Standard Arabic as it was', () => {
    for (const w of ['قِرَاءَةٌ', 'إِجْرَاءَاتٌ', 'شَيْءٌ', 'سَمَاءٌ', 'مَسْأَلَةٌ', 'بَدْءًا', 'جُزْءًا', 'هَيْئَةٌ', 'مُرُوءَةٌ', 'عَلَى', 'مُوسَى', 'هَذَا', 'اللهُ', 'يَحْيَى']) {
      expect(n(w), w).toBe(old(w));
    }
  });

  it('is idempotent on Uthmani text and maps every word back to its whole original span', async () => {
    const words = WORDS.map((w) => w[0]).concat(QPC.map((w) => w[0]));
    await assertProperty(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), (picked) => {
        const text = picked.join(' ');
        const once = normalize(text);
        expect(n(once.text)).toBe(once.text);
        // each word normalizes alone as it does in the text, and its normalized span maps back to it whole
        let from = 0;
        let at = 0;
        for (const word of picked) {
          const alone = n(word);
          expect(once.text.slice(from, from + alone.length)).toBe(alone);
          expect(toOriginalSpan(once, from, from + alone.length)).toEqual([at, at + word.length]);
          from += alone.length + 1;
          at += word.length + 1;
        }
      }),
      runs(500),
    );
  });
});
