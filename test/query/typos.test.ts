// Typo expansion: its dictionary scan is capped like a prefix's (issue 15, item 3: `fuzzy: 2` on 32 long words
// scanned every term of a similar length, 277 ms at 50k paragraphs).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedDistance, typos } from '../../src/query/typos.js';

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

/** Levenshtein distance, the textbook full table. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

describe('boundedDistance', () => {
  it('is the Levenshtein distance when that is at most k, else a number above k', () => {
    const word = fc.stringMatching(/^[بتثسمكا]{0,12}$/);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, k) => {
        const rows = () => new Int32Array(Math.max(a.length, b.length) + k + 2);
        const d = boundedDistance(a, b, k, rows(), rows());
        const exact = levenshtein(a, b);
        if (exact <= k) expect(d).toBe(exact);
        else expect(d).toBeGreaterThan(k);
      }),
      { numRuns: 2000 },
    );
  });
});
