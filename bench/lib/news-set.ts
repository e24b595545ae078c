// The news known-item set of issue 18 (bench/news.ts, bench/news-pagefind.ts): `count` paragraphs of 12+ words of a
// SaudiNewsNet slice drawn with a fixed seed (not the speed seed); each query is 3–5 consecutive words of its
// paragraph, cleaned like every eval query (bench/lib/queries.ts). The relevant answers are that paragraph and every
// paragraph of the slice with the same text (news repeats boilerplate), as `docId#ordinal` keys. Queries with an
// even number are the tuning half, odd ones are held out.
import { splitParagraphs } from '../../src/index.js';
import type { Doc } from './data.js';
import { cleanQuery, mulberry32 } from './queries.js';

export const NEWS_SEED = 18_2026;

export interface NewsSet {
  /** Every paragraph of the slice, as the index splits them ('line', 4,000 units). */
  paragraphs: { key: string; text: string }[];
  queries: { qid: string; text: string }[];
  /** Per query: the relevant paragraph keys (`docId#ordinal`). */
  qrels: Map<string, Map<string, number>>;
  /** The tuning half, the held-out half and all queries. */
  halves: { label: string; only: Set<string> | undefined }[];
}

export function newsKnownItems(docs: readonly Doc[], count: number): NewsSet {
  const paragraphs: { key: string; text: string }[] = [];
  const byText = new Map<string, string[]>();
  for (const d of docs) {
    splitParagraphs(d.text, 'line', 4000).forEach((p, ordinal) => {
      const text = d.text.slice(p.start, p.end).trim();
      const key = `${d.id}#${ordinal}`;
      paragraphs.push({ key, text });
      byText.set(text, [...(byText.get(text) ?? []), key]);
    });
  }
  const eligible = paragraphs.filter((p) => p.text.split(/\s+/).length >= 12);
  const rand = mulberry32(NEWS_SEED);
  const queries: { qid: string; text: string }[] = [];
  const qrels = new Map<string, Map<string, number>>();
  while (queries.length < count) {
    const p = eligible[Math.floor(rand() * eligible.length)];
    const words = p.text.split(/\s+/);
    const len = 3 + Math.floor(rand() * 3); // 3..5
    const start = Math.floor(rand() * (words.length - len + 1));
    const q = cleanQuery(words.slice(start, start + len).join(' '));
    if (q === '') continue;
    const qid = `n${queries.length}`;
    queries.push({ qid, text: q });
    qrels.set(qid, new Map(byText.get(p.text)!.map((k) => [k, 1])));
  }
  const halves = [
    { label: 'tune (even)', only: new Set(queries.filter((_, i) => i % 2 === 0).map((q) => q.qid)) },
    { label: 'held out (odd)', only: new Set(queries.filter((_, i) => i % 2 === 1).map((q) => q.qid)) },
    { label: 'all', only: undefined },
  ];
  return { paragraphs, queries, qrels, halves };
}
