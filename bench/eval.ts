// Retrieval quality of fahras on the evaluation sets: MRR@10, nDCG@10, Recall@100 per set.
//   npx tsx bench/eval.ts                 default preset on every set under ../shared/eval
//   npx tsx bench/eval.ts DIR...          any folders of the same format
//   npx tsx bench/eval.ts --compare       presets, stemmers and ranking variants side by side (tuning view:
//                                         ARCD is split into train (tuned on) and test (reported only))
import { createIndex, type AnalyzerOptions, type IndexOptions, type SearchOptions } from '../src/index.js';
import { derivations } from '../src/derivations.js';
import { type EvalSet, listEvalSets, loadEvalSet } from './lib/data.js';
import { evaluateRun, type RunScores } from './lib/metrics.js';
import { cleanQuery } from './lib/queries.js';
import { f3, formatTable, writeJson } from './lib/util.js';

export interface Variant {
  name: string;
  analyzer?: AnalyzerOptions | 'default' | 'lucene' | 'exact';
  search?: SearchOptions;
  /** Index options other than the analyzer (clitic folding). */
  index?: Omit<IndexOptions, 'analyzer'>;
}

export function runVariant(set: EvalSet, v: Variant): Map<string, string[]> {
  const index = createIndex({ ...v.index, analyzer: v.analyzer ?? 'default' });
  index.addAll(set.docs);
  const run = new Map<string, string[]>();
  for (const q of set.queries) {
    const hits = index.search(cleanQuery(q.text), { limit: 100, groupBy: 'document', snippets: false, ...v.search });
    run.set(q.qid, hits.map((h) => String(h.id)));
  }
  return run;
}

function splits(set: EvalSet): { label: string; only?: Set<string> }[] {
  if (!set.split) return [{ label: set.name }];
  const by = (s: string) => new Set([...set.split!].filter(([, v]) => v === s).map(([k]) => k));
  return [
    { label: set.name, only: undefined },
    { label: `${set.name} (train)`, only: by('train') },
    { label: `${set.name} (test)`, only: by('test') },
  ];
}

const VARIANTS: Variant[] = [
  { name: 'default' },
  { name: 'exact', analyzer: 'exact' },
  { name: 'lucene', analyzer: 'lucene' },
  { name: 'lucene stemmer', analyzer: { stemmer: 'lucene' } },
  { name: 'snowball', analyzer: { stemmer: 'snowball' } },
  { name: 'no stopwords', analyzer: { stopwords: 'none' } },
  { name: 'superscript alef→ا', analyzer: { normalize: { superscriptAlef: 'alef' } } },
  { name: 'no hamza-carrier folding', analyzer: { normalize: { hamzaCarriers: false } } },
  { name: 'no coordination', search: { ranking: { coord: 0 } } },
  { name: 'coordination 1', search: { ranking: { coord: 1 } } },
  { name: 'no proximity', search: { ranking: { proximity: 0, keywordProximity: 0 } } },
  { name: 'no surface evidence', search: { ranking: { surface: 0 } } },
  { name: 'BM25 k1 1.2 b 0.75', search: { ranking: { k1: 1.2, b: 0.75 } } },
  { name: 'prefix forms on', search: { ranking: { forms: 1 } } },
  { name: 'no short-paragraph prior', search: { ranking: { minLength: 0 } } },
  { name: 'every alternative adds', search: { ranking: { expansions: 0 } } },
  { name: 'no clitic folding', index: { cliticFolding: false } },
  { name: 'no teh folding (مساحتها apart from مساحة)', index: { tehFolding: false } },
  { name: 'derivations (fahras/derivations, an opt-in)', index: { derivations } },
  { name: 'fuzzy 1 (the search option: one typo in a word the index lacks)', search: { fuzzy: 1 } },
  { name: 'fuzzy 1 with derivations (both opt-ins)', search: { fuzzy: 1 }, index: { derivations } },
  { name: 'no query shape (keyword proximity off: every query ranked as a question)', search: { ranking: { keywordProximity: 0 } } },
  { name: 'no idf exponent (a question weighs its words by plain idf)', search: { ranking: { idfExponent: 1 } } },
  { name: 'before issue 18 (every stored choice off)', search: { ranking: { forms: 0, minLength: 0, expansions: 0, keywordProximity: 0, idfExponent: 1 } }, index: { cliticFolding: false, tehFolding: false } },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const compare = args.includes('--compare');
  const dirs = args.filter((a) => !a.startsWith('--'));
  const sets = (dirs.length ? dirs : listEvalSets()).map(loadEvalSet);
  if (sets.length === 0) {
    console.log('no evaluation sets found (../shared/eval is absent); pass folders on the command line');
    return;
  }
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  // --only=a,b: the variants whose names contain one of these
  const variants = compare ? VARIANTS.filter((v) => !only || only.split(',').some((o) => v.name.includes(o))) : VARIANTS.slice(0, 1);
  const rows: (string | number)[][] = [];
  const out: Record<string, Record<string, RunScores>> = {};
  for (const v of variants) {
    for (const set of sets) {
      const t0 = performance.now();
      const run = runVariant(set, v);
      const ms = performance.now() - t0;
      for (const sp of splits(set)) {
        const s = evaluateRun(run, set.qrels, { onlyQids: sp.only });
        (out[v.name] ??= {})[sp.label] = s;
        rows.push([v.name, sp.label, s.queries, f3(s.mrr10), f3(s.ndcg10), f3(s.recall100), Math.round(ms)]);
      }
    }
  }
  console.log(formatTable(['variant', 'set', 'queries', 'MRR@10', 'nDCG@10', 'R@100', 'ms'], rows));
  writeJson(compare ? 'eval-compare.json' : 'eval.json', { date: new Date().toISOString(), results: out });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
