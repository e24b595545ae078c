// Document fields (e.g. titles): BM25 of each query word in each field, per document, added to the document's
// paragraphs the query touched, else to its first paragraph; clauses restricted to a field (`title:word`,
// `-title:word`, `title:"a phrase"`); the highlights of a result's fields. Only indexes built with `fields` need it,
// so the search-only entry takes it as an opt-in (`fahras/fields`); the main entry always passes it.
import { forEachEntry } from '../segment/postings.js';
import { bm25Idf, phraseFrequency, type QueryPlan, type RankingParams, type Searcher } from './search.js';
import { expandPrefix, findTerm } from '../segment/dictionary.js';
import { type FieldIndex, fieldText } from '../segment/model.js';
import { type Hit, marks } from './snippet.js';
import type { Clause, ItemReader, QueryItem } from './parse.js';
import { DEFAULT_MAX_EXPANSIONS } from './limits.js';

/** The highlights of document `d`'s fields: per field with matches, `[start, end)` ranges of its text, ascending. */
export type FieldHighlighter = (d: number) => Record<string, [number, number][]>;

/**
 * What one query of a searcher gets from the fields opt-in (see {@link FieldScorer}): the item reader of its parser
 * (`name:word`, `name:"phrase"`), with the step that scores the fields. @internal
 */
export type FieldPass = ItemReader & {
  /**
   * Joins the query's plan: a word restricted to a field (`title:word`) loses its text terms (the field scores it).
   */
  attach(plan: QueryPlan): void;
  /**
   * Adds the fields' evidence for the plan's clauses to the searcher's accumulators, adds to `excluded` the
   * paragraphs of the documents an excluded clause restricted to a field matches, and sets the plan's highlighter of
   * the documents' fields.
   */
  addEvidence(plan: QueryPlan, excluded: Set<number> | null): FieldHighlighter;
};

/** The fields opt-in: a searcher's {@link FieldPass} for one query (none for an index without fields). */
export type FieldScorer = (s: Searcher) => FieldPass | undefined;

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

/**
 * Whether field `f` answers clause `c`: a clause restricted to it, or an unrestricted word when the field is scored
 * (boost above 0). An unrestricted phrase counts in the text only; `text:` restricts to the text.
 */
const reads = (f: FieldIndex, c: Clause): boolean => (c.queryTerms[0].field ?? (c.kind === 'term' && f.boost && f.name)) === f.name;

/**
 * The live documents where clause `c` matches in field `f`, each with the field's BM25 for it × its boost, and the
 * field terms of its words (for highlights). A word's terms are its index term and, for a prefix, its completions
 * (at most `DEFAULT_MAX_EXPANSIONS`, weighed `expansionWeight` as in the text); a document counts the best of them. A phrase matches where the field's
 * tokens hold its words at their query offsets (the field is analyzed again: field postings keep no positions).
 */
function clauseMatches(s: Searcher, f: FieldIndex, c: Clause, ranking: RankingParams): [Map<number, number>, string[]] {
  const { docs } = s.snap;
  const data = f.termIndex;
  const { k1, b } = ranking;
  const avg = f.totalLength / Math.max(1, docs.liveCount) || 1;
  const bm25 = (weight: number, d: number, tf: number) => (weight * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * f.tokenCount[d]) / avg));
  const words = c.queryTerms.map((qt) => {
    const ids = [findTerm(data, qt.term), ...(qt.prefix ? expandPrefix(data, qt.term, DEFAULT_MAX_EXPANSIONS) : [])];
    return ids.filter((id, i) => id >= 0 && data.df[id] > 0 && ids.indexOf(id) === i);
  });
  const out = new Map<number, number>();
  if (c.kind === 'term') {
    for (const id of words[0]) {
      const weight = f.boost * (id === words[0][0] && data.termsById[id] === c.queryTerms[0].term ? 1 : ranking.expansionWeight) * bm25Idf(data.df[id], docs.liveCount);
      forEachEntry(data, id, docs.ids.length, (d, tf) => {
        if (docs.alive[d]) out.set(d, Math.max(out.get(d) ?? 0, bm25(weight, d, tf)));
      });
    }
  } else {
    // documents holding every word, then the phrase's frequency in their field text
    let candidates: Set<number> | null = null;
    for (const ids of words) {
      const holds = new Set<number>();
      for (const id of ids) forEachEntry(data, id, docs.ids.length, (d) => docs.alive[d] && (candidates?.has(d) ?? true) && holds.add(d));
      candidates = holds;
    }
    const terms = words.map((ids) => new Set(ids.map((id) => data.termsById[id])));
    const offsets = c.queryTerms.map((t) => t.position - c.queryTerms[0].position);
    let idf = 0;
    for (const ids of words) idf += bm25Idf(Math.max(...ids.map((id) => data.df[id])), docs.liveCount);
    for (const d of candidates!) {
      const lists: number[][] = terms.map(() => []);
      s.analyzer.scan(fieldText(docs.stored[d]?.[f.name]), (term, _surface, _start, _end, position) => {
        terms.forEach((set, i) => set.has(term) && lists[i].push(position));
      });
      const freq = phraseFrequency(lists, offsets);
      if (freq) out.set(d, bm25(f.boost * idf, d, freq));
    }
  }
  return [out, words.flat().map((id) => data.termsById[id])];
}

/**
 * The query item reader of an index with `fields`: `name:word` (`title:مكتبة`, `-title:مكتبة`, `+title:مكتبة`) and
 * `name:"phrase"` restrict the word or phrase to field `name` of the index, or to the paragraphs' text for `text`.
 * Any other `x:` is plain text (`10:30`, `قال:نعم`), and a `name:` followed by a space is skipped.
 */
export function fieldItems(names: readonly string[]): ItemReader {
  // a `name:` right before a phrase: the field and sign it gives the phrase, and where the phrase must start
  let carried: [string, string | undefined, number] | undefined;
  return (m) => {
    const item = Object.assign([...m], { index: m.index }) as QueryItem;
    if (carried?.[2] === m.index) [item.field, item[1]] = carried as unknown as [string, string];
    carried = undefined;
    const word = m[5] ?? '';
    const colon = word.indexOf(':');
    const name = word.slice(0, colon);
    if (colon > 0 && (name === 'text' || names.includes(name))) {
      // `text:` restricts to the paragraphs' text: the field ''
      item.field = name === 'text' ? '' : name;
      item[5] = word.slice(colon + 1);
      // `name:` alone: the phrase right after it, if any, is restricted; the item itself is skipped
      if (!item[5]) carried = [item.field!, m[1], m.index! + m[0].length];
    }
    return item;
  };
}

/** The fields opt-in: see {@link FieldScorer}. */
export const scoreFields: FieldScorer = (s) =>
  s.snap.fieldIndexes.length
    ? Object.assign(fieldItems(s.snap.fieldIndexes.map((f) => f.name)), {
        attach(this: FieldPass, plan: QueryPlan) {
          plan.fieldPass = this;
          for (const prepared of [...plan.clauses, ...plan.excluded]) {
            if (!prepared.clause.queryTerms[0].field) continue;
            prepared.words = prepared.words.map(() => []);
            prepared.surfaceAlts = [];
          }
        },
        addEvidence: (plan: QueryPlan, excluded: Set<number> | null) => (plan.highlightFields = scoreQuery(s, plan, excluded)),
      })
    : undefined;

/** {@link FieldPass.addEvidence} of searcher `s`. */
function scoreQuery(s: Searcher, plan: QueryPlan, excluded: Set<number> | null): FieldHighlighter {
  const ranking = plan.params;
  const { docs, paragraphTable: paras, fieldIndexes: fields } = s.snap;
  const { scores, masks, touched } = s;
  const docScore = new Map<number, DocScore>();
  // per field, the terms to highlight: those of the clauses it answers
  const highlighted = new Map<FieldIndex, Set<string>>();
  for (const f of fields) {
    const terms = new Set<string>();
    plan.clauses.forEach(({ clause }, ci) => {
      if (!reads(f, clause)) return;
      const [matches, words] = clauseMatches(s, f, clause, ranking);
      if (matches.size) for (const w of words) terms.add(w);
      for (const [d, score] of matches) {
        const e = docScore.get(d) ?? { fieldScore: 0, clauseMask: 0 };
        e.fieldScore += score;
        e.clauseMask |= 2 ** ci;
        docScore.set(d, e);
      }
    });
    if (terms.size) highlighted.set(f, terms);
    // -title:word: every paragraph of the documents it matches
    for (const { clause: c } of plan.excluded) {
      if (c.queryTerms[0].field !== f.name) continue;
      for (const d of clauseMatches(s, f, c, ranking)[0].keys()) {
        for (let u = docs.firstParagraph[d], end = u + docs.paragraphCount[d]; u < end; u++) excluded!.add(u);
      }
    }
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
  return (d) => {
    const out: Record<string, [number, number][]> = {};
    for (const [f, terms] of highlighted) {
      const hits: Hit[] = [];
      const text = fieldText(docs.stored[d]?.[f.name]);
      s.analyzer.scan(text, (term, _surface, start, end) => {
        if (terms.has(term)) hits.push({ start, end, key: term });
      });
      // ascending and apart (the words of one ligature, ﷺ, share its span: one range)
      if (hits.length) out[f.name] = marks(hits, 0, text.length, 0);
    }
    return out;
  };
}
