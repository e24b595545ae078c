// Static search in the browser, side by side: Pagefind 1.6, a fahras single-file index and a fahras pack, built from
// the same slices of SaudiNewsNet and searched in headless Debian Chromium (playwright-core) from a 127.0.0.1 server
// that counts the bytes of every response.
//
//   npm run bench:packs                      # 20 MB and the whole corpus (102 MB file, 96 MB of text)
//   npx tsx bench/packs.ts --sizes 20 --queries 60 --fresh 9 --engines pagefind,fahras
//   --rebuild  builds again instead of reusing bench/.cache/ (git-ignored: slices, built outputs, build times)
//   --merge    keeps the last figures (bench/out/packs.json) of the engines not run this time
//   --report   writes the RESULTS.md section and the chart again from bench/out/packs.json, measuring nothing
//
// Per engine and slice: build time (Pagefind through its Node API, fahras through its CLI), output files and bytes;
// on fresh pages (a new browser context each, empty cache) the bytes read and the time from the first query to its
// top 10 (snippets included: Pagefind's result.data(), fahras' snippets); on one page, each later query's bytes and
// time and the same query again at once (its pieces already read), then the page's memory (measureUserAgentSpecificMemory,
// the page being cross-origin isolated; CDP heap usage when it is unavailable); known-item MRR@10 and found@10.
// The pack's results are compared with the single file's, query by query. Writes bench/out/packs.json, the "Static
// search in the browser" section of bench/RESULTS.md and bench/charts/packs.svg.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Doc, readCorpusSlice, REPO_ROOT } from './lib/data.js';
import { gzipBytes, serveCounting, totalBytes } from './lib/byte-server.js';
import { mrrAt } from './lib/metrics.js';
import { fingerprint, type KnownItemQuery, PACKS_SEED, sampleKnownItemQueries } from './lib/queries.js';
import { type EngineMeasure, PACK_ENGINES, type PackEngine, PACKS_HEADERS, packsRows, type PacksReport, type SliceMeasure } from './packs-report.js';
import { writePacksReport } from './report.js';
import { BENCH_DIR, formatTable, isMain, listFlag, median, OUT_DIR, parseArgs, writeJson } from './lib/util.js';

export const CACHE_DIR = join(BENCH_DIR, '.cache');
const CHROMIUM = '/usr/bin/chromium';
const DIST_CLI = join(REPO_ROOT, 'dist', 'cli.cjs');

// ---------------------------------------------------------------- inputs and builds

function packageVersion(name: string): string {
  // where an import from bench/ finds it (bench/node_modules first, then the repository's)
  const p = [join(BENCH_DIR, 'node_modules', name, 'package.json'), join(REPO_ROOT, 'node_modules', name, 'package.json')].find((f) => existsSync(f));
  return p ? (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version : 'not installed';
}

/** A key that changes with fahras' source (the committed tree of src/ plus any uncommitted change to it). */
function fahrasSourceKey(): string {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return createHash('sha1')
    .update(git('rev-parse', 'HEAD:src'))
    .update(git('diff', 'HEAD', '--', 'src'))
    .digest('hex')
    .slice(0, 16);
}

/** The slice as JSON lines ({"id","text"}), the input of fahras' CLI; written once into the cache. */
function sliceFile(mb: number, docs: readonly Doc[]): string {
  const path = join(CACHE_DIR, `slice-${mb}.jsonl`);
  if (!existsSync(path)) writeFileSync(path, docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
  return path;
}

interface Built {
  dir: string;
  buildMs: number;
  buildDate: string;
}

/** Builds into `dir` unless a build with the same key is there; the build's time is kept with it. */
async function cachedBuild(dir: string, key: string, rebuild: boolean, build: (dir: string) => Promise<void>): Promise<Built> {
  const stamp = join(dir, '..', `${dir.split('/').pop()}.build.json`);
  if (!rebuild && existsSync(stamp)) {
    const saved = JSON.parse(readFileSync(stamp, 'utf8')) as Built & { key: string };
    if (saved.key === key && existsSync(dir)) return { dir, buildMs: saved.buildMs, buildDate: saved.buildDate };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  await build(dir);
  const built = { dir, buildMs: performance.now() - t0, buildDate: new Date().toISOString() };
  writeFileSync(stamp, JSON.stringify({ ...built, key }, null, 2) + '\n');
  return built;
}

/** The part of Pagefind's Node API used here (typed here: other worktrees' shared installs may lack the package). */
interface PagefindApi {
  createIndex(config: object): Promise<{ errors: string[]; index?: PagefindIndex }>;
  close(): Promise<unknown>;
}
interface PagefindIndex {
  addCustomRecord(record: { url: string; content: string; language: string; meta: Record<string, string> }): Promise<{ errors: string[] }>;
  writeFiles(options: { outputPath: string }): Promise<{ errors: string[] }>;
}

/** Pagefind's Node API: one custom record per paragraph (language ar), written to `dir`. */
async function buildPagefind(docs: readonly Doc[], dir: string): Promise<void> {
  const name = 'pagefind';
  const pagefind = (await import(name)) as PagefindApi;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
  const BATCH = 500; // records in flight at once
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(
      docs.slice(i, i + BATCH).map(async (d) => {
        const added = await index.addCustomRecord({ url: `/p/${d.id}`, content: d.text, language: 'ar', meta: { title: d.id } });
        if (added.errors.length > 0) throw new Error(`pagefind addCustomRecord ${d.id}: ${added.errors.join('; ')}`);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length > 0) throw new Error(`pagefind writeFiles: ${written.errors.join('; ')}`);
  await pagefind.close();
}

function runCli(args: string[]): void {
  execFileSync(process.execPath, [DIST_CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Whether this checkout has packs (the `fahras/pack` entry and `fahras pack` in the built CLI); why not when not. */
function packsPending(): string | undefined {
  if (!existsSync(join(REPO_ROOT, 'src', 'pack.ts'))) return 'pending: fahras packs (src/pack.ts) have not landed yet';
  const help = execFileSync(process.execPath, [DIST_CLI, '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return /^\s+pack\b/m.test(help) ? undefined : 'pending: the CLI has no `fahras pack` yet';
}

function outputSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

// ---------------------------------------------------------------- the page side

/**
 * The module the test page imports on its first query: `search(q)` → the top 10 as plain objects. Its own bytes
 * (fahras' bundle, Pagefind's loader) count as read before the first result. Pagefind's files are under /e/.
 */
function adapterSource(engine: PackEngine): string {
  const fahrasResults = `(rs) => rs.map((r) => ({ id: String(r.id), paragraph: r.paragraph, score: r.score, snippet: r.snippet }))`;
  switch (engine) {
    case 'pagefind':
      return `let pagefind;
export async function search(q) {
  if (!pagefind) { const url = '/e/pagefind.js'; pagefind = await import(url); }
  const found = await pagefind.search(q);
  const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  return top.map((d) => ({ id: d.meta.title, snippet: d.excerpt }));
}`;
    case 'fahras':
      return `import { loadIndex } from './dist/index.js';
let index;
export async function search(q) {
  if (!index) index = loadIndex(new Uint8Array(await (await fetch('/e/index.fahras')).arrayBuffer()));
  return (${fahrasResults})(index.search(q, { limit: 10 }));
}`;
    case 'fahras-pack':
      return `import { openPack } from './dist/pack.js';
import { quran } from './dist/quran.js';
let index;
export async function search(q) {
  // SaudiNewsNet quotes the Qur'an: its index is in Qur'anic orthography and needs the rules (fahras/quran)
  if (!index) index = await openPack(new URL('/e/', location.href).href, { quran });
  return (${fahrasResults})(await index.search(q, { limit: 10 }));
}`;
  }
}

async function writeAdapter(engine: PackEngine, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    stdin: { contents: adapterSource(engine), resolveDir: REPO_ROOT, loader: 'ts', sourcefile: `${engine}-adapter.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    external: ['node:*'],
    outfile: join(dir, 'engine.js'),
    logLevel: 'error',
  });
}

/** One result as the page returns it: the id always, the rest for fahras (to compare the pack with the single file). */
interface PageResult {
  id: string;
  paragraph?: number;
  score?: number;
  snippet?: unknown;
}

const PAGE = '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>packs bench</title><body></body></html>';

async function timedSearch(page: Page, q: string): Promise<{ ms: number; results: PageResult[] }> {
  return page.evaluate(async (query) => {
    const t0 = performance.now();
    const engine = (await import('/h/engine.js' as string)) as { search(q: string): Promise<PageResult[]> };
    const results = await engine.search(query);
    return { ms: performance.now() - t0, results };
  }, q);
}

/** The page's memory: measureUserAgentSpecificMemory (page and its workers) when offered, else CDP heap usage. */
async function pageMemory(page: Page): Promise<{ bytes: number; method: string }> {
  const measured = await page.evaluate(async () => {
    const p = performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };
    if (!crossOriginIsolated || !p.measureUserAgentSpecificMemory) return undefined;
    return (await p.measureUserAgentSpecificMemory()).bytes;
  });
  if (measured !== undefined) return { bytes: measured, method: 'performance.measureUserAgentSpecificMemory() (page and its workers)' };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return { bytes: usage.usedSize + (usage.backingStorageSize ?? 0), method: 'CDP Runtime.getHeapUsage (used + backing stores, page only)' };
}

function knownItemScores(queries: readonly KnownItemQuery[], results: readonly PageResult[][]): { mrr10: number; found10: number } {
  let mrr = 0;
  let found = 0;
  queries.forEach((q, i) => {
    const ids = results[i].map((r) => r.id);
    mrr += mrrAt(ids, new Map([[q.id, 1]])) ?? 0;
    if (ids.slice(0, 10).includes(q.id)) found++;
  });
  return { mrr10: mrr / queries.length, found10: found / queries.length };
}

interface BrowserRun {
  measure: Partial<EngineMeasure>;
  results: PageResult[][];
}

/** Fresh pages for the first query, then one page for all the queries twice and its memory. */
async function measureInBrowser(
  browser: Browser,
  outputDir: string,
  adapterDir: string,
  queries: readonly KnownItemQuery[],
  freshPages: number,
  log: (line: string) => void,
): Promise<BrowserRun> {
  const server = await serveCounting({ '/e/': outputDir, '/h/': adapterDir }, { '/': PAGE });
  const open = async (): Promise<{ page: Page; close: () => Promise<void> }> => {
    const context = await browser.newContext({ locale: 'ar' });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    await page.goto(`${server.origin}/`);
    server.take(); // the test page itself is the same for every engine
    return { page, close: () => context.close() };
  };
  try {
    const firstBytes: number[] = [];
    const firstGzipBytes: number[] = [];
    const firstMs: number[] = [];
    for (let i = 0; i < freshPages; i++) {
      const { page, close } = await open();
      const { ms } = await timedSearch(page, queries[i % queries.length].text);
      const served = server.take();
      firstBytes.push(totalBytes(served));
      firstGzipBytes.push(gzipBytes(served));
      firstMs.push(ms);
      await close();
    }
    log(`  first query on ${freshPages} fresh pages: median ${median(firstBytes).toLocaleString('en-US')} B, ${median(firstMs).toFixed(0)} ms`);

    const { page, close } = await open();
    const before = await pageMemory(page);
    const results: PageResult[][] = [];
    const laterBytes: number[] = [];
    const laterMs: number[] = [];
    const cachedMs: number[] = [];
    for (let i = 0; i < queries.length; i++) {
      const { ms, results: top } = await timedSearch(page, queries[i].text);
      const bytes = totalBytes(server.take());
      results.push(top);
      if (i > 0) {
        laterBytes.push(bytes);
        laterMs.push(ms);
      }
      cachedMs.push((await timedSearch(page, queries[i].text)).ms); // at once again: its pieces are all there
    }
    const after = await pageMemory(page);
    await close();
    return {
      measure: {
        firstBytes,
        firstGzipBytes,
        firstMs,
        laterBytes,
        laterMs,
        cachedMs,
        memoryBytes: after.bytes,
        memoryBeforeBytes: before.bytes,
        memoryMethod: after.method,
        ...knownItemScores(queries, results),
      },
      results,
    };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------- the run

export interface PacksOptions {
  sizes: number[];
  queries: number;
  freshPages: number;
  engines: PackEngine[];
  rebuild: boolean;
  log: (line: string) => void;
}

export async function runPacks(opts: PacksOptions): Promise<PacksReport> {
  const { log } = opts;
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is absent (apt-get install chromium)`);
  mkdirSync(CACHE_DIR, { recursive: true });
  if (opts.engines.some((e) => e !== 'pagefind')) {
    log('building dist/ (npm run build): the fahras CLI and the bundles the pages load');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const pending = opts.engines.includes('fahras-pack') ? packsPending() : undefined;
  const sourceKey = fahrasSourceKey();
  const pagefindVersion = packageVersion('pagefind');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  const report: PacksReport = {
    kind: 'packs',
    date: new Date().toISOString(),
    chromium: browser.version(),
    pagefind: pagefindVersion,
    queries: opts.queries,
    freshPages: opts.freshPages,
    queriesFingerprint: '',
    slices: [],
  };
  try {
    for (const mb of opts.sizes) {
      const slice = await readCorpusSlice(mb);
      const queries = sampleKnownItemQueries(slice.docs, opts.queries, PACKS_SEED);
      report.queriesFingerprint = fingerprint(queries.map((q) => q.text));
      log(`\n${mb} MB: ${slice.docs.length.toLocaleString('en-US')} paragraphs, ${(slice.bytes / 1e6).toFixed(1)} MB of text; ${queries.length} known-item queries (${report.queriesFingerprint})`);
      const input = sliceFile(mb, slice.docs);
      const measured: SliceMeasure = { mb, docs: slice.docs.length, textBytes: slice.bytes, engines: [] };
      const singleResults: PageResult[][] = [];
      for (const engine of opts.engines) {
        const m: EngineMeasure = { engine, version: engine === 'pagefind' ? pagefindVersion : (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version };
        measured.engines.push(m);
        if (engine === 'fahras-pack' && pending) {
          m.pending = pending;
          log(`  ${engine}: ${pending}`);
          continue;
        }
        try {
          const dir = join(CACHE_DIR, String(mb), engine);
          log(`  ${engine}: building (or reusing ${dir})`);
          const built =
            engine === 'pagefind'
              ? await cachedBuild(dir, `pagefind ${pagefindVersion}`, opts.rebuild, (d) => buildPagefind(slice.docs, d))
              : engine === 'fahras'
                ? await cachedBuild(dir, sourceKey, opts.rebuild, async (d) => runCli(['index', input, '-o', join(d, 'index.fahras')]))
                : await cachedBuild(dir, sourceKey, opts.rebuild, async (d) => runCli(['pack', input, '-o', d]));
          Object.assign(m, { buildMs: built.buildMs, buildDate: built.buildDate }, (({ files, bytes }) => ({ files, outputBytes: bytes }))(outputSize(dir)));
          log(`  ${engine}: build ${(built.buildMs / 1000).toFixed(1)} s (${built.buildDate.slice(0, 16)}), ${m.files!.toLocaleString('en-US')} files, ${m.outputBytes!.toLocaleString('en-US')} B`);
          const adapterDir = join(CACHE_DIR, 'adapters', engine);
          await writeAdapter(engine, adapterDir);
          const run = await measureInBrowser(browser, dir, adapterDir, queries, opts.freshPages, log);
          Object.assign(m, run.measure);
          if (engine === 'fahras') singleResults.push(...run.results);
          if (engine === 'fahras-pack' && singleResults.length === run.results.length) {
            m.compared = run.results.length;
            m.sameAsSingle = run.results.filter((r, i) => JSON.stringify(r) === JSON.stringify(singleResults[i])).length;
          }
          log(`  ${engine}: MRR@10 ${m.mrr10!.toFixed(3)}, found@10 ${(m.found10! * 100).toFixed(0)}%, memory ${(m.memoryBytes! / 1e6).toFixed(1)} MB`);
        } catch (err) {
          m.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
          log(`  ${engine}: error ${m.error}`);
        }
      }
      report.slices.push(measured);
    }
  } finally {
    await browser.close();
  }
  return report;
}

/**
 * `report` with the engines it did not measure taken from `previous` (the same slice and query list), so that a run
 * of some engines (`--merge`) keeps the others' last figures. The date stays the new run's.
 */
export function mergeReports(report: PacksReport, previous: PacksReport): PacksReport {
  const slices = report.slices.map((s) => {
    const old = previous.slices.find((p) => p.mb === s.mb);
    if (!old || previous.queriesFingerprint === '' || previous.queries !== report.queries) return s;
    const engines = PACK_ENGINES.map((e) => s.engines.find((m) => m.engine === e) ?? old.engines.find((m) => m.engine === e)).filter(
      (m): m is EngineMeasure => m !== undefined,
    );
    return { ...s, engines };
  });
  return { ...report, slices };
}

async function finish(report: PacksReport): Promise<void> {
  console.log('\n' + formatTable(PACKS_HEADERS, packsRows(report)));
  console.log(`wrote ${writeJson('packs.json', report)}`);
  for (const line of await writePacksReport(report)) console.log(line);
}

if (isMain(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), ['sizes', 'queries', 'fresh', 'engines']);
  const engines = (listFlag(args.flags.get('engines')) ?? PACK_ENGINES) as PackEngine[];
  const unknown = engines.filter((e) => !PACK_ENGINES.includes(e));
  if (unknown.length > 0) throw new Error(`unknown engine ${unknown.join(', ')} (known: ${PACK_ENGINES.join(', ')})`);
  const saved = join(OUT_DIR, 'packs.json');
  const previous = existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as PacksReport) : undefined;
  const run = args.flags.has('report')
    ? Promise.resolve(previous ?? Promise.reject(new Error(`${saved} is absent: run the benchmark first`)))
    : runPacks({
        sizes: (listFlag(args.flags.get('sizes')) ?? ['20', '102']).map(Number),
        queries: Number(args.flags.get('queries') ?? 60),
        freshPages: Number(args.flags.get('fresh') ?? 9),
        engines,
        rebuild: args.flags.has('rebuild'),
        log: (line) => console.log(line),
      }).then((report) => (args.flags.has('merge') && previous ? mergeReports(report, previous) : report));
  run.then(finish).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
