// findTerm: before and after its hash table is built (after terms/256 lookups on one dictionary), it returns the
// term's id, for terms in the dictionary, and -1 for the others (checked against a linear search).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyTermIndex, type TermIndexData } from '../../src/segment/model.js';
import { findTerm } from '../../src/segment/dictionary.js';
import { report, runs } from '../helpers/runs.js';

function dictionary(words: string[]): TermIndexData {
  const terms = [...new Set(words)];
  const sorted = Uint32Array.from(terms.map((_, i) => i)).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  return { ...emptyTermIndex(), termsById: terms, sorted };
}

const word = fc.string({ unit: fc.constantFrom(...'ابتةثىءأ\u064e\u0651'), minLength: 0, maxLength: 6 });

describe('findTerm', () => {
  it('equals a linear search before and after the hash table is built', () => {
    const n = runs(200);
    fc.assert(
      fc.property(fc.array(word, { minLength: 0, maxLength: 600 }), fc.array(word, { maxLength: 20 }), (words, probes) => {
        const data = dictionary(words);
        // enough lookups to pass the table threshold (terms / 256), checked on every one
        const all = [...data.termsById, ...probes];
        for (let round = 0; round < 3; round++) {
          for (const w of all) expect(findTerm(data, w)).toBe(data.termsById.indexOf(w));
        }
      }),
      { numRuns: n },
    );
    report('findTerm equals a linear search (random dictionaries)', n);
  });

  it('finds every term of a large dictionary once hashed, and misses absent ones', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `ك${i.toString(36)}`);
    const data = dictionary(words);
    for (let i = 0; i < 40; i++) findTerm(data, 'absent'); // passes the threshold (5000 / 256 ≈ 20 lookups)
    for (let i = 0; i < words.length; i++) expect(data.termsById[findTerm(data, words[i])]).toBe(words[i]);
    expect(findTerm(data, 'كتاب')).toBe(-1);
    expect(findTerm(data, '')).toBe(-1);
  });
});
