// Retrieval metrics with trec_eval semantics, as pure functions of (ranked doc ids, qrels of one query).
//
// - A ranked list is doc ids best first. A repeated id counts only at its first rank (later copies are dropped).
// - Qrels of one query: Map<docId, relevance>. A document is relevant when relevance > 0; 0 and negative values are
//   judged non-relevant, like trec_eval's default relevance level 1.
// - MRR@10 (trec_eval `recip_rank` cut at 10): 1 / rank of the first relevant document in the top 10, else 0.
// - nDCG@10 (trec_eval `ndcg_cut_10`): DCG = sum over ranks i = 1..10 of gain_i / log2(i + 1), gain = the qrels
//   relevance (graded, linear gains as trec_eval uses) or 1 for any relevant document (binary). The ideal DCG is computed
//   from the qrels (all relevant judgments sorted by gain, best first, cut at 10), not from the retrieved list.
// - Recall@100 (trec_eval `recall_100`): |relevant ∩ top 100| / |relevant|.
// A query without any relevant judgment has no defined value (returns undefined); `evaluateRun` leaves it out of the
// averages, as trec_eval does for queries absent from the qrels. A query in the qrels with no results scores 0.

export type Qrels = ReadonlyMap<string, number>;
export type Gains = 'graded' | 'binary';

/** Ranked ids with repeats removed (first occurrence kept), cut at depth k. */
export function topK(ranked: Iterable<string>, k: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ranked) {
    if (out.length >= k) break;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

function relevantCount(qrels: Qrels): number {
  let n = 0;
  for (const rel of qrels.values()) if (rel > 0) n++;
  return n;
}

function gainOf(rel: number | undefined, gains: Gains): number {
  if (rel === undefined || rel <= 0) return 0;
  return gains === 'binary' ? 1 : rel;
}

/** Reciprocal rank of the first relevant document within the top k (default 10); 0 when none. */
export function mrrAt(ranked: readonly string[], qrels: Qrels, k = 10): number | undefined {
  if (relevantCount(qrels) === 0) return undefined;
  const top = topK(ranked, k);
  for (let i = 0; i < top.length; i++) {
    if ((qrels.get(top[i]) ?? 0) > 0) return 1 / (i + 1);
  }
  return 0;
}

/** nDCG at depth k (default 10), gains graded (relevance value) or binary; ideal DCG from the qrels. */
export function ndcgAt(
  ranked: readonly string[],
  qrels: Qrels,
  k = 10,
  gains: Gains = 'graded',
): number | undefined {
  const idealGains = [...qrels.values()]
    .map((rel) => gainOf(rel, gains))
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  if (idealGains.length === 0) return undefined;
  let idcg = 0;
  idealGains.forEach((g, i) => {
    idcg += g / Math.log2(i + 2);
  });
  let dcg = 0;
  topK(ranked, k).forEach((id, i) => {
    dcg += gainOf(qrels.get(id), gains) / Math.log2(i + 2);
  });
  return dcg / idcg;
}

/** Fraction of the relevant documents found in the top k (default 100). */
export function recallAt(ranked: readonly string[], qrels: Qrels, k = 100): number | undefined {
  const total = relevantCount(qrels);
  if (total === 0) return undefined;
  let found = 0;
  for (const id of topK(ranked, k)) if ((qrels.get(id) ?? 0) > 0) found++;
  return found / total;
}

export interface RunScores {
  /** Number of queries averaged (queries with at least one relevant judgment). */
  queries: number;
  mrr10: number;
  ndcg10: number;
  recall100: number;
}

/**
 * Averages over the queries of `qrels` that have a relevant judgment (optionally only those in `onlyQids`).
 * A query with no entry in `run` counts as an empty result list (scores 0).
 */
export function evaluateRun(
  run: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Qrels>,
  opts: { gains?: Gains; onlyQids?: ReadonlySet<string> } = {},
): RunScores {
  let n = 0;
  let mrr = 0;
  let ndcg = 0;
  let recall = 0;
  for (const [qid, judged] of qrels) {
    if (opts.onlyQids && !opts.onlyQids.has(qid)) continue;
    const ranked = run.get(qid) ?? [];
    const m = mrrAt(ranked, judged, 10);
    if (m === undefined) continue;
    n++;
    mrr += m;
    ndcg += ndcgAt(ranked, judged, 10, opts.gains ?? 'graded') ?? 0;
    recall += recallAt(ranked, judged, 100) ?? 0;
  }
  return n === 0
    ? { queries: 0, mrr10: 0, ndcg10: 0, recall100: 0 }
    : { queries: n, mrr10: mrr / n, ndcg10: ndcg / n, recall100: recall / n };
}
