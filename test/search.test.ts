// fahras/search (src/search.ts): the search-only loader gives exactly the results of the full loadIndex; typo
// tolerance (`fuzzy`, fahras/typos) and field scoring (fahras/fields) are opt-ins there, the same as the main
// entry's when given, an error when not.
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError, loadIndex as loadFull } from '../src/index.js';
import { loadIndex, SearchIndex, toHtml } from '../src/search.js';
import { typos } from '../src/typos.js';
import { fields } from '../src/fields.js';
import { quran } from '../src/quran.js';
import { seedDocuments } from './helpers/seeds.js';

describe('fahras/search', () => {
  const built = createIndex({ fields: { title: { boost: 2 } } });
  for (const d of seedDocuments()) built.add({ ...d, title: d.text.slice(0, 40) });
  const bytes = built.serialize();
  const full = loadFull(bytes);
  const lite = loadIndex(bytes, { fields });
  const withTypos = loadIndex(bytes, { typos, fields });
  const queries = ['مقاتلين ايرانيين', 'الغاره الروسيه', '"جسر الشغور"', 'ادلب -درعا', 'المعارض', 'سوريا روسيا'];

  it('returns the same ranked results as the full loadIndex', () => {
    for (const q of queries) {
      for (const options of [{}, { prefix: true }, { groupBy: 'document' as const }, { fuzzy: false }, { fuzzy: 0 }]) {
        const a = lite.search(q, options);
        expect(a, q).toEqual(full.search(q, options));
        expect(withTypos.search(q, options), q).toEqual(a);
        if (q === queries[0]) expect(a.length).toBeGreaterThan(0);
      }
    }
  });

  it('with typos, fuzzy gives the full loadIndex results; without, fuzzy is an INVALID_ARGUMENT naming fahras/typos', () => {
    let widened = 0;
    for (const q of [...queries, 'الغارات الروسيه علي مدينه ادلب', 'المقاتلبن الايرانيين']) {
      for (const options of [{ fuzzy: true, limit: 3 }, { fuzzy: 2 }, { fuzzy: 1, prefix: true }]) {
        const a = withTypos.search(q, options);
        expect(a, q).toEqual(full.search(q, options));
        if (a.length > lite.search(q, { ...options, fuzzy: false }).length) widened++;
        expect(() => lite.search(q, options)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('fahras/typos') }));
      }
    }
    expect(widened).toBeGreaterThan(0); // typo tolerance found more than the exact words somewhere
    expect(() => lite.search('', { fuzzy: true })).toThrow(FahrasError); // whatever the query
  });

  it('with fields, an index built with scored fields ranks as the full loadIndex; without, loading it throws', () => {
    expect(() => loadIndex(bytes)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('fahras/fields') }));
    // the title lifts documents: without its evidence the ranking differs, so the opt-in is not a no-op
    const plain = createIndex();
    for (const d of seedDocuments()) plain.add(d);
    const untitled = loadFull(plain.serialize());
    const scores = (rs: { score: number }[]) => rs.map((r) => r.score);
    let lifted = 0;
    for (const q of queries) {
      const a = lite.search(q);
      if (JSON.stringify(scores(a)) !== JSON.stringify(scores(untitled.search(q)))) lifted++;
    }
    expect(lifted).toBeGreaterThan(0);
    // an index without scored fields needs no opt-in, and gives the full loadIndex's results
    const noFields = loadIndex(plain.serialize());
    for (const q of queries) expect(noFields.search(q), q).toEqual(untitled.search(q));
  });

  it('describes the index like the full one', () => {
    expect(lite).toBeInstanceOf(SearchIndex);
    expect(lite.stats()).toEqual(full.stats());
    expect(lite.documentCount).toBe(5);
    expect(lite.config).toEqual(full.config);
    expect(lite.has('000_80ba48aa351a0c6d')).toBe(true);
    expect(lite.has('nope')).toBe(false);
    expect(lite.analyzer.analyze('والمكتبات').map((t) => t.term)).toEqual(['مكتب']);
  });

  it('renders snippets with toHtml and rejects damaged bytes with a FahrasError code', () => {
    const [r] = lite.search('مقاتلين ايرانيين');
    expect(toHtml(r.snippet)).toContain('<mark>إيرانيين</mark>');
    const bad = Uint8Array.from(bytes);
    bad[bad.length - 5] ^= 1;
    expect(() => loadIndex(bad)).toThrow(FahrasError);
    try {
      loadIndex(bad);
    } catch (e) {
      expect((e as FahrasError).code).toBe('CHECKSUM_MISMATCH');
    }
    expect(() => loadIndex(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ code: 'BAD_MAGIC' }));
  });
});

// Qur'anic orthography (#17): plain-spelling queries find Uthmani text and the reverse, in the built index and
// through fahras/search, with highlights on whole Uthmani words. Verses as Tanzil's Uthmani and Simple Clean texts
// spell them (Tanzil Project, https://tanzil.net).
describe('Uthmani text and plain spelling', () => {
  const UTHMANI = [
    'يَـٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوا۟ ٱسْتَعِينُوا۟ بِٱلصَّبْرِ وَٱلصَّلَوٰةِ ۚ إِنَّ ٱللَّهَ مَعَ ٱلصَّـٰبِرِينَ',
    'وَأَقِيمُوا۟ ٱلصَّلَوٰةَ وَءَاتُوا۟ ٱلزَّكَوٰةَ وَٱرْكَعُوا۟ مَعَ ٱلرَّٰكِعِينَ',
    'ٱللَّهُ نُورُ ٱلسَّمَـٰوَٰتِ وَٱلْأَرْضِ ۚ مَثَلُ نُورِهِۦ كَمِشْكَوٰةٍۢ فِيهَا مِصْبَاحٌ',
    'يَـٰقَوْمِ ٱعْبُدُوا۟ ٱللَّهَ مَا لَكُم مِّنْ إِلَـٰهٍ غَيْرُهُۥٓ ۖ',
  ];
  const SIMPLE = ['يا أيها الذين آمنوا استعينوا بالصبر والصلاة إن الله مع الصابرين', 'وأقيموا الصلاة وآتوا الزكاة واركعوا مع الراكعين'];
  const built = createIndex();
  built.addAll(UTHMANI.map((text, id) => ({ id, text })));
  const entries: [string, { search: typeof built.search }][] = [
    ['built', built],
    ['fahras/search', loadIndex(built.serialize(), { quran })],
  ];
  const marked = (r: { snippet: { text: string; highlights: [number, number][] } }) => r.snippet.highlights.map(([a, b]) => r.snippet.text.slice(a, b));

  for (const [name, index] of entries) {
    it(`${name}: a plain-spelling query finds the Uthmani verse and highlights whole Uthmani words with their marks`, () => {
      const [hit] = index.search('الصلاة');
      expect(hit.id).toBe(1);
      expect(marked(hit)).toEqual(['ٱلصَّلَوٰةَ']);
      expect(marked(index.search('السماوات')[0])).toEqual(['ٱلسَّمَـٰوَٰتِ']);
      expect(index.search('آمنوا')[0].id).toBe(0);
    });

    it(`${name}: the joined vocative's words and phrases across spellings, pause marks never highlighted`, () => {
      const [hit] = index.search('"يا أيها الذين آمنوا"');
      expect(hit.id).toBe(0);
      // (يا, أيها and الذين are stopwords: the phrase holds by their positions, split out of يَـٰٓأَيُّهَا)
      expect(marked(hit)).toEqual(['ءَامَنُوا۟']);
      // the word after the joined vocative is highlighted alone, inside the original word
      const [people] = index.search('يا قوم اعبدوا الله ما لكم من إله غيره');
      expect(people.id).toBe(3);
      expect(marked(people)).toEqual(['قَوْمِ', 'ٱعْبُدُوا۟', 'ٱللَّهَ', 'إِلَـٰهٍ', 'غَيْرُهُۥٓ']);
      const [patience] = index.search('"بالصبر والصلاة"');
      expect(patience.id).toBe(0);
      expect(marked(patience)).toEqual(['بِٱلصَّبْرِ', 'وَٱلصَّلَوٰةِ']);
      expect(marked(patience).join('')).not.toMatch(/[\u06d6-\u06dc]/);
      expect(index.search('"الصلاة وآتوا الزكاة"')[0].id).toBe(1);
    });
  }

  it('an Uthmani query (pasted from a mushaf) finds plain-spelling text', () => {
    const plain = createIndex();
    plain.addAll(SIMPLE.map((text, id) => ({ id, text })));
    for (const index of [plain, loadIndex(plain.serialize(), { quran })]) {
      expect(index.search('ٱلصَّلَوٰةَ').map((r) => r.id)).toEqual([1, 0]);
      const [hit] = index.search('"يَـٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوا۟"');
      expect(hit.id).toBe(0);
      expect(marked(hit)).toEqual(['آمنوا']);
    }
  });

  it("records Qur'anic orthography in the index, which fahras/search refuses to load without the rules, naming them", () => {
    expect(built.config.quranic).toBe(true);
    expect(() => loadIndex(built.serialize())).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('fahras/quran') }));
    // plain spelling (the pause marks of Tanzil's simple text would count) and an index analyzed without the rules
    const plain = createIndex();
    plain.addAll(SIMPLE.map((text, id) => ({ id, text })));
    expect(plain.config.quranic).toBe(false);
    expect(loadIndex(plain.serialize()).search('الصلاة').length).toBe(2);
    // news that quotes an alef wasla analyzes the same without the rules (U+0671 folds to alef either way)
    const news = createIndex();
    news.add({ id: 1, text: 'قال الخطيب إن ٱلعمل الصالح يبدأ من البيت' });
    expect(news.config.quranic).toBe(false);
    news.add({ id: 2, text: UTHMANI[0] });
    expect(news.config.quranic).toBe(true);
    const off = createIndex({ analyzer: { normalize: { uthmani: false } } });
    off.addAll(UTHMANI.map((text, id) => ({ id, text })));
    expect(off.config.quranic).toBe(false);
    // the flag survives serialization and further additions to a loaded index
    const again = loadFull(built.serialize());
    again.add({ id: 'plain', text: SIMPLE[0] });
    expect(again.config.quranic).toBe(true);
  });
});
