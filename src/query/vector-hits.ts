// Snippet words from term vectors: the paragraphs an index built in this process keeps their tokens (term id,
// offset, length), so a snippet needs no second analysis. A loaded index has no vectors, so this module is the
// main entry's alone (`fahras/search` leaves it out).
import { type IndexSnapshot, NO_VECTOR, type TermIndexData } from '../segment/model.js';
import { VarintCursor } from '../segment/postings.js';
import { Searcher } from './search.js';
import { type Hit, scanEnd } from './snippet.js';

/**
 * The matched words of one paragraph (up to {@link scanEnd} for a snippet of `length`), or null when it has no term
 * vector (it is analyzed again instead).
 */
export type HitSource = (u: number, ids: ReadonlySet<number>, length: number) => Hit[] | null;

// marked pure: the library build's shared chunk holds this module, and a bundle that never reads term vectors (the
// search-only entries) leaves the cursor out
const cursor = /* @__PURE__ */ new VarintCursor();

/** Per clitic folding table (never changed once a snapshot holds it): each target term → the terms folded into it. */
const foldedInto = new WeakMap<Int32Array, Map<number, number[]>>();

/**
 * `ids` with the terms folded into them (clitic folding: a vector holds a word's own term, a query its target's), so
 * the token loop below stays one set lookup per word.
 */
function withFolded(ids: ReadonlySet<number>, fold: Int32Array | undefined): ReadonlySet<number> {
  if (fold === undefined) return ids;
  let byTarget = foldedInto.get(fold);
  if (byTarget === undefined) {
    byTarget = new Map();
    for (let t = 0; t < fold.length; t++) if (fold[t] >= 0 && fold[t] !== t) (byTarget.get(fold[t]) ?? byTarget.set(fold[t], []).get(fold[t])!).push(t);
    foldedInto.set(fold, byTarget);
  }
  let out: Set<number> | undefined;
  for (const id of ids) for (const t of byTarget.get(id) ?? []) (out ??= new Set(ids)).add(t);
  return out ?? ids;
}

/** The hit source reading `snap`'s term vectors. */
export function vectorHits(snap: IndexSnapshot): HitSource {
  return (u, queryIds, length) => {
    const v = snap.vectors;
    if (v === null || u >= v.vectorStart.length || v.vectorStart[u] === NO_VECTOR || v.vectorEnd[u] > v.vectorBytes.length) return null;
    const c = cursor.reset(v.vectorBytes, v.vectorStart[u], v.vectorEnd[u]);
    const fold = v.termTarget;
    const ids = withFolded(queryIds, fold);
    const hits: Hit[] = [];
    let start = 0;
    while (c.pos < c.endOffset && start <= scanEnd(hits.length ? hits[0].start : 0, length)) {
      const t = c.next();
      start += c.next();
      const len = c.next();
      // a folded clitic form's word counts as its target's
      if (ids.has(t)) hits.push({ start, end: start + len, key: fold !== undefined && fold[t] >= 0 ? fold[t] : t });
    }
    return hits;
  };
}

/**
 * The main entry's searcher: a page paragraph's matched words come from its term vector when it has one (built in
 * this process), and from the postings' positions (the searcher's own way) for the others.
 * @internal
 */
export class VectorSearcher extends Searcher {
  private readonly vectors = vectorHits(this.snap);

  protected override pageHits(text: TermIndexData, page: number[], texts: string[], ids: ReadonlySet<number>, length: number): Hit[][] {
    const found = page.map((paragraph) => this.vectors(paragraph, ids, length));
    const without = (_: unknown, i: number) => found[i] === null;
    const rest = super.pageHits(text, page.filter(without), texts.filter(without), ids, length);
    return found.map((hits) => hits ?? (rest.shift() as Hit[]));
  }
}
