/**
 * fahras — Arabic full-text search for Node and the browser.
 *
 * The pipeline, one folder per stage: text → normalize → tokenize → stem → index → query → snippet.
 * This module is the public facade; it imports no Node built-in so it bundles for browsers.
 * @packageDocumentation
 */
export { FahrasError, type FahrasErrorCode } from './errors.js';
export {
  normalize,
  normalizeWord,
  toOriginalSpan,
  DEFAULT_NORMALIZE_OPTIONS,
  type NormalizeOptions,
  type NormalizedText,
} from './normalize/index.js';
export {
  tokenize,
  Tokenizer,
  createAnalyzer,
  type Token,
  type TokenizeOptions,
  type TokenizerMode,
  type Analyzer,
  type AnalyzerOptions,
  type AnalyzerConfig,
  type AnalyzerPreset,
  type AnalyzedToken,
  type StemmerName,
  type StopwordsSetting,
} from './analysis/index.js';
export { luceneNormalize, luceneStem, snowballStem, ARABIC_STOPWORDS, LUCENE_STOPWORDS } from './stem/index.js';
export { createIndex, loadIndex, FahrasIndex, type IndexStats } from './fahras-index.js';
export {
  splitParagraphs,
  type IndexOptions,
  type IndexConfig,
  type FahrasDocument,
  type DocumentId,
  type FieldsOption,
  type ParagraphSplit,
  type ParagraphSpan,
} from './index-builder/index.js';
export { toHtml, escapeHtml, type SearchOptions, type SearchResult, type Snippet, type HtmlOptions } from './query/index.js';
