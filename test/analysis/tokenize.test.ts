import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, Tokenizer, type TokenizeOptions, useQuranicRules } from '../../src/analysis/tokenize.js';
import { normalize } from '../../src/normalize/index.js';
import { arabicHeavyString } from '../helpers/arbitraries.js';
import { assertProperty, runs } from '../helpers/runs.js';

const terms = (s: string) => tokenize(s).map((t) => t.term);

describe('tokenize', () => {
  it('never splits a word at a diacritic', async () => {
    const text = 'قَرَأْتُ الكِتَابَ';
    expect(tokenize(text)).toEqual([
      { term: 'قرات', start: 0, end: 8, position: 0 },
      { term: 'الكتاب', start: 9, end: 18, position: 1 },
    ]);
  });
  it('separates on Arabic and ASCII punctuation', async () => {
    expect(terms('نعم،لا؛ربما؟حسنا.(اذن)')).toEqual(['نعم', 'لا', 'ربما', 'حسنا', 'اذن']);
  });
  it('handles mixed Arabic/Latin text and digits', async () => {
    expect(terms('أطلقت Google نسخة ٢٠٢٤ من Android14')).toEqual(['اطلقت', 'google', 'نسخه', '2024', 'من', 'android14']);
  });
  it('keeps ZWNJ inside a word but trims invisible marks from token edges', async () => {
    const s = '\u200fمی\u200cخواهم\u200f';
    const [t] = tokenize(s);
    expect(t.term).toBe('ميخواهم');
    expect([t.start, t.end]).toEqual([1, 9]);
  });
  it('keeps trailing marks inside the span', async () => {
    const s = 'بِسْمِ';
    expect(tokenize(s)[0]).toMatchObject({ start: 0, end: s.length });
  });
  it('expands a lam-alef ligature inside a word and maps it back to one character', async () => {
    expect(tokenize('\ufedf\ufefc')).toEqual([{ term: 'للا', start: 0, end: 2, position: 0 }]);
  });
  it('splits a multi-word ligature into words that all map to it', async () => {
    const t = tokenize('محمد ﷺ');
    expect(t.map((x) => x.term)).toEqual(['محمد', 'صلي', 'الله', 'عليه', 'وسلم']);
    expect(t.slice(1).every((x) => x.start === 5 && x.end === 6)).toBe(true);
  });
  it('drops tokens that normalize to nothing and very long runs', async () => {
    expect(terms('ـــ ً كتاب')).toEqual(['كتاب']);
    expect(terms('ب'.repeat(300) + ' كتاب')).toEqual(['كتاب']);
  });
  it('treats astral letters as word characters and emoji as separators', async () => {
    expect(terms('𝐀𝐁 😀كتاب')).toEqual(['𝐀𝐁', 'كتاب']);
  });
  it('in letters mode (Lucene), digits and format characters separate', async () => {
    expect(tokenize('abc123 كتاب', { mode: 'letters', normalize: false }).map((t) => t.term)).toEqual(['abc', 'كتاب']);
  });
});

describe('tokenize: properties', () => {
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), arabicHeavyString(80));
  it('never throws; tokens are ordered, in bounds, non-empty, with consecutive positions', async () => {
    await assertProperty(
      fc.property(anyString, (s) => {
        const toks = tokenize(s);
        let prevEnd = 0;
        toks.forEach((t, i) => {
          expect(t.position).toBe(i);
          expect(t.term.length).toBeGreaterThan(0);
          expect(t.start).toBeGreaterThanOrEqual(Math.min(prevEnd, t.start));
          expect(t.start).toBeLessThan(t.end);
          expect(t.end).toBeLessThanOrEqual(s.length);
          prevEnd = t.end;
        });
      }),
      runs(3000),
    );
  });
  it('normalize(original.slice(start, end)) equals each token term', async () => {
    await assertProperty(
      fc.property(anyString, (s) => {
        for (const t of tokenize(s)) {
          const n = normalize(s.slice(t.start, t.end)).text;
          // A multi-word ligature (ﷺ) maps several words onto one character: the term is one of its words.
          if (n.includes(' ')) expect(n.split(' ')).toContain(t.term);
          else expect(n).toBe(t.term);
        }
      }),
      runs(3000),
    );
  });
});

// Qur'anic text (the `uthmani` option, on by default); words spelled as in Tanzil's Uthmani text (Tanzil Project,
// https://tanzil.net)
describe('tokenize: Qur\'anic text', () => {
  useQuranicRules(); // (the main entry registers them)
  const spans = (s: string, options?: Parameters<typeof tokenize>[1]) => tokenize(s, options).map((t) => [t.term, s.slice(t.start, t.end)]);

  it('splits the joined vocative into يا and the word, with spans inside the original word', () => {
    expect(spans('يَـٰٓأَيُّهَا ٱلنَّاسُ')).toEqual([
      ['يا', 'يَـٰٓ'],
      ['ايها', 'أَيُّهَا'],
      ['الناس', 'ٱلنَّاسُ'],
    ]);
    expect(spans('وَيَـٰقَوْمِ')).toEqual([
      ['ويا', 'وَيَـٰ'],
      ['قوم', 'قَوْمِ'],
    ]);
    // the tatweel after the vocative carries the next word's hamza
    expect(spans('يَـٰٓـَٔادَمُ')).toEqual([
      ['يا', 'يَـٰٓ'],
      ['ادم', 'ـَٔادَمُ'],
    ]);
    expect(spans('هَـٰٓأَنتُمْ')).toEqual([
      ['ها', 'هَـٰٓ'],
      ['انتم', 'أَنتُمْ'],
    ]);
    expect(tokenize('يَـٰٓأَيُّهَا').map((t) => t.position)).toEqual([0, 1]);
    // not a vocative: هٰذا, هٰؤلاء are one word; a word without the dagger alef is left whole
    expect(terms('هَـٰذَا هَـٰٓؤُلَآءِ يَقُولُ')).toEqual(['هذا', 'هولاء', 'يقول']);
    // indexes built before the option keep one word
    expect(tokenize('يَـٰٓأَيُّهَا', { uthmani: false }).length).toBe(1);
  });

  it('never makes a word of a pause mark, rub el hizb, sajdah or verse number, and leaves them out of words', () => {
    // pause marks as Tanzil writes them (separate) and as other texts do (attached)
    expect(spans('ٱلْهُدَىٰ ۖ وَٱلرَّحْمَةُ ۗ ۞ سَاجِدًا ۩')).toEqual([
      ['الهدي', 'ٱلْهُدَىٰ'],
      ['والرحمه', 'وَٱلرَّحْمَةُ'],
      ['ساجدا', 'سَاجِدًا'],
    ]);
    expect(spans('ٱلْهَدْيِۖ وَلَا')).toEqual([
      ['الهدي', 'ٱلْهَدْيِ'],
      ['ولا', 'وَلَا'],
    ]);
    // U+06DD END OF AYAH and ornate parentheses before the number
    expect(terms('ٱلرَّحِيمِ ۝١ ٱلْحَمْدُ ﴿٢﴾ رَبِّ')).toEqual(['الرحيم', 'الحمد', 'رب']);
    // numbers elsewhere stay words
    expect(terms('سنة ٢٠٢٦')).toEqual(['سنه', '2026']);
  });

  it('keeps a word with all its marks, small letters and tanween marks inside its span', () => {
    const text = 'جَنَّـٰتٍۢ تَجْرِى';
    expect(spans(text)).toEqual([
      ['جنات', 'جَنَّـٰتٍۢ'],
      ['تجري', 'تَجْرِى'],
    ]);
  });
});

// The snippet pass of an index without term vectors (`scanSpans`): the tokens' spans and positions without folding the
// words the table knows as plain, `scanRaw` for the rest; it must give exactly `scanRaw`'s.
describe('tokenize: scanSpans, spans without folding', () => {
  useQuranicRules();
  const configs: TokenizeOptions[] = [
    {},
    { mode: 'letters' },
    { normalize: false, mode: 'letters' }, // Lucene's chain: lower case only
    { uthmani: false },
    { diacritics: false, tatweel: false }, // marks and tatweel kept: nothing dropped, hamza pairs composed
    { maxTokenLength: 3 }, // long words skipped
  ];
  // the generator's pieces, and verse ends, ornate parentheses, rub el hizb, Latin and digit runs
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    arabicHeavyString(80),
    fc.array(fc.oneof(arabicHeavyString(6), fc.constantFrom('\u06dd١٢', '\ufd3e٣\ufd3f', '\u06de', 'Ali', 'ÉCOLE', '2026', 'ﷺ', 'يٰٓأَيُّهَا')), { maxLength: 12 }).map((a) => a.join(' ')),
  );
  const tokens = (tokenizer: Tokenizer, s: string, scan: 'raw' | 'spans', stopAt = -1) => {
    const out: number[][] = [];
    const sink = (start: number, end: number, position: number) => out.push([start, end, position]) > 0 && position === stopAt;
    if (scan === 'raw') tokenizer.scanRaw(s, (_b, _n, start, end, position) => sink(start, end, position));
    else tokenizer.scanSpans(s, sink);
    return out;
  };

  it('gives every token with the start, end and position scanRaw gives, whatever the table has seen (property)', async () => {
    await assertProperty(
      fc.property(text, fc.nat(20), (s, stopAt) => {
        for (const options of configs) {
          // a tokenizer shares its table with every other of its configuration: the first pass meets units never
          // seen, the second a table that knows every unit of the text
          const tokenizer = new Tokenizer(options);
          const first = tokens(tokenizer, s, 'spans');
          const want = tokens(tokenizer, s, 'raw');
          expect(first).toEqual(want);
          expect(tokens(tokenizer, s, 'spans')).toEqual(want);
          // stopped by its sink: the tokens up to that one
          expect(tokens(tokenizer, s, 'spans', stopAt)).toEqual(want.slice(0, stopAt + 1));
        }
      }),
      runs(3000),
    );
  });
});
