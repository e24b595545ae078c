// Turns bench/out/*.json into bench/RESULTS.md and the SVG charts in bench/charts/.
//
//   npx tsx bench/report.ts
//
// Charts are vega-lite specs compiled to vega and rendered headless with vega's View.toSVG() (no hand-drawn SVG).
// Tables show each peer's figure next to fahras' as a ratio (peer / fahras) when fahras was measured in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType, arch } from 'node:os';
import { join } from 'node:path';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { REPO_ROOT } from './lib/data.js';
import { BENCH_DIR, isMain, OUT_DIR } from './lib/util.js';
import { ENGINE_NAMES, FACTORIES, REFERENCE_NAMES } from './engines/index.js';
import { PACKS_BEFORE, PACKS_HEADING, packsChartSpec, packsSection, type PacksReport, upsertSection } from './packs-report.js';
import type { QualityReport, QualityRow } from './quality.js';
import type { SizeReport } from './size.js';
import type { SpeedReport } from './speed.js';
import type { SpeedResult } from './speed-worker.js';

export const CHARTS_DIR = join(BENCH_DIR, 'charts');
export const RESULTS_MD = join(BENCH_DIR, 'RESULTS.md');

/** Packages whose versions are reported (read from node_modules/<pkg>/package.json). */
const PACKAGES = ['flexsearch', 'minisearch', 'lunr', 'lunr-languages', '@orama/orama', '@orama/stemmers', 'esbuild', 'vega', 'vega-lite'];

interface Inputs {
  quality?: QualityReport;
  speed: SpeedReport[];
  size?: SizeReport;
  packs?: PacksReport;
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

export function readInputs(dir = OUT_DIR): Inputs {
  const speed = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^speed-[\d.]+\.json$/.test(f))
        .map((f) => readJson<SpeedReport>(join(dir, f))!)
        .sort((a, b) => a.mb - b.mb)
    : [];
  return { quality: readJson(join(dir, 'quality.json')), speed, size: readJson(join(dir, 'size.json')), packs: readJson(join(dir, 'packs.json')) };
}

export function packageVersion(pkg: string): string {
  if (pkg === 'fahras') {
    const v = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    let commit = '';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    } catch {
      /* not a git checkout */
    }
    return commit ? `${v} (${commit})` : v;
  }
  const p = join(REPO_ROOT, 'node_modules', pkg, 'package.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version : 'not installed';
}

export function machine(): string {
  const c = cpus();
  return `${osType()} ${release()} ${arch()}; ${c[0]?.model?.trim() ?? 'unknown CPU'} × ${c.length} cores; ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}`;
}

// ---------------------------------------------------------------- formatting

const f3 = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(3));
const fixed = (x: number | undefined, d: number): string => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const ratio = (x: number | undefined, base: number | undefined): string =>
  x === undefined || base === undefined || !(base > 0) || Number.isNaN(x) ? '' : ` (${(x / base).toFixed(2)}×)`;

function mdTable(headers: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const a = align ?? headers.map((_, i) => (i === 0 ? 'l' : 'r'));
  return [
    `| ${headers.join(' | ')} |`,
    `| ${a.map((x) => (x === 'l' ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Engines in table order, restricted to those present. */
function orderEngines(names: Iterable<string>): string[] {
  const present = new Set(names);
  const known = [...ENGINE_NAMES, ...REFERENCE_NAMES].filter((n) => present.has(n));
  return [...known, ...[...present].filter((n) => !known.includes(n)).sort()];
}

// ---------------------------------------------------------------- charts

/** One fixed colour per engine (tableau10 order), so an engine has the same colour in every chart. */
const ENGINE_COLORS: Record<string, string> = {
  fahras: '#4c78a8',
  flexsearch: '#f58518',
  'flexsearch+fahras': '#e45756',
  minisearch: '#72b7b2',
  lunr: '#54a24b',
  orama: '#eeca3b',
};
const SPARE_COLORS = ['#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

function colorScale(engines: string[]): { domain: string[]; range: string[] } {
  let spare = 0;
  return { domain: engines, range: engines.map((e) => ENGINE_COLORS[e] ?? SPARE_COLORS[spare++ % SPARE_COLORS.length]) };
}

const CHART_CONFIG = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 12, titleFontSize: 12 },
};

export async function renderSvg(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export function qualityChartSpec(rows: QualityRow[]): vl.TopLevelSpec | undefined {
  const main = rows.filter((r) => !r.reference && !r.error);
  if (main.length === 0) return undefined;
  const values = main.flatMap((r) => [
    { set: r.set, engine: r.engine, metric: 'MRR@10', value: r.mrr10 },
    { set: r.set, engine: r.engine, metric: 'nDCG@10', value: r.ndcg10 },
    { set: r.set, engine: r.engine, metric: 'Recall@100', value: r.recall100 },
  ]);
  const sets = [...new Set(main.map((r) => r.set))];
  const engines = orderEngines(main.map((r) => r.engine));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Retrieval quality per eval set (higher is better)',
    data: { values },
    facet: { row: { field: 'metric', type: 'nominal', sort: ['MRR@10', 'nDCG@10', 'Recall@100'], title: null } },
    spec: {
      width: { step: 14 },
      height: 170,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'set', type: 'nominal', sort: sets, title: null, axis: { labelAngle: 0 } },
        xOffset: { field: 'engine', type: 'nominal', sort: engines },
        y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: null },
        color: { field: 'engine', type: 'nominal', scale: colorScale(engines), sort: engines, title: 'engine' },
        tooltip: [{ field: 'engine' }, { field: 'set' }, { field: 'value', format: '.3f' }],
      },
    },
  } as vl.TopLevelSpec;
}

function okResults(speed: SpeedReport[]): SpeedResult[] {
  return speed.flatMap((s) => s.results.filter((r) => !r.unavailable && !r.error));
}

/** Line chart of a measure against slice size, one panel per series (e.g. p50 / p95), one line per engine. */
function lineChart(
  title: string,
  yTitle: string,
  values: { mbText: number; engine: string; series: string; value: number }[],
  logY = false,
): vl.TopLevelSpec {
  const engines = orderEngines(values.map((v) => v.engine));
  const series = [...new Set(values.map((v) => v.series))];
  const panel = {
    width: series.length > 1 ? 300 : 420,
    height: 260,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'mbText', type: 'quantitative', title: 'corpus slice (MB of text)', scale: { zero: true } },
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: logY ? { type: 'log' } : { zero: true } },
      color: { field: 'engine', type: 'nominal', scale: colorScale(engines), sort: engines, title: 'engine' },
      tooltip: [{ field: 'engine' }, { field: 'series' }, { field: 'mbText', format: '.1f' }, { field: 'value', format: '.3f' }],
    },
  };
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, data: { values } };
  if (series.length <= 1) return { ...base, ...panel } as vl.TopLevelSpec;
  return {
    ...base,
    facet: { column: { field: 'series', type: 'nominal', sort: series, title: null } },
    spec: panel,
    resolve: { scale: { y: 'independent' } },
  } as vl.TopLevelSpec;
}

export function latencyChartSpec(speed: SpeedReport[]): vl.TopLevelSpec | undefined {
  const rs = okResults(speed).filter((r) => r.p50Ms !== undefined);
  if (rs.length === 0) return undefined;
  const values = rs.flatMap((r) => [
    { mbText: r.bytes / 1e6, engine: r.engine, series: 'p50 latency', value: r.p50Ms! },
    { mbText: r.bytes / 1e6, engine: r.engine, series: 'p95 latency', value: r.p95Ms! },
  ]);
  return lineChart('Top-10 search latency vs corpus size (lower is better)', 'ms per query (log scale)', values, true);
}

export function buildChartSpec(speed: SpeedReport[]): vl.TopLevelSpec | undefined {
  const rs = okResults(speed).filter((r) => r.buildMs !== undefined);
  if (rs.length === 0) return undefined;
  const values = rs.map((r) => ({ mbText: r.bytes / 1e6, engine: r.engine, series: 'build', value: r.buildMs! / 1000 }));
  return lineChart('Index build time vs corpus size (lower is better)', 'seconds (median)', values);
}

export function memoryChartSpec(speed: SpeedReport[]): vl.TopLevelSpec | undefined {
  const rs = okResults(speed).filter((r) => r.heapGrowthBytes !== undefined);
  if (rs.length === 0) return undefined;
  const values = rs.flatMap((r) => [
    { mbText: r.bytes / 1e6, engine: r.engine, series: 'heap growth after build (gc)', value: r.heapGrowthBytes! / 1e6 },
    ...(r.serializedBytes !== undefined
      ? [{ mbText: r.bytes / 1e6, engine: r.engine, series: 'serialized index (own export)', value: r.serializedBytes / 1e6 }]
      : []),
  ]);
  return lineChart('Memory and index size vs corpus size (lower is better)', 'MB', values);
}

// ---------------------------------------------------------------- markdown

function qualitySection(q: QualityReport): string {
  const out: string[] = [];
  const main = q.rows.filter((r) => !r.reference);
  const engines = orderEngines(main.map((r) => r.engine));
  const sets = [...new Set(main.map((r) => r.set))];
  const cell = (set: string, engine: string): QualityRow | undefined => main.find((r) => r.set === set && r.engine === engine);
  out.push(`## Quality\n\nMeasured ${q.date.slice(0, 10)}. Every engine indexes each set's corpus.jsonl as is and gets the same cleaned queries (any run of characters that is not a letter, mark or number → one space); top ${q.depth} per query. nDCG uses graded gains (trec_eval). Ratios in parentheses: engine ÷ fahras.\n`);
  for (const [metric, key] of [
    ['MRR@10', 'mrr10'],
    ['nDCG@10', 'ndcg10'],
    ['Recall@100', 'recall100'],
  ] as const) {
    out.push(`### ${metric}\n`);
    out.push(
      mdTable(
        ['set', 'queries', ...engines],
        sets.map((s) => {
          const base = cell(s, 'fahras')?.[key];
          const n = main.find((r) => r.set === s && r.queries > 0)?.queries ?? 0;
          return [
            s,
            String(n),
            ...engines.map((e) => {
              const r = cell(s, e);
              if (!r) return '—';
              if (r.error) return 'error';
              return e === 'fahras' ? `**${f3(r[key])}**` : f3(r[key]) + ratio(r[key], base);
            }),
          ];
        }),
      ),
    );
    out.push('');
  }
  const ref = q.rows.filter((r) => r.published !== undefined);
  const refOrder = orderEngines(ref.map((r) => r.engine));
  if (ref.length > 0) {
    out.push('### Harness check: peers against the published MRR@10 (../shared/eval/README.md)\n');
    out.push(
      mdTable(
        ['engine (published setup)', 'set', 'published', 'this harness', 'Δ'],
        [...ref]
          .sort((a, b) => refOrder.indexOf(a.engine) - refOrder.indexOf(b.engine))
          .map((r) => {
            const d = Math.round((r.mrr10 - r.published!) * 1000) / 1000;
            return [r.engine, r.set, f3(r.published), f3(r.mrr10), (d === 0 ? 0 : d).toFixed(3)];
          }),
        ['l', 'l', 'r', 'r', 'r'],
      ),
    );
    out.push('');
  }
  return out.join('\n');
}

function speedSection(speed: SpeedReport[]): string {
  const out: string[] = ['## Speed, memory, index size\n'];
  out.push(
    'SaudiNewsNet paragraphs, first N MB of UTF-8 text, each engine in its own Node process (`--expose-gc`). Build: median of the runs shown; heap: growth of heapUsed + external after build (gc before and after, so ArrayBuffers count); index: the engine\'s own serialized export ("text in index": the index keeps the documents\' text — fahras for snippets, Orama as its document store — and heap and index sizes include it); load: time to load that export; latency: 500 queries of 3–6 consecutive words from random paragraphs (seeded, the same for every engine), top 10, after 30 warm-up queries (fahras builds a highlighted snippet for each hit, the peers return ids only), on the index just built, then ("loaded") on the index loaded from its export, as a browser app would have it (fahras has no in-memory term vectors there). Ratios in parentheses: engine ÷ fahras (for times and sizes, above 1 = slower / larger than fahras).\n',
  );
  for (const s of speed) {
    const rs = s.results.filter((r) => !r.unavailable && !r.error);
    if (rs.length === 0) continue;
    const first = rs[0];
    const fa = rs.find((r) => r.engine === 'fahras');
    out.push(
      `### ${s.mb} MB slice — ${first.docs.toLocaleString('en-US')} paragraphs, ${(first.bytes / 1e6).toFixed(1)} MB of text (measured ${s.date.slice(0, 10)}; ${s.runs > 1 ? `build and load: median of ${s.runs} runs` : 'one build and one load per engine'})\n`,
    );
    out.push(
      mdTable(
        ['engine', 'build s', 'MB/s', 'heap +MB', 'index MB', 'text in index', 'load ms', 'p50 ms', 'p95 ms', 'loaded p50', 'loaded p95'],
        orderEngines(rs.map((r) => r.engine)).map((name) => {
          const r = rs.find((x) => x.engine === name)!;
          const own = name === 'fahras';
          const c = (v: number | undefined, base: number | undefined, d: number, scale = 1): string => {
            const text = fixed(v === undefined ? undefined : v / scale, d);
            return own ? `**${text}**` : text + ratio(v, base);
          };
          return [
            name,
            c(r.buildMs, fa?.buildMs, 2, 1000),
            own ? `**${fixed(r.throughputMBs, 2)}**` : fixed(r.throughputMBs, 2),
            c(r.heapGrowthBytes, fa?.heapGrowthBytes, 1, 1e6),
            c(r.serializedBytes, fa?.serializedBytes, 1, 1e6),
            FACTORIES.find((f) => f.name === name)?.storesText ? 'yes' : 'no',
            c(r.loadMs, fa?.loadMs, 0),
            c(r.p50Ms, fa?.p50Ms, 3),
            c(r.p95Ms, fa?.p95Ms, 3),
            c(r.loadedP50Ms, fa?.loadedP50Ms, 3),
            c(r.loadedP95Ms, fa?.loadedP95Ms, 3),
          ];
        }),
      ),
    );
    const bad = rs.filter((r) => r.roundtripChecked && r.roundtripSame !== r.roundtripChecked);
    if (bad.length > 0) {
      out.push(
        `\nAfter serialize → load, these engines returned a different top 10 for some of the checked queries: ${bad.map((r) => `${r.engine} ${r.roundtripSame}/${r.roundtripChecked} same`).join(', ')}.`,
      );
    }
    const partial = rs.filter((r) => r.queriesTimed !== undefined && r.queriesTimed < r.queries);
    if (partial.length > 0) {
      out.push(
        `\nLatency time budget reached (the first queries of the same list were timed): ${partial.map((r) => `${r.engine} ${r.queriesTimed}/${r.queries}`).join(', ')}.`,
      );
    }
    const older = rs.filter((r) => r.date && r.date.slice(0, 10) !== s.date.slice(0, 10));
    if (older.length > 0) out.push(`\nMeasured on another day: ${older.map((r) => `${r.engine} (${r.date!.slice(0, 10)})`).join(', ')}.`);
    const noExport = rs.filter((r) => r.serializeError);
    if (noExport.length > 0) {
      out.push(`\nSerialize/load failed: ${noExport.map((r) => `${r.engine} (${r.serializeError})`).join('; ')}.`);
    }
    const failed = s.results.filter((r) => r.error);
    if (failed.length > 0) out.push(`\nFailed: ${failed.map((r) => `${r.engine} (${r.error!.split('\n')[0]})`).join('; ')}.`);
    out.push('');
  }
  return out.join('\n');
}

function sizeSection(size: SizeReport): string {
  const fa = size.entries.find((e) => e.engine === 'fahras' && e.asBenchmarked);
  return [
    '## Bundle size\n',
    `Measured ${size.date.slice(0, 10)}: \`import { X } from 'lib'; console.log(X)\` bundled by esbuild ${size.esbuild} (minify, platform browser, ESM, es2020), gzip level 9; kB = 1000 bytes. **Bold** rows: the import as the benchmark configures the engine for Arabic.\n`,
    mdTable(
      ['bundle', 'min kB', 'min+gzip kB'],
      size.entries.map((e) => {
        const label = e.asBenchmarked ? `**${e.label}**` : e.label;
        if (e.error) return [label, 'error', 'error'];
        const own = e === fa;
        return [
          label,
          fixed(e.minBytes! / 1000, 1) + (own ? '' : ratio(e.minBytes, fa?.minBytes)),
          fixed(e.gzipBytes! / 1000, 1) + (own ? '' : ratio(e.gzipBytes, fa?.gzipBytes)),
        ];
      }),
      ['l', 'r', 'r'],
    ),
    '',
  ].join('\n');
}

/** Every figure on which some peer does better than fahras (fahras measured in the same files). */
export function behindFahras(inputs: Inputs): string[] {
  const lines: string[] = [];
  const q = inputs.quality;
  if (q) {
    const main = q.rows.filter((r) => !r.reference && !r.error);
    for (const set of new Set(main.map((r) => r.set))) {
      const fa = main.find((r) => r.set === set && r.engine === 'fahras');
      if (!fa) continue;
      for (const [label, key] of [
        ['MRR@10', 'mrr10'],
        ['nDCG@10', 'ndcg10'],
        ['Recall@100', 'recall100'],
      ] as const) {
        const better = main.filter((r) => r.set === set && r.engine !== 'fahras' && r[key] > fa[key] + 5e-4);
        if (better.length > 0) {
          lines.push(`${set} ${label}: fahras ${f3(fa[key])} < ${better.map((r) => `${r.engine} ${f3(r[key])}`).join(', ')}`);
        }
      }
    }
  }
  for (const s of inputs.speed) {
    const rs = s.results.filter((r) => !r.unavailable && !r.error);
    const fa = rs.find((r) => r.engine === 'fahras');
    if (!fa) continue;
    const figures: [string, (r: SpeedResult) => number | undefined, (x: number) => string][] = [
      ['build', (r) => r.buildMs, (x) => `${(x / 1000).toFixed(2)} s`],
      ['heap growth', (r) => r.heapGrowthBytes, (x) => `${(x / 1e6).toFixed(1)} MB`],
      ['serialized size', (r) => r.serializedBytes, (x) => `${(x / 1e6).toFixed(1)} MB`],
      ['load', (r) => r.loadMs, (x) => `${x.toFixed(0)} ms`],
      ['p50 latency', (r) => r.p50Ms, (x) => `${x.toFixed(3)} ms`],
      ['p95 latency', (r) => r.p95Ms, (x) => `${x.toFixed(3)} ms`],
    ];
    for (const [label, get, fmt] of figures) {
      const mine = get(fa);
      if (mine === undefined) continue;
      const better = rs.filter((r) => r.engine !== 'fahras' && get(r) !== undefined && get(r)! < mine);
      if (better.length > 0) lines.push(`${s.mb} MB ${label}: fahras ${fmt(mine)} > ${better.map((r) => `${r.engine} ${fmt(get(r)!)}`).join(', ')}`);
    }
  }
  const size = inputs.size?.entries.filter((e) => !e.error && e.asBenchmarked);
  const faSize = size?.find((e) => e.engine === 'fahras');
  if (size && faSize) {
    const better = size.filter((e) => e !== faSize && e.gzipBytes! < faSize.gzipBytes!);
    if (better.length > 0) {
      lines.push(
        `bundle min+gzip: fahras ${(faSize.gzipBytes! / 1000).toFixed(1)} kB > ${better.map((e) => `${e.label} ${(e.gzipBytes! / 1000).toFixed(1)} kB`).join(', ')}`,
      );
    }
  }
  return lines;
}

function setupsSection(inputs: Inputs): string {
  const setups = new Map<string, string>();
  for (const e of inputs.quality?.engines ?? []) setups.set(e.name, e.setup);
  for (const r of okResults(inputs.speed)) if (r.setup && !setups.has(r.engine)) setups.set(r.engine, r.setup);
  const unavailable = new Map<string, string>();
  for (const u of inputs.quality?.unavailable ?? []) unavailable.set(u.name, u.reason);
  for (const s of inputs.speed) for (const r of s.results) if (r.unavailable) unavailable.set(r.engine, r.unavailable);
  const lines = ['## Engines and their setup\n', 'Each engine\'s Arabic setup is documented at the top of its adapter in `bench/engines/`.\n'];
  for (const name of orderEngines([...setups.keys()])) lines.push(`- **${name}**: ${setups.get(name)!.replace(/\|/g, '\\|')}`);
  if (unavailable.size > 0) {
    lines.push('');
    for (const [name, reason] of unavailable) if (!setups.has(name)) lines.push(`- **${name}**: not available in this run (${reason}).`);
  }
  lines.push('');
  return lines.join('\n');
}

export function renderMarkdown(inputs: Inputs, charts: string[]): string {
  const versions = ['fahras', ...PACKAGES].map((p) => `${p} ${packageVersion(p)}`).join(' · ');
  const parts = [
    '# fahras benchmark results\n',
    `Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/report.ts\` from \`bench/out/*.json\`.\n`,
    `- **Machine:** ${machine()}`,
    `- **Versions:** ${versions}`,
    '- **Reproduce:** `npm run bench` (quality on every eval set, speed at 5 and 20 MB, bundle sizes, this report; a few minutes) or `npm run bench:full` (adds the whole 102 MB corpus). Single steps: `npx tsx bench/quality.ts [eval folders…]`, `npx tsx bench/speed.ts 5 20 102`, `npx tsx bench/size.ts`, `npx tsx bench/report.ts`.',
    '- Timings are from one machine and one run of the suite; treat differences under ~10% as noise.\n',
  ];
  const top = charts.filter((c) => c !== 'packs'); // the packs section shows its own chart
  if (top.length > 0) parts.push(top.map((c) => `![${c}](charts/${c}.svg)`).join('\n') + '\n');
  if (inputs.quality) parts.push(qualitySection(inputs.quality));
  if (inputs.speed.length > 0) parts.push(speedSection(inputs.speed));
  if (inputs.packs) parts.push(packsSection(inputs.packs));
  if (inputs.size) parts.push(sizeSection(inputs.size));
  const behind = behindFahras(inputs);
  if (behind.length > 0) {
    parts.push('## Where a peer does better than fahras\n');
    parts.push(behind.map((l) => `- ${l}`).join('\n') + '\n');
  }
  parts.push(setupsSection(inputs));
  return parts.join('\n');
}

export async function runReport(log: (l: string) => void = (l) => console.log(l)): Promise<{ md: string; charts: string[] }> {
  const inputs = readInputs();
  if (!inputs.quality && inputs.speed.length === 0 && !inputs.size) {
    throw new Error(`no results in ${OUT_DIR}: run bench/quality.ts, bench/speed.ts, bench/size.ts or bench/packs.ts first`);
  }
  mkdirSync(CHARTS_DIR, { recursive: true });
  const specs: [string, vl.TopLevelSpec | undefined][] = [
    ['quality', inputs.quality ? qualityChartSpec(inputs.quality.rows) : undefined],
    ['latency', latencyChartSpec(inputs.speed)],
    ['build-time', buildChartSpec(inputs.speed)],
    ['memory', memoryChartSpec(inputs.speed)],
    ['packs', inputs.packs ? packsChartSpec(inputs.packs) : undefined],
  ];
  const charts: string[] = [];
  for (const [name, spec] of specs) {
    if (!spec) continue;
    const path = join(CHARTS_DIR, `${name}.svg`);
    writeFileSync(path, (await renderSvg(spec)) + '\n');
    charts.push(name);
    log(`wrote ${path}`);
  }
  const md = renderMarkdown(inputs, charts);
  writeFileSync(RESULTS_MD, md);
  log(`wrote ${RESULTS_MD}`);
  return { md, charts };
}

/**
 * bench/packs.ts's results alone: bench/charts/packs.svg and the section in the RESULTS.md already there (replaced, or
 * inserted before the bundle sizes), the other sections untouched. Returns the lines to log.
 */
export async function writePacksReport(report: PacksReport): Promise<string[]> {
  const lines: string[] = [];
  const spec = packsChartSpec(report);
  if (spec) {
    mkdirSync(CHARTS_DIR, { recursive: true });
    const path = join(CHARTS_DIR, 'packs.svg');
    writeFileSync(path, (await renderSvg(spec)) + '\n');
    lines.push(`wrote ${path}`);
  }
  const md = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# fahras benchmark results\n';
  writeFileSync(RESULTS_MD, upsertSection(md, PACKS_HEADING, packsSection(report), PACKS_BEFORE));
  lines.push(`wrote the packs section of ${RESULTS_MD}`);
  return lines;
}

if (isMain(import.meta.url)) {
  runReport().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
