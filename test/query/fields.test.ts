// Document-field scoring (query/fields.ts): a word found in a field lifts its document's paragraphs, by the field's
// boost; `title:word` restricts a word to a field; results carry the highlights of their fields. fahras/search takes
// it only as the `fields` opt-in and then answers as the main entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createIndex, FahrasError, toHtml } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { fields } from '../../src/fields.js';
import { fieldItems } from '../../src/query/fields.js';
import { parseQuery } from '../../src/query/parse.js';
import { arabicHeavyString } from '../helpers/arbitraries.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

const DOCS = [
  { id: 'a', title: 'المكتبة الوطنية', text: 'افتتحت الوزارة مبنى جديدا في المدينة.\nوحضر الافتتاح عدد من الزوار.' },
  { id: 'b', title: 'الرياضة', text: 'المكتبة الوطنية تفتح أبوابها للزوار في المدينة.' },
  { id: 'c', title: 'أخبار', text: 'زار الوفد المدينة القديمة.' },
];

describe('field scoring', () => {
  it('lifts the documents whose field holds a query word, more with a higher boost', () => {
    const scoreOf = (boost: number) => {
      const index = createIndex({ fields: { title: { boost } } });
      index.addAll(DOCS);
      return index.search('المكتبة المدينة');
    };
    const none = scoreOf(0);
    const boosted = scoreOf(3);
    const a = (r: ReturnType<typeof scoreOf>) => r.find((h) => h.id === 'a' && h.paragraph === 0)!.score;
    expect(a(boosted)).toBeGreaterThan(a(none));
    // a document that matches only through its title is still found (its first paragraph)
    const titleOnly = createIndex({ fields: { title: { boost: 2 } } });
    titleOnly.addAll(DOCS);
    expect(titleOnly.search('الرياضة').map((h) => [h.id, h.paragraph])).toEqual([['b', 0]]);
  });

  it('fahras/search needs the fields opt-in for such an index, and with it answers as the main entry', () => {
    const index = createIndex({ fields: { title: { boost: 2 } } });
    index.addAll(DOCS);
    const bytes = index.serialize();
    expect(() => loadForSearch(bytes)).toThrow(FahrasError);
    const loaded = loadForSearch(bytes, { fields });
    for (const q of ['المكتبة المدينة', 'الرياضة', '"المكتبة الوطنية"']) expect(loaded.search(q)).toEqual(index.search(q));
  });
});

describe('field restrictions (title:word) and field highlights', () => {
  const index = createIndex({ fields: { title: { boost: 2 } } });
  index.addAll([
    { id: 1, title: 'المَكْتَبَةُ الوطنية', text: 'افتتحت الوزارة مبنى جديدا.\nوحضر الافتتاح عدد من الزوار.' },
    { id: 2, title: 'أخبار المدينة', text: 'درس الطلاب في مكتبة المدرسة.' },
    { id: 3, title: ['الوطنية', 'مكتبة'], text: 'زار الوفد المدينة القديمة.' },
  ]);
  const ids = (q: string) => index.search(q).map((r) => r.id);

  it('parses name:word, name:"phrase", -name:word for the index fields and text only', () => {
    const analyzer = createAnalyzer();
    const q = parseQuery('title:مكتبة -title:الوطنية title:"المكتبة الوطنية" text:درس +title:أخبار كلمة', analyzer, {}, fieldItems(['title']));
    const fieldsOf = (cs: typeof q.should) => cs.map((c) => c.queryTerms[0].field);
    expect(fieldsOf(q.should)).toEqual(['title', '', undefined]);
    expect(fieldsOf(q.must)).toEqual(['title', 'title']);
    expect(q.must[0].kind).toBe('phrase');
    expect(fieldsOf(q.not)).toEqual(['title']);
    // another name before a colon is plain text; a name alone, or before a space, restricts nothing
    const plain = parseQuery('عنوان:مكتبة 10:30 title: مكتبة title:', analyzer, {}, fieldItems(['title']));
    expect(plain.should.map((c) => [c.queryTerms[0].term, c.queryTerms[0].field])).toEqual(
      parseQuery('عنوان مكتبة 10 30 مكتبة', analyzer).should.map((c) => [c.queryTerms[0].term, undefined]),
    );
  });

  it('title:word finds the documents whose title holds the word, highlighted on the original title', () => {
    const r = index.search('title:مكتبة');
    expect(r.map((x) => x.id)).toEqual([1, 3]);
    // a title-only match: the document's first paragraph, its title's highlight with the diacritics intact
    expect(r[0].paragraph).toBe(0);
    expect(r[0].snippet.highlights).toEqual([]);
    const [[s, e]] = r[0].fieldHighlights!.title;
    expect((r[0].fields.title as string).slice(s, e)).toBe('المَكْتَبَةُ');
    expect(toHtml({ text: r[0].fields.title as string, highlights: r[0].fieldHighlights!.title })).toBe('<mark>المَكْتَبَةُ</mark> الوطنية');
    // a field stored as an array of strings: offsets in its lines joined by line breaks
    expect(r[1].fieldHighlights).toEqual({ title: [[8, 13]] });
  });

  it('a plain word matches text and titles; text:word the text only; -title:word drops documents', () => {
    expect(ids('مكتبة')).toEqual([2, 1, 3]);
    expect(index.search('مكتبة').find((x) => x.id === 2)!.fieldHighlights).toEqual({});
    expect(ids('text:مكتبة')).toEqual([2]);
    expect(index.search('text:مكتبة')[0].fieldHighlights).toEqual({});
    expect(ids('مكتبة -title:الوطنية')).toEqual([2]);
    expect(ids('+title:أخبار مكتبة')).toEqual([2]);
    expect(ids('title:مكت*')).toEqual([1, 3]);
  });

  it('title:"phrase" needs the words side by side in the title', () => {
    expect(ids('title:"المكتبة الوطنية"')).toEqual([1]);
    expect(index.search('title:"المكتبة الوطنية"')[0].fieldHighlights).toEqual({ title: [[0, 12], [13, 20]] });
    // the reversed words stand side by side only in document 3's title (its lines joined by a line break)
    expect(ids('title:"الوطنية المكتبة"')).toEqual([3]);
    expect(ids('title:"مدينة أخبار"')).toEqual([]);
    expect(ids('-title:"المكتبة الوطنية" مكتبة')).toEqual([2, 3]);
  });

  it('an unknown name is plain text, a name alone nothing; fahras/search with fields answers the same', () => {
    expect(index.search('عنوان:مكتبة')).toEqual(index.search('عنوان مكتبة'));
    expect(index.search('title: مكتبة')).toEqual(index.search('مكتبة'));
    expect(index.search('title:')).toEqual([]);
    const loaded = loadForSearch(index.serialize(), { fields });
    for (const q of ['title:مكتبة', 'مكتبة -title:الوطنية', 'title:"المكتبة الوطنية"', 'text:مكتبة', 'مكتبة']) expect(loaded.search(q)).toEqual(index.search(q));
  });

  it('the words of a ligature are one highlight of its character', () => {
    const withLigature = createIndex({ fields: ['title'] });
    withLigature.add({ id: 1, title: 'النبي ﷺ', text: 'نص' });
    // U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM ﷺ is four words, one span
    expect(withLigature.search('صلى الله عليه وسلم')[0].fieldHighlights).toEqual({ title: [[6, 7]] });
  });

  it('in an index without fields, title: and text: are plain text and results have no field highlights', () => {
    const plain = createIndex();
    plain.add({ id: 1, text: 'مكتبة title text' });
    expect(plain.search('title:مكتبة')).toEqual(plain.search('title مكتبة'));
    expect(plain.search('مكتبة')[0].fieldHighlights).toBeUndefined();
  });

  it('field highlights lie inside their field text, ascending, apart, on words (property)', async () => {
    const analyzer = createAnalyzer();
    const words = ['مكتبة', 'المكتبات', 'الوطنية', 'وطن', 'مدينة', 'كتاب', 'كِتَابٌ', 'أخبار'];
    const fieldText = fc.oneof(arabicHeavyString(30), { arbitrary: fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((w) => w.join(' ')), weight: 3 });
    const docs = fc.array(fc.record({ title: fc.oneof(fieldText, fc.array(fieldText, { maxLength: 3 })), summary: fieldText, text: fieldText }), { minLength: 1, maxLength: 8 });
    const name = fc.constantFrom('title:', 'summary:', 'text:', 'other:', '-title:', '+summary:', '');
    let highlighted = 0;
    const query = fc.array(fc.tuple(name, fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 3 }, arabicHeavyString(8), fc.constantFrom(...words).map((w) => `"${w} ${w}"`), fc.constant('"'))), { maxLength: 5 });
    await assertProperty(
      fc.property(docs, query, fc.boolean(), (ds, parts, prefix) => {
        const idx = createIndex({ fields: { title: { boost: 2 }, summary: { boost: 0 } } });
        idx.addAll(ds.map((d, i) => ({ id: i, ...d })));
        const q = parts.map(([n, w]) => n + w).join(' ');
        for (const r of idx.search(q, { prefix, limit: 20 })) {
          for (const [field, ranges] of Object.entries(r.fieldHighlights!)) {
            const v = r.fields[field];
            const text = Array.isArray(v) ? v.join('\n') : (v as string);
            let at = 0;
            for (const [s, e] of ranges) {
              expect(at <= s && s < e && e <= text.length).toBe(true);
              // a range holds a word (several for a ligature such as ﷺ) and nothing else
              expect(analyzer.analyze(text.slice(s, e)).length).toBeGreaterThan(0);
              expect(text.slice(s, e).trim()).toBe(text.slice(s, e));
              at = e;
              highlighted++;
            }
          }
        }
      }),
      runs(400),
    );
    expect(highlighted).toBeGreaterThan(50);
    report('field highlights inside field text', runs(400), `${highlighted} highlights`);
  });
});
