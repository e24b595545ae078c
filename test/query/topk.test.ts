// topK (the searcher's head selection) equals sorting every candidate by score, ties to the lower unit, and taking
// the first k — with many tied scores, k larger or smaller than the candidates, and only a prefix of the list used.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../src/query/search.js';
import { report, runs } from '../helpers/runs.js';

describe('topK', () => {
  it('equals a full sort, truncated', () => {
    const n = runs(500);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 199 }), { maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 200, maxLength: 200 }),
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 0, max: 40 }),
        (units, levels, k, drop) => {
          const scores = Float64Array.from(levels, (l) => l / 3); // few distinct values: many ties
          const used = Math.max(0, units.length - drop);
          const expected = units
            .slice(0, used)
            .sort((x, y) => scores[y] - scores[x] || x - y)
            .slice(0, k);
          expect(topK(Int32Array.from(units), used, scores, k)).toEqual(expected);
        },
      ),
      { numRuns: n },
    );
    report('topK equals sort + slice', n);
  });
});
