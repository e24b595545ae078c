// Block tables change how far a cursor decodes, never what it finds: `jump` and a `SkippingPositionsCursor`
// equal a plain walk of the postings on random ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryCursor } from '../../src/segment/postings.js';
import { BLOCK, SkippingPositionsCursor, skipsFor } from '../../src/segment/skips.js';
import { PostingsWriter } from '../../src/index-builder/postings.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

/** One term's postings: ascending units, each with 1-4 ascending positions. */
const postingsArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 20 * BLOCK, size: 'max' })
  .map((entries) => {
    let unit = -1;
    return entries.map(([gap, deltas]) => {
      unit += gap;
      let p = 0;
      return { unit, positions: deltas.map((d) => (p += d)) };
    });
  });

describe('block skip tables', () => {
  it('jump and seek with a table equal a plain walk (property)', async () => {
    let cases = 0;
    let tables = 0;
    await assertProperty(
      fc.property(postingsArb, fc.array(fc.integer({ min: 0, max: 20 * 40 * BLOCK }), { maxLength: 60 }), (entries, probes) => {
        const w = new PostingsWriter();
        const t = w.idFor('كلمة');
        w.idFor('أخرى'); // a second term after it: the table must stop at the term's own bytes
        for (const e of entries) for (const p of e.positions) w.addId(t, e.unit, p);
        w.addId(1, entries[entries.length - 1].unit + 1, 0);
        const data = w.freeze();
        const unitCount = entries[entries.length - 1].unit + 2;
        const skips = skipsFor(data, t, unitCount);
        expect(skips === null).toBe(entries.length < 4 * BLOCK);
        if (skips) tables++;
        const targets = Int32Array.from(new Set([...probes, ...entries.filter((_, i) => i % 5 === 0).map((e) => e.unit)])).sort();
        // jump, then next: the first unit >= each target, with its tf
        const c = new EntryCursor().reset(data, t, unitCount);
        for (const target of targets) {
          const want = entries.find((e) => e.unit >= target);
          let found = c.paragraphNumber >= target;
          if (!found) {
            skips?.jump(c, target);
            while (!found && c.next()) found = c.paragraphNumber >= target;
          }
          expect(found).toBe(want !== undefined);
          if (want) expect([c.paragraphNumber, c.tf]).toEqual([want.unit, want.positions.length]);
        }
        // positions of the wanted units
        const got: [number, number[]][] = [];
        const cursor = new SkippingPositionsCursor().reset(data, t, unitCount);
        for (const target of targets) if (cursor.seek(target)) got.push([target, cursor.positions()]);
        const set = new Set(targets);
        expect(got).toEqual(entries.filter((e) => set.has(e.unit)).map((e) => [e.unit, e.positions]));
        cases++;
      }),
      runs(60),
    );
    report('skip tables = plain walk', cases, `(${tables} with a table)`);
    expect(tables).toBeGreaterThan(cases / 4);
  });
});
