// suggest (completions from the index's own words), searchWithTotal (the number of matches for paging) and get
// (a stored document), on both entries.
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError, loadIndex, normalizeWord } from '../../src/index.js';
import { loadIndex as loadSearchOnly } from '../../src/search.js';
import { suggest } from '../../src/suggest.js';
import { seedDocuments } from '../helpers/seeds.js';

const docs = [
  ...seedDocuments(),
  { id: 'school', text: 'افتتحت المدرسة الجديدة.\nالمدرسة كبيرة، مدرسة البنات قريبة.\nمدرسين كثيرون في المدارس.', kind: 'test' },
];
const index = createIndex();
index.addAll(docs);
const texts = docs.map((d) => d.text).join('\n');

describe('suggest', () => {
  it('completes a prefix with the words as written, bare or after the article, most frequent first', () => {
    const s = index.suggest('مدر');
    const words = s.map((x) => x.word);
    expect(words).toEqual(expect.arrayContaining(['المدرسة', 'مدرسة', 'مدرسين']));
    for (const { word } of s) {
      expect(texts).toContain(word); // a spelling from the documents, not a stem or a normalized form
      expect(normalizeWord(word).replace(/^ال/, '').startsWith('مدر')).toBe(true);
    }
    const counts = s.map((x) => x.paragraphs);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(new Set(words).size).toBe(words.length);
  });

  it('is normalization-insensitive and bounded by limit', () => {
    expect(index.suggest('مُدَر')).toEqual(index.suggest('مدر'));
    expect(index.suggest('المدرسة')).toEqual(index.suggest('المدرسه'));
    expect(index.suggest('سور', { limit: 2 })).toHaveLength(2);
    expect(index.suggest('')).toEqual([]);
    expect(index.suggest('!!!')).toEqual([]);
    expect(() => index.suggest(5 as never)).toThrow(FahrasError);
    expect(() => index.suggest('سور', { limit: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('gives the same completions on a loaded index and through fahras/search', () => {
    const bytes = index.serialize();
    expect(loadIndex(bytes).suggest('سور')).toEqual(index.suggest('سور'));
    expect(loadSearchOnly(bytes, { suggest }).suggest('سور')).toEqual(index.suggest('سور'));
  });

  it('is an opt-in of fahras/search: without fahras/suggest it throws, naming the import', () => {
    const searchOnly = loadSearchOnly(index.serialize());
    expect(() => searchOnly.suggest('سور')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('fahras/suggest') }));
    expect(() => loadSearchOnly(index.serialize(), { suggest: 'yes' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('searchWithTotal', () => {
  it('gives the page of search and the number of matches in all pages', () => {
    for (const q of ['سوريا', 'المدرسة', 'روسيا ايران', 'غير موجودة']) {
      for (const groupBy of ['paragraph', 'document'] as const) {
        const all = index.search(q, { limit: 1000, groupBy });
        const page = index.searchWithTotal(q, { limit: 2, offset: 1, groupBy });
        expect(page.results).toEqual(index.search(q, { limit: 2, offset: 1, groupBy }));
        expect(page.total, `${q} ${groupBy}`).toBe(all.length);
        expect(loadSearchOnly(index.serialize()).searchWithTotal(q, { limit: 2, offset: 1, groupBy })).toEqual(page);
      }
    }
    expect(index.searchWithTotal('سوريا').total).toBeGreaterThan(10);
  });
});

describe('get', () => {
  it('returns a stored document as added, undefined for an unknown or removed id', () => {
    const i = createIndex();
    i.addAll(docs);
    expect(i.get('school')).toEqual(docs[docs.length - 1]);
    expect(loadSearchOnly(i.serialize()).get('school')).toEqual(docs[docs.length - 1]);
    expect(i.get('nothing')).toBeUndefined();
    i.remove('school');
    expect(i.get('school')).toBeUndefined();
  });
});
