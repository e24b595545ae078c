// Pack search latency of this tree against another copy of fahras (e.g. main, exported with `git archive main | tar
// -x -C /tmp/fahras-main`) of the same pack format, in one process and interleaved query by query (the order
// alternating), so machine noise hits both alike. Both open the pack this tree writes of a SaudiNewsNet slice from
// memory (a loader slicing byte ranges) with a cache holding every piece, so after one warm-up pass a query's time
// is the searcher's, not loading or decoding pieces; with `--cache 0` every query reads and decodes its pieces again
// (a first query's work, without the network). Reports p50 / p95 / mean per run and over all runs, and checks that
// both return the same top 10 with snippets (and the in-memory index's).
//
//   npx tsx bench/pack-ab.ts REF_DIR [MB=20] [--runs 3] [--queries 300] [--cache BYTES]
import { performance } from 'node:perf_hooks';
import { createIndex } from '../src/index.js';
import * as here from '../src/pack.js';
import { readCorpusSlice } from './lib/data.js';
import { sampleSpeedQueries } from './lib/queries.js';
import { importReference, parseReferenceArgs, percentile } from './lib/util.js';

const args = parseReferenceArgs('npx tsx bench/pack-ab.ts REF_DIR [MB] [--runs N] [--queries N]', ['runs', 'queries', 'cache']);
const { refDir, mb } = args;
const runs = Number(args.flags.get('runs') ?? 3);
const ref = await importReference<typeof here>(refDir, 'src/pack.ts');
const slice = await readCorpusSlice(mb);
const queries = sampleSpeedQueries(slice.docs, Number(args.flags.get('queries') ?? 300));
const index = createIndex();
index.addAll(slice.docs);
const files = await index.pack();
const loader = async (name: string, range?: here.ByteRange) => (range ? files[name].subarray(range.start, range.end) : files[name]);
const cacheBytes = Number(args.flags.get('cache') ?? 2 ** 30);
const packs = await Promise.all([ref, here].map((lib) => lib.openPack(loader, { cacheBytes })));
console.log(`${mb} MB, ${slice.docs.length} docs, pack ${Object.keys(files).length} files, cache ${cacheBytes} bytes`);
const key = (results: { id: unknown; paragraph: number; score: number; snippet: unknown }[]) => JSON.stringify(results.map((r) => [r.id, r.paragraph, r.score, r.snippet]));
let differ = 0;
for (const q of queries) {
  const [a, b] = await Promise.all(packs.map((p) => p.search(q, { limit: 10 }))); // also the warm-up pass
  if (key(a) !== key(b) || key(b) !== key(index.search(q, { limit: 10 }))) differ++;
}
console.log(`top 10 differs on ${differ} of ${queries.length} queries`);
const stats = (l: number[]) => `p50 ${percentile(l, 50).toFixed(3)}  p95 ${percentile(l, 95).toFixed(3)}  mean ${(l.reduce((s, x) => s + x, 0) / l.length).toFixed(3)}`;
const all: number[][] = [[], []];
for (let r = 0; r < runs; r++) {
  const lat: number[][] = [[], []];
  for (const [i, q] of queries.entries()) {
    for (const a of (i + r) % 2 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      await packs[a].search(q, { limit: 10 });
      lat[a].push(performance.now() - t);
    }
  }
  for (const a of [0, 1]) all[a].push(...lat[a]);
  console.log(`  run ${r + 1}  ref ${stats(lat[0])} ms | this ${stats(lat[1])} ms`);
}
console.log(`  all    ref ${stats(all[0])} ms | this ${stats(all[1])} ms`);
