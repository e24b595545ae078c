// Bench input helpers: eval-folder parsing, corpus slicing, query cleaning and the seeded query sampler.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isEvalDir, listEvalSets, loadEvalSet, parseQrelsTsv, readCorpusSlice } from '../../bench/lib/data.js';
import { cleanQuery, fingerprint, sampleKnownItemQueries, sampleSpeedQueries } from '../../bench/lib/queries.js';
import { median, percentile } from '../../bench/lib/util.js';

function evalFolder(withSplit: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'fahras-bench-'));
  writeFileSync(join(dir, 'corpus.jsonl'), '{"id": "d1", "text": "نص أول"}\n{"id": 2, "text": "نص\\tثان"}\n');
  writeFileSync(join(dir, 'queries.tsv'), 'q1\tما هو النص؟\nq2\tسؤال\tمع تبويب\n');
  writeFileSync(join(dir, 'qrels.tsv'), 'q1\t0\td1\t1\nq1\t0\t2\t2\nq2\t0\t2\t1\n');
  if (withSplit) writeFileSync(join(dir, 'query_split.tsv'), 'q1\ttrain\nq2\ttest\n');
  return dir;
}

describe('eval folders', () => {
  it('loads corpus, queries, qrels and the optional split', () => {
    const set = loadEvalSet(evalFolder(true));
    expect(set.docs).toEqual([
      { id: 'd1', text: 'نص أول' },
      { id: '2', text: 'نص\tثان' },
    ]);
    expect(set.queries).toEqual([
      { qid: 'q1', text: 'ما هو النص؟' },
      { qid: 'q2', text: 'سؤال\tمع تبويب' },
    ]);
    expect(set.qrels.get('q1')).toEqual(new Map([['d1', 1], ['2', 2]]));
    expect(set.split?.get('q2')).toBe('test');
  });
  it('has no split without query_split.tsv, and rejects a folder missing a file', () => {
    const dir = evalFolder(false);
    expect(loadEvalSet(dir).split).toBeUndefined();
    expect(isEvalDir(dir)).toBe(true);
    const empty = mkdtempSync(join(tmpdir(), 'fahras-bench-'));
    expect(() => loadEvalSet(empty)).toThrow(/corpus\.jsonl/);
  });
  it('lists the folders of a root with the known sets first', () => {
    const root = mkdtempSync(join(tmpdir(), 'fahras-bench-root-'));
    for (const name of ['zzz', 'seeds-tiny', 'arcd']) {
      const src = evalFolder(false);
      const dst = join(root, name);
      cpSync(src, dst, { recursive: true });
    }
    expect(listEvalSets(root).map((p) => p.split(/[\\/]/).pop())).toEqual(['arcd', 'seeds-tiny', 'zzz']);
  });
  it('parses qrels split on any whitespace', () => {
    expect(parseQrelsTsv('q 0 d 3\n').get('q')?.get('d')).toBe(3);
  });
});

describe('corpus slices', () => {
  it('reads records until their UTF-8 text reaches the size, and the whole file when it is smaller', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fahras-bench-'));
    const path = join(dir, 'c.jsonl.gz');
    const recs = Array.from({ length: 10 }, (_, i) => JSON.stringify({ id: `r${i}`, text: 'ب'.repeat(50_000) })); // 100,000 bytes each
    writeFileSync(path, gzipSync(recs.join('\n') + '\n'));
    const half = await readCorpusSlice(0.25, path);
    expect(half.docs.map((d) => d.id)).toEqual(['r0', 'r1', 'r2']); // the record crossing 250,000 bytes is included
    expect(half.bytes).toBe(300_000);
    expect(half.exhausted).toBe(false);
    const all = await readCorpusSlice(5, path);
    expect(all.docs).toHaveLength(10);
    expect(all.exhausted).toBe(true);
  });
});

describe('queries', () => {
  it('cleanQuery turns every run of non letter/mark/number characters into one space', () => {
    expect(cleanQuery('- من هو جمال خاشقجي؟ ال')).toBe('من هو جمال خاشقجي ال');
    expect(cleanQuery('كَتَبَ «الدرس» (٢٠١٥): title+x~2^3')).toBe('كَتَبَ الدرس ٢٠١٥ title x 2 3');
    expect(cleanQuery('؟!…')).toBe('');
  });
  it('samples the same 3–6 word queries for the same corpus and seed', () => {
    const words = (n: number, p: string): string => Array.from({ length: n }, (_, i) => `${p}${i}`).join(' ');
    const docs = [
      { id: 'a', text: words(20, 'كلمة') },
      { id: 'b', text: words(5, 'قصير') }, // under 12 words: never a source
      { id: 'c', text: words(30, 'نص') },
    ];
    const one = sampleSpeedQueries(docs, 200, 7);
    expect(sampleSpeedQueries(docs, 200, 7)).toEqual(one);
    expect(fingerprint(sampleSpeedQueries(docs, 200, 8))).not.toBe(fingerprint(one));
    for (const query of one) {
      const n = query.split(' ').length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      expect(query).not.toMatch(/قصير/);
    }
  });
  it('draws known-item queries of 3–5 consecutive words of the paragraph they name', () => {
    const words = (n: number, p: string): string => Array.from({ length: n }, (_, i) => `${p}${i}`).join(' ');
    const docs = [
      { id: 'a', text: words(20, 'كلمة') },
      { id: 'b', text: words(5, 'قصير') },
      { id: 'c', text: words(30, 'نص') },
    ];
    const queries = sampleKnownItemQueries(docs, 100, 11);
    expect(sampleKnownItemQueries(docs, 100, 11)).toEqual(queries);
    expect(new Set(queries.map((q) => q.id))).toEqual(new Set(['a', 'c']));
    for (const { text, id } of queries) {
      const n = text.split(' ').length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      expect(` ${docs.find((d) => d.id === id)!.text} `).toContain(` ${text} `);
    }
  });
});

describe('statistics', () => {
  it('median and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });
});
