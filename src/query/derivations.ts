// Derivations and broken plurals (`ranking.derivations`, #18), the searcher's half of `fahras/derivations`: a term
// clause's word also meets the other forms of its stem's skeleton that the index holds (مدارس for مدرسة, حليم for حلم;
// src/stem/skeleton.ts), read from the derivation entries the builder writes into the text dictionary. It joins a
// searcher's plan step (`deriveInPlans`), so the searcher itself carries no code for it.
import type { TermIndexData } from '../segment/model.js';
import { findTerm, lowerBound } from '../segment/dictionary.js';
import { DERIVATION_MARK, derivationKey, isDerivationEntry } from '../stem/skeleton.js';
import { type QueryPlan, Searcher } from './search.js';

/** Most other forms a word meets: the most frequent of its skeleton. */
export const MAX_DERIVATIONS = 3;
/** No form longer than this share of the postings the query's own words read (so derivations cost little time). */
export const DERIVATION_SHARE = 0.25;
/** …or than this many paragraphs, whatever the query reads (a short list costs nothing to speak of). */
export const DERIVATION_FLOOR = 64;

/**
 * Per dictionary (its terms array, which a freeze replaces only when terms are added): the derivation entries as a
 * table, skeleton key → the ids of its terms, built at the first query from the entries alone (they sort together
 * after every word: U+FDD0 is above the letters the analyzers keep), so a query word costs one lookup.
 */
const tables = /* @__PURE__ */ new WeakMap<readonly string[], Map<string, number[]>>();

function tableOf(data: TermIndexData): Map<string, number[]> {
  const { termsById: terms, sorted } = data;
  let table = tables.get(terms);
  if (!table) {
    tables.set(terms, (table = new Map()));
    for (let i = lowerBound(data, DERIVATION_MARK); i < sorted.length && isDerivationEntry(terms[sorted[i]]); i++) {
      const entry = terms[sorted[i]];
      const end = entry.indexOf(DERIVATION_MARK, 1) + 1;
      const key = entry.slice(0, end);
      (table.get(key) ?? table.set(key, []).get(key)!).push(findTerm(data, entry.slice(end)));
    }
  }
  return table;
}

/**
 * The other terms of `term`'s skeleton in `data`: the `max` most frequent of those in use and in at most `limit`
 * paragraphs, never `term` itself; none when fewer than two of the skeleton's terms are in use (removed documents
 * leave their entries). Exported for its tests.
 */
export function derivationsOf(data: TermIndexData, term: string, max: number, limit: number): number[] {
  const { termsById: terms, df } = data;
  // the skeleton's forms in use: two or more, as a build of the live documents alone would have entries for
  const live = (tableOf(data).get(derivationKey(term) as string) ?? []).filter((id) => df[id] > 0);
  return live.length < 2 ? [] : live.filter((id) => df[id] <= limit && terms[id] !== term).sort((a, b) => df[b] - df[a]).slice(0, max);
}

/**
 * Gives every term clause of `plan` (not a prefix, not a quoted word) the other forms of its word's skeleton, each
 * weighing `ranking.derivations` of the word: the word's own term when the index holds it (else the query's term),
 * at most {@link MAX_DERIVATIONS}, none listed in more than {@link DERIVATION_SHARE} of the paragraphs the query's
 * words list together (a rare word's frequent form is taken, a frequent word's is not when the query reads little).
 */
export function findDerivations(plan: QueryPlan): void {
  const text = plan.textIndex;
  const weight = plan.params.derivations;
  if (!weight) return;
  let total = 0;
  for (const { words } of plan.clauses) if (words[0][0]?.weight === 1) total += text.df[words[0][0].termId];
  for (const prepared of plan.clauses) {
    const queryTerm = prepared.clause.queryTerms[0];
    if (prepared.clause.kind !== 'term' || queryTerm.exact || queryTerm.prefix) continue;
    const alts = prepared.words[0];
    const own = alts[0]?.weight === 1 ? text.termsById[alts[0].termId] : queryTerm.term;
    for (const termId of derivationsOf(text, own, MAX_DERIVATIONS, Math.max(total * DERIVATION_SHARE, DERIVATION_FLOOR))) {
      if (!alts.some((alt) => alt.termId === termId)) alts.push({ termId, weight });
    }
  }
}

/** Makes `searcher` give every plan it makes the derivations of its words ({@link findDerivations}). */
export function deriveInPlans(searcher: Searcher): void {
  searcher.plan = (...args) => {
    const plan = Searcher.prototype.plan.apply(searcher, args);
    findDerivations(plan);
    return plan;
  };
}
