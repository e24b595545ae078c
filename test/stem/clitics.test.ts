// The clitic rules of src/stem/clitics.ts: which proclitic a stem loses when the vocabulary confirms the rest.
import { describe, expect, it } from 'vitest';
import { cliticRemainder, FOLD_PREFIXES } from '../../src/stem/clitics.js';

const vocabulary = (...words: string[]) => (w: string) => words.includes(w);

describe('cliticRemainder', () => {
  it('removes ب ل ك when the rest is a word of the vocabulary', () => {
    expect(cliticRemainder('لذراع', vocabulary('ذراع'))).toBe('ذراع');
    expect(cliticRemainder('بفتر', vocabulary('فتر'))).toBe('فتر');
    expect(cliticRemainder('كمدرس', vocabulary('مدرس'))).toBe('مدرس');
    expect(cliticRemainder('ليعف', vocabulary('يعف'))).toBe('يعف'); // لام الأمر (وليعفوا → ليعف)
  });

  it('keeps the word when the vocabulary lacks the rest, or too little would remain', () => {
    expect(cliticRemainder('كتاب', vocabulary('كتب'))).toBeUndefined();
    expect(cliticRemainder('بيد', vocabulary('يد'))).toBeUndefined(); // two letters left: too short to tell
    expect(cliticRemainder('مدرس', vocabulary('درس'))).toBeUndefined(); // م is no clitic
  });

  it('removes the article with its preposition whole, longest first (left after a conjunction)', () => {
    expect(cliticRemainder('بالمدرس', vocabulary('مدرس', 'المدرس'))).toBe('مدرس');
    expect(cliticRemainder('للمدرس', vocabulary('مدرس', 'لمدرس'))).toBe('مدرس');
  });

  it('asks the vocabulary about each candidate in order until one is there', () => {
    const asked: string[] = [];
    expect(cliticRemainder('بالمدرس', (w) => (asked.push(w), false))).toBeUndefined();
    expect(asked).toEqual(['مدرس', 'المدرس']);
    expect(FOLD_PREFIXES.every((p) => p.length >= 1 && /^[\u0628\u0641\u0643\u0644\u0627]+$/.test(p))).toBe(true);
  });
});
