import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, FahrasError } from '../../src/index.js';
import { type TextAnalyzer, WordChain } from '../../src/analysis/index.js';
import { arabicHeavyString } from '../helpers/arbitraries.js';
import { assertProperty, runs } from '../helpers/runs.js';
import { sharedPath } from '../helpers/shared.js';

const terms = (preset: Parameters<typeof createAnalyzer>[0], s: string) => createAnalyzer(preset).analyze(s).map((t) => t.term);

describe('createAnalyzer presets', () => {
  it('default: والمكتبات and مكتبة meet', async () => {
    expect(terms('default', 'والمكتبات')).toEqual(terms('default', 'مكتبة'));
    expect(terms('default', 'الْمَكْتَبَةُ')).toEqual(terms('default', 'المكتبة'));
  });
  it('default drops stopwords but keeps their positions', async () => {
    const toks = createAnalyzer().analyze('ذهب الولد إلى المدرسة');
    expect(toks.map((t) => t.position)).toEqual([0, 1, 3]);
  });
  it('exact: normalization only', async () => {
    expect(terms('exact', 'والمكتبات إلى')).toEqual(['والمكتبات', 'الي']);
  });
  it('options override a preset; bad options throw FahrasError(INVALID_ARGUMENT)', async () => {
    expect(terms({ preset: 'default', stemmer: 'none' }, 'المكتبات')).toEqual(['المكتبات']);
    expect(terms({ stopwords: ['كتاب'] }, 'كتاب مفيد')).toEqual([terms('default', 'مفيد')[0]]);
    for (const bad of [{ preset: 'nope' }, { stemmer: 'x' }, { tokenizer: 'x' }, { stopwords: 'x' }, { maxTokenLength: 0 }]) {
      expect(() => createAnalyzer(bad as never)).toThrow(FahrasError);
    }
  });
  it('surface is the normalized word before stemming', async () => {
    const [t] = createAnalyzer().analyze('والمكتبات');
    expect(t.surface).toBe('والمكتبات');
    expect(t.term).not.toBe(t.surface);
  });
  it('never throws on any string and keeps offsets in bounds (property)', async () => {
    const analyzers = [createAnalyzer('default'), createAnalyzer('lucene'), createAnalyzer('exact'), createAnalyzer({ stemmer: 'snowball' })];
    await assertProperty(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), arabicHeavyString(80)), (s) => {
        for (const a of analyzers) {
          for (const t of a.analyze(s)) {
            expect(0 <= t.start && t.start < t.end && t.end <= s.length).toBe(true);
          }
        }
      }),
      runs(1000),
    );
  });
  it("the search entry's chain without word tables (WordChain) analyzes exactly as the indexer's analyzer (property)", async () => {
    const pairs = (['default', 'lucene', 'exact'] as const).map((p) => {
      const full = createAnalyzer(p);
      return [full, new WordChain(full.config)] as const;
    });
    await assertProperty(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), arabicHeavyString(80)), (s) => {
        for (const [full, lite] of pairs) {
          expect(lite.analyze(s)).toEqual(full.analyze(s));
          expect(lite.surfaceOf(s)).toBe(full.surfaceOf(s));
          const spans = (a: TextAnalyzer) => {
            const out: number[] = [];
            a.scanSpans(s, (start, end, position) => out.push(start, end, position) < 0);
            return out;
          };
          expect(spans(lite)).toEqual(spans(full));
          // the indexer's word-id path gives the same terms and surfaces
          const ids: string[] = [];
          full.scanWords(s, (w, start, end) => {
            const t = full.termOf(w);
            if (t >= 0) ids.push(`${full.termStrings[t]}|${full.surfaceStrings[w]}|${start}|${end}`);
          });
          expect(ids).toEqual(lite.analyze(s).map((t) => `${t.term}|${t.surface}|${t.start}|${t.end}`));
        }
      }),
      runs(500),
    );
  });
});

const seedsOracle = sharedPath('oracles/lucene-analyzer-seeds.jsonl');

describe('lucene preset = Lucene ArabicAnalyzer (Lucene++ 3.0.8) on the seed paragraphs', () => {
  it.skipIf(!seedsOracle)('gives the same tokens, terms and offsets on every paragraph', async () => {
    const lines = readFileSync(seedsOracle as string, 'utf8').split('\n').filter(Boolean);
    const analyzer = createAnalyzer('lucene');
    let tokens = 0;
    const diffs: string[] = [];
    for (const line of lines) {
      const { text, tokens: want } = JSON.parse(line) as { text: string; tokens: { term: string; start: number; end: number }[] };
      const got = analyzer.analyze(text).map((t) => ({ term: t.term, start: t.start, end: t.end }));
      tokens += want.length;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const i = got.findIndex((g, k) => JSON.stringify(g) !== JSON.stringify(want[k]));
        diffs.push(`at ${i}: got ${JSON.stringify(got[i])} want ${JSON.stringify(want[i])}`);
      }
    }
    expect(lines.length).toBe(104);
    expect(tokens).toBe(4693);
    expect(diffs.slice(0, 10)).toEqual([]);
  });
});
