// temporary tuning harness (not committed)
import { createIndex } from '../src/index.js';
import { derivations } from '../src/derivations.js';
import { EVAL_ROOT, loadEvalSet, readCorpusSlice } from './lib/data.js';
import { newsKnownItems } from './lib/news-set.js';
import { evaluateRun } from './lib/metrics.js';
import { cleanQuery } from './lib/queries.js';
import { f3 } from './lib/util.js';
import { join } from 'node:path';
const variants: [string, number, any][] = JSON.parse(process.argv[2]);
const which = (process.argv[3] ?? 'tydi,xquad,arcd,news').split(',');
const sets: any[] = [];
const dirs: Record<string, string> = { tydi: 'tydiqa-goldp-dev-ar', xquad: 'xquad-ar', arcd: 'arcd', seeds: 'seeds-tiny' };
for (const w of which) {
  if (w === 'news') {
    const slice = await readCorpusSlice(20);
    const { queries, qrels, halves } = newsKnownItems(slice.docs, 500);
    const index = createIndex({ derivations }); index.addAll(slice.docs);
    sets.push({ name: 'news', index, queries, qrels, parts: halves, opts: { limit: 100, snippets: false } });
  } else {
    const set = loadEvalSet(join(EVAL_ROOT, dirs[w]));
    const index = createIndex({ derivations }); index.addAll(set.docs);
    const parts = set.split ? [['train', 'train'], ['test', 'test']].map(([l, s]) => ({ label: `${set.name} ${l}`, only: new Set([...set.split!].filter(([, v]) => v === s).map(([k]) => k)) })) : [{ label: set.name }];
    sets.push({ name: set.name, index, queries: set.queries.map((q) => ({ qid: q.qid, text: cleanQuery(q.text) })), qrels: set.qrels, parts, opts: { limit: 100, groupBy: 'document', snippets: false } });
  }
}
for (const [name, , ranking] of variants) {

  const cells: string[] = [];
  for (const s of sets) {
    const run = new Map<string, string[]>();
    for (const q of s.queries) run.set(q.qid, s.index.search(q.text, { ...s.opts, ranking }).map((h: any) => (s.name === 'news' ? `${h.id}#${h.paragraph}` : String(h.id))));
    for (const p of s.parts) {
      const r = evaluateRun(run, s.qrels, { onlyQids: p.only, ...(s.name === 'news' ? { gains: 'binary' } : {}) });
      cells.push(`${p.label.replace('tydiqa-goldp-dev-ar','tydi')}: ${f3(r.mrr10)}/${f3(r.ndcg10)}/${f3(r.recall100)}`);
    }
  }
  console.log(name.padEnd(16), cells.join(' | '));
}
