// Retrieval quality of every engine on every eval set: MRR@10, nDCG@10 (graded gains), Recall@100.
//
//   npx tsx bench/quality.ts                      # all sets under ../shared/eval
//   npx tsx bench/quality.ts path/to/set [...]    # any folder(s) of the same format instead
//   npx tsx bench/quality.ts --engines lunr,orama # a subset of engines
//
// Each engine indexes the set's corpus.jsonl untouched and gets every query cleaned by `cleanQuery` (the same text for
// all engines); it returns its top 100 doc ids. A set with query_split.tsv also gets a row for its test split alone
// (e.g. "arcd (test)"). Prints a table and writes bench/out/quality.json.
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listEvalSets, loadEvalSet, type EvalSet } from './lib/data.js';
import { evaluateRun, type RunScores } from './lib/metrics.js';
import { cleanQuery } from './lib/queries.js';
import { f3, formatTable, isMain, listFlag, parseArgs, writeJson } from './lib/util.js';
import { createEngines, ENGINE_NAMES, REFERENCE_NAMES, type Unavailable } from './engines/index.js';
import { isPromise, type Engine } from './engines/types.js';

/** MRR@10 published in ../shared/eval/README.md for the peers' setups (one run each, same machine). */
export const PUBLISHED_MRR10: Record<string, Record<string, number>> = {
  flexsearch: { 'tydiqa-goldp-dev-ar': 0.634, 'xquad-ar': 0.729, arcd: 0.54, 'seeds-tiny': 0.784 },
  'flexsearch+fahras': {},
  'minisearch-default': { 'tydiqa-goldp-dev-ar': 0.763, 'xquad-ar': 0.837, arcd: 0.622, 'seeds-tiny': 0.691 },
  lunr: { 'tydiqa-goldp-dev-ar': 0.854, 'xquad-ar': 0.929, arcd: 0.754, 'seeds-tiny': 0.922 },
  orama: { 'tydiqa-goldp-dev-ar': 0.38, 'xquad-ar': 0.497, arcd: 0.373, 'seeds-tiny': 0.838 },
};

export const DEPTH = 100;

export interface QualityRow extends RunScores {
  /** Row label: the set name, or "NAME (test)" for the test split. */
  set: string;
  engine: string;
  docs: number;
  buildMs: number;
  /** Mean time per query (all queries of the set, k = 100). */
  queryMs: number;
  /** The published MRR@10 of this engine's setup on this set, when one exists. */
  published?: number;
  /** A reference engine (kept to check the harness against the published numbers, not a contender). */
  reference?: boolean;
  error?: string;
}

export interface QualityReport {
  kind: 'quality';
  date: string;
  depth: number;
  gains: 'graded';
  engines: { name: string; setup: string; pkg: string }[];
  unavailable: Unavailable[];
  rows: QualityRow[];
}

async function runOne(engine: Engine, set: EvalSet): Promise<{ run: Map<string, string[]>; buildMs: number; queryMs: number }> {
  const t0 = performance.now();
  const b = engine.build(set.docs);
  if (isPromise(b)) await b;
  const buildMs = performance.now() - t0;
  const run = new Map<string, string[]>();
  const t1 = performance.now();
  for (const q of set.queries) {
    const text = cleanQuery(q.text);
    const r = text === '' ? [] : engine.search(text, DEPTH);
    run.set(q.qid, isPromise(r) ? await r : r);
  }
  const queryMs = (performance.now() - t1) / Math.max(1, set.queries.length);
  return { run, buildMs, queryMs };
}

export async function runQuality(opts: { dirs?: string[]; engines?: string[]; log?: (l: string) => void } = {}): Promise<QualityReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const dirs = opts.dirs && opts.dirs.length > 0 ? opts.dirs : listEvalSets();
  if (dirs.length === 0) throw new Error('no eval set found (expected ../shared/eval/* or folders on the command line)');
  const { engines, unavailable } = await createEngines(opts.engines ?? [...ENGINE_NAMES, ...REFERENCE_NAMES], log);
  const rows: QualityRow[] = [];
  for (const dir of dirs) {
    const set = loadEvalSet(dir);
    const testQids = set.split
      ? new Set([...set.split].filter(([, s]) => s === 'test').map(([q]) => q))
      : undefined;
    log(`${set.name}: ${set.docs.length} docs, ${set.queries.length} queries`);
    for (const engine of engines) {
      const base = { engine: engine.name, docs: set.docs.length, ...(REFERENCE_NAMES.includes(engine.name) ? { reference: true } : {}) };
      try {
        const { run, buildMs, queryMs } = await runOne(engine, set);
        rows.push({
          set: set.name,
          ...base,
          ...evaluateRun(run, set.qrels),
          buildMs,
          queryMs,
          published: PUBLISHED_MRR10[engine.name]?.[set.name],
        });
        if (testQids && testQids.size > 0) {
          rows.push({ set: `${set.name} (test)`, ...base, ...evaluateRun(run, set.qrels, { onlyQids: testQids }), buildMs, queryMs });
        }
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0];
        log(`  ${engine.name} failed on ${set.name}: ${msg}`);
        rows.push({ set: set.name, ...base, queries: 0, mrr10: NaN, ndcg10: NaN, recall100: NaN, buildMs: NaN, queryMs: NaN, error: msg });
      }
    }
  }
  return {
    kind: 'quality',
    date: new Date().toISOString(),
    depth: DEPTH,
    gains: 'graded',
    engines: engines.map((e) => ({ name: e.name, setup: e.setup, pkg: e.pkg })),
    unavailable,
    rows,
  };
}

export function qualityTable(report: QualityReport): string {
  return formatTable(
    ['set', 'engine', 'queries', 'MRR@10', 'nDCG@10', 'R@100', 'published MRR@10', 'build ms', 'ms/query'],
    report.rows.map((r) => [
      r.set,
      r.engine,
      r.queries,
      f3(r.mrr10),
      f3(r.ndcg10),
      f3(r.recall100),
      r.published === undefined ? '' : f3(r.published),
      Number.isNaN(r.buildMs) ? '—' : r.buildMs.toFixed(0),
      Number.isNaN(r.queryMs) ? '—' : r.queryMs.toFixed(2),
    ]),
  );
}

export async function main(argv = process.argv.slice(2)): Promise<QualityReport> {
  const args = parseArgs(argv, ['engines']);
  const report = await runQuality({ dirs: args.positional, engines: listFlag(args.flags.get('engines')) });
  console.log('\n' + qualityTable(report));
  for (const e of report.engines) console.log(`  ${e.name}: ${e.setup}`);
  const path = writeJson('quality.json', report);
  console.log(`\nwrote ${path} (${report.rows.length} rows; sets: ${[...new Set(report.rows.map((r) => r.set))].map((s) => basename(s)).join(', ')})`);
  return report;
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
