// Top-k pruning on a SaudiNewsNet slice: latency of the pruned and the exhaustive scorer (interleaved query by
// query, so machine noise hits both alike) on the built and on the loaded index, with snippets, and how many queries
// switched to update-only. Checks that both return the same top 10.
//
//   npx tsx bench/pruning.ts [MB=20] [--runs 3] [--queries 500]
import { performance } from 'node:perf_hooks';
import { createIndex, type FahrasIndex, loadIndex } from '../src/index.js';
import type { Searcher } from '../src/query/index.js';
import { readCorpusSlice } from './lib/data.js';
import { sampleSpeedQueries } from './lib/queries.js';
import { parseArgs, percentile } from './lib/util.js';

const args = parseArgs(process.argv.slice(2), ['runs', 'queries']);
const mb = Number(args.positional[0] ?? 20);
const runs = Number(args.flags.get('runs') ?? 3);
const slice = await readCorpusSlice(mb);
const queries = sampleSpeedQueries(slice.docs, Number(args.flags.get('queries') ?? 500));
const built = createIndex();
built.addAll(slice.docs);
const bytes = built.serialize();
let t0 = performance.now();
const loaded = loadIndex(bytes);
console.log(`${mb} MB: ${slice.docs.length} docs, index ${(bytes.length / 1e6).toFixed(1)} MB, load ${(performance.now() - t0).toFixed(0)} ms`);

/** The searcher behind the facade (internal: benchmarks only). */
const searcherOf = (idx: FahrasIndex): Searcher => (idx as unknown as { currentSearcher(): Searcher }).currentSearcher();
const key = (idx: FahrasIndex, q: string) => idx.search(q, { limit: 10 }).map((r) => `${r.id}#${r.paragraph}:${r.score}`).join(' ');

for (const [name, idx] of [['built', built], ['loaded', loaded]] as const) {
  const s = searcherOf(idx);
  // cold: the first pass builds the block tables of the terms it meets
  t0 = performance.now();
  for (const q of queries) idx.search(q, { limit: 10 });
  const cold = (performance.now() - t0) / queries.length;
  let differ = 0;
  for (const q of queries.slice(0, 100)) {
    s.exhaustive = true;
    const a = key(idx, q);
    s.exhaustive = false;
    if (key(idx, q) !== a) differ++;
  }
  const pruned = s.pruned;
  const lat: [number[], number[]] = [[], []];
  const cpu = [0, 0];
  for (let r = 0; r < runs; r++) {
    queries.forEach((q, i) => {
      for (const ex of (i + r) % 2 ? [0, 1] : [1, 0]) {
        s.exhaustive = ex === 1;
        const c = process.cpuUsage();
        const t = performance.now();
        idx.search(q, { limit: 10 });
        lat[ex].push(performance.now() - t);
        const d = process.cpuUsage(c);
        cpu[ex] += (d.user + d.system) / 1000;
      }
    });
  }
  s.exhaustive = false;
  const row = (label: string, l: number[], c: number) =>
    `  ${label.padEnd(10)} p50 ${percentile(l, 50).toFixed(3)} ms  p95 ${percentile(l, 95).toFixed(3)} ms  cpu ${(c / l.length).toFixed(3)} ms/query`;
  console.log(`${name}: first pass ${cold.toFixed(3)} ms/query; top 10 differs from exhaustive on ${differ} of 100`);
  console.log(row('pruned', lat[0], cpu[0]));
  console.log(row('exhaustive', lat[1], cpu[1]));
  console.log(`  pruning switched to update-only on ${pruned} of ${queries.length + 100} queries`);
}
