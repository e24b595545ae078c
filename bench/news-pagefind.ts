// fahras against Pagefind on the news known-item set (bench/lib/news-set.ts), same queries, results as documents:
// Pagefind indexes whole documents (one custom record per SaudiNewsNet document, language ar, through its Node API,
// as bench/packs.ts does) and its search runtime (pagefind.js and its WebAssembly) runs in this Node process, reading
// the written files through a fetch of file: URLs; fahras searches the same documents with `groupBy: 'document'`. A
// query's relevant documents are those holding its paragraph's text. Reports MRR@10 and found@10 (a relevant
// document in the top 10) per half, for Pagefind, this tree and, with --ref, another copy of fahras.
//
//   npx tsx bench/news-pagefind.ts [MB=20] [--queries 500] [--ref DIR] [--pagefind MODULE] [--rebuild]
// MODULE: where `pagefind` is installed (default: the package name; e.g. /tmp/pf/node_modules/pagefind/lib/index.js).
// Pagefind's output is kept in bench/.cache/news-pagefind-MB/ (git-ignored) and reused unless --rebuild.
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as here from '../src/index.js';
import { readCorpusSlice, REPO_ROOT } from './lib/data.js';
import { newsKnownItems } from './lib/news-set.js';
import { f3, formatTable, importReference, parseArgs } from './lib/util.js';

const args = parseArgs(process.argv.slice(2), ['queries', 'ref', 'pagefind']);
const mb = Number(args.positional[0] ?? 20);
const count = Number(args.flags.get('queries') ?? 500);
const refDir = args.flags.get('ref');
const pagefindModule = (args.flags.get('pagefind') as string | undefined) ?? 'pagefind';
const slice = await readCorpusSlice(mb);
const { queries, qrels, halves } = newsKnownItems(slice.docs, count);
// a query's relevant documents: those of its relevant paragraphs
const relevantDocs = new Map([...qrels].map(([qid, keys]) => [qid, new Set([...keys.keys()].map((k) => k.slice(0, k.lastIndexOf('#'))))]));

/** MRR@10 and found@10 of `run` (qid → document ids, best first) over the queries of `only`. */
function score(run: Map<string, string[]>, only: Set<string> | undefined): [number, number, number] {
  let n = 0;
  let mrr = 0;
  let found = 0;
  for (const { qid } of queries) {
    if (only && !only.has(qid)) continue;
    n++;
    const rank = (run.get(qid) ?? []).slice(0, 10).findIndex((id) => relevantDocs.get(qid)!.has(id));
    if (rank >= 0) {
      mrr += 1 / (rank + 1);
      found++;
    }
  }
  return [n, mrr / n, found / n];
}

// ---------------------------------------------------------------- Pagefind
interface PagefindApi {
  createIndex(config: object): Promise<{ errors: string[]; index?: { addCustomRecord(r: object): Promise<{ errors: string[] }>; writeFiles(o: object): Promise<{ errors: string[] }> } }>;
  close(): Promise<unknown>;
}
interface PagefindSearch {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<{ meta: { title: string } }> }[] }>;
}

const outDir = join(REPO_ROOT, 'bench', '.cache', `news-pagefind-${mb}`);
if (args.flags.has('rebuild')) await rm(outDir, { recursive: true, force: true });
if (!existsSync(join(outDir, 'pagefind.js'))) {
  const t0 = performance.now();
  const pagefind = (await import(pagefindModule)) as PagefindApi;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
  for (let i = 0; i < slice.docs.length; i += 500) {
    await Promise.all(slice.docs.slice(i, i + 500).map(async (d) => {
      const added = await index.addCustomRecord({ url: `/p/${d.id}`, content: d.text, language: 'ar', meta: { title: String(d.id) } });
      if (added.errors.length) throw new Error(`pagefind addCustomRecord ${d.id}: ${added.errors.join('; ')}`);
    }));
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join('; ')}`);
  await pagefind.close();
  console.log(`Pagefind built ${slice.docs.length} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
// the browser runtime in Node: its files through fetch of file: URLs (WebAssembly with its content type)
const nodeFetch = globalThis.fetch;
globalThis.fetch = (async (url: string | URL | Request) => {
  const u = String(url);
  if (!u.startsWith('file:')) return nodeFetch(url);
  const path = fileURLToPath(u.split('?')[0]);
  return new Response(await readFile(path), { headers: { 'content-type': path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
}) as typeof fetch;
await copyFile(join(outDir, 'pagefind.js'), join(outDir, 'pagefind.mjs')); // an ES module by its name
const pf = (await import(pathToFileURL(join(outDir, 'pagefind.mjs')).href)) as PagefindSearch;
await pf.options({ basePath: pathToFileURL(outDir + '/').href });
await pf.init();
const runs: [string, Map<string, string[]>][] = [];
const pagefindRun = new Map<string, string[]>();
for (const q of queries) {
  const found = await pf.search(q.text);
  pagefindRun.set(q.qid, (await Promise.all(found.results.slice(0, 10).map((r) => r.data()))).map((d) => d.meta.title));
}
runs.push(['Pagefind 1.6', pagefindRun]);

// ---------------------------------------------------------------- fahras
const arms: [string, typeof here][] = [['fahras (this tree)', here]];
if (typeof refDir === 'string') arms.unshift([`fahras (${refDir})`, await importReference<typeof here>(refDir, 'src/index.ts')]);
// this tree also with derivations (fahras/derivations, an opt-in)
const { derivations } = await import('../src/derivations.js');
for (const [name, lib, options] of [...arms, ['fahras + derivations', here, { derivations }]] as [string, typeof here, object?][]) {
  const index = lib.createIndex(options);
  index.addAll(slice.docs);
  const run = new Map<string, string[]>();
  for (const q of queries) run.set(q.qid, index.search(q.text, { limit: 10, groupBy: 'document', snippets: false }).map((r) => String(r.id)));
  runs.push([name, run]);
}

const rows: (string | number)[][] = [];
for (const [name, run] of runs) {
  for (const h of halves) {
    const [n, mrr, found] = score(run, h.only);
    rows.push([name, h.label, n, f3(mrr), f3(found)]);
  }
}
console.log(`${mb} MB, ${slice.docs.length} documents; ${queries.length} known-item queries; results as documents`);
console.log(formatTable(['engine', 'queries', 'n', 'MRR@10', 'found@10'], rows));
