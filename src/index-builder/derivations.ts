// The builder's half of `fahras/derivations` (#18): the derivation entries of the text dictionary (src/stem/skeleton.ts).
import { derivationKey, isDerivationEntry } from '../stem/skeleton.js';
import type { DerivationEntries, TermsWriter } from '../segment/model.js';

/**
 * Per text writer (the builder makes a new one when it compacts or loads, and then sees every term again): the terms
 * up to this id that have been seen, and per skeleton key its only term so far, or -1 once the skeleton has entries.
 */
const seen = /* @__PURE__ */ new WeakMap<TermsWriter, { upTo: number; skeletons: Map<string, number> }>();

/**
 * Each term not seen before (and not folded into another: `target`) joins its skeleton; a skeleton two terms share
 * gets a derivation entry per term, a term of the dictionary without postings (key + term), so a query reads the
 * forms of its word's skeleton from the dictionary alone. One skeleton per new term, nothing per token; entries are
 * only ever added (a loaded index's are found again, not doubled).
 */
export const addDerivationEntries: DerivationEntries = (writer, target) => {
  let state = seen.get(writer);
  if (!state) seen.set(writer, (state = { upTo: 0, skeletons: new Map() }));
  const skeletons = state.skeletons;
  const n = writer.termCount;
  for (let t = state.upTo; t < n; t++) {
    const term = writer.termAt(t);
    const key = (!target || target[t] === t) && !isDerivationEntry(term) ? derivationKey(term) : undefined;
    if (key === undefined) continue;
    const first = skeletons.get(key);
    if (first === undefined) skeletons.set(key, t);
    else {
      if (first >= 0) writer.idFor(key + writer.termAt(first));
      writer.idFor(key + term);
      skeletons.set(key, -1);
    }
  }
  state.upTo = writer.termCount;
};
