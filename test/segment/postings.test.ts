// The postings codec on crafted bytes: no loop trusts a stored term frequency (issue 15, item 1).
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError, loadIndex } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { withUnitEntries } from '../helpers/index-bytes.js';

/** The error code a call throws ('ok' when it returns), and how long it took. */
function outcome(f: () => unknown): { code: string; ms: number } {
  const t0 = performance.now();
  try {
    f();
    return { code: 'ok', ms: performance.now() - t0 };
  } catch (e) {
    return { code: e instanceof FahrasError ? e.code : `untyped ${String(e)}`, ms: performance.now() - t0 };
  }
}

describe('a crafted term frequency', () => {
  const idx = createIndex();
  idx.addAll([
    { id: 'a', text: 'الرياض عاصمة' },
    { id: 'b', text: 'الرياض المملكة' },
  ]);
  const bytes = idx.serialize();

  // the reproduction: رياض's first unit entry (paragraph 0) says tf = 1e9, then 2^40; the second is untouched
  for (const tf of [1e9, 2 ** 40]) {
    it(`of ${tf} is CORRUPT_INDEX when its positions are first read, at once, in both entries`, () => {
      const crafted = withUnitEntries(bytes, 'رياض', [
        [1, tf],
        [1, 1],
      ]);
      for (const load of [loadIndex, loadForSearch]) {
        const index = load(crafted);
        for (const q of ['"الرياض المملكة"', 'الرياض المملكة', 'الرياض']) {
          const { code, ms } = outcome(() => index.search(q));
          expect(code, q).toBe('CORRUPT_INDEX');
          expect(ms).toBeLessThan(1000); // 1.4 s (tf 1e9) and 30 s+ (2^40) before the check
        }
      }
    });
  }

  it('an honest index is untouched by the check', () => {
    const same = withUnitEntries(bytes, 'رياض', [
      [1, 1],
      [1, 1],
    ]);
    expect(loadIndex(same).search('"الرياض المملكة"').map((r) => r.id)).toEqual(['b']);
  });
});
