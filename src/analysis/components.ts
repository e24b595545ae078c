// Pluggable analysis components. The core knows only the light stemmers (fahras' own, the default, and Lucene's,
// which it extends); the full entry (src/index.ts) registers the Snowball stemmer, the stopword lists and Lucene's
// chain (its normalizer and the lower-casing tokenizer), so a search-only browser bundle (src/search.ts) leaves them out. Serialized indexes carry
// their stopword list, so loading never needs a registered list.
import { FahrasError, invalid } from '../errors.js';
import { lightStem } from '../stem/light.js';
import { luceneStem } from '../stem/lucene.js';
import type { NormalizingTokenizer } from './tokenize.js';

type WordFn = (word: string) => string;

const stemmers = new Map<string, WordFn>([
  ['fahras', lightStem],
  ['lucene', luceneStem],
  ['none', (w) => w],
]);
const stopwordLists = new Map<string, ReadonlySet<string>>([['none', new Set<string>()]]);
/** Lucene's chain: its normalizer and the tokenizer that only lower-cases (both registered by the main entry). */
let luceneChain: { normalize: WordFn; Tokenizer: typeof NormalizingTokenizer } | null = null;

/** Makes a stemmer available to analyzers under `name`. */
export function registerStemmer(name: string, stem: WordFn): void {
  if (typeof name !== 'string' || typeof stem !== 'function') invalid('registerStemmer expects a name (string) and a function word → stem');
  stemmers.set(name, stem);
}

/** Makes a stopword list available to analyzers under `name`. */
export function registerStopwords(name: string, words: ReadonlySet<string>): void {
  if (typeof name !== 'string' || !(words instanceof Set)) invalid('registerStopwords expects a name (string) and a Set of words');
  stopwordLists.set(name, words);
}

/**
 * Makes Lucene's chain available (the `lucene` preset needs it): its ArabicNormalizer, and a tokenizer class that
 * lower-cases words instead of normalizing them (`Tokenizer` with `normalize: false`).
 */
export function registerLuceneChain(normalize: WordFn, Tokenizer: typeof NormalizingTokenizer): void {
  luceneChain = { normalize, Tokenizer };
}

function missing(what: string): never {
  throw new FahrasError('INVALID_ARGUMENT', `${what} needs the main 'fahras' entry`);
}

export function stemmerFor(name: string): WordFn {
  return stemmers.get(name) ?? missing(`stemmer '${name}'`);
}

export function stopwordsFor(name: string): ReadonlySet<string> {
  return stopwordLists.get(name) ?? missing(`stopword list '${name}'`);
}

/** Lucene's chain, when the main entry registered it. */
export function luceneChainFor(): { normalize: WordFn; Tokenizer: typeof NormalizingTokenizer } {
  return luceneChain ?? missing(`Lucene's normalizer`);
}
