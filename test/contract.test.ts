// The API contract (issue #16): a programmer's mistake is a FahrasError INVALID_ARGUMENT whose message names the
// option or property and what it takes (an unknown key names the closest known one); random garbage passed to any
// public function only ever throws FahrasError; options that would serialize but not load are refused at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fahras from '../src/index.js';
import { createAnalyzer, createIndex, escapeHtml, FahrasError, loadIndex, normalize, normalizeWord, toHtml, tokenize } from '../src/index.js';
import * as lite from '../src/search.js';
import { fields } from '../src/fields.js';
import { assertProperty, runs } from './helpers/runs.js';

const DOCS = [
  { id: 1, title: 'المكتبة الوطنية', text: 'افتتحت المكتبة الوطنية أبوابها للقراء.\nوتضم آلاف الكتب.' },
  { id: 2, title: 'المدرسة', text: 'درس الطلاب في مكتبة المدرسة.' },
];

function built() {
  const index = createIndex({ fields: { title: { boost: 2 } } });
  index.addAll(DOCS);
  return index;
}

/** Each mistake, the call that makes it, and words its message must contain. */
export const MISTAKES: [string, () => unknown, string[]][] = [
  ['document without text', () => createIndex().add({ id: 1, body: 'نص' } as never), ['document 1', 'text must be a string', 'got undefined', 'body']],
  ['text as an object', () => createIndex().add({ id: 2, text: { ar: 'نص' } } as never), ['text must be a string', 'got object']],
  ['text as a number', () => createIndex().add({ id: 3, text: 42 } as never), ['text must be a string', 'got 42']],
  ['text null', () => createIndex().add({ id: 4, text: null } as never), ['text must be a string', 'got null']],
  ['id missing', () => createIndex().add({ text: 'نص' } as never), ['id must be a string or a finite number']],
  ['document not an object', () => createIndex().add('نص' as never), ['a document must be an object']],
  ['field value not text', () => createIndex({ fields: ['title'] }).add({ id: 1, text: '', title: 7 }), ["field 'title'", 'string or an array of strings', 'got 7']],
  ['stored value too deep', () => createIndex().add({ id: 1, text: '', meta: JSON.parse('['.repeat(40) + ']'.repeat(40)) }), ["stored field 'meta'", 'JSON data', '32 deep']],
  ['stored value a bigint', () => createIndex().add({ id: 1, text: '', n: 1n }), ["stored field 'n'", 'got 1']],
  ['stored value cyclic', () => { const a: unknown[] = []; a.push(a); createIndex().add({ id: 1, text: '', a }); }, ["stored field 'a'"]],
  ['stored value a Date', () => createIndex().add({ id: 1, text: '', date: new Date(0) }), ["stored field 'date'", 'plain objects']],
  ['search limit -1', () => built().search('مكتبة', { limit: -1 }), ['search option limit', 'integer from 1 to 1000']],
  ['search limit 0', () => built().search('مكتبة', { limit: 0 }), ['search option limit']],
  ['search limit 1e6', () => built().search('مكتبة', { limit: 1e6 }), ['search option limit']],
  ['search offset -3', () => built().search('مكتبة', { offset: -3 }), ['search option offset', 'integer from 0']],
  ['groupBy typo', () => built().search('مكتبة', { groupBy: 'doc' as never }), ['search option groupBy', "'paragraph' or 'document'"]],
  ['search option typo', () => built().search('مكتبة', { limt: 5 } as never), ["unknown option 'limt'", "did you mean 'limit'"]],
  ['search options not an object', () => built().search('مكتبة', 'fast' as never), ['search options must be an object']],
  ['query not a string', () => built().search(Object.create(null)), ['query must be a string']],
  ['query a nested array', () => built().search([[[[]]]] as never), ['query must be a string']],
  ['fuzzy 5', () => built().search('مكتبة', { fuzzy: 5 }), ['search option fuzzy', 'from 0 to 2']],
  ['filter not a function', () => built().search('مكتبة', { filter: 'x' as never }), ['search option filter', 'a function']],
  ['ranking NaN', () => built().search('مكتبة', { ranking: { k1: Number.NaN } }), ['search option ranking.k1', 'number from 0 to 100']],
  ['ranking 1e308', () => built().search('مكتبة', { ranking: { proximity: 1e308 } }), ['ranking.proximity']],
  ['bm25 b 2', () => built().search('مكتبة', { bm25: { b: 2 } }), ['search option bm25.b', 'from 0 to 1']],
  ['bm25 key typo', () => built().search('مكتبة', { bm25: { k: 1 } } as never), ["unknown option 'k'", "did you mean 'k1'"]],
  ['createIndex option typo', () => createIndex({ feilds: ['title'] } as never), ["createIndex options: unknown option 'feilds'", "did you mean 'fields'"]],
  ['fields a string', () => createIndex({ fields: 'title' as never }), ['createIndex option fields', 'array of field names', 'got "title"']],
  ['fields a Map', () => createIndex({ fields: new Map() as never }), ['createIndex option fields']],
  ['too many fields', () => createIndex({ fields: Array.from({ length: 65 }, (_, i) => `f${i}`) }), ['at most 64 fields']],
  ['field named text', () => createIndex({ fields: ['text'] }), ["'text' cannot be an extra field"]],
  ['field named __proto__', () => createIndex({ fields: ['__proto__'] }), ["'__proto__' cannot be an extra field"]],
  ['field name not a string', () => createIndex({ fields: [1] as never }), ['field name must be a non-empty string']],
  ['field spec typo', () => createIndex({ fields: { title: { bost: 2 } } as never }), ["unknown option 'bost'", "did you mean 'boost'"]],
  ['boost NaN', () => createIndex({ fields: { title: { boost: Number.NaN } } }), ['title.boost', 'number from 0 to 1000', 'got NaN']],
  ['boost 1e308', () => createIndex({ fields: { title: { boost: 1e308 } } }), ['title.boost']],
  ['boost Infinity', () => createIndex({ fields: { title: { boost: Infinity } } }), ['title.boost', 'got Infinity']],
  ['paragraphs typo', () => createIndex({ paragraphs: 'lines' as never }), ['createIndex option paragraphs', "'line', 'blank-line' or 'none'"]],
  ['maxParagraphLength 1e308', () => createIndex({ maxParagraphLength: 1e308 }), ['maxParagraphLength', 'integer from 16']],
  ['normalize value that cannot load', () => createIndex({ analyzer: { normalize: { diacritics: 'yes' as never } } }), ['normalize.diacritics', 'true or false', 'got "yes"']],
  ['normalizer that cannot load', () => createIndex({ analyzer: { normalizer: 'xyz' } as never }), ['unknown normalizer', '"xyz"', "'fahras', 'lucene'"]],
  ['analyzer option typo', () => createIndex({ analyzer: { stemer: 'lucene' } as never }), ["unknown option 'stemer'", "did you mean 'stemmer'"]],
  ['stopwords not strings', () => createIndex({ analyzer: { stopwords: [1] as never } }), ['stopwords', 'array of strings']],
  ['createAnalyzer(null)', () => createAnalyzer(null as never), ['analyzer options must be an object']],
  ['normalize option a bigint', () => normalize('نص', { diacritics: 1n } as never), ['normalize options.diacritics', 'got 1']],
  ['normalize options cyclic', () => { const o: Record<string, unknown> = {}; o.self = o; normalize('نص', o as never); }, ["unknown option 'self'"]],
  ['normalize(undefined)', () => normalize(undefined as never), ['normalize expects a string']],
  ['normalizeWord(42)', () => normalizeWord(42 as never), ['normalizeWord expects a string']],
  ['tokenize option typo', () => tokenize('نص', { mod: 'letters' } as never), ["unknown option 'mod'", "did you mean 'mode'"]],
  ['escapeHtml(undefined)', () => escapeHtml(undefined as never), ['escapeHtml expects a string']],
  ['toHtml malformed highlights', () => toHtml({ text: 'ab', highlights: [[0, 9]] }), ['toHtml', 'highlights']],
  ['toHtml without a snippet', () => toHtml(null as never), ['toHtml expects a snippet']],
  ['addAll of a non-iterable', () => createIndex().addAll(5 as never), ['addAll expects an iterable']],
  ['loadIndex(garbage)', () => loadIndex({} as never), ['loadIndex expects a Uint8Array']],
  ['fahras/search loadIndex(bytes, null)', () => lite.loadIndex(built().serialize(), null as never), ['loadIndex options must be an object']],
  ['fahras/search { typos: 5 }', () => lite.loadIndex(createIndex().serialize(), { typos: 5 as never }), ['loadIndex options', 'fahras/typos']],
];

describe('programmer mistakes', () => {
  it.each(MISTAKES)('%s: INVALID_ARGUMENT naming what is wrong', (_name, call, words) => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FahrasError);
    expect((error as FahrasError).code).toBe('INVALID_ARGUMENT');
    for (const w of words) expect((error as FahrasError).message).toContain(w);
  });

  it('refuses no valid configuration, and every accepted one serializes and loads (property)', async () => {
    const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    await assertProperty(
      fc.property(
        fc.record(
          {
            paragraphs: option(fc.constantFrom('line', 'blank-line', 'none', 'x')),
            maxParagraphLength: option(fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double())),
            fields: option(fc.oneof(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.record({ boost: option(fc.double()) }), { maxKeys: 4 }))),
            analyzer: option(
              fc.oneof(
                fc.constantFrom('default', 'lucene', 'exact', 'other'),
                fc.record(
                  {
                    preset: option(fc.constantFrom('default', 'lucene', 'exact')),
                    stemmer: option(fc.constantFrom('fahras', 'lucene', 'snowball', 'none', 'porter')),
                    normalizer: option(fc.constantFrom('fahras', 'lucene', 'xyz')),
                    stopwords: option(fc.oneof(fc.constantFrom('arabic', 'lucene', 'none'), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }))),
                    maxTokenLength: option(fc.integer({ min: -1, max: 300 })),
                    normalize: option(fc.record({ diacritics: option(fc.oneof(fc.boolean(), fc.constant('yes'))), superscriptAlef: option(fc.constantFrom('drop', 'alef', 'keep', 'no')) }, { requiredKeys: [] })),
                  },
                  { requiredKeys: [] },
                ),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
        (options) => {
          let index;
          try {
            index = createIndex(options as never);
          } catch (e) {
            expect(e).toBeInstanceOf(FahrasError);
            expect((e as FahrasError).code).toBe('INVALID_ARGUMENT');
            return;
          }
          const fields = index.config.fields.map((f) => f.name);
          index.add({ id: 1, text: 'افتتحت المكتبة الوطنية', ...Object.fromEntries(fields.map((f) => [f, 'المكتبة'])) });
          const again = loadIndex(index.serialize());
          // stopwords are stored as words; keys left out at their stored default come back in another order
          const settings = (c: typeof index.config) => JSON.parse(JSON.stringify({ ...c, analyzer: { ...c.analyzer, stopwords: null } }));
          expect(settings(again.config)).toEqual(settings(index.config));
          expect(again.search('المكتبة', { limit: 3 })).toEqual(index.search('المكتبة', { limit: 3 }));
        },
      ),
      runs(300),
    );
  });
});

describe('garbage arguments', () => {
  /** Values a caller could pass by mistake, the odd ones that broke fahras' internals included. */
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const garbage = fc.oneof(
    fc.anything({ withBigInt: true, withNullPrototype: true, withTypedArray: true, withMap: true, withSet: true, withDate: true, withSparseArray: true }),
    fc.constantFrom<unknown>(Object.create(null), JSON.parse('['.repeat(5000) + ']'.repeat(5000)), cyclic, Symbol('s'), () => 1, 1n, Number.NaN, -1, 0, 1e308, [[0, 9]], { text: 'x', highlights: [[1, 0]] }, { id: 1 }, { id: 1, text: 2 }, { limit: -1 }, { typos: 5 }, { fuzzy: 5 }, { normalize: { diacritics: 1n } }),
  );
  const index = built();
  const bytes = index.serialize();
  /** Every public function and method, called with garbage arguments. */
  const calls: ((a: unknown, b: unknown) => unknown)[] = [
    (a, b) => createIndex(a as never).add(b as never),
    (a) => createIndex().add(a as never),
    (a) => createIndex().addAll(a as never),
    (a) => built().update(a as never),
    (a) => built().remove(a as never),
    (a) => index.has(a as never),
    (a, b) => index.search(a as never, b as never),
    (a) => index.search('مكتبة', a as never),
    (a) => createAnalyzer(a as never).analyze('مكتبة'),
    (a) => createAnalyzer().analyze(a as never),
    (a, b) => normalize(a as never, b as never),
    (a) => normalize('مكتبة', a as never),
    (a, b) => normalizeWord(a as never, b as never),
    (a, b) => tokenize(a as never, b as never),
    (a) => tokenize('مكتبة', a as never),
    (a, b) => toHtml(a as never, b as never),
    (a) => escapeHtml(a as never),
    (a) => loadIndex(a as never),
    (a, b) => lite.loadIndex(a as never, b as never),
    (a) => lite.loadIndex(bytes, a as never),
    (a) => lite.loadIndex(bytes, { fields }).search('مكتبة', a as never),
    (a, b) => fahras.splitParagraphs(a as never, b as never),
  ];

  it('only ever throw FahrasError (property)', async () => {
    await assertProperty(
      fc.property(fc.nat(calls.length - 1), garbage, garbage, (k, a, b) => {
        try {
          calls[k](a, b);
        } catch (e) {
          if (!(e instanceof FahrasError)) throw new Error(`call ${k} threw ${String(e)}`);
        }
      }),
      runs(3000),
    );
  });
});

describe('atomic changes', () => {
  /** Everything a caller can observe of an index. */
  const observe = (index: ReturnType<typeof built>) => ({
    stats: index.stats(),
    count: index.documentCount,
    results: ['المكتبة', 'المدرسة', 'الطلاب الكتب', 'مكتب*'].map((q) => index.search(q, { limit: 20 })),
    bytes: Array.from(index.serialize()),
  });

  it('a failing add or update leaves the index exactly as before', () => {
    const index = built();
    const before = observe(index);
    const failing: (() => void)[] = [
      () => index.add({ id: 3, text: 'نص جديد', title: 42 as never }), // a bad field value after a good text
      () => index.add({ id: 3, text: 'نص جديد', title: 'عنوان', meta: [1n] }), // a bad stored value, last
      () => index.add({ id: 1, text: 'نص' }), // DUPLICATE_ID
      () => index.update({ id: 1, text: 'نص جديد', title: { ar: 'x' } as never }), // the old document stays
      () => index.update({ id: 2, text: 5 as never }),
      () => index.addAll([{ id: 7, body: 'x' } as never]),
    ];
    for (const call of failing) {
      expect(call).toThrow(FahrasError);
      expect(observe(index)).toEqual(before);
    }
    expect(index.has(1) && index.has(2)).toBe(true);
  });
});
