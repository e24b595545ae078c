// The postings codec: no loop trusts a stored term frequency on crafted bytes (issue 15, item 1); entries decode as
// written; the positions cursor finds what a plain walk finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachEntry, MAX_POSITIONS, PositionsCursor, putEntry, putVarint } from '../../src/segment/postings.js';
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

describe('PositionsCursor (positions pulled per paragraph)', () => {
  /** One term's entries and positions, encoded as FORMAT.md section 5 says. */
  function encode(entries: { paragraph: number; positions: number[] }[]) {
    const entryBytes = new Uint8Array(entries.length * 10);
    const positionBytes = new Uint8Array(entries.reduce((sum, e) => sum + e.positions.length * 5, 0));
    let entryEnd = 0;
    let positionEnd = 0;
    entries.forEach((e, i) => {
      entryEnd = putEntry(entryBytes, entryEnd, e.paragraph - (i ? entries[i - 1].paragraph : -1), e.positions.length);
      e.positions.forEach((p, k) => (positionEnd = putVarint(positionBytes, positionEnd, p - (k ? e.positions[k - 1] : 0))));
    });
    return { entryStart: Uint32Array.of(0, entryEnd), entryBytes, positionStart: Uint32Array.of(0, positionEnd), positionBytes };
  }

  it('seeks ascending paragraphs and reads the positions of those the term is in, whatever it passed over (property)', () => {
    const entriesArb = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 })), { maxLength: 60 })
      .map((raw) => {
        let paragraph = -1;
        return raw.map(([gap, deltas]) => {
          let p = 0;
          return { paragraph: (paragraph += gap), positions: deltas.map((d) => (p += d)) };
        });
      });
    fc.assert(
      fc.property(entriesArb, fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { maxLength: 40 }), (entries, probes) => {
        const cursor = new PositionsCursor().reset(encode(entries), 0, 1000);
        for (const target of [...probes].sort((a, b) => a - b)) {
          const entry = entries.find((e) => e.paragraph === target);
          expect(cursor.seek(target), String(target)).toBe(entry !== undefined);
          if (entry) expect(cursor.positions()).toEqual(entry.positions);
        }
      }),
      { numRuns: 300 },
    );
  });

  it(`hands out the first ${MAX_POSITIONS} positions of a paragraph and still finds the next paragraph's`, () => {
    const many = Array.from({ length: MAX_POSITIONS + 10 }, (_, i) => i);
    const cursor = new PositionsCursor().reset(encode([{ paragraph: 3, positions: many }, { paragraph: 7, positions: [2, 9] }]), 0, 10);
    expect(cursor.seek(3)).toBe(true);
    expect(cursor.positions()).toEqual(many.slice(0, MAX_POSITIONS));
    expect(cursor.seek(5)).toBe(false);
    expect(cursor.seek(7)).toBe(true);
    expect(cursor.positions()).toEqual([2, 9]);
    expect(cursor.seek(8)).toBe(false);
  });
});
