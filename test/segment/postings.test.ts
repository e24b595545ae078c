// The postings codec on crafted bytes: no loop trusts a stored term frequency (issue 15, item 1).
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError, loadIndex } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { withUnitEntries } from '../helpers/index-bytes.js';

/** The error code a call throws ('ok' when it returns). */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof FahrasError ? e.code : `untyped ${String(e)}`;
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
          // before the check: 1.4 s (tf 1e9) and 30 s+ (2^40) stepping over positions that are not there, then 'ok'
          expect(outcome(() => index.search(q)), q).toBe('CORRUPT_INDEX');
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
