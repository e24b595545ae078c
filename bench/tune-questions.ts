// Tuning harness for the question ranking (#18): every set is built once, then each query is searched with each
// variant. A variant's `ranking` reaches question queries only (queries holding one of the index's question words,
// as the parser decides); keyword queries keep the index's ranking, so news known items move only by their ~12%
// questions. Sets: TyDi QA, XQuAD, ARCD (train tuned on, test reported), seeds-tiny, news known items (bench/news.ts'
// 500 queries over the first MB megabytes of SaudiNewsNet; tune and held-out halves).
//   npx tsx bench/tune-questions.ts VARIANTS.json [--mb 20] [--no-news]
// VARIANTS.json: [{ "name": "…", "ranking": { "proximity": 0 } }, …]; the first row is the index's own ranking.
import { readFileSync } from 'node:fs';
import { createIndex, type FahrasIndex, type SearchOptions } from '../src/index.js';
import { parseQuery } from '../src/query/parse.js';
import type { TextAnalyzer } from '../src/analysis/index.js';
import { listEvalSets, loadEvalSet, readCorpusSlice } from './lib/data.js';
import { evaluateRun } from './lib/metrics.js';
import { newsKnownItems } from './lib/news-set.js';
import { cleanQuery } from './lib/queries.js';
import { f3, formatTable, parseArgs } from './lib/util.js';

interface Variant {
  name: string;
  ranking?: SearchOptions['ranking'];
  /** Words left out of question queries: by surface form (`"questions"`: the index's question words) or by term. */
  strip?: string[];
  stripTerms?: string[];
  /** `ranking` for keyword queries too. */
  all?: boolean;
  /** `ranking` only for question queries matching this regular expression. */
  when?: string;
}

interface Target {
  label: string;
  index: FahrasIndex;
  queries: { qid: string; text: string; question: boolean }[];
  qrels: Map<string, Map<string, number>>;
  byDocument: boolean;
  parts: { label: string; only?: Set<string> }[];
}

const args = parseArgs(process.argv.slice(2), ['mb']);
const variants: Variant[] = [{ name: 'index ranking' }, ...(JSON.parse(readFileSync(args.positional[0], 'utf8')) as Variant[])];
const mb = Number(args.flags.get('mb') ?? 20);

const isQuestion = (index: FahrasIndex, text: string) => !!parseQuery(text, index.analyzer as unknown as TextAnalyzer, { questions: index.config.questions }).question;

const targets: Target[] = [];
for (const dir of listEvalSets()) {
  const set = loadEvalSet(dir);
  const index = createIndex();
  index.addAll(set.docs);
  const queries = set.queries.map((q) => ({ qid: q.qid, text: cleanQuery(q.text), question: false }));
  for (const q of queries) q.question = isQuestion(index, q.text);
  const by = (s: string) => new Set([...set.split!].filter(([, v]) => v === s).map(([k]) => k));
  const parts = set.split ? [{ label: `${set.name} train`, only: by('train') }, { label: `${set.name} test`, only: by('test') }] : [{ label: set.name }];
  targets.push({ label: set.name, index, queries, qrels: set.qrels, byDocument: true, parts });
}
if (!args.flags.has('no-news')) {
  const slice = await readCorpusSlice(mb);
  const news = newsKnownItems(slice.docs, 500);
  const index = createIndex();
  index.addAll(slice.docs);
  const queries = news.queries.map((q) => ({ ...q, question: isQuestion(index, q.text) }));
  targets.push({ label: 'news', index, queries, qrels: news.qrels, byDocument: false, parts: news.halves.map((h) => ({ label: `news ${h.label.split(' ')[0]}`, only: h.only })) });
}
for (const t of targets) console.log(`${t.label}: ${t.queries.length} queries, ${t.queries.filter((q) => q.question).length} questions`);

const TUNING = ['tydiqa-goldp-dev-ar', 'xquad-ar', 'arcd train'];
const rows: (string | number)[][] = [];
const header = ['variant', 'tuning mean'];
for (const v of variants) {
  const row: (string | number)[] = [v.name];
  const cells: string[] = [];
  const mrr = new Map<string, number>();
  let ms = 0;
  for (const t of targets) {
    const run = new Map<string, string[]>();
    const t0 = performance.now();
    for (const q of t.queries) {
      const options: SearchOptions = { limit: 100, snippets: false, groupBy: t.byDocument ? 'document' : 'paragraph' };
      let text = q.text;
      if ((q.question || v.all) && v.ranking && (!v.when || new RegExp(v.when).test(q.text))) options.ranking = v.ranking;
      if (q.question && (v.strip || v.stripTerms)) {
        // still ranked as a question when its question word is left out
        const an = t.index.analyzer as unknown as TextAnalyzer;
        const surfaces = new Set(v.strip?.flatMap((w) => (w === 'questions' ? t.index.config.questions : [an.surfaceOf(w)])));
        const terms = new Set(v.stripTerms?.flatMap((w) => an.analyze(w).map((x) => x.term)));
        text = text
          .split(' ')
          .filter((w) => !surfaces.has(an.surfaceOf(w)) && !an.analyze(w).some((x) => terms.has(x.term)))
          .join(' ');
        options.ranking = { ...options.ranking, keywordProximity: 0 };
      }
      run.set(q.qid, t.index.search(text, options).map((r) => (t.byDocument ? String(r.id) : `${r.id}#${r.paragraph}`)));
    }
    ms += performance.now() - t0;
    for (const part of t.parts) {
      const s = evaluateRun(run, t.qrels, { onlyQids: part.only, gains: t.byDocument ? 'graded' : 'binary' });
      mrr.set(part.label, s.mrr10);
      if (rows.length === 0) header.push(part.label);
      cells.push(`${f3(s.mrr10)} / ${f3(s.ndcg10)} / ${f3(s.recall100)}`);
    }
  }
  const mean = TUNING.reduce((a, k) => a + (mrr.get(k) ?? 0), 0) / TUNING.length;
  row.push(mean.toFixed(4), ...cells, Math.round(ms));
  if (rows.length === 0) header.push('ms');
  rows.push(row);
  console.log(v.name, mean.toFixed(4), TUNING.map((k) => f3(mrr.get(k))).join(' '), 'test', f3(mrr.get('arcd test')), 'seeds', f3(mrr.get('seeds-tiny')), 'news', f3(mrr.get('news tune')), f3(mrr.get('news held')), f3(mrr.get('news all')), Math.round(ms), 'ms');
}
console.log(formatTable(header, rows));
