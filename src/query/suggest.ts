// Completions for search as you type: the index's own words that start with what was typed, as the documents
// spell them, most frequent first. The typed prefix is normalized the way words are (so أ/ا, ة/ه and diacritics do
// not matter) and matched against the surface forms (normalized, unstemmed words), bare and after the article.
import type { TextAnalyzer } from '../analysis/index.js';
import { checkOptions, checkText, invalid } from '../errors.js';
import type { IndexSnapshot } from '../segment/model.js';
import { expandPrefix } from '../segment/dictionary.js';
import { EntryCursor } from '../segment/postings.js';

/** One completion of `suggest` (`FahrasIndex.suggest`, `SearchIndex.suggest`). */
export interface Suggestion {
  /** The word as a document spells it (its first occurrence in the index, diacritics and all). */
  word: string;
  /** In how many paragraphs it occurs. */
  paragraphs: number;
}

/** Options of `suggest`. */
export interface SuggestOptions {
  /** Completions to return (default 10, at most 100). */
  limit?: number;
}

/**
 * The public face of {@link suggestWords} (`suggest` of `fahras/suggest`, passed to `loadIndex(bytes, { suggest })` of
 * `fahras/search`): opaque, so the snapshot's internals stay out of the public types.
 */
export type Suggester = (...args: never[]) => Suggestion[];

/**
 * `suggest` with its options checked (the main entry, and `fahras/suggest` for the search-only entry, so neither
 * `fahras/search` nor `fahras/pack` carries it unless asked): `limit` defaults to 10, at most 100.
 */
export function suggestWords(snap: IndexSnapshot, analyzer: TextAnalyzer, prefix: string, options?: SuggestOptions): Suggestion[] {
  const { limit = 10 } = checkOptions(options, 'limit', 'suggest options');
  if (!(Number.isInteger(limit) && limit > 0 && limit <= 100)) invalid('suggest option limit: expected an integer from 1 to 100');
  return suggest(snap, analyzer, prefix, limit);
}

/** The Arabic definite article: U+0627 ALEF ا + U+0644 LAM ل. مدر completes to مدرسة and to المدرسة. */
const ARTICLE = 'ال';

/**
 * The `limit` most frequent words of the index that start with `prefix` (bare or after the article), each as a
 * document spells it. Never throws on the prefix's content; a prefix that is not a string is an INVALID_ARGUMENT.
 */
export function suggest(snap: IndexSnapshot, analyzer: TextAnalyzer, prefix: string, limit: number): Suggestion[] {
  const typed = analyzer.surfaceOf(checkText(prefix, 'suggest'));
  // the surface forms, or the terms themselves when the index has no stemmer (they are the surface forms then)
  const data = snap.surfaceIndex ?? snap.textIndex;
  const paras = snap.paragraphTable;
  if (typed === '') return [];
  const ids = new Set(expandPrefix(data, typed, 4 * limit));
  if (!typed.startsWith(ARTICLE)) for (const id of expandPrefix(data, ARTICLE + typed, 4 * limit)) ids.add(id);
  const out: Suggestion[] = [];
  const entries = new EntryCursor();
  for (const id of [...ids].sort((a, b) => data.df[b] - data.df[a])) {
    if (out.length === limit) break;
    // the first live paragraph with the word (the cursor stops there), and the word's first spelling in it
    let first = -1;
    for (entries.reset(data, id, paras.count); first < 0 && entries.next(); ) if (paras.alive[entries.paragraphNumber]) first = entries.paragraphNumber;
    if (first < 0) continue;
    const text = snap.docs.texts[paras.doc[first]].slice(paras.textStart[first], paras.textEnd[first]);
    const form = data.termsById[id];
    let word = '';
    analyzer.scan(text, (term, surface, start, end) => {
      if (!word && (snap.surfaceIndex ? surface : term) === form) word = text.slice(start, end);
    });
    if (word && !out.some((suggestion) => suggestion.word === word)) out.push({ word, paragraphs: data.df[id] });
  }
  return out;
}
