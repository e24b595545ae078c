// How search latency grows with the corpus: fahras indexes of two slices of SaudiNewsNet (default 20 MB and the
// whole corpus) live in one process and are searched in turns, round by round (the order alternating), so the
// machine's slow spells hit both alike. Each slice is searched with its own 500 speed queries (as bench/speed.ts
// draws them: 3–6 consecutive words of random paragraphs), top 10 with snippets, after one warm-up pass. Reports
// p50 / p95 per slice over all rounds, and the growth of each against the growth of the data.
//
//   npx tsx bench/scale.ts [SMALL_MB=20] [LARGE_MB=102] [--rounds 5] [--loaded]
//
// --loaded searches indexes loaded from their serialized bytes (the browser's case) instead of built ones.
// Writes bench/out/scale-<small>-<large>.json.
import { performance } from 'node:perf_hooks';
import { createIndex, loadIndex } from '../src/index.js';
import { readCorpusSlice } from './lib/data.js';
import { sampleSpeedQueries } from './lib/queries.js';
import { parseArgs, percentile, writeJson } from './lib/util.js';

const args = parseArgs(process.argv.slice(2), ['rounds']);
const sizes = [Number(args.positional[0] ?? 20), Number(args.positional[1] ?? 102)];
const rounds = Math.max(1, Number(args.flags.get('rounds') ?? 5));
const loaded = args.flags.has('loaded');

const arms = [];
for (const mb of sizes) {
  const slice = await readCorpusSlice(mb);
  const built = createIndex();
  built.addAll(slice.docs);
  const index = loaded ? loadIndex(built.serialize()) : built;
  const queries = sampleSpeedQueries(slice.docs, 500);
  for (const q of queries) index.search(q, { limit: 10 });
  const paragraphs = index.stats().paragraphs;
  arms.push({ mb, bytes: slice.bytes, paragraphs, index, queries, ms: [] as number[] });
  console.error(`${mb} MB: ${slice.docs.length} documents, ${paragraphs} paragraphs, ${loaded ? 'loaded' : 'built'}`);
}

for (let r = 0; r < rounds; r++) {
  for (const arm of r % 2 === 0 ? arms : [...arms].reverse()) {
    for (const q of arm.queries) {
      const t = performance.now();
      arm.index.search(q, { limit: 10 });
      arm.ms.push(performance.now() - t);
    }
  }
}

const [small, large] = arms.map((a) => ({ mb: a.mb, bytes: a.bytes, paragraphs: a.paragraphs, p50: percentile(a.ms, 50), p95: percentile(a.ms, 95) }));
const growth = large.bytes / small.bytes;
for (const a of [small, large]) console.log(`${String(a.mb).padStart(4)} MB  ${String(a.paragraphs).padStart(7)} paragraphs  p50 ${a.p50.toFixed(3)} ms  p95 ${a.p95.toFixed(3)} ms`);
console.log(
  `data ×${growth.toFixed(2)}: p50 ×${(large.p50 / small.p50).toFixed(2)}, p95 ×${(large.p95 / small.p95).toFixed(2)} (${rounds} rounds of 500 queries each, ${loaded ? 'loaded' : 'built'} indexes, taking turns)`,
);
writeJson(`scale-${sizes[0]}-${sizes[1]}.json`, { kind: 'scale', date: new Date().toISOString(), rounds, loaded, small, large, dataGrowth: growth });
