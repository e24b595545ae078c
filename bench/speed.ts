// Build time, throughput, memory, index size, load time and search latency of every engine on slices of the
// SaudiNewsNet corpus. Each (engine, slice) runs in its own child process (bench/speed-worker.ts) so that one engine's
// heap, JIT state and garbage never touch another's numbers.
//
//   npx tsx bench/speed.ts                 # 5 and 20 MB
//   npx tsx bench/speed.ts 5 20 102        # any slice sizes (MB of UTF-8 text; 102 = the whole corpus, 96 MB of text)
//   npx tsx bench/speed.ts 5 --engines lunr,orama --runs 3
//   npx tsx bench/speed.ts 102 --engines orama --merge   # re-run some engines, keep the others' last results
//   --progress streams each worker's phase lines to stderr.
//
// Builds (and loads) are repeated 3 times up to 5 MB (median reported), done once on larger slices (--runs N to change).
// Writes bench/out/speed-<mb>.json per slice.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_NAMES } from './engines/index.js';
import { REPO_ROOT } from './lib/data.js';
import { formatTable, isMain, listFlag, mbOf, OUT_DIR, parseArgs, writeJson } from './lib/util.js';
import type { SpeedResult } from './speed-worker.js';

export interface SpeedReport {
  kind: 'speed';
  date: string;
  mb: number;
  runs: number;
  results: SpeedResult[];
}

export function defaultRuns(mb: number): number {
  return mb <= 5 ? 3 : 1;
}

const WORKER = join(REPO_ROOT, 'bench', 'speed-worker.ts');

/** Runs one worker process; resolves with its result (errors become a result with `error`). */
export function runWorker(
  engine: string,
  mb: number,
  runs: number,
  opts: { timeoutMs?: number; progress?: boolean; extraArgs?: string[] } = {},
): Promise<SpeedResult> {
  const timeoutMs = opts.timeoutMs ?? 90 * 60_000;
  const progress = opts.progress ?? false;
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', WORKER, engine, String(mb), '--runs', String(runs), ...(opts.extraArgs ?? [])],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (progress) process.stderr.write(d);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      if (line) {
        resolve({ ...(JSON.parse(line.slice('@@RESULT '.length)) as SpeedResult), date: new Date().toISOString() });
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve({
        engine,
        mb,
        bytes: 0,
        docs: 0,
        runs,
        queries: 0,
        queriesFingerprint: '',
        error: `${why}: ${err.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}

const ms = (x: number | undefined, d = 0): string => (x === undefined ? '—' : x.toFixed(d));
const mbs = (x: number | undefined, d = 1): string => (x === undefined ? '—' : mbOf(x).toFixed(d));

export function speedTable(report: SpeedReport): string {
  const ok = report.results.filter((r) => !r.unavailable && !r.error);
  return formatTable(
    ['engine', 'docs', 'build ms', 'MB/s', 'heap +MB', 'index MB', 'load ms', 'p50 ms', 'p95 ms', 'loaded p50', 'loaded p95', 'timed', 'same after load'],
    ok.map((r) => [
      r.engine,
      r.docs,
      ms(r.buildMs),
      r.throughputMBs === undefined ? '—' : r.throughputMBs.toFixed(2),
      mbs(r.heapGrowthBytes),
      mbs(r.serializedBytes),
      ms(r.loadMs),
      ms(r.p50Ms, 3),
      ms(r.p95Ms, 3),
      ms(r.loadedP50Ms, 3),
      ms(r.loadedP95Ms, 3),
      String(r.queriesTimed ?? r.queries),
      r.roundtripChecked ? `${r.roundtripSame}/${r.roundtripChecked}` : '—',
    ]),
  );
}

export async function runSpeed(
  mb: number,
  opts: { engines?: string[]; runs?: number; merge?: boolean; progress?: boolean; log?: (l: string) => void } = {},
): Promise<SpeedReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const runs = opts.runs ?? defaultRuns(mb);
  const results: SpeedResult[] = [];
  const engines = opts.engines ?? ENGINE_NAMES;
  if (opts.merge) {
    // Keep the other engines' results from the last run at this size (each result carries its own date).
    const path = join(OUT_DIR, `speed-${mb}.json`);
    if (existsSync(path)) {
      const old = JSON.parse(readFileSync(path, 'utf8')) as SpeedReport;
      results.push(...old.results.filter((r) => !engines.includes(r.engine)));
    }
  }
  for (const engine of engines) {
    const t0 = Date.now();
    const r = await runWorker(engine, mb, runs, { progress: opts.progress });
    results.push(r);
    if (r.unavailable) log(`${engine}: not available (${r.unavailable})`);
    else if (r.error) log(`${engine} @ ${mb} MB: failed (${r.error.split('\n')[0]})`);
    else log(`${engine} @ ${mb} MB: build ${ms(r.buildMs)} ms, p50 ${ms(r.p50Ms, 3)} ms (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const fps = new Set(results.filter((r) => r.queriesFingerprint).map((r) => r.queriesFingerprint));
  if (fps.size > 1) throw new Error(`engines got different query lists (${[...fps].join(', ')})`);
  const order = [...ENGINE_NAMES];
  results.sort((a, b) => order.indexOf(a.engine) - order.indexOf(b.engine));
  return { kind: 'speed', date: new Date().toISOString(), mb, runs, results };
}

export async function main(argv = process.argv.slice(2)): Promise<SpeedReport[]> {
  const args = parseArgs(argv, ['engines', 'runs']);
  const merge = args.flags.has('merge');
  const progress = args.flags.has('progress');
  const sizes = args.positional.length > 0 ? args.positional.map(Number) : [5, 20];
  if (sizes.some((x) => !(x > 0))) throw new Error(`slice sizes must be positive numbers of MB: ${args.positional.join(' ')}`);
  const runsFlag = args.flags.get('runs');
  const reports: SpeedReport[] = [];
  for (const mb of sizes) {
    const report = await runSpeed(mb, {
      engines: listFlag(args.flags.get('engines')),
      runs: typeof runsFlag === 'string' ? Number(runsFlag) : undefined,
      merge,
      progress,
    });
    const first = report.results.find((r) => r.docs > 0);
    console.log(
      `\n${mb} MB slice: ${first ? `${first.docs} docs, ${mbOf(first.bytes).toFixed(1)} MB of text, ${first.queries} queries (${first.queriesFingerprint})` : 'no data'}; builds/loads: median of ${report.runs}`,
    );
    console.log(speedTable(report) + '\n');
    console.log(`wrote ${writeJson(`speed-${mb}.json`, report)}`);
    reports.push(report);
  }
  return reports;
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
