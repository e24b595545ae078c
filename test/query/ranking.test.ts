// Ranking choices of issue 18: exact forms above stem-only matches and the exact-form operator ("word"), the
// short-paragraph prior, and typo expansions (known words not expanded, one alternative per paragraph, expansions
// below the word itself). Each is a stored ranking choice a search can switch off with `ranking`.
import { describe, expect, it } from 'vitest';
import { createIndex, loadIndex, type SearchResult } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { typos } from '../../src/typos.js';
import { parseQuery } from '../../src/query/parse.js';
import { createAnalyzer } from '../../src/analysis/index.js';
import { withConfig } from '../helpers/index-bytes.js';

const ids = (r: SearchResult[]) => r.map((x) => String(x.id));

// الرياض (the city), الرياضي / رياضة (sport) share the stem رياض
const CITY = [
  { id: 'sport1', text: 'فاز النادي الرياضي في البطولة الرياضية بعد مباراة قوية أمام منافسه هذا الموسم.' },
  { id: 'city1', text: 'وصل الوفد إلى الرياض صباح اليوم في زيارة رسمية تستمر ثلاثة أيام للمملكة.' },
  { id: 'sport2', text: 'تهتم الوزارة بالرياضة المدرسية وتشجع الطلاب على ممارسة رياضة المشي كل يوم.' },
  { id: 'city2', text: 'افتتح معرض الكتاب الدولي بالرياض أمس بحضور عدد كبير من الزوار والناشرين العرب.' },
  { id: 'city3', text: 'تشهد مدينة الرياض والمدن المجاورة أجواء حارة في نهاية هذا الأسبوع حسب التوقعات.' },
];

describe('exact forms', () => {
  const index = createIndex();
  index.addAll(CITY);

  it('rank above stem-only matches: الرياض finds the city first, then sport', () => {
    const r = ids(index.search('الرياض'));
    expect(r).toHaveLength(5);
    expect(new Set(r.slice(0, 2))).toEqual(new Set(['city1', 'city3']));
  });

  it('count the word with another prefix the stemmer removes (بالرياض for الرياض) when `forms` is on', () => {
    const score = (forms: number) => index.search('الرياض', { ranking: { forms } }).find((x) => x.id === 'city2')!.score;
    expect(score(1)).toBeGreaterThan(score(0));
    expect(new Set(ids(index.search('الرياض', { ranking: { forms: 1 } })).slice(0, 3))).toEqual(new Set(['city1', 'city2', 'city3']));
  });

  it('a quoted single word is its exact form, required: "الرياض" finds الرياض, بالرياض, never الرياضي or رياضة', () => {
    for (const q of ['"الرياض"', '«الرياض»', '“الرياض”']) expect(new Set(ids(index.search(q)))).toEqual(new Set(['city1', 'city2', 'city3']));
    expect(ids(index.search('"رياضة"')).sort()).toEqual(['sport2']);
    // required: a plain word beside it only ranks within its matches
    expect(ids(index.search('"الرياض" الرياضية')).every((id) => id.startsWith('city'))).toBe(true);
  });

  it('a quoted word can be excluded: الرياض -"الرياض" keeps only stem-only matches', () => {
    expect(ids(index.search('الرياض -"الرياض"')).sort()).toEqual(['sport1', 'sport2']);
  });

  it('highlights the quoted word and answers the same loaded, through both entries', () => {
    const r = index.search('"الرياض"');
    const text = CITY.find((d) => d.id === r[0].id)!.text;
    expect(r[0].snippet.highlights.map(([s, e]) => text.slice(s, e))).toContain(text.includes('بالرياض') ? 'بالرياض' : 'الرياض');
    const bytes = index.serialize();
    expect(loadIndex(bytes).search('"الرياض"')).toEqual(r);
    expect(loadForSearch(bytes).search('"الرياض"')).toEqual(r);
  });

  it('parses a quoted single word as an exact, required term and a quoted phrase as before', () => {
    const a = createAnalyzer();
    const one = parseQuery('"الرياض"', a);
    expect(one.must).toHaveLength(1);
    expect(one.must[0]).toMatchObject({ kind: 'term', queryTerms: [{ surface: 'الرياض', exact: true }] });
    const two = parseQuery('"مدينة الرياض"', a);
    expect(two.must[0].kind).toBe('phrase');
    expect(parseQuery('الرياض', a).should[0].queryTerms[0].exact).toBe(false);
    // a stopword inside quotes leaves one word: still its exact form
    expect(parseQuery('"في الرياض"', a).must[0].queryTerms[0].exact).toBe(true);
  });

  it('an index without stemming takes a quoted word as the word itself', () => {
    const exact = createIndex({ analyzer: 'exact' });
    exact.addAll(CITY);
    expect(ids(exact.search('"الرياض"')).sort()).toEqual(['city1', 'city3']);
  });
});

describe('the short-paragraph prior', () => {
  const docs = [
    { id: 'byline', text: 'أم خالد - الرياض' },
    { id: 'news', text: 'أعلنت أمانة منطقة الرياض عن افتتاح حديقة جديدة في شمال الرياض تضم ممرات للمشي وملاعب للأطفال ومسطحات خضراء واسعة.' },
  ];
  const index = createIndex();
  index.addAll(docs);

  it('keeps a byline below a paragraph about the word; switched off, the byline wins', () => {
    expect(ids(index.search('الرياض'))).toEqual(['news', 'byline']);
    expect(ids(index.search('الرياض', { ranking: { minLength: 0 } }))).toEqual(['byline', 'news']);
  });

  it('scales a short paragraph by √(words / minLength)', () => {
    const on = index.search('الرياض').find((x) => x.id === 'byline')!.score;
    const off = index.search('الرياض', { ranking: { minLength: 0 } }).find((x) => x.id === 'byline')!.score;
    // "أم خالد - الرياض": 2 indexed words (خالد, الرياض; أم is a stopword)
    expect(on / off).toBeCloseTo(Math.sqrt(2 / 12), 10);
  });
});

describe('typo expansions', () => {
  const docs = [
    { id: 'economy', text: 'نما الاقتصاد السعودي بنسبة كبيرة هذا العام بفضل ارتفاع أسعار النفط والاستثمارات.' },
    { id: 'noise', text: 'أطلقت صواريخ سكود نحو المدن السعوية في الجنوب، وسقط بعضها في مناطق خالية من السكان.' },
    { id: 'school', text: 'بدأت الدراسة في المدرسة الجديدة، وتضم المدرسة مكتبة ومختبرا.' },
    { id: 'bride', text: 'أقيم حفل المعرس في القاعة الكبرى، ودعي إليه المدرس وأهل الحي.' },
  ];
  const index = createIndex();
  index.addAll(docs);

  it('does not expand a word the dictionary knows: السعودي is not السعوية', () => {
    expect(ids(index.search('السعودي', { fuzzy: true }))).toEqual(['economy']);
    expect(ids(index.search('السعودي', { fuzzy: true, ranking: { expansions: 0 } }))).toContain('noise');
  });

  it('ranks the paragraph of the meant words first: الاقتساد السعودي', () => {
    expect(ids(index.search('الاقتساد السعودي', { fuzzy: true }))[0]).toBe('economy');
  });

  it('counts one alternative of a word per paragraph', () => {
    // المدرصه (a typo) expands to المدرسه and المدرس (both at 1 edit); a paragraph with both gets one
    const one = index.search('المدرصة', { fuzzy: true, ranking: { expansions: 1 } });
    const all = index.search('المدرصة', { fuzzy: true, ranking: { expansions: 0 } });
    expect(ids(one)).toContain('school');
    const best = Math.max(...one.map((r) => r.score));
    expect(one.find((x) => x.id === 'school')!.score).toBe(best);
    // summing every alternative scored higher than one
    const sum = all.find((x) => x.id === 'bride')!.score;
    expect(one.find((x) => x.id === 'bride')!.score).toBeLessThanOrEqual(sum);
  });

  it('scores an expansion below the word itself: a prefix completion never outranks the exact word', () => {
    const idx = createIndex();
    idx.addAll([
      { id: 'exact', text: 'درس' },
      { id: 'longer', text: 'درسك' }, // rarer than درس, so its idf is higher
      ...Array.from({ length: 20 }, (_, i) => ({ id: `filler${i}`, text: `درس رقم ${i}` })),
    ]);
    const score = (r: SearchResult[], id: string) => r.find((x) => x.id === id)!.score;
    const r = idx.search('درس*', { limit: 30 });
    expect(score(r, 'longer')).toBeLessThan(score(r, 'exact'));
    const before = idx.search('درس*', { limit: 30, ranking: { expansions: 0 } });
    expect(score(before, 'longer')).toBeGreaterThan(score(before, 'exact'));
  });

  it('works the same through fahras/search with typos', () => {
    const loaded = loadForSearch(index.serialize(), { typos });
    expect(loaded.search('الاقتساد السعودي', { fuzzy: true })).toEqual(loadIndex(index.serialize()).search('الاقتساد السعودي', { fuzzy: true }));
  });
});

describe('the stored ranking.clitics (query-time clitic forms, replaced by clitic folding at build time)', () => {
  const docs = [
    { id: 'arm', text: 'أصيب اللاعب في ذراع اليد اليمنى خلال التدريب.' },
    { id: 'arm2', text: 'كسر في ذراع الحارس أبعده عن المباراة.' },
  ];
  const index = createIndex({ cliticFolding: false });
  index.addAll(docs);

  it('is read and changes nothing: a file that stores it, or a search that sets it, answers as without', () => {
    expect(index.config.ranking.clitics).toBe(0);
    const bytes = index.serialize();
    const stored = loadIndex(withConfig(bytes, (c) => ({ ...c, ranking: { ...c.ranking, clitics: 0.5 } })));
    expect(ids(stored.search('لذراع'))).toEqual([]);
    expect(index.search('ذراع', { ranking: { clitics: 0.5 } })).toEqual(index.search('ذراع'));
  });
});

describe('the query shape: a question, or keywords (ranking.keywordProximity, questions)', () => {
  const filler = 'وقال المتحدث إن الاجتماع تناول عددا من القضايا المشتركة بين البلدين في المجالات الاقتصادية والثقافية';
  // the query's words apart in a short paragraph (BM25's favourite), and in sequence in a long one
  const docs = [
    { id: 'apart', text: 'أبدى الوزير رغبته في التعاون مع الجامعات المحلية، وأشاد بجهود الباحثين الذين نالوا إعجابه في المعرض، وقدم لهم الشكر على ما بذلوه من عمل متواصل.' },
    { id: 'together', text: `${filler} وفي ختام الزيارة أبدى إعجابه وقدم الشكر للقائمين على المشروع الكبير ${filler}` },
    { id: 'other1', text: filler },
    { id: 'other2', text: 'قدم الفريق عرضا مميزا في البطولة' },
    { id: 'other3', text: 'أبدى اللاعب استعداده للمباراة' },
  ];
  const index = createIndex();
  index.addAll(docs);
  const off = { ranking: { keywordProximity: 0 } };

  it('ranks the paragraph holding a keyword query\'s words in sequence above one holding them apart', () => {
    expect(index.config.ranking.keywordProximity).toBe(3);
    expect(ids(index.search('أبدى إعجابه وقدم')).slice(0, 2)).toEqual(['together', 'apart']);
    // one ranking for every query (the stored default of files written before): the old order
    expect(ids(index.search('أبدى إعجابه وقدم', off)).slice(0, 2)).toEqual(['apart', 'together']);
  });

  it('ranks a keyword query with the keyword ranking: proximity keywordProximity, coordination and surface weight 1', () => {
    for (const q of ['أبدى إعجابه وقدم', 'إعجابه الشكر']) {
      const keyword = index.search(q);
      expect(keyword).toEqual(index.search(q, { ranking: { keywordProximity: 0, proximity: 3, coord: 1, surface: 1, idfExponent: 1 } }));
      expect(keyword).not.toEqual(index.search(q, off));
      // the search's own proximity, coordination, surface weight and idf exponent are a question's
      expect(index.search(q, { ranking: { proximity: 0, coord: 0, surface: 0, idfExponent: 3 } })).toEqual(keyword);
      expect(index.search(q, { ranking: { keywordProximity: 5 } })).not.toEqual(keyword);
    }
  });

  it('ranks a question as before: a question word (a stopword, or with a clitic, diacritics, a hamza) keeps the proximity weight', () => {
    for (const question of ['متى', 'مَتَى', 'أين', 'اين', 'بماذا', 'ماهو', '"كيف"']) {
      const q = `${question} أبدى إعجابه وقدم`;
      const results = index.search(q);
      expect(ids(results).slice(0, 2)).toEqual(['apart', 'together']);
      expect(results).toEqual(index.search(q, off));
    }
    // anywhere in the query
    expect(index.search('أبدى إعجابه وقدم لماذا')).toEqual(index.search('أبدى إعجابه وقدم لماذا', off));
  });

  it('answers the same loaded, through fahras/search', () => {
    const bytes = index.serialize();
    for (const q of ['أبدى إعجابه وقدم', 'متى أبدى إعجابه وقدم']) {
      expect(loadIndex(bytes).search(q)).toEqual(index.search(q));
      expect(loadForSearch(bytes).search(q)).toEqual(index.search(q));
    }
  });

  it('an index file without the question words (written before them) ranks every query alike, as it did', () => {
    const old = loadIndex(withConfig(index.serialize(), (c) => ({ ...c, questions: undefined, ranking: { ...c.ranking, keywordProximity: undefined } })));
    expect(old.config.questions).toEqual([]);
    expect(old.config.ranking.keywordProximity).toBe(0);
    expect(old.search('أبدى إعجابه وقدم')).toEqual(index.search('أبدى إعجابه وقدم', off));
  });
});

describe("a question's idf exponent (ranking.idfExponent)", () => {
  // a question's name (المتنبي, in one paragraph of 16) against its two common words (ولد, عام: in 5)
  const docs = [
    { id: 'name', text: 'كتب المتنبي قصائد كثيرة في مدح سيف الدولة الحمداني وهجاء كافور الإخشيدي' },
    { id: 'words', text: 'ولد في ذلك عام الطفل الأول للأسرة بعد انتظار طويل في بيت العائلة القديم' },
    ...Array.from({ length: 4 }, (_, i) => ({ id: `common${i}`, text: `ولد الشاعر عام ${1900 + i} في مدينة صغيرة وعاش فيها طويلا` })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `other${i}`, text: `افتتح المعرض الدولي للكتاب أبوابه للزوار في دورته رقم ${i}` })),
  ];
  const index = createIndex();
  index.addAll(docs);
  const question = 'متى ولد المتنبي عام';
  const plain = { ranking: { idfExponent: 1 } };

  it('weighs a question\'s rare words more: the paragraph with its name first', () => {
    expect(index.config.ranking.idfExponent).toBe(1.4);
    expect(ids(index.search(question))[0]).toBe('name');
    // plain idf: the two common words outweigh the name
    expect(ids(index.search(question, plain))[0]).toBe('common0');
  });

  it('leaves a keyword query with plain idf (the keyword ranking)', () => {
    const q = 'ولد المتنبي عام';
    expect(index.search(q)).toEqual(index.search(q, plain));
    expect(index.search(q)).toEqual(index.search(q, { ranking: { idfExponent: 3 } }));
  });

  it('answers the same loaded, through fahras/search', () => {
    const bytes = index.serialize();
    expect(loadIndex(bytes).search(question)).toEqual(index.search(question));
    expect(loadForSearch(bytes).search(question)).toEqual(index.search(question));
  });

  it('an index file without the key (written before it) ranks a question with plain idf, as it did', () => {
    const old = loadIndex(withConfig(index.serialize(), (c) => ({ ...c, ranking: { ...c.ranking, idfExponent: undefined } })));
    expect(old.config.ranking.idfExponent).toBe(1);
    expect(old.search(question)).toEqual(index.search(question, plain));
    expect(old.search(question)).not.toEqual(index.search(question));
  });
});
