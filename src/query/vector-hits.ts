// Snippet words from term vectors: the paragraphs an index built in this process keeps their tokens (term id,
// offset, length), so a snippet needs no second analysis. A loaded index has no vectors, so this module is the
// main entry's alone (`fahras/search` leaves it out).
import { type IndexSnapshot, NO_VECTOR } from '../segment/model.js';
import { VarintCursor } from '../segment/postings.js';
import { type Hit, scanEnd } from './snippet.js';

/**
 * The matched words of one paragraph (up to {@link scanEnd} for a snippet of `length`), or null when it has no term
 * vector (it is analyzed again instead).
 */
export type HitSource = (u: number, ids: ReadonlySet<number>, length: number) => Hit[] | null;

const cursor = new VarintCursor();

/** The hit source reading `snap`'s term vectors. */
export function vectorHits(snap: IndexSnapshot): HitSource {
  return (u, ids, length) => {
    const v = snap.vectors;
    if (v === null || u >= v.vectorStart.length || v.vectorStart[u] === NO_VECTOR || v.vectorEnd[u] > v.vectorBytes.length) return null;
    const c = cursor.reset(v.vectorBytes, v.vectorStart[u], v.vectorEnd[u]);
    const fold = v.termTarget;
    const hits: Hit[] = [];
    let start = 0;
    while (c.pos < c.endOffset && start <= scanEnd(hits.length ? hits[0].start : 0, length)) {
      let t = c.next();
      // a folded clitic form's words are its target's (-1: not decided yet, itself)
      if (fold !== undefined && t < fold.length && fold[t] >= 0) t = fold[t];
      start += c.next();
      const len = c.next();
      if (ids.has(t)) hits.push({ start, end: start + len, key: t });
    }
    return hits;
  };
}
