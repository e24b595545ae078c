// Real news text: a known-item set over a SaudiNewsNet slice and the byline / over-stemming cases of issue 18.
//
// Known items: `--queries` (default 500) queries of 3–5 consecutive words of random paragraphs (bench/lib/news-set.ts:
// how they are drawn and judged), a tuning half and a held-out half (both reported). Then the top 5 paragraphs (length,
// highlighted words) for الرياض, الملك سلمان, رياضة, "الرياض" and the fuzzy cases of issue 18.
//
//   npx tsx bench/news.ts [MB=20] [--ref DIR] [--queries 500] [--ranking '{"surface":0}'] [--derivations]
// --derivations builds this tree's index with the opt-in of fahras/derivations.
// With --ref (a copy of another tree, e.g. `git archive main | tar -x -C /tmp/ref`) both are measured in one run.
import * as here from '../src/index.js';
import { readCorpusSlice } from './lib/data.js';
import { evaluateRun } from './lib/metrics.js';
import { NEWS_SEED, newsKnownItems } from './lib/news-set.js';
import { f3, formatTable, importReference, parseArgs } from './lib/util.js';

const CASES: [string, { fuzzy?: boolean }][] = [['الرياض', {}], ['الملك سلمان', {}], ['رياضة', {}], ['"الرياض"', {}], ['الاقتساد السعودي', { fuzzy: true }], ['الْمَدْرَسَة', { fuzzy: true }]];

const args = parseArgs(process.argv.slice(2), ['ref', 'queries', 'ranking']);
const withDerivations = args.flags.has('derivations') ? { derivations: (await import('../src/derivations.js')).derivations } : undefined;
const mb = Number(args.positional[0] ?? 20);
const count = Number(args.flags.get('queries') ?? 500);
const ranking = typeof args.flags.get('ranking') === 'string' ? JSON.parse(args.flags.get('ranking') as string) : undefined;
const refDir = args.flags.get('ref');
const slice = await readCorpusSlice(mb);

const { paragraphs, queries, qrels, halves } = newsKnownItems(slice.docs, count);

const arms: [string, typeof here][] = [['this', here]];
if (typeof refDir === 'string') arms.unshift(['ref', await importReference<typeof here>(refDir, 'src/index.ts')]);
const rows: (string | number)[][] = [];
const tops: string[] = [];
for (const [name, lib] of arms) {
  const index = lib.createIndex(name === 'this' ? withDerivations : undefined);
  index.addAll(slice.docs);
  const opts = name === 'this' && ranking ? { ranking } : {};
  const run = new Map<string, string[]>();
  for (const q of queries) run.set(q.qid, index.search(q.text, { limit: 100, snippets: false, ...opts }).map((r) => `${r.id}#${r.paragraph}`));
  for (const h of halves) {
    const s = evaluateRun(run, qrels, { onlyQids: h.only, gains: 'binary' });
    rows.push([name, h.label, s.queries, f3(s.mrr10), f3(s.ndcg10), f3(s.recall100)]);
  }
  for (const [c, o] of CASES) {
    tops.push(`${name} — ${c}${o.fuzzy ? ' (fuzzy)' : ''}`);
    index.search(c, { limit: 5, ...o, ...opts }).forEach((r, i) => {
      const text = slice.docs.find((d) => d.id === r.id)!.text.slice(r.span[0], r.span[1]);
      const words = r.snippet.highlights.map(([s, e]) => r.snippet.text.slice(s, e)).join(' ');
      tops.push(`  ${i + 1}. [${text.length} chars; ${words}] ${text.slice(0, 80).replace(/\s+/g, ' ')}`);
    });
  }
}
console.log(`${mb} MB, ${slice.docs.length} docs, ${paragraphs.length} paragraphs; ${queries.length} known-item queries (seed ${NEWS_SEED})`);
console.log(formatTable(['tree', 'queries', 'n', 'MRR@10', 'nDCG@10', 'R@100'], rows));
console.log(tops.join('\n'));
