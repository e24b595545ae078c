// min+gzip bundle size of each library as a browser app imports it.
//
//   npx tsx bench/size.ts
//
// Each entry is a one-line module `import { X } from 'lib'; console.log(X)` bundled by esbuild's JS API (bundle,
// minify, platform "browser", format "esm", target es2020, tree shaking on), then gzipped at level 9 with node:zlib.
// Two rows per peer where Arabic needs more than the core: the core import, and the import as the benchmark configures
// it (lunr + lunr.stemmer.support + lunr.ar; Orama + @orama/stemmers/arabic). fahras' entry is src/index.ts
// (createIndex, loadIndex) when it exists and bundles. Writes bench/out/size.json.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './lib/data.js';
import { formatTable, isMain, writeJson } from './lib/util.js';

export interface SizeEntry {
  /** Engine name this bundle serves (matches the quality/speed tables). */
  engine: string;
  label: string;
  /** true for the bundle as the benchmark configures the engine for Arabic. */
  asBenchmarked: boolean;
  entry: string;
  minBytes?: number;
  gzipBytes?: number;
  error?: string;
}

export interface SizeReport {
  kind: 'size';
  date: string;
  esbuild: string;
  entries: SizeEntry[];
}

interface EntrySpec {
  engine: string;
  label: string;
  asBenchmarked: boolean;
  code: string;
}

const FAHRAS_SRC = join(REPO_ROOT, 'src', 'index.ts');
/** Where the fahras/flexsearch adapter source may be (the same places bench/engines/flexsearch.ts looks). */
const ADAPTER_SRC = ['flexsearch.ts', 'adapters/flexsearch.ts'].map((p) => join(REPO_ROOT, 'src', p));

export function entrySpecs(): EntrySpec[] {
  const specs: EntrySpec[] = [];
  if (existsSync(FAHRAS_SRC)) {
    specs.push({
      engine: 'fahras',
      label: 'fahras (src/index.ts: createIndex, loadIndex)',
      asBenchmarked: true,
      code: `import { createIndex, loadIndex } from ${JSON.stringify(FAHRAS_SRC)}; console.log(createIndex, loadIndex);`,
    });
  }
  specs.push({
    engine: 'flexsearch',
    label: 'flexsearch (Index)',
    asBenchmarked: true,
    code: `import { Index } from 'flexsearch'; console.log(Index);`,
  });
  const adapter = ADAPTER_SRC.find((p) => existsSync(p));
  if (adapter) {
    specs.push({
      engine: 'flexsearch+fahras',
      label: 'flexsearch (Index) + fahras/flexsearch encoder',
      asBenchmarked: true,
      code: `import { Index } from 'flexsearch'; import { createFlexSearchEncoder } from ${JSON.stringify(adapter)}; console.log(Index, createFlexSearchEncoder);`,
    });
  }
  specs.push(
    {
      engine: 'minisearch',
      label: 'minisearch (MiniSearch)',
      asBenchmarked: true,
      code: `import MiniSearch from 'minisearch'; console.log(MiniSearch);`,
    },
    {
      engine: 'lunr',
      label: 'lunr (core)',
      asBenchmarked: false,
      code: `import lunr from 'lunr'; console.log(lunr);`,
    },
    {
      engine: 'lunr',
      label: 'lunr + lunr.stemmer.support + lunr.ar',
      asBenchmarked: true,
      code: `import lunr from 'lunr'; import support from 'lunr-languages/lunr.stemmer.support.js'; import ar from 'lunr-languages/lunr.ar.js'; support(lunr); ar(lunr); console.log(lunr);`,
    },
    {
      engine: 'orama',
      label: '@orama/orama (create, insert, search)',
      asBenchmarked: false,
      code: `import { create, insert, search } from '@orama/orama'; console.log(create, insert, search);`,
    },
    {
      engine: 'orama',
      label: '@orama/orama + @orama/stemmers/arabic',
      asBenchmarked: true,
      code: `import { create, insert, search } from '@orama/orama'; import { stemmer } from '@orama/stemmers/arabic'; console.log(create, insert, search, stemmer);`,
    },
  );
  return specs;
}

/** esbuild is imported when used (it is a dependency of the build tooling, not of the benchmark itself). */
async function esbuild(): Promise<typeof import('esbuild')> {
  return import('esbuild');
}

export async function bundleSize(code: string): Promise<{ minBytes: number; gzipBytes: number }> {
  const { build } = await esbuild();
  const result = await build({
    stdin: { contents: code, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const bytes = result.outputFiles[0].contents;
  return { minBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
}

export async function runSize(log: (l: string) => void = (l) => console.log(l)): Promise<SizeReport> {
  const entries: SizeEntry[] = [];
  for (const spec of entrySpecs()) {
    const base = { engine: spec.engine, label: spec.label, asBenchmarked: spec.asBenchmarked, entry: spec.code };
    try {
      entries.push({ ...base, ...(await bundleSize(spec.code)) });
    } catch (err) {
      const msg = (err as Error).message.split('\n').slice(0, 2).join(' ');
      log(`${spec.label}: not available (${msg})`);
      entries.push({ ...base, error: msg });
    }
  }
  const esbuildVersion = (await esbuild()).version;
  return { kind: 'size', date: new Date().toISOString(), esbuild: esbuildVersion, entries };
}

export function sizeTable(report: SizeReport): string {
  const kb = (b: number | undefined): string => (b === undefined ? '—' : (b / 1000).toFixed(1));
  return formatTable(
    ['bundle', 'min kB', 'min+gzip kB'],
    report.entries.map((e) => [e.label + (e.asBenchmarked ? ' *' : ''), kb(e.minBytes), kb(e.gzipBytes)]),
  );
}

export async function main(): Promise<SizeReport> {
  const report = await runSize();
  console.log(sizeTable(report));
  console.log('* = as the benchmark configures the engine; kB = 1000 bytes');
  console.log(`wrote ${writeJson('size.json', report)}`);
  return report;
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
