// The interner: dense ids for code-unit sequences, the same id for the same word however it is looked up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/analysis/interner.js';
import { arabicHeavyString } from '../helpers/arbitraries.js';

const intern = (t: Interner, s: string) => t.intern(Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)), s.length);

describe('Interner', () => {
  it('gives dense ids in order of first sight, the same id again, and the string of each id', () => {
    fc.assert(
      fc.property(fc.array(arabicHeavyString(12), { maxLength: 400 }), (words) => {
        const t = new Interner();
        const expected = new Map<string, number>();
        for (const w of words) {
          if (!expected.has(w)) expected.set(w, expected.size);
          expect(intern(t, w)).toBe(expected.get(w));
        }
        expect(t.size).toBe(expected.size);
        expect(t.strings).toEqual([...expected.keys()]);
        for (const [w, id] of expected) expect(t.find(w)).toBe(id);
        expect(t.find('\u0000never')).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every id through growth (many words, long words, the empty word)', () => {
    const t = new Interner();
    const words = Array.from({ length: 20_000 }, (_, i) => `كلمة${i.toString(36)}`);
    words.push('', 'ب'.repeat(300));
    words.forEach((w, i) => expect(intern(t, w)).toBe(i));
    words.forEach((w, i) => expect(t.find(w)).toBe(i));
  });
});
