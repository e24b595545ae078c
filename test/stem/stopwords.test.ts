import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARABIC_STOPWORDS, LUCENE_STOPWORDS } from '../../src/stem/index.js';
import { sharedPath } from '../helpers/shared.js';

const LUCENE_FILE = sharedPath('oracles/lucene-stopwords.txt');

/** The folds of fahras normalization that a stopword must already show (a check, not the real normalizer). */
function fold(word: string): string {
  return word
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627') // أ إ آ ٱ → ا
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u0649/g, '\u064a') // ى → ي
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/\u0626/g, '\u064a') // ئ → ي
    .replace(/[\u064b-\u0652\u0640]/g, ''); // harakat, tatweel
}

describe('ARABIC_STOPWORDS', () => {
  it('has the question words (in normalized form)', () => {
    for (const w of ['ما', 'ماذا', 'من', 'متى', 'أين', 'كيف', 'كم', 'هل', 'لماذا']) {
      expect(ARABIC_STOPWORDS.has(fold(w)), w).toBe(true);
    }
  });

  it('has particles, pronouns, prepositions, demonstratives and relatives', () => {
    for (const w of ['في', 'على', 'إلى', 'عن', 'مع', 'هو', 'هي', 'نحن', 'أنا', 'هذا', 'هذه', 'ذلك', 'هؤلاء', 'أولئك', 'الذي', 'التي', 'الذين', 'لا', 'لم', 'لن', 'قد', 'و']) {
      expect(ARABIC_STOPWORDS.has(fold(w)), w).toBe(true);
    }
  });

  it('has no content words', () => {
    for (const w of ['كتاب', 'علم', 'الله', 'قال', 'يوم', 'ارض', 'رجل', 'مدرسه']) expect(ARABIC_STOPWORDS.has(w), w).toBe(false);
  });

  it('is moderate in size', () => {
    expect(ARABIC_STOPWORDS.size).toBeGreaterThanOrEqual(150);
    expect(ARABIC_STOPWORDS.size).toBeLessThanOrEqual(250);
  });

  it('is written in normalized form: no أ إ آ ٱ ة ى ؤ ئ, harakat or tatweel; Arabic letters only', () => {
    for (const w of ARABIC_STOPWORDS) {
      expect(w.length, 'empty entry').toBeGreaterThan(0);
      expect(/[\u0622\u0623\u0624\u0625\u0626\u0629\u0649\u0671\u064b-\u0652\u0640]/.test(w), w).toBe(false);
      expect(/^[\u0621-\u064a]+$/.test(w), w).toBe(true);
      expect(fold(w)).toBe(w);
    }
  });
});

describe('LUCENE_STOPWORDS', () => {
  it('has 120 members in raw spelling (removed before normalization)', () => {
    expect(LUCENE_STOPWORDS.size).toBe(120);
    expect(LUCENE_STOPWORDS.has('إلى')).toBe(true);
    expect(LUCENE_STOPWORDS.has('الى')).toBe(true);
    expect(LUCENE_STOPWORDS.has('على')).toBe(true);
    expect(LUCENE_STOPWORDS.has('علي')).toBe(false); // Lucene's list spells it only with ى
    expect(LUCENE_STOPWORDS.has('')).toBe(true); // Lucene++'s split of its stopword file leaves an empty member
  });

  it.skipIf(LUCENE_FILE === undefined)('is exactly the 120 lines of ../shared/oracles/lucene-stopwords.txt', () => {
    const lines = readFileSync(LUCENE_FILE!, 'utf8').split('\n');
    expect(lines.pop()).toBe(''); // the file ends with a newline
    expect(lines.length).toBe(120);
    expect(new Set(lines).size).toBe(120);
    expect([...LUCENE_STOPWORDS].sort()).toEqual([...lines].sort());
  });
});
