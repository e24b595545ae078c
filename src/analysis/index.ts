export { tokenize, Tokenizer, codesToString, type TokenizerMode, type Token, type TokenizeOptions, type TokenSink, type RawTokenSink } from './tokenize.js';
export { Interner } from './interner.js';
export { StringTable } from './string-table.js';

export {
  createAnalyzer,
  analyzerFor,
  resolveAnalyzerConfig,
  oneOf,
  ANALYZER_PRESETS,
  STEMMERS,
  STOPWORD_LISTS,
  TOKENIZER_MODES,
  type Analyzer,
  type AnalyzerOptions,
  type AnalyzerConfig,
  type AnalyzerPreset,
  type AnalyzedToken,
  type AnalyzedSink,
  type WordIdSink,
  type WordTable,
  type WordTableFactory,
  type StemmerName,
  type StopwordsSetting,
} from './analyzer.js';
