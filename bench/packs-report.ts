// The "Static search in the browser" results of bench/packs.ts: its report's types, the RESULTS.md section and the
// chart spec (bench/report.ts renders both again from bench/out/packs.json when it regenerates RESULTS.md).
import type * as vl from 'vega-lite';
import { median } from './lib/util.js';

export type PackEngine = 'pagefind' | 'fahras' | 'fahras-pack';
export const PACK_ENGINES: PackEngine[] = ['pagefind', 'fahras', 'fahras-pack'];
export const PACK_ENGINE_LABELS: Record<PackEngine, string> = {
  pagefind: 'Pagefind',
  fahras: 'fahras single file',
  'fahras-pack': 'fahras pack',
};

export interface EngineMeasure {
  engine: PackEngine;
  /** Why the engine was not measured (e.g. packs not built yet). */
  pending?: string;
  error?: string;
  version?: string;
  buildMs?: number;
  buildDate?: string;
  files?: number;
  outputBytes?: number;
  /** Per fresh page: bytes served (and their gzip equivalent) from the first query's start to its results. */
  firstBytes?: number[];
  firstGzipBytes?: number[];
  firstMs?: number[];
  /** Per later query on one page: bytes served while it ran, and its time. */
  laterBytes?: number[];
  laterMs?: number[];
  /** Each query again right after it: every piece it needs is already there. */
  cachedMs?: number[];
  memoryBytes?: number;
  memoryBeforeBytes?: number;
  memoryMethod?: string;
  mrr10?: number;
  found10?: number;
  /** fahras-pack: queries whose results (ids, paragraphs, scores, snippets) equal the single file's. */
  sameAsSingle?: number;
  compared?: number;
}

export interface SliceMeasure {
  mb: number;
  docs: number;
  textBytes: number;
  engines: EngineMeasure[];
}

export interface PacksReport {
  kind: 'packs';
  date: string;
  chromium: string;
  pagefind: string;
  queries: number;
  freshPages: number;
  queriesFingerprint: string;
  slices: SliceMeasure[];
}

const kb = (bytes: number | undefined): string => (bytes === undefined ? '—' : bytes < 1e6 ? `${(bytes / 1e3).toFixed(bytes < 1e4 ? 1 : 0)} KB` : `${(bytes / 1e6).toFixed(1)} MB`);
const msText = (x: number | undefined, digits = 0): string => (x === undefined ? '—' : `${x.toFixed(digits)} ms`);
const med = (xs: number[] | undefined): number | undefined => (xs && xs.length > 0 ? median(xs) : undefined);

/** One row per engine and slice: the issue's columns plus time, quality and the pack's agreement with the single file. */
export function packsRows(report: PacksReport): string[][] {
  const rows: string[][] = [];
  for (const s of report.slices) {
    s.engines.forEach((m, i) => {
      const slice = i === 0 ? `${s.mb === 102 ? 'all 102 MB' : `first ${s.mb} MB`} (${s.docs.toLocaleString('en-US')} paragraphs)` : '';
      const label = PACK_ENGINE_LABELS[m.engine] + (m.engine === 'pagefind' ? ` ${m.version}` : '');
      if (m.pending || m.error) {
        rows.push([slice, label, m.pending ? 'pending' : `error: ${m.error}`, '', '', '', '', '', '', '', '']);
        return;
      }
      const later = med(m.laterBytes);
      rows.push([
        slice,
        label,
        `${(m.buildMs! / 1000).toFixed(1)} s`,
        `${kb(m.outputBytes)} in ${m.files!.toLocaleString('en-US')} file${m.files === 1 ? '' : 's'}`,
        `${kb(med(m.firstBytes))} (${kb(med(m.firstGzipBytes))} gzip)`,
        msText(med(m.firstMs)),
        `${kb(later)}, ${msText(med(m.laterMs), 1)}`,
        msText(med(m.cachedMs), 2),
        kb(m.memoryBytes),
        m.mrr10!.toFixed(3),
        `${(m.found10! * 100).toFixed(0)}%` + (m.compared ? ` (${m.sameAsSingle}/${m.compared} = single file)` : ''),
      ]);
    });
  }
  return rows;
}

export const PACKS_HEADERS = [
  'slice',
  'engine',
  'build',
  'output',
  'read before the 1st result (median)',
  'time to the 1st result',
  'later query (median bytes, time)',
  'later query, pieces cached',
  'browser memory after the queries',
  'MRR@10',
  'found@10',
];

/** Where the section goes in RESULTS.md when it is not there yet. */
export const PACKS_BEFORE = '## Bundle size';

export const PACKS_HEADING = '## Static search in the browser: Pagefind, fahras single file, fahras pack';

/** The RESULTS.md section (heading included). */
export function packsSection(report: PacksReport): string {
  const memory = report.slices.flatMap((s) => s.engines).find((m) => m.memoryMethod)?.memoryMethod ?? '—';
  return [
    PACKS_HEADING,
    '',
    `Measured ${report.date.slice(0, 10)} by \`npm run bench:packs\` (bench/packs.ts): Chromium ${report.chromium} (Debian, headless, playwright-core), Pagefind ${report.pagefind}. Each engine's output is served from 127.0.0.1 by a server that counts the bytes of every response (files cached as immutable, as a CDN sends them; "gzip": what the same responses weigh from a host that gzips them). ${report.queries} known-item queries of 3–5 consecutive words from random paragraphs (seeded; fingerprint ${report.queriesFingerprint}); top 10 with snippets (Pagefind: \`result.data()\` with its excerpt). First result: ${report.freshPages} fresh pages (new browser context, empty cache), each timed from its first query's start — the engine's script included — to its top 10, median. Later query: the other queries on one page, median bytes and time; pieces cached: each query again right after it. Memory: ${memory}, after all the queries (each twice). Build: Pagefind through its Node API (\`createIndex\` + \`addCustomRecord\`, language ar), fahras through its CLI (\`fahras index\`, \`fahras pack\`), one build each (times move by ±30% on this shared 2-core machine).`,
  '',
    '| ' + PACKS_HEADERS.join(' | ') + ' |',
    '| ' + PACKS_HEADERS.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ') + ' |',
    ...packsRows(report).map((r) => `| ${r.join(' | ')} |`),
    '',
    '![static search in the browser](charts/packs.svg)',
    '',
  ].join('\n');
}

/** Replaces the section that starts with `heading` (up to the next "## ") in `md`, or inserts it before `before`. */
export function upsertSection(md: string, heading: string, section: string, before: string): string {
  const start = md.indexOf(heading + '\n');
  if (start >= 0) {
    const next = md.indexOf('\n## ', start + heading.length);
    return md.slice(0, start) + section + (next >= 0 ? '\n' + md.slice(next + 1) : '');
  }
  const at = md.indexOf(before);
  return at >= 0 ? md.slice(0, at) + section + '\n' + md.slice(at) : md.trimEnd() + '\n\n' + section;
}


/** Bars per engine, one panel per measure (columns) and slice (rows); symlog axes, as the figures span 0 to 10^8. */
export function packsChartSpec(report: PacksReport): vl.TopLevelSpec | undefined {
  const measures: [string, (m: EngineMeasure) => number | undefined][] = [
    ['read before the 1st result (KB)', (m) => scaled(med(m.firstBytes), 1e3)],
    ['bytes per later query (KB)', (m) => scaled(med(m.laterBytes), 1e3)],
    ['time to the 1st result (ms)', (m) => med(m.firstMs)],
    ['later query, cached (ms)', (m) => med(m.cachedMs)],
    ['browser memory (MB)', (m) => scaled(m.memoryBytes, 1e6)],
  ];
  const values = report.slices.flatMap((s) =>
    s.engines
      .filter((m) => !m.pending && !m.error)
      .flatMap((m) =>
        measures.flatMap(([measure, get]) => {
          const value = get(m);
          return value === undefined ? [] : [{ slice: `${s.mb} MB`, engine: PACK_ENGINE_LABELS[m.engine], measure, value }];
        }),
      ),
  );
  if (values.length === 0) return undefined;
  const engines = PACK_ENGINES.map((e) => PACK_ENGINE_LABELS[e]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Static search in Chromium: Pagefind, fahras single file, fahras pack (lower is better)',
    data: { values },
    facet: {
      column: { field: 'measure', type: 'nominal', sort: measures.map(([m]) => m), title: null },
      row: { field: 'slice', type: 'nominal', sort: report.slices.map((s) => `${s.mb} MB`), title: null },
    },
    spec: {
      width: 110,
      height: 160,
      layer: [
        { mark: { type: 'bar' } },
        { mark: { type: 'text', dy: -6, fontSize: 9 }, encoding: { text: { field: 'value', type: 'quantitative', format: ',.3~r' } } },
      ],
      encoding: {
        x: { field: 'engine', type: 'nominal', sort: engines, title: null, axis: { labels: false, ticks: false } },
        y: { field: 'value', type: 'quantitative', scale: { type: 'symlog' }, title: null },
        color: { field: 'engine', type: 'nominal', sort: engines, scale: { domain: engines, range: ['#f58518', '#9ecae9', '#4c78a8'] }, title: 'engine' },
        tooltip: [{ field: 'engine' }, { field: 'slice' }, { field: 'measure' }, { field: 'value', format: ',.2f' }],
      },
    },
    resolve: { scale: { y: 'independent' } },
  } as vl.TopLevelSpec;
}

function scaled(x: number | undefined, unit: number): number | undefined {
  return x === undefined ? undefined : x / unit;
}
