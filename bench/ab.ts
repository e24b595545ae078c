// Search latency of this tree against another copy of fahras (e.g. main, exported with `git archive main | tar -x -C
// /tmp/fahras-main`), in one process and interleaved query by query (the order alternating), so machine noise hits
// both alike. Both search the same SaudiNewsNet slice, built in process and loaded from their own bytes, with
// snippets, after one warm-up pass (block tables are built on a term's first query). Reports p50 / p95 / mean per
// run and over all runs, and checks that both return the same top 10.
//
//   npx tsx bench/ab.ts REF_DIR [MB=20] [--runs 3] [--queries 500]
import { performance } from 'node:perf_hooks';
import * as here from '../src/index.js';
import { readCorpusSlice } from './lib/data.js';
import { sampleSpeedQueries } from './lib/queries.js';
import { importReference, parseReferenceArgs, percentile } from './lib/util.js';

const args = parseReferenceArgs('npx tsx bench/ab.ts REF_DIR [MB] [--runs N] [--queries N]', ['runs', 'queries']);
const { refDir, mb } = args;
const runs = Number(args.flags.get('runs') ?? 3);
const ref = await importReference<typeof here>(refDir, 'src/index.ts');
const slice = await readCorpusSlice(mb);
const queries = sampleSpeedQueries(slice.docs, Number(args.flags.get('queries') ?? 500));
type Index = { search(q: string, o: { limit: number }): { id: unknown; paragraph: number; score: number }[] };
const arms: [string, typeof here][] = [['ref', ref], ['this', here]];
const indexes = arms.map(([name, lib]) => {
  let t = performance.now();
  const built = lib.createIndex();
  built.addAll(slice.docs);
  const buildMs = performance.now() - t;
  const bytes = built.serialize();
  t = performance.now();
  const loaded = lib.loadIndex(bytes);
  console.log(`${name}: ${mb} MB, ${slice.docs.length} docs, build ${(buildMs / 1000).toFixed(1)} s, index ${(bytes.length / 1e6).toFixed(1)} MB, load ${(performance.now() - t).toFixed(0)} ms`);
  return { built: built as Index, loaded: loaded as Index };
});
const key = (idx: Index, q: string) => idx.search(q, { limit: 10 }).map((r) => `${String(r.id)}#${r.paragraph}:${r.score}`).join(' ');
const stats = (l: number[]) => `p50 ${percentile(l, 50).toFixed(3)}  p95 ${percentile(l, 95).toFixed(3)}  mean ${(l.reduce((a, b) => a + b, 0) / l.length).toFixed(3)}`;

for (const kind of ['built', 'loaded'] as const) {
  const idx = indexes.map((x) => x[kind]);
  let differ = 0;
  for (const q of queries) if (key(idx[0], q) !== key(idx[1], q)) differ++; // also the warm-up pass
  const all: number[][] = [[], []];
  console.log(`${kind}: top 10 differs on ${differ} of ${queries.length} queries`);
  for (let r = 0; r < runs; r++) {
    const lat: number[][] = [[], []];
    queries.forEach((q, i) => {
      for (const a of (i + r) % 2 ? [0, 1] : [1, 0]) {
        const t = performance.now();
        idx[a].search(q, { limit: 10 });
        lat[a].push(performance.now() - t);
      }
    });
    for (const a of [0, 1]) all[a].push(...lat[a]);
    console.log(`  run ${r + 1}  ref ${stats(lat[0])} ms | this ${stats(lat[1])} ms`);
  }
  console.log(`  all    ref ${stats(all[0])} ms | this ${stats(all[1])} ms`);
}
