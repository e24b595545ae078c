export { tokenize, Tokenizer, type Token, type TokenizeOptions, type TokenSink } from './tokenize.js';
export { charClasses, CharClasses, SEP, WORD, MARK, JOIN, type TokenizerMode } from './charclass.js';
export {
  createAnalyzer,
  resolveAnalyzerConfig,
  type Analyzer,
  type AnalyzerOptions,
  type AnalyzerConfig,
  type AnalyzerPreset,
  type AnalyzedToken,
  type AnalyzedSink,
  type StemmerName,
  type StopwordsSetting,
} from './analyzer.js';
