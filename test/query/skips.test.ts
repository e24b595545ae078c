// Block tables are an optimization, not a ranking change: on random corpora large enough for them, a searcher that
// reads positions through the tables (phrases, proximity) returns exactly what one walking the postings plainly does
// (same paragraphs, order, scores, snippets). The plain searcher is a second copy of the query modules in which
// `skipsFor` returns no table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerAllComponents } from '../../src/analysis/register-all.js';
import { IndexBuilder, resolveIndexConfig } from '../../src/index-builder/index.js';
import { readSnapshot, serializeSnapshot, SkippingPositionsCursor, skipsFor } from '../../src/segment/index.js';
import { scoreFields, Searcher, searchSnapshot, type SearchOptions, type SearchResult } from '../../src/query/index.js';
import { typos } from '../../src/query/typos.js';
import { mulberry32 } from '../../bench/lib/queries.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];

interface Corpus {
  words: string[];
  docs: { id: number; text: string }[];
}

/** Documents of 1-3 paragraphs over a vocabulary drawn with a skewed (Zipf-like) frequency, so a few words are in most paragraphs. */
function corpus(seed: number, paragraphs: number, vocabulary: number, skew: number): Corpus {
  const rand = mulberry32(seed);
  const words: string[] = [];
  for (let i = 0; i < vocabulary; i++) {
    let w = rand() < 0.3 ? 'ال' : '';
    const len = 3 + Math.floor(rand() * 4);
    for (let j = 0; j < len; j++) w += LETTERS[Math.floor(rand() * LETTERS.length)];
    words.push(w);
  }
  const docs: Corpus['docs'] = [];
  for (let made = 0; made < paragraphs; ) {
    const ps: string[] = [];
    for (let p = 1 + Math.floor(rand() * 3); p > 0; p--, made++) {
      const len = 1 + Math.floor(rand() * rand() * 40);
      const ws: string[] = [];
      for (let i = 0; i < len; i++) ws.push(words[Math.floor(vocabulary * rand() ** skew)]);
      ps.push(ws.join(' '));
    }
    docs.push({ id: docs.length, text: ps.join('\n') });
  }
  return { words, docs };
}

/** Query words with an operator each ('' plain, '+', '-'), some runs quoted as phrases. */
const queryArb = fc.record({
  words: fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '', '', '+', '-')), { minLength: 1, maxLength: 6 }),
  phrase: fc.option(fc.tuple(fc.nat(5), fc.integer({ min: 2, max: 3 }))),
  star: fc.boolean(),
  options: fc.record(
    {
      limit: fc.integer({ min: 1, max: 40 }),
      offset: fc.integer({ min: 0, max: 30 }),
      prefix: fc.boolean(),
      fuzzy: fc.boolean(),
      bm25: fc.record({ k1: fc.double({ min: 0, max: 3, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) }),
    },
    { requiredKeys: [] },
  ),
});

function queryText(q: QueryValue, words: string[]): string {
  const parts = q.words.map(([w, op]) => op + words[w % words.length]);
  if (q.phrase) {
    const [at, len] = q.phrase;
    const from = Math.min(at, Math.max(0, parts.length - 2));
    const to = Math.min(parts.length, from + len);
    if (to - from >= 2) parts.splice(from, to - from, `"${q.words.slice(from, to).map(([w]) => words[w % words.length]).join(' ')}"`);
  }
  return parts.join(' ') + (q.star ? '*' : '');
}
type QueryValue = { words: [number, string][]; phrase: [number, number] | null; star: boolean; options: SearchOptions };

function same(a: SearchResult[], b: SearchResult[]): void {
  expect(a.map((r) => `${r.id}#${r.paragraph}`)).toEqual(b.map((r) => `${r.id}#${r.paragraph}`));
  expect(a.map((r) => r.score)).toEqual(b.map((r) => r.score));
  expect(a.map((r) => r.snippet)).toEqual(b.map((r) => r.snippet));
}

describe('block tables in the searcher', () => {
  it('phrases and proximity through the tables equal a plain walk, built, loaded and with removed documents (property)', async () => {
    // one searcher given the block tables (counting those it uses), one without any (fahras/search)
    let used = 0;
    class Counted extends SkippingPositionsCursor {
      override reset(...a: Parameters<typeof skipsFor>): this {
        if (skipsFor(...a)) used++;
        return super.reset(...a);
      }
    }
    registerAllComponents();
    const config = resolveIndexConfig();
    let cases = 0;
    let queries = 0;
    let positional = 0;
    await assertProperty(
      fc.property(
        fc.integer(),
        fc.integer({ min: 300, max: 1500 }),
        fc.integer({ min: 5, max: 120 }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.array(queryArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (seed, paragraphs, vocabulary, skew, qs, removeSome) => {
          const { words, docs } = corpus(seed, paragraphs, vocabulary, skew);
          const builder = new IndexBuilder(config);
          for (const d of docs) builder.add(d);
          if (removeSome) for (let id = 0; id < docs.length; id += 7) builder.remove(id);
          const built = builder.snapshot();
          // a loaded index has no term vectors (snippets re-analyze); the serializer expects no removed documents
          const snaps = removeSome ? [built] : [built, readSnapshot(serializeSnapshot(built).bytes)];
          for (const snap of snaps) {
            const tables = new Searcher(snap, builder.analyzer, { typos, fields: scoreFields, positions: new Counted() });
            const plain = new Searcher(snap, builder.analyzer, { typos, fields: scoreFields });
            for (const q of qs as QueryValue[]) {
              const text = queryText(q, words);
              same(searchSnapshot(tables, text, q.options), searchSnapshot(plain, text, q.options));
              queries++;
              if (q.phrase || q.words.filter(([, op]) => op !== '-').length > 1) positional++;
            }
          }
          cases++;
        },
      ),
      runs(40),
    );
    report('block tables = plain walk (searcher)', cases, `(${queries} queries, ${positional} with phrases or proximity; ${used} block tables read)`);
    expect(positional).toBeGreaterThan(queries / 4);
    expect(used).toBeGreaterThan(queries / 4);
  }, 120_000);
});
