import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/analysis/tokenize.js';
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
