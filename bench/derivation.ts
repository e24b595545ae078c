// Derivations and broken plurals (`fahras/derivations`, #18) on and off in one process: the same tree builds the
// same SaudiNewsNet slice with and without the opt-in, taking turns round by round (CPU time of each build), then
// searches both indexes (built in process, and loaded from their bytes), interleaved query by query with snippets,
// after a warm-up pass. The quality figures are bench/eval.ts --compare's ("no derivations") and bench/news.ts's.
//
//   node --expose-gc --import tsx bench/derivation.ts [MB=20] [--rounds 4] [--runs 3] [--queries 500]
import { performance } from 'node:perf_hooks';
import { createIndex, loadIndex } from '../src/index.js';
import { derivations } from '../src/derivations.js';
import { armsRunInputs, buildTakingTurns, indexArm } from './lib/arms.js';
import { median, percentile } from './lib/util.js';

const { mb, rounds, runs, slice, queries } = await armsRunInputs(process.argv.slice(2));
const arms = [{}, { derivations }];
const { built, bytes } = buildTakingTurns(arms.map((options) => indexArm(createIndex, options, slice.docs)), rounds, `${mb} MB, ${slice.docs.length} documents`);
const loadMs: number[][] = [[], []];
for (let r = 0; r < rounds; r++) {
  for (const a of r % 2 ? [1, 0] : [0, 1]) {
    const t = performance.now();
    loadIndex(bytes[a], arms[a]);
    loadMs[a].push(performance.now() - t);
  }
}
console.log(`load: median off ${median(loadMs[0]).toFixed(0)} ms, on ${median(loadMs[1]).toFixed(0)} ms`);
// three arms: the index without the opt-in; the index with it, derivations switched off per search (what the entries
// cost by themselves: a larger dictionary); and on
for (const [label, indexes] of [['built', built], ['loaded', bytes.map((b, a) => loadIndex(b, arms[a]))]] as const) {
  const variants: [string, (typeof indexes)[number], object][] = [['off', indexes[0], {}], ['entries only', indexes[1], { ranking: { derivations: 0 } }], ['on', indexes[1], {}]];
  for (const [, ix, o] of variants) for (const q of queries) ix.search(q, { limit: 10, ...o }); // warm-up (block tables, the derivation table)
  const all: number[][] = variants.map(() => []);
  for (let run = 0; run < runs; run++) {
    queries.forEach((q, i) => {
      for (let k = 0; k < variants.length; k++) {
        const v = (k + i) % variants.length; // the order turns query by query
        const t = performance.now();
        variants[v][1].search(q, { limit: 10, ...variants[v][2] });
        all[v].push(performance.now() - t);
      }
    });
  }
  const p50 = all.map((t) => percentile(t, 50));
  console.log(`${label}: p50 ${variants.map(([name], v) => `${name} ${p50[v].toFixed(3)} ms${v ? ` (${((p50[v] / p50[0] - 1) * 100).toFixed(1)}%)` : ''}`).join(', ')}; p95 ${all.map((t) => percentile(t, 95).toFixed(3)).join(' / ')} ms`);
}
