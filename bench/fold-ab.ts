// Clitic folding on and off in one process (issue 18): the same tree builds the same SaudiNewsNet slice twice,
// `cliticFolding` true and false, taking turns round by round (CPU time of each build), then searches both indexes
// (built in process, and loaded from their bytes), interleaved query by query with snippets, after a warm-up pass.
// A tree-against-tree run (bench/ab.ts, bench/build-ab.ts) also counts every other change between the trees.
//
//   node --expose-gc --import tsx bench/fold-ab.ts [MB=20] [--rounds 4] [--runs 3] [--queries 500]
import { performance } from 'node:perf_hooks';
import { createIndex, loadIndex } from '../src/index.js';
import { armsRunInputs, buildTakingTurns, indexArm } from './lib/arms.js';
import { percentile } from './lib/util.js';

const { mb, rounds, runs, slice, queries } = await armsRunInputs(process.argv.slice(2));
const arms = [false, true];
const { built, bytes } = buildTakingTurns(arms.map((cliticFolding) => indexArm(createIndex, { cliticFolding }, slice.docs)), rounds, `${mb} MB, ${slice.docs.length} documents`);
for (const [label, indexes] of [['built', built], ['loaded', bytes.map((b) => loadIndex(b))]] as const) {
  for (const ix of indexes) for (const q of queries) ix.search(q, { limit: 10 }); // warm-up (block tables)
  const all: number[][] = [[], []];
  for (let run = 0; run < runs; run++) {
    const times: number[][] = [[], []];
    queries.forEach((q, i) => {
      for (const a of i % 2 ? [1, 0] : [0, 1]) {
        const t = performance.now();
        indexes[a].search(q, { limit: 10 });
        times[a].push(performance.now() - t);
      }
    });
    all[0].push(...times[0]);
    all[1].push(...times[1]);
  }
  console.log(`${label}: p50 off ${percentile(all[0], 50).toFixed(3)} ms, on ${percentile(all[1], 50).toFixed(3)} ms (${((percentile(all[1], 50) / percentile(all[0], 50) - 1) * 100).toFixed(1)}%); p95 off ${percentile(all[0], 95).toFixed(3)}, on ${percentile(all[1], 95).toFixed(3)} ms`);
}
