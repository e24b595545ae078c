// Derivations and broken plurals (`fahras/derivations`, #18): the builder's derivation entries and the searcher's use
// of them, with and without the opt-in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex, loadIndex } from '../../src/index.js';
import { loadIndex as loadSearchIndex } from '../../src/search.js';
import { derivations } from '../../src/derivations.js';
import { derivationKey, isDerivationEntry } from '../../src/stem/skeleton.js';

const docs = [
  { id: 1, text: 'افتتحت المدارس الحكومية أبوابها في المدينة' },
  { id: 2, text: 'مدرسة خاصة في الحي الشمالي' },
  { id: 3, text: 'كتب الطالب رسالة إلى صديقه' },
  { id: 4, text: 'الكاتب نشر كتابا جديدا عن المدينة' },
  { id: 5, text: 'حديقة عامة قرب الملعب' },
];
const ids = (rs: { id: unknown }[]) => rs.map((r) => r.id);

describe('the skeleton of a stem', () => {
  it('drops ا و ي after the first letter and keeps 3+ letters', () => {
    expect(derivationKey('مدارس')).toBe(derivationKey('مدرس'));
    expect(derivationKey('حليم')).toBe(derivationKey('حلم'));
    expect(derivationKey('كاتب')).toBe(derivationKey('كتاب'));
    expect(derivationKey('اولاد')).toBe(derivationKey('الد')); // the first letter stays, whatever it is
    expect(derivationKey('سنو')).toBeUndefined(); // سن: too short
    expect(isDerivationEntry(derivationKey('مدرس')! + 'مدرس')).toBe(true);
    expect(isDerivationEntry('مدرس')).toBe(false);
  });
});

describe('derivations', () => {
  const index = createIndex({ derivations });
  index.addAll(docs);

  it('a word meets the other forms of its skeleton, below its own form', () => {
    expect(ids(index.search('مدرسة'))).toEqual([2, 1]); // المدارس (مدارس) for مدرسة (مدرس)
    expect(ids(index.search('المدارس'))).toEqual([1, 2]);
    expect(ids(index.search('كتاب'))).toEqual([4, 3]); // كتاب, then كتب
    const [own, derived] = index.search('مدرسة');
    expect(own.score).toBeGreaterThan(derived.score);
    expect(derived.snippet.highlights.map(([s, e]) => derived.snippet.text.slice(s, e))).toEqual(['المدارس']);
  });

  it('switched off per search, ranks as an index built without them', () => {
    const plain = createIndex();
    plain.addAll(docs);
    for (const q of ['مدرسة', 'المدارس', 'كتاب الكاتب', 'حديقة المدينة', '"المدارس"', 'مدر*']) {
      expect(index.search(q, { ranking: { derivations: 0 } }), q).toEqual(plain.search(q));
    }
    expect(index.config.ranking.derivations).toBe(0.4);
    expect(plain.config.ranking.derivations).toBeUndefined();
  });

  it('quoted words and prefixes meet no other forms', () => {
    expect(ids(index.search('"مدرسة"'))).toEqual([2]);
  });

  it('loads with the opt-in and gives the same answers; without it, every entry refuses the file', () => {
    const bytes = index.serialize();
    const loaded = loadIndex(bytes, { derivations });
    for (const q of ['مدرسة', 'كتاب', 'المدينة']) expect(loaded.search(q), q).toEqual(index.search(q));
    expect(() => loadIndex(bytes)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('fahras/derivations') }));
    expect(() => loadSearchIndex(bytes)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_VERSION', message: expect.stringContaining('derivations') }));
    expect(() => createIndex({ derivations: 1 as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    return expect(index.pack()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('an index without them, loaded and written again by the main entry, still loads in fahras/search', () => {
    const again = loadIndex(createIndexWith('default').serialize()).serialize();
    expect(loadSearchIndex(again).search('مدرسة').map((r) => r.id)).toEqual([2]);
  });

  it('writes nothing for an index without stemming', () => {
    const exact = createIndex({ analyzer: 'exact', derivations });
    exact.addAll(docs);
    expect(exact.config.ranking.derivations).toBeUndefined();
    expect(exact.stats().terms).toBe(createIndexWith('exact').stats().terms);
  });

  it('gives the same answers built at once, a document at a time, or after removals', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: 2 }), fc.integer({ min: 0, max: 4 }), (subset, removed) => {
        const atOnce = createIndex({ derivations });
        atOnce.addAll(subset);
        const oneByOne = createIndex({ derivations });
        for (const d of subset) {
          oneByOne.add(d);
          oneByOne.search('مدرسة'); // a freeze between documents
        }
        for (const q of ['مدرسة', 'كتاب', 'المدينة']) expect(oneByOne.search(q), q).toEqual(atOnce.search(q));
        // a removal lowers df; the entries stay and answers equal a fresh build of what is left (a skeleton left with one
        // live form meets nothing)
        const gone = subset[removed % subset.length];
        oneByOne.remove(gone.id);
        const fresh = createIndex({ derivations });
        fresh.addAll(subset.filter((d) => d !== gone));
        for (const q of ['مدرسة', 'كتاب', 'المدينة']) expect(ids(oneByOne.search(q)), q).toEqual(ids(fresh.search(q)));
      }),
      { numRuns: 30 },
    );
  });
});

function createIndexWith(analyzer: 'exact' | 'default') {
  const i = createIndex({ analyzer });
  i.addAll(docs);
  return i;
}
