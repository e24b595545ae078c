// Model-based test: random sequences of add / remove / update / search against a reference model (the list of
// live documents); every search must equal the same search on an index rebuilt from scratch from the model. A
// `reload` step replaces the index by `loadIndex(index.serialize())`, so later changes apply to a loaded index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, type FahrasDocument, loadIndex } from '../../src/index.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

const WORDS = ['المكتبة', 'مكتبات', 'الكتاب', 'كتب', 'مدرسة', 'المدارس', 'سوريا', 'روسيا', 'الغارات', 'غارة', 'جدة', 'مطر', 'قَرَأْتُ', 'في', 'من', 'على'];
const docArb = fc.record({
  id: fc.integer({ min: 0, max: 12 }),
  text: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n')),
  title: fc.constantFrom('عنوان', 'المكتبة', 'سوريا', ''),
});
type Doc = { id: number; text: string; title: string };
type Op = { op: 'add'; doc: Doc } | { op: 'update'; doc: Doc } | { op: 'remove'; id: number } | { op: 'search'; q: string } | { op: 'reload' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: docArb.map((doc) => ({ op: 'add' as const, doc })) },
  { weight: 2, arbitrary: docArb.map((doc) => ({ op: 'update' as const, doc })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }).map((id) => ({ op: 'remove' as const, id })) },
  { weight: 1, arbitrary: fc.constant({ op: 'reload' as const }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS, '"المكتبة الكتاب"', '-سوريا', 'مكت*'), { minLength: 1, maxLength: 3 }).map((w) => ({ op: 'search' as const, q: w.join(' ') })) },
);

const view = (idx: ReturnType<typeof createIndex>, q: string) =>
  idx.search(q, { limit: 50 }).map((r) => `${r.id}#${r.paragraph}:${r.score.toFixed(9)}`);

describe('index against a reference model', () => {
  it('add/remove/update/search sequences give the results of a fresh build (property)', async () => {
    let searches = 0;
    await assertProperty(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        let idx = createIndex({ fields: { title: { boost: 1.5 } } });
        let model: FahrasDocument[] = [];
        for (const o of ops) {
          if (o.op === 'add') {
            if (model.some((d) => d.id === o.doc.id)) {
              expect(() => idx.add(o.doc)).toThrow(/already indexed/);
            } else {
              idx.add(o.doc);
              model.push(o.doc);
            }
          } else if (o.op === 'update') {
            idx.update(o.doc);
            model = model.filter((d) => d.id !== o.doc.id).concat([o.doc]);
          } else if (o.op === 'remove') {
            expect(idx.remove(o.id)).toBe(model.some((d) => d.id === o.id));
            model = model.filter((d) => d.id !== o.id);
          } else if (o.op === 'reload') {
            idx = loadIndex(idx.serialize());
          } else {
            const fresh = createIndex({ fields: { title: { boost: 1.5 } } });
            fresh.addAll(model);
            expect(view(idx, o.q)).toEqual(view(fresh, o.q));
            searches++;
          }
        }
        expect(idx.documentCount).toBe(model.length);
      }),
      runs(150),
    );
    report('model-based sequences', runs(150), `(${searches} searches compared)`);
  });

  it('gives memory back after most documents are removed', async () => {
    const idx = createIndex();
    for (let i = 0; i < 2000; i++) idx.add({ id: i, text: `وثيقة رقم ${i} عن الموضوع ${i % 7} كلمة${i}` });
    const before = idx.stats();
    for (let i = 0; i < 1900; i++) idx.remove(i);
    const after = idx.stats();
    expect(after.documents).toBe(100);
    expect(after.postingsBytes).toBeLessThan(before.postingsBytes * 0.25);
    expect(after.terms).toBeLessThan(before.terms * 0.25);
  });
});
