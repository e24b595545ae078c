// Stemmer throughput over every word of ../shared/oracles/arabic-stemmer-oracle.tsv (best of 3 passes after a
// warm-up). A benchmark, not a test: timings are reported, never asserted.   npx tsx bench/stemmers.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { luceneNormalize, luceneStem, snowballStem } from '../src/index.js';
import { SHARED } from './lib/data.js';

function wordsPerSecond(words: readonly string[], f: (w: string) => string): number {
  let sink = 0;
  for (const w of words) sink += f(w).length;
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const w of words) sink += f(w).length;
    best = Math.min(best, performance.now() - t0);
  }
  if (sink < 0) throw new Error('unreachable');
  return (words.length / best) * 1000;
}

const rows = readFileSync(join(SHARED, 'oracles', 'arabic-stemmer-oracle.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'));
const words = rows.map((r) => r[0]);
const norms = rows.map((r) => r[1]);
for (const [name, input, f] of [
  ['luceneNormalize', words, luceneNormalize],
  ['luceneStem', norms, luceneStem],
  ['snowballStem', words, snowballStem],
] as const) {
  console.log(`${name.padEnd(16)} ${(wordsPerSecond(input, f) / 1e6).toFixed(2)}M words/s (${input.length} words)`);
}
