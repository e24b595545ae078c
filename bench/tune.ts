// Grid search of ranking constants on the TUNING sets only (TyDi QA, XQuAD, ARCD train split); ARCD test is
// printed for the chosen settings but never used to choose. Usage: npx tsx bench/tune.ts
import { createIndex, type FahrasIndex } from '../src/index.js';
import { listEvalSets, loadEvalSet, type EvalSet } from './lib/data.js';
import { evaluateRun } from './lib/metrics.js';
import { cleanQuery } from './lib/queries.js';

const sets = listEvalSets().map(loadEvalSet).filter((s) => s.name !== 'seeds-tiny');
const built = new Map<EvalSet, FahrasIndex>();
for (const s of sets) {
  const idx = createIndex();
  idx.addAll(s.docs);
  built.set(s, idx);
}

function score(ranking: Record<string, number>, split: 'train' | 'test'): number[] {
  return sets.map((set) => {
    const idx = built.get(set)!;
    const run = new Map<string, string[]>();
    for (const q of set.queries) {
      run.set(q.qid, idx.search(cleanQuery(q.text), { limit: 10, groupBy: 'document', snippets: false, ranking }).map((h) => String(h.id)));
    }
    const only = set.split ? new Set([...set.split].filter(([, v]) => v === split).map(([k]) => k)) : undefined;
    return evaluateRun(run, set.qrels, { onlyQids: only }).mrr10;
  });
}

const grid: Record<string, number>[] = [];
for (const k1 of [0.9, 1.2, 1.5])
  for (const b of [0.6, 0.75, 0.9])
    for (const coord of [0, 0.5])
      for (const surface of [0.3, 0.5, 0.8])
        for (const proximity of [0, 0.25, 0.5]) grid.push({ k1, b, coord, surface, proximity });
const rows: { p: Record<string, number>; m: number[]; mean: number }[] = [];
for (const p of grid) {
  const m = score(p, 'train');
  rows.push({ p, m, mean: m.reduce((a, x) => a + x, 0) / m.length });
}
rows.sort((a, b) => b.mean - a.mean);
console.log(`sets (train): ${sets.map((s) => s.name).join(', ')}`);
for (const r of rows.slice(0, 12)) console.log(JSON.stringify(r.p), r.m.map((x) => x.toFixed(3)).join(' '), 'mean', r.mean.toFixed(4));
console.log('best on ARCD test:', score(rows[0].p, 'test').map((x) => x.toFixed(3)).join(' '));
