export { tokenize, Tokenizer, codesToString, useQuranicRules, type QuranicRules, type TokenizerMode, type Token, type TokenizeOptions, type TokenSink, type RawTokenSink } from './tokenize.js';
export { Interner } from './interner.js';

export {
  createAnalyzer,
  analyzerFor,
  WordChain,
  resolveAnalyzerConfig,
  oneOf,
  ANALYZER_PRESETS,
  STEMMERS,
  STOPWORD_LISTS,
  TOKENIZER_MODES,
  type Analyzer,
  type TextAnalyzer,
  type AnalyzerOptions,
  type AnalyzerConfig,
  type AnalyzerPreset,
  type AnalyzedToken,
  type AnalyzedSink,
  type WordIdSink,
  type StemmerName,
  type StopwordsSetting,
} from './analyzer.js';
