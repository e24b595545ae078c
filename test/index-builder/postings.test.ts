// The postings writer's internals that the model test cannot reach directly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortTermIds } from '../../src/index-builder/postings.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

const byString = (terms: string[], ids: number[]) => ids.slice().sort((x, y) => (terms[x] < terms[y] ? -1 : terms[x] > terms[y] ? 1 : 0));

describe('sortTermIds', () => {
  it('orders ids as string comparison does (property)', async () => {
    // few distinct units and long shared prefixes, so every path of the radix sort runs
    const unit = fc.constantFrom('ا', 'ل', 'م', 'a', '\u0000', '\uffff', '\ud83d');
    // duplicates too: Lucene's normalizer can give two words one surface form
    const termsArb = fc.array(fc.array(unit, { maxLength: 12 }).map((u) => u.join('')), { maxLength: 300 });
    await assertProperty(
      fc.property(termsArb, fc.integer({ min: 0, max: 5 }), (terms, skip) => {
        const ids = [];
        for (let i = skip; i < terms.length; i++) ids.push(i);
        const got = Uint32Array.from(ids);
        sortTermIds(got, terms);
        expect(Array.from(got)).toEqual(byString(terms, ids));
      }),
      runs(300),
    );
    report('sortTermIds orders', runs(300));
  });

  it('gives the same order in a scratch buffer of any size, leaving the ids outside it untouched (property)', async () => {
    const unit = fc.constantFrom('ا', 'ل', 'م', 'a', '\u0000', '\uffff');
    const termsArb = fc.array(fc.array(unit, { maxLength: 10 }).map((u) => u.join('')), { maxLength: 200 });
    await assertProperty(
      fc.property(termsArb, fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 3 }), (terms, size, offset) => {
        const ids = Uint32Array.from(terms.map((_, i) => i));
        const scratch = new Uint32Array(new ArrayBuffer(4 * (size + offset)), 4 * offset, size).fill(7);
        sortTermIds(ids, terms, scratch);
        expect(Array.from(ids)).toEqual(byString(terms, terms.map((_, i) => i)));
      }),
      runs(200),
    );
  });

  it('keeps equal terms in id order, as a stable sort does', () => {
    const terms = ['ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا', 'ب', 'ا'];
    const ids = terms.map((_, i) => i);
    const got = Uint32Array.from(ids);
    sortTermIds(got, terms);
    expect(Array.from(got)).toEqual(byString(terms, ids));
  });

  it('sorts a large dictionary sharing a long prefix', () => {
    const terms: string[] = [];
    for (let i = 0; i < 5000; i++) terms.push('وال'.repeat(40) + ((i * 7919) % 5000).toString(36));
    const ids = terms.map((_, i) => i);
    const got = Uint32Array.from(ids);
    sortTermIds(got, terms);
    expect(Array.from(got)).toEqual(byString(terms, ids));
  });
});
