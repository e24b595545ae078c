// MaxScore pruning and block skipping are optimizations, not ranking changes: on random corpora large enough for
// block tables, the pruned searcher returns what the exhaustive one does (same paragraphs, order, scores, snippets).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerAllComponents } from '../../src/analysis/register-all.js';
import { IndexBuilder, resolveIndexConfig, serializeSnapshot } from '../../src/index-builder/index.js';
import { readSnapshot, Searcher, type SearchOptions, type SearchResult } from '../../src/query/index.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

const queryArb = fc.record({
  words: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
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

function same(pruned: SearchResult[], full: SearchResult[]): void {
  expect(pruned.map((r) => `${r.id}#${r.paragraph}`)).toEqual(full.map((r) => `${r.id}#${r.paragraph}`));
  pruned.forEach((r, i) => {
    expect(Math.abs(r.score - full[i].score)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(full[i].score)));
    expect(r.snippet).toEqual(full[i].snippet);
  });
}

describe('MaxScore pruning', () => {
  it('returns the exhaustive top-k on random corpora, built, loaded and with removed documents (property)', async () => {
    registerAllComponents();
    const config = resolveIndexConfig();
    const totals = { queries: 0, pruned: 0 };
    let cases = 0;
    await assertProperty(
      fc.property(
        fc.integer(),
        fc.integer({ min: 50, max: 1500 }),
        fc.integer({ min: 5, max: 120 }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.array(queryArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (seed, paragraphs, vocabulary, skew, queries, removeSome) => {
          const { words, docs } = corpus(seed, paragraphs, vocabulary, skew);
          const builder = new IndexBuilder(config);
          for (const d of docs) builder.add(d);
          if (removeSome) for (let id = 0; id < docs.length; id += 7) builder.remove(id);
          const built = builder.snapshot();
          // a loaded index has no term vectors (snippets re-analyze); the serializer expects no removed documents
          const snaps = removeSome ? [built] : [built, readSnapshot(serializeSnapshot(built).bytes)];
          for (const snap of snaps) {
            const pruned = new Searcher(snap, builder.analyzer);
            const full = new Searcher(snap, builder.analyzer);
            full.exhaustive = true;
            for (const q of queries) {
              const text = q.words.map((w) => words[w % words.length]).join(' ') + (q.star ? '*' : '');
              const options: SearchOptions = q.options;
              same(pruned.search(text, options), full.search(text, options));
            }
            totals.queries += queries.length;
            totals.pruned += pruned.pruned;
          }
          cases++;
        },
      ),
      runs(40),
    );
    report('pruned = exhaustive', cases, `(${totals.pruned} of ${totals.queries} queries switched to update-only)`);
    // the property is not vacuous: pruning ran
    expect(totals.pruned).toBeGreaterThan(0);
  }, 120_000);
});
