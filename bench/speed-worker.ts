// One engine, one corpus slice, measured in this process alone (started by bench/speed.ts):
//
//   node --expose-gc --import tsx bench/speed-worker.ts ENGINE MB [--runs N] [--queries 500] [--build-only]
//
// 1. reads the first MB megabytes of SaudiNewsNet and draws the seeded speed queries (the same for every engine);
// 2. build: N timed builds from scratch (median reported); the first one is also measured for memory:
//    gc → heapUsed + external → build → gc → heapUsed + external (external holds ArrayBuffers, so typed-array
//    indexes are counted too);
// 3. serialize with the engine's own export (bytes = UTF-8 length of a string export); load it N times into a fresh
//    engine (median); check that the loaded index returns the same top 10 for the first 20 queries;
// 4. latency: 30 warm-up queries, then every query timed alone (top 10), p50 / p95 / mean. A slow engine on a big
//    slice stops after --latency-budget seconds (default 300, at least 100 queries timed; reported as queriesTimed).
// With --build-only it stops after step 2 (bench/build-ratio.ts). Prints one line "@@RESULT {json}" on stdout.
import { performance } from 'node:perf_hooks';
import { readCorpusSlice } from './lib/data.js';
import { fingerprint, sampleSpeedQueries } from './lib/queries.js';
import { median, parseArgs, percentile } from './lib/util.js';
import { factoryByName, reasonOf } from './engines/index.js';
import { byteSize, isPromise, type Engine } from './engines/types.js';

export interface SpeedResult {
  engine: string;
  /** When the parent collected this result (set by bench/speed.ts). */
  date?: string;
  setup?: string;
  pkg?: string;
  mb: number;
  /** UTF-8 bytes of the slice's text. */
  bytes: number;
  docs: number;
  runs: number;
  queries: number;
  queriesFingerprint: string;
  unavailable?: string;
  error?: string;
  buildMs?: number;
  buildMsAll?: number[];
  throughputMBs?: number;
  /** Growth of heapUsed + external after build (gc'd before and after), bytes. */
  heapGrowthBytes?: number;
  heapUsedGrowthBytes?: number;
  externalGrowthBytes?: number;
  serializeMs?: number;
  serializedBytes?: number;
  /** Why serialize/load failed, when it did (the other figures are still measured). */
  serializeError?: string;
  loadMs?: number;
  /** Queries (of the first 20) whose top 10 after load equals the top 10 before. */
  roundtripSame?: number;
  roundtripChecked?: number;
  /** Queries timed: all of them unless the engine ran out of the latency time budget. */
  queriesTimed?: number;
  p50Ms?: number;
  p95Ms?: number;
  /** Latency on the index loaded from its serialized bytes (when the engine serializes). */
  loadedP50Ms?: number;
  loadedP95Ms?: number;
  meanMs?: number;
  /** Wall time of each phase of this worker (diagnostics: where the benchmark's own run time goes). */
  phaseMs?: Record<string, number>;
}

const WARMUP = 30;
const ROUNDTRIP_CHECKS = 20;
/** Warm-up and the round-trip check stop early after this long (slow engines on the whole corpus). */
const WARMUP_BUDGET_MS = 60_000;
/** The timed pass stops after this long, once at least MIN_TIMED queries are timed (never binds at 5 or 20 MB). */
const DEFAULT_LATENCY_BUDGET_S = 300;
const MIN_TIMED = 100;
let latencyBudgetMs = DEFAULT_LATENCY_BUDGET_S * 1000;

type GcFn = () => void;
const gc: GcFn | undefined = (globalThis as { gc?: GcFn }).gc;

function collect(): void {
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

function mem(): { heapUsed: number; external: number } {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external };
}

async function settle<T>(v: T | Promise<T>): Promise<T> {
  return isPromise(v) ? await v : v;
}

async function measure(engineName: string, mb: number, runs: number, nQueries: number, buildOnly = false): Promise<SpeedResult> {
  const phaseMs: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string): void => {
    const now = performance.now();
    phaseMs[name] = Math.round(now - phaseStart);
    phaseStart = now;
    process.stderr.write(`[${engineName} ${mb} MB] ${name} done in ${(phaseMs[name] / 1000).toFixed(1)} s\n`);
  };
  const slice = await readCorpusSlice(mb);
  const docs = slice.docs;
  const queries = sampleSpeedQueries(docs, nQueries);
  const result: SpeedResult = {
    engine: engineName,
    mb,
    bytes: slice.bytes,
    docs: docs.length,
    runs,
    queries: queries.length,
    queriesFingerprint: fingerprint(queries),
    phaseMs,
  };
  phase('read');
  const factory = factoryByName(engineName);
  let engine: Engine;
  try {
    engine = await factory.create();
  } catch (err) {
    result.unavailable = reasonOf(err);
    return result;
  }
  result.setup = engine.setup;
  result.pkg = engine.pkg;

  // Build: first run measured for memory too.
  const times: number[] = [];
  collect();
  const m0 = mem();
  let t0 = performance.now();
  await settle(engine.build(docs));
  times.push(performance.now() - t0);
  collect();
  const m1 = mem();
  result.heapUsedGrowthBytes = m1.heapUsed - m0.heapUsed;
  result.externalGrowthBytes = m1.external - m0.external;
  result.heapGrowthBytes = result.heapUsedGrowthBytes + result.externalGrowthBytes;
  for (let r = 1; r < runs; r++) {
    let other: Engine | undefined = await factory.create();
    collect();
    t0 = performance.now();
    await settle(other.build(docs));
    times.push(performance.now() - t0);
    other = undefined;
  }
  result.buildMsAll = times;
  result.buildMs = median(times);
  result.throughputMBs = slice.bytes / 1e6 / (result.buildMs / 1000);
  phase('build');
  if (buildOnly) return result;

  // Serialize / load. A failure here (e.g. an export larger than V8's maximum string length) is recorded and the
  // latency measurement still runs.
  let loaded: Engine | undefined;
  if (engine.serialize && engine.load) {
    try {
      collect();
      t0 = performance.now();
      let bytes: Uint8Array | string | undefined = await settle(engine.serialize());
      result.serializeMs = performance.now() - t0;
      result.serializedBytes = byteSize(bytes);
      const loadTimes: number[] = [];
      for (let r = 0; r < runs; r++) {
        loaded = undefined;
        const fresh = await factory.create();
        collect();
        t0 = performance.now();
        await settle(fresh.load!(bytes));
        loadTimes.push(performance.now() - t0);
        loaded = fresh;
      }
      bytes = undefined;
      result.loadMs = median(loadTimes);
    } catch (err) {
      loaded = undefined;
      result.serializeError = reasonOf(err);
    }
    phase('serialize+load');
  }

  // Latency, on the built index, then on the loaded one (the browser's case: no in-memory term vectors for fahras).
  // Every engine gets the same list in the same order; an engine too slow to run all of it within the time budget is
  // timed on the first queries that fit (at least MIN_TIMED), and says so.
  const warm = queries.slice(0, WARMUP);
  const built = await timeQueries(engine, warm, queries);
  result.queriesTimed = built.length;
  result.p50Ms = percentile(built, 50);
  result.p95Ms = percentile(built, 95);
  result.meanMs = built.reduce((a, b) => a + b, 0) / built.length;
  phase('latency');

  if (loaded) {
    let same = 0;
    let checked = 0;
    const budgetStart = performance.now();
    for (const q of warm.slice(0, ROUNDTRIP_CHECKS)) {
      const a = await settle(engine.search(q, 10));
      const b = await settle(loaded.search(q, 10));
      checked++;
      if (a.length === b.length && a.every((id, i) => id === b[i])) same++;
      if (performance.now() - budgetStart > WARMUP_BUDGET_MS) break;
    }
    result.roundtripSame = same;
    result.roundtripChecked = checked;
    phase('roundtrip');
    const lat = await timeQueries(loaded, warm, queries.slice(0, built.length));
    result.loadedP50Ms = percentile(lat, 50);
    result.loadedP95Ms = percentile(lat, 95);
    phase('loaded latency');
  }
  return result;
}

/** Warms up on `warm`, then times every query alone (top 10), within the latency budget; returns the times in ms. */
async function timeQueries(engine: Engine, warm: string[], queries: string[]): Promise<number[]> {
  let budgetStart = performance.now();
  for (const q of warm) {
    await settle(engine.search(q, 10));
    if (performance.now() - budgetStart > WARMUP_BUDGET_MS) break;
  }
  const lat: number[] = [];
  budgetStart = performance.now();
  for (const q of queries) {
    const s = performance.now();
    const r = engine.search(q, 10);
    if (isPromise(r)) await r;
    const end = performance.now();
    lat.push(end - s);
    if (lat.length >= MIN_TIMED && end - budgetStart > latencyBudgetMs) break;
  }
  return lat;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['runs', 'queries', 'latency-budget']);
  const budgetFlag = args.flags.get('latency-budget');
  if (typeof budgetFlag === 'string') latencyBudgetMs = Number(budgetFlag) * 1000;
  const [engineName, mbArg] = args.positional;
  if (!engineName || !mbArg) {
    console.error('usage: node --expose-gc --import tsx bench/speed-worker.ts ENGINE MB [--runs N] [--queries 500] [--latency-budget S]');
    process.exit(2);
  }
  const mb = Number(mbArg);
  const runsFlag = args.flags.get('runs');
  const runs = typeof runsFlag === 'string' ? Math.max(1, Number(runsFlag)) : 1;
  const qFlag = args.flags.get('queries');
  const nQueries = typeof qFlag === 'string' ? Number(qFlag) : 500;
  let result: SpeedResult;
  try {
    result = await measure(engineName, mb, runs, nQueries, args.flags.has('build-only'));
  } catch (err) {
    result = { engine: engineName, mb, bytes: 0, docs: 0, runs, queries: 0, queriesFingerprint: '', error: (err as Error).stack ?? String(err) };
  }
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

void main();
