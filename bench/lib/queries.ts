// Query text shared by every engine: the one cleaning rule and the seeded speed-query sampler.
import type { Doc } from './data.js';

/**
 * The query cleaning every engine gets (as ../shared/eval/README.md measured the peers): any run of characters that is
 * not a letter (\p{L}), a mark (\p{M}) or a number (\p{N}) becomes one space; the result is trimmed. Nothing else is
 * changed (no case folding, no Arabic normalization): each engine's own analysis does the rest.
 * This also removes every query-syntax character of the peers (lunr's + - : ^ ~ *, quotes), so all engines see the
 * same plain words.
 */
export function cleanQuery(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
}

/** mulberry32: a small seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SPEED_SEED = 20240611;
/** The seed of the known-item queries of the static-search benchmarks (bench/packs.ts, bench/pack-memory.ts): every engine gets the same list. */
export const PACKS_SEED = 20261207;
export const MIN_WORDS_FOR_QUERY_SOURCE = 12;

/** A query drawn from a paragraph, with the id of the document it was drawn from (its known item). */
export interface KnownItemQuery {
  text: string;
  id: string;
}

/**
 * `count` queries of `minWords`–`maxWords` consecutive whitespace-separated words taken from random paragraphs of at
 * least 12 words, cleaned with `cleanQuery`, each with the id of the document it came from. Deterministic for a given
 * (docs, count, seed, lengths): every engine gets the same list. A draw that cleans to nothing (e.g. only punctuation)
 * is drawn again.
 */
export function sampleKnownItemQueries(
  docs: readonly Doc[],
  count: number,
  seed: number,
  minWords = 3,
  maxWords = 5,
): KnownItemQuery[] {
  const rand = mulberry32(seed);
  const eligible: { id: string; words: string[] }[] = [];
  for (const d of docs) {
    const words = d.text.split(/\s+/).filter((w) => w !== '');
    if (words.length >= MIN_WORDS_FOR_QUERY_SOURCE) eligible.push({ id: d.id, words });
  }
  if (eligible.length === 0) throw new Error('no paragraph of 12+ words to draw queries from');
  const out: KnownItemQuery[] = [];
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 100) throw new Error('could not draw enough non-empty queries');
    const { id, words } = eligible[Math.floor(rand() * eligible.length)];
    const len = minWords + Math.floor(rand() * (maxWords - minWords + 1));
    const start = Math.floor(rand() * (words.length - len + 1));
    const text = cleanQuery(words.slice(start, start + len).join(' '));
    if (text !== '') out.push({ text, id });
  }
  return out;
}

/** `count` known-item query texts of 3–6 words (`sampleKnownItemQueries`): the speed benchmarks' list. */
export function sampleSpeedQueries(docs: readonly Doc[], count = 500, seed = SPEED_SEED): string[] {
  return sampleKnownItemQueries(docs, count, seed, 3, 6).map((q) => q.text);
}

/** FNV-1a over the joined queries: printed with speed results to show every engine got the same list. */
export function fingerprint(strings: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const s of strings) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x0a;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
