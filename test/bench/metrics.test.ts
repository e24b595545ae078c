// Hand-computed checks of the benchmark metrics (trec_eval semantics).
import { describe, expect, it } from 'vitest';
import { evaluateRun, mrrAt, ndcgAt, recallAt, topK } from '../../bench/lib/metrics.js';

const q = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('topK', () => {
  it('keeps the first occurrence of a repeated id and cuts at k', () => {
    expect(topK(['a', 'b', 'a', 'c', 'd'], 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('MRR@10', () => {
  it('is 1/rank of the first relevant document', () => {
    expect(mrrAt(['x', 'y', 'c', 'd'], q({ c: 1, d: 1 }))).toBeCloseTo(1 / 3, 12);
    expect(mrrAt(['c'], q({ c: 1 }))).toBe(1);
  });
  it('is 0 when the first relevant document is below rank 10', () => {
    const ranked = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'rel'];
    expect(mrrAt(ranked, q({ rel: 1 }))).toBe(0);
    expect(mrrAt(ranked.slice(1), q({ rel: 1 }))).toBe(0.1); // now at rank 10
  });
  it('counts a repeated id once', () => {
    expect(mrrAt(['a', 'a', 'c'], q({ c: 1 }))).toBe(0.5);
  });
  it('treats relevance 0 and negative as non-relevant, and is undefined without any relevant judgment', () => {
    expect(mrrAt(['a', 'b'], q({ a: 0, b: 1 }))).toBe(0.5);
    expect(mrrAt(['a'], q({ a: -1 }))).toBeUndefined();
    expect(mrrAt(['a'], q({}))).toBeUndefined();
  });
  it('is 0 for an empty result list', () => {
    expect(mrrAt([], q({ a: 1 }))).toBe(0);
  });
});

describe('nDCG@10', () => {
  // qrels d1:2, d2:1; ranking d2, x, d1.
  // graded: DCG = 1/log2(2) + 2/log2(4) = 2; IDCG = 2/log2(2) + 1/log2(3) = 2.6309297535714578 → 0.7601875334318685
  // binary: DCG = 1 + 1/2 = 1.5; IDCG = 1 + 1/log2(3) = 1.6309297535714578 → 0.9197207891481876
  const judged = q({ d1: 2, d2: 1, d3: 0 });
  it('uses the relevance value as a linear gain (graded)', () => {
    expect(ndcgAt(['d2', 'x', 'd1'], judged)).toBeCloseTo(0.7601875334318685, 12);
  });
  it('uses gain 1 for any relevant document (binary)', () => {
    expect(ndcgAt(['d2', 'x', 'd1'], judged, 10, 'binary')).toBeCloseTo(0.9197207891481876, 12);
  });
  it('is 1 for the ideal ranking', () => {
    expect(ndcgAt(['d1', 'd2'], judged)).toBeCloseTo(1, 12);
  });
  it('takes the ideal DCG from the qrels, not from the retrieved list', () => {
    // a retrieved at rank 1, b never retrieved: 1 / (1 + 1/log2(3)) = 0.6131471927654584
    expect(ndcgAt(['a'], q({ a: 1, b: 1 }))).toBeCloseTo(0.6131471927654584, 12);
    // twelve relevant documents: the ideal is cut at 10, IDCG = sum_{i=1..10} 1/log2(i+1) = 4.543559338088346
    const many = q(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`r${i}`, 1])));
    expect(ndcgAt(['r0'], many)).toBeCloseTo(1 / 4.543559338088346, 12);
    expect(ndcgAt(['r0'], many)).toBeCloseTo(0.22009176629808017, 12);
  });
  it('ignores documents below rank 10', () => {
    const ranked = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'a'];
    expect(ndcgAt(ranked, q({ a: 1 }))).toBe(0);
  });
  it('is undefined without any relevant judgment', () => {
    expect(ndcgAt(['a'], q({ a: 0 }))).toBeUndefined();
  });
});

describe('Recall@100', () => {
  it('counts relevant documents within the top 100 only', () => {
    const ranked = Array.from({ length: 120 }, (_, i) => `n${i}`);
    ranked[4] = 'a'; // rank 5
    ranked[49] = 'c'; // rank 50
    ranked[100] = 'b'; // rank 101: outside
    expect(recallAt(ranked, q({ a: 1, b: 1, c: 1, d: 1 }))).toBe(0.5);
  });
  it('is 1 when everything relevant is found and undefined without relevant judgments', () => {
    expect(recallAt(['a', 'b'], q({ a: 1, b: 3 }))).toBe(1);
    expect(recallAt(['a'], q({}))).toBeUndefined();
  });
});

describe('evaluateRun', () => {
  it('averages over the judged queries; a query missing from the run scores 0', () => {
    const qrels = new Map([
      ['q1', q({ a: 1 })],
      ['q2', q({ b: 1 })],
      ['q3', q({ c: 0 })], // no relevant document: left out
    ]);
    const run = new Map([['q1', ['x', 'a']]]); // q2 has no results
    const s = evaluateRun(run, qrels);
    expect(s.queries).toBe(2);
    expect(s.mrr10).toBeCloseTo((0.5 + 0) / 2, 12);
    expect(s.recall100).toBeCloseTo((1 + 0) / 2, 12);
    // q1: DCG = 1/log2(3), IDCG = 1 → 0.6309297535714575
    expect(s.ndcg10).toBeCloseTo(0.6309297535714575 / 2, 12);
  });
  it('restricts to a subset of query ids', () => {
    const qrels = new Map([
      ['q1', q({ a: 1 })],
      ['q2', q({ b: 1 })],
    ]);
    const run = new Map([
      ['q1', ['a']],
      ['q2', ['x']],
    ]);
    expect(evaluateRun(run, qrels, { onlyQids: new Set(['q1']) })).toEqual({ queries: 1, mrr10: 1, ndcg10: 1, recall100: 1 });
  });
});
