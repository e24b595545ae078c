// Document-field scoring (query/fields.ts): a word found in a field lifts its document's paragraphs, by the field's
// boost; fahras/search takes it only as the `fields` opt-in and then answers as the main entry.
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { fields } from '../../src/fields.js';

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
