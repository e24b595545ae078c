// Dictionary-side lookups for queries: prefix expansion (typo neighbours are in typos.ts).
import { lowerBound, type TermIndexData } from '../index-builder/postings.js';

/** Term ids starting with `prefix`, at most `max`, preferring frequent terms when there are more. */
export function expandPrefix(data: TermIndexData, prefix: string, max: number): number[] {
  if (prefix === '') return [];
  const { terms, sorted, df } = data;
  const out: number[] = [];
  // scan is capped so a one-letter prefix on a huge dictionary stays bounded
  const scanCap = Math.max(max * 64, 4096);
  for (let i = lowerBound(data, prefix), n = 0; i < sorted.length && n < scanCap; i++, n++) {
    const id = sorted[i];
    if (!terms[id].startsWith(prefix)) break;
    if (df[id] > 0) out.push(id);
  }
  if (out.length > max) {
    out.sort((a, b) => df[b] - df[a]);
    out.length = max;
  }
  return out;
}
