// What a pack holds in memory after its queries, in Node (#14's "browser memory after 50 queries", found here first):
// the known-item queries of bench/packs.ts (same seed), each searched twice as its page does, on a pack opened from a
// directory in a process of its own (no index beside it), then a full collection and process.memoryUsage(): the JS
// heap and the ArrayBuffers (typed arrays) apart, with what the piece cache says it holds.
//
//   npx tsx bench/pack-memory.ts 20 [--queries 60] [--cache BYTES] [--snapshot]
//   flock /tmp/fahras-bench.lock npx tsx bench/pack-memory.ts 102
//
// The pack is built once with the CLI (dist/cli.cjs, `npm run build` first) into bench/.cache/memory-pack-MB/ from
// the slice as JSON lines; --snapshot writes a heap snapshot beside it (open it in Chrome's DevTools, Memory tab).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { readCorpusSlice, REPO_ROOT } from './lib/data.js';
import { PACKS_SEED, sampleKnownItemQueries } from './lib/queries.js';
import { BENCH_DIR, isMain, parseArgs } from './lib/util.js';

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

/** One process: opens the pack, runs the queries twice each, collects, reports memory. */
async function child(dir: string, queries: string[], cacheBytes: number | undefined, snapshot: boolean): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const { openPack } = await import('../src/pack-directory.js'); // fahras/pack as Node resolves it (directories)
  const { typos } = await import('../src/typos.js');
  const { quran } = await import('../src/quran.js');
  const measure = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, arrayBuffers: m.arrayBuffers, total: m.heapUsed + m.arrayBuffers };
  };
  const base = measure();
  const pack = await openPack(dir, { typos, quran, cacheBytes });
  const opened = measure();
  for (const q of queries) {
    await pack.search(q);
    await pack.search(q);
  }
  const after = measure();
  // what the cache holds by its own account (PieceStore's private count: a measurement, not an API)
  const store = (pack as unknown as { store: { cached: number; pieces: Map<string, unknown> } }).store;
  const row = (label: string, m: ReturnType<typeof measure>) =>
    `${label.padEnd(24)} heap ${mb(m.heap - base.heap).padStart(9)}  arrays ${mb(m.arrayBuffers - base.arrayBuffers).padStart(9)}  total ${mb(m.total - base.total).padStart(9)}`;
  console.log(row('after open', opened));
  console.log(row(`after ${queries.length} queries ×2`, after));
  console.log(`piece cache: ${store.pieces?.size ?? '?'} pieces, ${mb(store.cached ?? NaN)} decompressed by its account; bytes read ${mb(pack.bytesRead)}`);
  if (snapshot) console.log(`heap snapshot: ${writeHeapSnapshot(join(dir, '..', `memory-${Date.now()}.heapsnapshot`))}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['queries', 'cache', 'child']);
  const spec = args.flags.get('child');
  if (typeof spec === 'string') {
    const { dir, queries, cacheBytes, snapshot } = JSON.parse(spec) as { dir: string; queries: string[]; cacheBytes?: number; snapshot: boolean };
    return child(dir, queries, cacheBytes, snapshot);
  }
  const size = Number(args.positional[0] ?? 20);
  const count = Number(args.flags.get('queries') ?? 60);
  const slice = await readCorpusSlice(size);
  const queries = sampleKnownItemQueries(slice.docs, count, PACKS_SEED).map((q) => q.text);
  const cache = join(BENCH_DIR, '.cache');
  const dir = join(cache, `memory-pack-${size}`);
  if (!existsSync(join(dir, 'root.fahras'))) {
    mkdirSync(cache, { recursive: true });
    const input = join(cache, `memory-slice-${size}.jsonl`);
    writeFileSync(input, slice.docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
    execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.cjs'), 'pack', input, '-o', dir, '-q'], { stdio: 'inherit' });
  }
  const childSpec = JSON.stringify({ dir, queries, cacheBytes: args.flags.get('cache') === undefined ? undefined : Number(args.flags.get('cache')), snapshot: args.flags.get('snapshot') === true });
  console.log(`${size} MB slice: ${slice.docs.length.toLocaleString('en-US')} documents, ${queries.length} queries, pack ${dir}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(BENCH_DIR, 'pack-memory.ts'), '--child', childSpec], { stdio: 'inherit', cwd: REPO_ROOT });
  process.exitCode = r.status ?? 1;
}

if (isMain(import.meta.url)) await main();
