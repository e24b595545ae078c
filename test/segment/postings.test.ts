// The postings codec on crafted bytes: no loop trusts a stored term frequency (issue 15, item 1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachEntry, putEntry } from '../../src/segment/postings.js';
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

describe('the entry encoding (FORMAT.md section 5.1)', () => {
  it('decodes what putEntry wrote: ascending paragraphs with their term frequencies', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }), fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 200, maxLength: 200 }), (paragraphs, tfs) => {
        const sorted = [...paragraphs].sort((a, b) => a - b);
        const bytes = new Uint8Array(sorted.length * 10);
        let end = 0;
        sorted.forEach((p, i) => (end = putEntry(bytes, end, p - (i ? sorted[i - 1] : -1), tfs[i])));
        const ranges = { entryStart: Uint32Array.of(0, end), entryBytes: bytes, positionStart: new Uint32Array(2), positionBytes: new Uint8Array(0) };
        const seen: [number, number][] = [];
        const last = forEachEntry(ranges, 0, 5001, (p, tf) => seen.push([p, tf]));
        expect(seen).toEqual(sorted.map((p, i) => [p, tfs[i]]));
        expect(last).toBe(sorted.length ? sorted[sorted.length - 1] : -1);
        // a term frequency of 1 costs no byte of its own
        if (sorted.length === 1 && tfs[0] === 1 && sorted[0] < 63) expect(end).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
