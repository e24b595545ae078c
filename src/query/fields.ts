// Document-field scoring (e.g. titles): BM25 of each query word in each field, per document, added to the
// document's paragraphs the query touched, else to its first paragraph. Only indexes built with `fields` need it,
// so the search-only entry takes it as an opt-in (`fahras/fields`); the main entry always passes it.
import { forEachEntry } from '../segment/postings.js';
import { bm25Idf, type PreparedClause, type Searcher } from './search.js';
import { findTerm } from '../segment/dictionary.js';

/** Adds the fields' evidence for the prepared clauses to the searcher's accumulators. */
export type FieldScorer = (s: Searcher, prepared: PreparedClause[], k1: number, b: number) => void;

/**
 * The public face of the internal `FieldScorer` (`fields` of `fahras/fields`): opaque, so the searcher's internals stay
 * out of the public types.
 */
export type FieldScoring = (...args: never[]) => void;

/** @internal */
interface DocScore {
  fieldScore: number;
  clauseMask: number;
  lifted?: boolean;
}

/** The field scorer: a term clause's word matched in a field lifts the document (phrases count in the text only). */
export const scoreFields: FieldScorer = (s, prepared, k1, b) => {
  const { docs, paragraphTable: paras, fieldIndexes: fields } = s.snap;
  const { scores, masks, touched } = s;
  const docScore = new Map<number, DocScore>();
  for (const f of fields) {
    if (f.boost === 0) continue;
    const avg = f.totalLength / Math.max(1, docs.liveCount) || 1;
    prepared.forEach((preparedClause, ci) => {
      const id = preparedClause.clause.kind === 'term' ? findTerm(f.termIndex, preparedClause.clause.queryTerms[0].term) : -1;
      if (id < 0 || f.termIndex.df[id] === 0) return;
      const idf = bm25Idf(f.termIndex.df[id], docs.liveCount);
      forEachEntry(f.termIndex, id, docs.ids.length, (d, tf) => {
        if (!docs.alive[d]) return;
        const norm = k1 * (1 - b + (b * f.tokenCount[d]) / avg);
        const e = docScore.get(d) ?? { fieldScore: 0, clauseMask: 0 };
        e.fieldScore += (f.boost * idf * tf * (k1 + 1)) / (tf + norm);
        e.clauseMask |= 2 ** ci;
        docScore.set(d, e);
      });
    });
  }
  const lift = (u: number, e: DocScore) => {
    scores[u] += e.fieldScore;
    masks[u] |= e.clauseMask;
    e.lifted = true;
  };
  for (let i = 0, n = s.nTouched; i < n; i++) {
    const e = docScore.get(paras.doc[touched[i]]);
    if (e) lift(touched[i], e);
  }
  for (const [d, e] of docScore) {
    const u = docs.firstParagraph[d];
    if (!e.lifted && docs.paragraphCount[d] && paras.alive[u]) {
      s.touch(u);
      lift(u, e);
    }
  }
};
