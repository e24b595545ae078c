// Types that fit a TypeScript app (issue #16). `tsc --noEmit` (npm run typecheck, and the landing check) checks this
// file: the `@ts-expect-error` lines must be errors and everything else must compile; vitest runs the same calls.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createIndex, type FahrasDocument, loadIndex, type SearchResult } from '../src/index.js';
import { loadIndex as loadSearchOnly } from '../src/search.js';
import { fields } from '../src/fields.js';

/** A plain interface, as an app declares its records: no index signature. */
interface Article {
  id: number;
  title: string;
  text: string;
  date: string;
}

const article: Article = { id: 1, title: 'المكتبة الوطنية', text: 'افتتحت المكتبة الوطنية أبوابها للقراء.', date: '2015-03-01' };

describe('types', () => {
  it('a plain interface passes to add, addAll and update of an untyped index', () => {
    const index = createIndex({ fields: ['title'] });
    index.add(article);
    index.addAll([{ ...article, id: 2 }]);
    index.update({ ...article, title: 'عنوان' });
    index.add({ id: 3, text: 'نص', tags: ['a'] }); // an object literal with more properties
    const r = index.search('المكتبة');
    expectTypeOf(r[0].fields).toEqualTypeOf<Record<string, unknown>>();
    expect(r.length).toBeGreaterThan(0);
  });

  it('createIndex<Article>() types the stored fields of results; documents of another shape do not compile', () => {
    const index = createIndex<Article>({ fields: { title: { boost: 2 } } });
    index.add(article);
    const [r] = index.search('المكتبة');
    expectTypeOf(r).toEqualTypeOf<SearchResult<{ title: string; date: string }>>();
    expectTypeOf(r.fields.title).toEqualTypeOf<string>();
    expect(r.fields.title).toBe('المكتبة الوطنية');
    expect(r.fields.date).toBe('2015-03-01');
    // @ts-expect-error a document without the Article's title and date
    expect(() => index.add({ id: 4, text: 'نص' })).not.toThrow();
    // @ts-expect-error text is a string, nothing else
    expect(() => index.add({ ...article, id: 5, text: 42 })).toThrow();
    const loaded = loadIndex<Article>(index.serialize());
    expect(loaded.search('المكتبة')[0].fields.date).toBe('2015-03-01');
    expectTypeOf(loaded.search).returns.toEqualTypeOf<SearchResult<{ title: string; date: string }>[]>();
    const searchOnly = loadSearchOnly<Article>(index.serialize(), { fields });
    expectTypeOf(searchOnly.search).returns.toEqualTypeOf<SearchResult<{ title: string; date: string }>[]>();
    expect(searchOnly.search('المكتبة')[0].fields.title).toBe('المكتبة الوطنية');
  });

  it('FahrasDocument is the id and the text', () => {
    expectTypeOf<Article>().toMatchTypeOf<FahrasDocument>();
    expectTypeOf<{ id: number; body: string }>().not.toMatchTypeOf<FahrasDocument>();
  });
});
