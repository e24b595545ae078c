// temporary: derivations on/off on the same index, interleaved
import { performance } from 'node:perf_hooks';
import { createIndex, loadIndex } from '../src/index.js';
import { EXP } from '../src/query/search.js';
import { readCorpusSlice } from './lib/data.js';
import { sampleSpeedQueries } from './lib/queries.js';
import { percentile } from './lib/util.js';
const slice = await readCorpusSlice(20);
const queries = sampleSpeedQueries(slice.docs, 500);
const built = createIndex(); built.addAll(slice.docs);
const loaded = loadIndex(built.serialize());
const arms: [string, number, any][] = JSON.parse(process.argv[2]);
for (const [label, ix] of [['built', built], ['loaded', loaded]] as const) {
  for (const [, k, o, r] of arms as any) { EXP.k = k; EXP.r = r ?? Infinity; for (const q of queries) ix.search(q, { limit: 10, ...o }); }
  const t: number[][] = arms.map(() => []);
  for (let run = 0; run < 3; run++) queries.forEach((q, i) => {
    for (let j = 0; j < arms.length; j++) { const a = (i + j) % arms.length; EXP.k = arms[a][1]; EXP.r = (arms[a] as any)[3] ?? Infinity; const s = performance.now(); ix.search(q, { limit: 10, ...arms[a][2] }); t[a].push(performance.now() - s); }
  });
  console.log(label, arms.map(([n], a) => `${n} ${percentile(t[a], 50).toFixed(3)}`).join(' | '));
}
