// Typo expansion: its dictionary scan is capped like a prefix's (issue 15, item 3: `fuzzy: 2` on 32 long words
// scanned every term of a similar length, 277 ms at 50k paragraphs).
import { describe, expect, it } from 'vitest';
import { typos } from '../../src/query/typos.js';

const word = (term: string) => ({ term, surface: term, position: 0, prefix: false });

describe('typos', () => {
  it('examines max(64 × max, 4,096) terms, split among the lengths within reach, the most frequent of each', () => {
    // 5,000 six-letter terms far from مكتبات (df 5), between its frequent neighbour (df 9) and its rare one (df 1)
    const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const fill = Array.from({ length: 5000 }, (_, i) => `س${letters[i % 28]}${letters[Math.floor(i / 28) % 28]}${letters[Math.floor(i / 784)]}ظظ`);
    const terms = ['مكتبان', ...fill, 'مكتبال'];
    const df = [1, ...fill.map(() => 5), 9];
    const found = (max: number) => typos(terms, df, word('مكتبات'), 1, max).map((id) => terms[id]);
    expect(new Set(fill).size).toBe(5000);
    expect(found(50)).toEqual(['مكتبال']); // 1 edit, 3 lengths: 1,365 of 5,002 examined; the rare neighbour lies past them
    expect(found(300)).toEqual(['مكتبال', 'مكتبان']); // 6,400 of each length: all of them
  });
});
