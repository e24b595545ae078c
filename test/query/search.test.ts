import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIndex, FahrasError, type FahrasIndex, loadIndex, type SearchResult } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { minDistance, phraseFrequency } from '../../src/query/search.js';
import { parseQuery } from '../../src/query/parse.js';
import { arabicHeavyString } from '../helpers/arbitraries.js';
import { seedDocuments } from '../helpers/seeds.js';

const DOCS = [
  { id: 'lib', text: 'افتتحت المَكْتَبَةُ الوطنية أبوابها للقراء.\nوتضم المكتبات العامة آلاف الكتب.', title: 'المكتبات' },
  { id: 'school', text: 'ذهب الطلاب إلى المدرسة صباحاً.\nدرس الطلاب في مكتبة المدرسة.', title: 'المدارس' },
  { id: 'war', text: 'قصفت طائرات روسية مدينة إدلب.\nالغارات الروسية استهدفت جسر الشغور.', title: 'سوريا' },
  { id: 'rain', text: 'هطلت أمطار غزيرة على مدينة جدة.\nوأعلنت الجهات تعليق الدراسة.', title: 'الطقس' },
];

function ids(r: SearchResult[]): string[] {
  return r.map((x) => `${x.id}#${x.paragraph}`);
}

describe('index and search', () => {
  let index: FahrasIndex;
  beforeAll(() => {
    index = createIndex({ fields: { title: { boost: 1.5 } } });
    index.addAll(DOCS);
  });

  it('finds stemmed and normalized variants: والمكتبات finds مكتبة, the vocalized text matches plain queries', () => {
    const r = index.search('والمكتبات');
    expect(r.map((x) => x.id)).toContain('lib');
    expect(r.map((x) => x.id)).toContain('school'); // مكتبة المدرسة
    expect(index.search('المكتبة')[0].id).toBe('lib');
  });
  it('returns a new array every time, even an empty one (a caller may change it)', () => {
    for (const q of ['', 'كلمةغيرموجودة', '-مكتبة']) {
      const a = index.search(q);
      expect(a).toEqual([]);
      a.push(index.search('المكتبة')[0]);
      expect(index.search(q)).toEqual([]);
    }
  });
  it('returns documents matching more words first', () => {
    const r = index.search('الغارات الروسية ادلب');
    expect(r[0].id).toBe('war');
  });
  it('supports exact phrases', () => {
    expect(ids(index.search('"جسر الشغور"'))).toEqual(['war#1']);
    expect(index.search('"الشغور جسر"')).toEqual([]);
  });
  it('supports exclusion', () => {
    const all = index.search('مدينة').map((x) => x.id);
    expect(all).toEqual(expect.arrayContaining(['war', 'rain']));
    const r = index.search('مدينة -جدة').map((x) => x.id);
    expect(r).toContain('war');
    expect(r).not.toContain('rain');
  });
  it('supports required words and AND', () => {
    expect(index.search('+الطلاب مكتبة').every((x) => x.id === 'school')).toBe(true);
    expect(index.search('مدينة AND أمطار').map((x) => x.id)).toEqual(['rain']);
  });
  it('supports prefixes and search-as-you-type', () => {
    expect(index.search('الروس*').map((x) => x.id)).toContain('war');
    expect(index.search('استهد', { prefix: true }).map((x) => x.id)).toContain('war');
    expect(index.search('استهد')).toEqual([]);
    expect(index.search('استهد ', { prefix: true })).toEqual([]); // a space ends the word: no longer a prefix
  });
  it('tolerates typos on longer words when asked', () => {
    expect(index.search('المدرصة')).toEqual([]);
    expect(index.search('المدرصة', { fuzzy: true }).map((x) => x.id)).toContain('school');
  });
  it('groups per document when asked', () => {
    const para = index.search('الطلاب المدرسة');
    expect(para.filter((x) => x.id === 'school').length).toBe(2);
    const docs = index.search('الطلاب المدرسة', { groupBy: 'document' });
    expect(docs.filter((x) => x.id === 'school').length).toBe(1);
  });
  it('boosts title matches and returns stored fields', () => {
    const r = index.search('سوريا');
    expect(r[0].id).toBe('war');
    expect(r[0].fields).toEqual({ title: 'سوريا' });
  });
  it('never throws on odd query strings; a query that is not a string is an INVALID_ARGUMENT', () => {
    for (const q of ['', '"', '-', 'OR', 'AND', '"unbalanced', '***', '😀', '-"', '+', 'كلمة '.repeat(10_000), '\ud800']) {
      expect(() => index.search(q)).not.toThrow();
    }
    for (const q of [null, undefined, 42, Object.create(null), [[[]]]]) {
      expect(() => index.search(q as string)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('query must be a string') }));
    }
  });
  it('highlights sit on the original text with their diacritics', () => {
    const r = index.search('المكتبة الوطنية');
    const top = r[0];
    expect(top.id).toBe('lib');
    const marked = top.snippet.highlights.map(([s, e]) => top.snippet.text.slice(s, e));
    expect(marked).toContain('المَكْتَبَةُ');
    expect(marked).toContain('الوطنية');
  });
  it('rejects duplicate ids and malformed documents with typed errors', () => {
    expect(() => index.add({ id: 'lib', text: 'x' })).toThrow(FahrasError);
    try {
      index.add({ id: 'lib', text: 'x' });
    } catch (e) {
      expect((e as FahrasError).code).toBe('DUPLICATE_ID');
    }
    expect(() => index.add({ id: {} as unknown as string, text: 'x' })).toThrow(/id/);
  });
});

describe('remove and update', () => {
  it('gives the same results as a fresh build without the removed documents', () => {
    const seeds = seedDocuments();
    const full = createIndex();
    full.addAll(seeds);
    full.addAll(DOCS);
    full.remove('lib');
    full.remove(seeds[1].id);
    const fresh = createIndex();
    fresh.addAll(seeds.filter((d) => d.id !== seeds[1].id));
    fresh.addAll(DOCS.filter((d) => d.id !== 'lib'));
    for (const q of ['سوريا', 'المكتبة', 'الغارات الروسية', '"جسر الشغور"', 'ادلب -درعا', 'مقاتلين ايرانيين']) {
      const a = full.search(q, { limit: 20 }).map((x) => [x.id, x.paragraph, x.score.toFixed(9)]);
      const b = fresh.search(q, { limit: 20 }).map((x) => [x.id, x.paragraph, x.score.toFixed(9)]);
      expect(a).toEqual(b);
    }
    expect(full.remove('lib')).toBe(false);
  });
  it('update replaces a document', () => {
    const idx = createIndex();
    idx.addAll(DOCS);
    idx.update({ id: 'rain', text: 'ثلوج كثيفة في الجبال' });
    expect(idx.search('أمطار')).toEqual([]);
    expect(idx.search('ثلوج')[0].id).toBe('rain');
    expect(idx.documentCount).toBe(4);
  });
  it('works with ids such as __proto__ and constructor', () => {
    const idx = createIndex();
    idx.add({ id: '__proto__', text: 'كتاب' });
    idx.add({ id: 'constructor', text: 'كتاب آخر' });
    expect(idx.search('كتاب').map((x) => x.id).sort()).toEqual(['__proto__', 'constructor']);
    expect(idx.remove('__proto__')).toBe(true);
    expect(idx.search('كتاب').map((x) => x.id)).toEqual(['constructor']);
  });
  it('compacts after most documents are removed', () => {
    const idx = createIndex();
    for (let i = 0; i < 1000; i++) idx.add({ id: i, text: `وثيقة رقم ${i} عن الموضوع ${i % 7}` });
    for (let i = 0; i < 900; i++) idx.remove(i);
    expect(idx.stats().paragraphs).toBe(100);
    expect(idx.search('وثيقة', { limit: 1000 }).length).toBe(100);
  });
});

describe('serialize and load', () => {
  it('round-trips to identical results (property)', () => {
    const seeds = seedDocuments();
    fc.assert(
      fc.property(fc.subarray(seeds, { minLength: 1 }), fc.array(arabicHeavyString(12), { minLength: 1, maxLength: 5 }), (docs, queries) => {
        const idx = createIndex({ fields: ['title'] });
        idx.addAll(docs.map((d, i) => ({ ...d, title: `عنوان ${i}`, n: i })));
        const loaded = loadIndex(idx.serialize());
        for (const q of [...queries, 'سوريا', 'الروسية ادلب', '"جسر الشغور"', 'عنوان']) {
          expect(loaded.search(q, { limit: 20 })).toEqual(idx.search(q, { limit: 20 }));
        }
      }),
      { numRuns: 25 },
    );
  });
  it('a loaded index can be changed further', () => {
    const idx = createIndex();
    idx.addAll(DOCS);
    const loaded = loadIndex(idx.serialize());
    loaded.add({ id: 'new', text: 'خبر جديد عن المكتبة' });
    expect(loaded.search('خبر')[0].id).toBe('new');
    loaded.remove('lib');
    expect(loaded.search('المكتبة الوطنية').map((x) => x.id)).not.toContain('lib');
  });
  it('rejects foreign, damaged, truncated and future-version bytes with codes', () => {
    const idx = createIndex();
    idx.addAll(DOCS);
    const bytes = idx.serialize();
    const code = (b: Uint8Array) => {
      try {
        loadIndex(b);
        return 'loaded';
      } catch (e) {
        return e instanceof FahrasError ? e.code : `other: ${e}`;
      }
    };
    expect(code(new TextEncoder().encode('hello world, not an index'))).toBe('BAD_MAGIC');
    expect(code(bytes.slice(0, bytes.length - 10))).toBe('TRUNCATED');
    expect(code(bytes.slice(0, 8))).toBe('TRUNCATED');
    const flipped = bytes.slice();
    flipped[100] ^= 0x10;
    expect(code(flipped)).toBe('CHECKSUM_MISMATCH');
    const future = bytes.slice();
    future[4] = 99;
    expect(code(future)).toBe('UNSUPPORTED_VERSION');
  });
});

describe('snippets on the seed corpus', () => {
  it('keeps highlights inside the snippet, on word boundaries, with marks inside', () => {
    const idx = createIndex();
    idx.addAll(seedDocuments());
    const isMark = (c: string) => /\p{M}/u.test(c);
    const isWordChar = (c: string) => /[\p{L}\p{N}\p{M}]/u.test(c);
    for (const q of ['سوريا', 'الغارات الروسية', 'المعارضة السورية', 'ايران', 'قتلى الحرس الثوري', 'مدينة']) {
      for (const r of idx.search(q, { limit: 10, snippetLength: 120 })) {
        const t = r.snippet.text;
        let prev = 0;
        for (const [s, e] of r.snippet.highlights) {
          expect(s).toBeGreaterThanOrEqual(prev);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(t.length);
          expect(s === 0 || !isWordChar(t[s - 1]) || t[s - 1] === '…').toBe(true);
          expect(e === t.length || !isMark(t[e])).toBe(true);
          expect(e === t.length || !isWordChar(t[e])).toBe(true);
          prev = e;
        }
        expect(t.length).toBeLessThanOrEqual(120 + 80);
      }
    }
  });
});

describe('repeated query words (issue 15, item 2)', () => {
  // the reproduction: 30 documents of 800 × كتب, the query كتب × 32 (13.9 s before: 32 clauses, each pair of them
  // compared position by position); phrases with a repeated word used a quadratic `includes`
  const repeat = (w: string, n: number) => Array.from({ length: n }, () => w).join(' ');
  const idx = createIndex();
  idx.addAll(Array.from({ length: 30 }, (_, i) => ({ id: i, text: `${repeat('كتب', 800)} ${i % 2 ? 'مدرسة' : ''}` })));
  const loaded = loadForSearch(idx.serialize());

  it('a word typed 32 times is one clause, and answers as the word once', () => {
    const parsed = parseQuery(repeat('كتب', 32), idx.analyzer);
    expect(parsed.should).toHaveLength(1);
    for (const index of [idx, loaded]) {
      expect(index.search(repeat('كتب', 32), { limit: 1000 })).toEqual(index.search('كتب', { limit: 1000 }));
      expect(index.search(`${repeat('كتب مدرسة', 16)}`)).toEqual(index.search('كتب مدرسة'));
    }
  });

  it('identical clauses merge within their list only (a required, an optional and an excluded كتب stay apart)', () => {
    const parsed = parseQuery('كتب +كتب -كتب كتب +كتب "كتب مدرسة" "كتب مدرسة" "كتب مدرسة"', idx.analyzer);
    expect([parsed.should.length, parsed.must.length, parsed.not.length]).toEqual([1, 2, 1]);
    expect(parseQuery('كتب كتب* كتب*', idx.analyzer).should).toHaveLength(2);
  });

  it('phrases with a repeated word count each occurrence (800 words: 799 bigrams, 798 trigrams)', () => {
    const one = createIndex({ paragraphs: 'none' });
    one.add({ id: 'x', text: repeat('كتب', 800) });
    const two = createIndex({ paragraphs: 'none' });
    two.add({ id: 'x', text: repeat('كتب', 400) });
    for (const q of ['"كتب كتب"', '"كتب كتب كتب"', `"${repeat('كتب', 32)}"`]) {
      expect(one.search(q)).toHaveLength(1);
      expect(one.search(q)[0].score).toBeGreaterThan(two.search(q)[0].score);
    }
    expect(idx.search(`"${repeat('كتب', 32)}"`, { limit: 1000 })).toHaveLength(30);
  });

  it('a query of many expanding words shares 4 × maxExpansions among them (32 one-letter prefixes: 7 terms each)', () => {
    // 60 documents, each with its own word starting with ك (كاا, كاب, …)
    const letters = 'ابتثجحخدذرزسشصضطظعغفقلمنهوي';
    const many = createIndex({ analyzer: 'exact' });
    many.addAll(Array.from({ length: 60 }, (_, i) => ({ id: i, text: `ك${letters[i % 28]}${letters[Math.floor(i / 28)]}` })));
    const none = Array.from({ length: 31 }, (_, i) => `ظظ${letters[i % 28]}${letters[Math.floor(i / 28)]}*`).join(' ');
    expect(many.search('ك*', { limit: 1000 })).toHaveLength(50);
    expect(many.search(`ك* ${none}`, { limit: 1000 })).toHaveLength(7);
    expect(many.search(`ك* ${none.split(' ').slice(0, 3).join(' ')}`, { limit: 1000 })).toHaveLength(50); // 4 words: 50 each
  });

  it('phrase frequency and minimum distance by linear merges agree with the all-pairs answers (property)', () => {
    const sorted = fc.uniqueArray(fc.nat(60), { maxLength: 30 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(fc.array(sorted, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(4), { minLength: 4, maxLength: 4 }), (lists, gaps) => {
        const offsets = lists.map((_, i) => (i === 0 ? 0 : gaps.slice(0, i).reduce((a, g) => a + g + 1, 0)));
        const naive = lists[0].filter((p) => lists.every((l, i) => l.includes(p + offsets[i]))).length;
        expect(phraseFrequency(lists, offsets)).toBe(naive);
        const [a, b = []] = lists;
        expect(minDistance(a, b)).toBe(Math.min(Infinity, ...a.flatMap((x) => b.map((y) => Math.abs(x - y)))));
      }),
    );
  });
});
