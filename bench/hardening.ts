// Hostile sizes, measured (not asserted): one very large document and a million tiny documents, at two sizes
// each so growth can be read as linear or not.  npx tsx bench/hardening.ts   (uses ../shared/corpus text)
//
// `npx tsx bench/hardening.ts worst` instead runs the slowest queries we could find (issue 15) at 50k paragraphs of
// the corpus, with default options and at the option limits, on the built index (main entry) and on the loaded
// one (fahras/search with typos), plus snippets of one 50 MB paragraph; writes bench/out/worst-case.json.
import { createIndex } from '../src/index.js';
import { loadIndex as loadForSearch, type SearchOptions } from '../src/search.js';
import { typos } from '../src/typos.js';
import { CORPUS_PATH, readCorpusSlice } from './lib/data.js';
import { writeJson } from './lib/util.js';

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

async function main(): Promise<void> {
  const slice = await readCorpusSlice(50, CORPUS_PATH);
  const paragraphs = slice.docs.map((d) => d.text);
  const out: Record<string, unknown> = {};
  // one document without a single line break: paragraphs are cut at 10,000 characters
  for (const mb of [10, 50]) {
    const parts: string[] = [];
    let bytes = 0;
    for (const p of paragraphs) {
      if (bytes >= mb * 1e6) break;
      parts.push(p);
      bytes += Buffer.byteLength(p) + 1;
    }
    const text = parts.join(' ');
    const idx = createIndex();
    const [, addMs] = time(() => idx.add({ id: 'big', text }));
    const [, freezeMs] = time(() => idx.stats());
    const [r, searchMs] = time(() => idx.search('المملكة العربية السعودية', { limit: 10 }));
    const s = idx.stats();
    console.log(`one ${mb} MB document (no line breaks): add ${addMs.toFixed(0)} ms + freeze ${freezeMs.toFixed(0)} ms, ${s.paragraphs} paragraphs, ${s.terms} terms; search ${searchMs.toFixed(1)} ms (${r.length} hits)`);
    out[`bigdoc_${mb}mb`] = { addMs, freezeMs, paragraphs: s.paragraphs, terms: s.terms, searchMs };
  }
  // many tiny documents: three words each, ids as strings
  const vocab = paragraphs.slice(0, 2000).join(' ').split(/\s+/).filter(Boolean);
  for (const n of [100_000, 1_000_000]) {
    const idx = createIndex();
    const [, addMs] = time(() => {
      for (let i = 0; i < n; i++) idx.add({ id: `d${i}`, text: `${vocab[i % vocab.length]} ${vocab[(i * 7) % vocab.length]} ${vocab[(i * 13) % vocab.length]}` });
    });
    const [, freezeMs] = time(() => idx.stats());
    const [r, searchMs] = time(() => idx.search(vocab[5], { limit: 10 }));
    const [, removeMs] = time(() => {
      for (let i = 0; i < n; i += 10) idx.remove(`d${i}`);
    });
    console.log(`${n.toLocaleString('en')} tiny documents: add ${addMs.toFixed(0)} ms + freeze ${freezeMs.toFixed(0)} ms; search ${searchMs.toFixed(1)} ms (${r.length} hits); remove every 10th ${removeMs.toFixed(0)} ms`);
    out[`tiny_${n}`] = { addMs, freezeMs, searchMs, removeMs };
  }
  writeJson('hardening.json', { date: new Date().toISOString(), ...out });
}

/**
 * Slowest of `runs` runs after one warm-up, in ms of CPU time (user + system: the machine is shared, and wall time
 * also counts the waits for a core).
 */
function slowest(f: () => unknown, runs = 3): number {
  f();
  let worst = 0;
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    worst = Math.max(worst, (d.user + d.system) / 1000);
  }
  return worst;
}

async function worst(): Promise<void> {
  const slice = await readCorpusSlice(40, CORPUS_PATH);
  // the first records up to 50,000 paragraphs (non-empty lines: the default split)
  const docs = [];
  let paragraphs = 0;
  for (const d of slice.docs) {
    if (paragraphs >= 50_000) break;
    docs.push(d);
    paragraphs += d.text.split('\n').filter((l) => l.trim() !== '').length;
  }
  const built = createIndex();
  built.addAll(docs);
  const loaded = loadForSearch(built.serialize(), { typos });
  // the most frequent words (4+ letters) and the most frequent long ones (9+), from the text
  const counts = new Map<string, number>();
  for (const d of docs) for (const w of d.text.split(/[\s،.,:;"()«»!؟?-]+/)) if (w.length >= 4) counts.set(w, (counts.get(w) ?? 0) + 1);
  // words the analyzer keeps (not stopwords), each standing for its own term
  const terms = new Set<string>();
  const byCount = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([w]) => w)
    .filter((w) => {
      const t = built.analyzer.analyze(w);
      if (t.length !== 1 || terms.has(t[0].term)) return false;
      terms.add(t[0].term);
      return true;
    });
  const frequent = byCount.slice(0, 32);
  const long = byCount.filter((w) => w.length >= 9).slice(0, 32);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');
  const words = (n: number) => Array.from({ length: n }, (_, i) => frequent[i % 32]).join(' ');
  const queries: [string, string, SearchOptions][] = [
    ['one frequent word × 32', Array(32).fill(frequent[0]).join(' '), {}],
    ['32 distinct frequent words', words(32), {}],
    ['32 frequent words, each required', frequent.map((w) => `+${w}`).join(' '), {}],
    ['phrase: one frequent word × 32', `"${Array(32).fill(frequent[0]).join(' ')}"`, {}],
    ['phrase: 32 frequent words', `"${words(32)}"`, {}],
    ['16 phrases of 2 frequent words', Array.from({ length: 16 }, (_, i) => `"${frequent[i]} ${frequent[i + 1]}"`).join(' '), {}],
    ['32 one-letter prefixes', letters.concat(letters).slice(0, 32).map((l) => `${l}*`).join(' '), {}],
    ['32 two-letter prefixes', frequent.map((w) => `${w.slice(0, 2)}*`).join(' '), {}],
    ['fuzzy 1: 32 long words', long.join(' '), { fuzzy: 1 }],
    ['fuzzy 2: 32 long words', long.join(' '), { fuzzy: 2 }],
    ['fuzzy 2: 32 long words, prefix', long.join(' '), { fuzzy: 2, prefix: true }],
    ['1,000-character query of frequent words', words(400).slice(0, 1000), {}],
    ['31 exclusions and one word', `${frequent[0]} ${frequent.slice(1).map((w) => `-${w}`).join(' ')}`, {}],
  ];
  const limits: SearchOptions = { limit: 1000, maxExpansions: 1000, maxQueryLength: 100_000, snippetLength: 100_000 };
  const rows: Record<string, unknown>[] = [];
  console.log(`${docs.length} documents, ${built.stats().paragraphs} paragraphs, ${built.stats().terms} terms`);
  console.log('ms of CPU, slowest of 3 after a warm-up; limits: limit 1,000, maxExpansions 1,000, maxQueryLength 100,000, snippetLength 100,000');
  console.log('| query | default: built | loaded | limits: built | loaded |\n|---|---|---|---|---|');
  for (const [name, q, o] of queries) {
    const longQ = name.startsWith('1,000') ? words(40_000).slice(0, 100_000) : q;
    const at = (index: { search(q: string, o: SearchOptions): unknown }, opts: SearchOptions, query: string) => slowest(() => index.search(query, opts));
    const r = {
      name,
      builtMs: at(built, o, q),
      loadedMs: at(loaded, o, q),
      builtLimitsMs: at(built, { ...o, ...limits }, longQ),
      loadedLimitsMs: at(loaded, { ...o, ...limits }, longQ),
    };
    rows.push(r);
    console.log(`| ${name} | ${r.builtMs.toFixed(1)} | ${r.loadedMs.toFixed(1)} | ${r.builtLimitsMs.toFixed(1)} | ${r.loadedLimitsMs.toFixed(1)} |`);
  }
  // one paragraph of 50 MB (paragraphs: 'none', maxParagraphLength raised): snippet work around the hits
  const parts: string[] = [];
  let bytes = 0;
  for (const d of slice.docs) {
    if (bytes >= 50e6) break;
    parts.push(d.text);
    bytes += Buffer.byteLength(d.text) + 1;
  }
  const huge = createIndex({ paragraphs: 'none', maxParagraphLength: 1e9 });
  huge.add({ id: 'huge', text: parts.join(' ').replace(/\n/g, ' ') });
  const hugeLoaded = loadForSearch(huge.serialize());
  const big: Record<string, number> = {};
  for (const [name, index] of [['built', huge], ['loaded', hugeLoaded]] as const) {
    for (const q of [frequent[0], long[31], `"${frequent[0]} ${frequent[1]}"`]) {
      const withSnippet = slowest(() => index.search(q));
      const without = slowest(() => index.search(q, { snippets: false }));
      big[`${name} ${q}`] = withSnippet - without;
      console.log(`50 MB paragraph, ${name}, ${q}: ${withSnippet.toFixed(1)} ms with the snippet, ${without.toFixed(1)} ms without (snippet ${(withSnippet - without).toFixed(1)} ms)`);
    }
  }
  writeJson('worst-case.json', { date: new Date().toISOString(), paragraphs: built.stats().paragraphs, rows, bigParagraphSnippetMs: big });
}

(process.argv[2] === 'worst' ? worst() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
