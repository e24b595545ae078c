// What adding documents to a loaded index relies on in its stored configuration, beyond what the reader checks
// (query/stored-config.ts: the types the analyzer and the searcher read): paragraph splitting, field names and
// boosts as the option resolver gives them, and analysis component names from the lists options accept. The main
// entry checks it when it loads an index (a failure is CORRUPT_INDEX); the search-only entry never adds documents.
import { ANALYZER_PRESETS, NORMALIZERS, oneOf, STEMMERS, STOPWORD_LISTS, TOKENIZER_MODES } from '../analysis/analyzer.js';
import type { IndexConfig } from './builder.js';
import { PARAGRAPH_SPLITS } from './paragraphs.js';

/** Whether a configuration the reader accepted is also one `resolveIndexConfig` could have produced. */
export function isWritableConfig(c: IndexConfig): boolean {
  const a = c.analyzer;
  return (
    oneOf(PARAGRAPH_SPLITS, c.paragraphs) &&
    Number.isInteger(c.maxParagraphLength) &&
    c.maxParagraphLength >= 16 &&
    c.fields.every((f) => typeof f.name === 'string' && f.name !== 'id' && f.name !== 'text' && typeof f.boost === 'number') &&
    oneOf(ANALYZER_PRESETS, a.preset) &&
    oneOf(NORMALIZERS, a.normalizer) &&
    oneOf(TOKENIZER_MODES, a.tokenizer) &&
    oneOf(STEMMERS, a.stemmer) &&
    Number.isInteger(a.maxTokenLength) &&
    a.maxTokenLength >= 1 &&
    (Array.isArray(a.stopwords) || oneOf(STOPWORD_LISTS, a.stopwords))
  );
}
