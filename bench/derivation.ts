// Experiment (issue 18, derivation and broken plurals): a secondary, lower-weighted match on a coarser form. The
// coarse form of a stem is its skeleton: the stem without the long vowels ا (U+0627 ALEF), و (U+0648 WAW) and
// ي (U+064A YEH) after its first letter, kept when 3+ letters remain (مدارس and مدرس → مدرس, سنوات → سن is too short,
// حليم and حلم → حلم, كاتب and كتاب → كتب). A query word's alternatives are the index's other terms of its skeleton
// (the most frequent `--top`), each weighing `--weight` of the word. It runs without a change to src/: the
// alternatives go through the searcher's typo hook (`fuzzy`, with `expansions: 0` so known words expand too and
// alternatives add), on an index loaded with fahras/search.
//
//   npx tsx bench/derivation.ts [DIR...] [--weight 0.2] [--top 5]     (default: TyDi, XQuAD, ARCD; ARCD test reported)
//   npx tsx bench/derivation.ts --news 20 [--weight 0.25] [--top 5]  (the news known-item set, paragraphs, and the
//                                                                    query time of each variant, interleaved)
import { createIndex } from '../src/index.js';
import { loadIndex } from '../src/search.js';
import { quran } from '../src/quran.js';
import type { TypoExpander } from '../src/typos.js';
import { EVAL_ROOT, loadEvalSet, readCorpusSlice } from './lib/data.js';
import { newsKnownItems } from './lib/news-set.js';
import { evaluateRun } from './lib/metrics.js';
import { cleanQuery } from './lib/queries.js';
import { f3, formatTable, parseArgs, percentile } from './lib/util.js';
import { join } from 'node:path';

const args = parseArgs(process.argv.slice(2), ['weight', 'top', 'news']);
const weights = String(args.flags.get('weight') ?? '0.2').split(',').map(Number);
const top = Number(args.flags.get('top') ?? 5);
let dirs = args.positional.length ? args.positional : ['tydiqa-goldp-dev-ar', 'xquad-ar', 'arcd'].map((s) => join(EVAL_ROOT, s));

const LONG_VOWELS = new Set([0x0627, 0x0648, 0x064a]); // ا و ي
function skeleton(term: string): string {
  let out = term[0] ?? '';
  for (let i = 1; i < term.length; i++) if (!LONG_VOWELS.has(term.charCodeAt(i))) out += term[i];
  return out;
}

/** Per dictionary: skeleton → term ids, most frequent first. */
const tables = new WeakMap<readonly string[], Map<string, number[]>>();
const derivations: TypoExpander = (terms, df, word) => {
  let table = tables.get(terms);
  if (!table) {
    table = new Map();
    for (let id = 0; id < terms.length; id++) {
      if (!(df[id] > 0)) continue;
      const key = skeleton(terms[id]);
      if (key.length >= 3) (table.get(key) ?? table.set(key, []).get(key)!).push(id);
    }
    for (const ids of table.values()) ids.sort((a, b) => df[b] - df[a]);
    tables.set(terms, table);
  }
  const key = skeleton(word.term);
  if (key.length < 3) return [];
  return (table.get(key) ?? []).filter((id) => terms[id] !== word.term).slice(0, top);
};

const rows: (string | number)[][] = [];
const newsMb = args.flags.get('news');
if (typeof newsMb === 'string') {
  const slice = await readCorpusSlice(Number(newsMb));
  const { queries, qrels, halves } = newsKnownItems(slice.docs, 500);
  const built = createIndex();
  built.addAll(slice.docs);
  const index = loadIndex(built.serialize(), { typos: derivations, quran });
  const variants: [string, object][] = [['off', {}], ...weights.map((w): [string, object] => [`weight ${w}, top ${top}`, { fuzzy: 1, ranking: { expansions: 0, expansionWeight: w } }])];
  const runs = variants.map(() => new Map<string, string[]>());
  const times: number[][] = variants.map(() => []);
  for (const [v, [, opts]] of variants.entries()) for (const q of queries.slice(0, 50)) index.search(q.text, opts); // warm-up
  queries.forEach((q, i) => {
    for (let k = 0; k < variants.length; k++) {
      const v = (k + i) % variants.length; // the order turns query by query
      const t = performance.now();
      runs[v].set(q.qid, index.search(q.text, { limit: 100, ...variants[v][1] }).map((r) => `${r.id}#${r.paragraph}`));
      times[v].push(performance.now() - t);
    }
  });
  for (const [v, [name]] of variants.entries()) {
    for (const h of halves) {
      const s = evaluateRun(runs[v], qrels, { onlyQids: h.only, gains: 'binary' });
      rows.push([`news ${newsMb} MB, ${h.label}`, name, f3(s.mrr10), f3(s.ndcg10), f3(s.recall100), percentile(times[v], 50).toFixed(3) + ' (p50)']);
    }
  }
  dirs.length = 0;
}
for (const dir of dirs) {
  const set = loadEvalSet(dir);
  const built = createIndex();
  built.addAll(set.docs);
  const index = loadIndex(built.serialize(), { typos: derivations, quran });
  const variants: [string, object][] = [['off', {}], ...weights.map((w): [string, object] => [`weight ${w}, top ${top}`, { fuzzy: 1, ranking: { expansions: 0, expansionWeight: w } }])];
  for (const [name, opts] of variants) {
    const run = new Map<string, string[]>();
    const t0 = performance.now();
    for (const q of set.queries) run.set(q.qid, index.search(cleanQuery(q.text), { limit: 100, groupBy: 'document', snippets: false, ...opts }).map((h) => String(h.id)));
    const ms = (performance.now() - t0) / set.queries.length;
    const parts = set.split ? [['train', 'train'], ['test', 'test']] : [[set.name, undefined]];
    for (const [label, split] of parts) {
      const only = split ? new Set([...set.split!].filter(([, v]) => v === split).map(([k]) => k)) : undefined;
      const s = evaluateRun(run, set.qrels, { onlyQids: only });
      rows.push([set.name + (split ? ` (${label})` : ''), name, f3(s.mrr10), f3(s.ndcg10), f3(s.recall100), ms.toFixed(2)]);
    }
  }
}
console.log(formatTable(['set', 'derivations', 'MRR@10', 'nDCG@10', 'R@100', 'ms/query'], rows));
