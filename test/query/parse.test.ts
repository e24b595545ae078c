import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, createIndex, type FahrasIndex, toHtml } from '../../src/index.js';
import { parseQuery } from '../../src/query/parse.js';
import { arabicHeavyString } from '../helpers/arbitraries.js';
import { assertProperty, report, runs } from '../helpers/runs.js';
import { seedDocuments } from '../helpers/seeds.js';

const analyzer = createAnalyzer();
const syntax = fc.constantFrom('"', '-', '+', '*', 'OR', 'AND', ' ', ':', 'title:', 'text:', '«', '»', '“', '”', '\u200f', '\u200e', '\u202e', '\u2066');
const queryArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  arabicHeavyString(40),
  fc.array(fc.oneof(syntax, arabicHeavyString(6)), { maxLength: 30 }).map((a) => a.join('')),
);

describe('parseQuery', () => {
  it('reads words, phrases, exclusions, required words, AND/OR and prefixes', async () => {
    const q = parseQuery('"جسر الشغور" -درعا +سوريا ادلب* روسيا AND ايران OR تركيا', analyzer);
    expect(q.must.map((c) => c.queryTerms.map((t) => t.surface).join(' '))).toEqual(['جسر الشغور', 'سوريا', 'روسيا', 'ايران']);
    expect(q.not.map((c) => c.queryTerms[0].surface)).toEqual(['درعا']);
    expect(q.should.map((c) => c.queryTerms[0].surface)).toEqual(['ادلب', 'تركيا']);
    expect(q.should[0].queryTerms[0].prefix).toBe(true);
  });
  it('keeps stopword gaps inside phrases', async () => {
    const q = parseQuery('"مدينة في جدة"', analyzer);
    const [phrase] = q.must;
    expect(phrase.queryTerms.map((t) => t.position - phrase.queryTerms[0].position)).toEqual([0, 2]);
  });
  it('degrades unbalanced quotes and lone operators to words', async () => {
    expect(parseQuery('"جسر الشغور', analyzer).must).toHaveLength(1);
    expect(parseQuery('AND', analyzer).should.map((c) => c.queryTerms[0].term)).toEqual(['and']);
    expect(parseQuery('- + * OR', analyzer).should.length).toBeLessThanOrEqual(1);
  });
  it('caps the query length and the clause count', async () => {
    const long = parseQuery('كلمة '.repeat(10_000), analyzer);
    expect(long.should.length + long.must.length + long.not.length).toBeLessThanOrEqual(32);
    const custom = parseQuery('أ ب ت ث ج ح خ', analyzer, { maxClauses: 2 });
    expect(custom.should.length).toBe(2);
    // the words past maxQueryLength characters are not read
    const words = (q: string, max?: number) => parseQuery(q, analyzer, max ? { maxQueryLength: max } : {}).should.map((c) => c.queryTerms[0].surface);
    expect(words(`${'كلمة '.repeat(199)}سوريا`)).toEqual(['كلمه', 'سوريا']);
    expect(words(`${'كلمة '.repeat(200)}سوريا`)).toEqual(['كلمه']);
    expect(words('سوريا ادلب', 5)).toEqual(['سوريا']);
    expect(words('سوريا ادلب', 8)).toEqual(['سوريا', 'اد']);
  });
  it('never throws on any string (property)', async () => {
    await assertProperty(
      fc.property(queryArb, fc.boolean(), (q, prefix) => {
        const p = parseQuery(q, analyzer, { prefix });
        expect(p.should.length + p.must.length + p.not.length).toBeLessThanOrEqual(32);
      }),
      runs(3000),
    );
    report('parseQuery random strings', runs(3000));
  });
});

describe('search on random queries', () => {
  let index: FahrasIndex;
  const docs = seedDocuments();
  beforeAll(() => {
    index = createIndex({ fields: ['title'] });
    index.addAll(docs.map((d, i) => ({ ...d, title: `عنوان ${i}` })));
  });
  it('never throws, returns at most `limit` results from the index, highlights inside snippets (property)', async () => {
    const ids = new Set(docs.map((d) => d.id));
    await assertProperty(
      fc.property(
        queryArb,
        fc.record({
          limit: fc.integer({ min: 1, max: 50 }),
          prefix: fc.boolean(),
          fuzzy: fc.boolean(),
          groupBy: fc.constantFrom('paragraph', 'document'),
          snippetLength: fc.integer({ min: 16, max: 400 }),
        }),
        (q, o) => {
          const r = index.search(q, o as never);
          expect(r.length).toBeLessThanOrEqual(o.limit);
          for (const x of r) {
            expect(ids.has(String(x.id))).toBe(true);
            expect(Number.isFinite(x.score)).toBe(true);
            for (const [s, e] of x.snippet.highlights) expect(0 <= s && s < e && e <= x.snippet.text.length).toBe(true);
            // ascending and apart: what toHtml takes
            toHtml(x.snippet);
          }
        },
      ),
      runs(1500),
    );
    report('search random queries', runs(1500));
  });
  it('bounds expansion: a one-letter prefix on the index answers with at most the limit', async () => {
    const r = index.search('ا*', { limit: 5 });
    expect(r.length).toBe(5);
    const single = index.search('ب', { prefix: true, maxExpansions: 3 });
    expect(single.length).toBeGreaterThan(0);
  });
});

describe('parseQuery, the query shape', () => {
  const questions = ['متي', 'اين', 'بماذا'];
  it('marks a query holding one of `questions` (its surface form, stopword or not) a question', () => {
    for (const q of ['متى وصل الوفد', 'مَتَى وصل', 'وصل الوفد أين', 'بماذا فاز', '-متى فاز']) expect(parseQuery(q, analyzer, { questions }).question).toBe(true);
    for (const q of ['وصل الوفد', 'متىن وصل', '']) expect(parseQuery(q, analyzer, { questions }).question).toBeFalsy();
    expect(parseQuery('متى وصل الوفد', analyzer).question).toBeFalsy();
  });
});
