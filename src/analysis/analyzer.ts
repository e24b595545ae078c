// The analyzer: tokenizer → stopwords → stemmer, as one configuration that index and query share.
// Query-time analysis equals index-time analysis because both call the same Analyzer built from the same config,
// and the config is saved with the index.
import { FahrasError } from '../errors.js';
import { type NormalizeOptions, type ResolvedNormalizeOptions, resolveNormalizeOptions } from '../normalize/index.js';
import { ARABIC_STOPWORDS, LUCENE_STOPWORDS, luceneNormalize, luceneStem, snowballStem } from '../stem/index.js';
import type { TokenizerMode } from './charclass.js';
import { Tokenizer } from './tokenize.js';
import type { Token } from './tokenize.js';

/** Stemmers fahras ships: Lucene's ArabicStemmer (light: article, conjunction and suffixes), Snowball's Arabic
 * stemmer (heavier), or none. */
export type StemmerName = 'lucene' | 'snowball' | 'none';

/** A stopword list: fahras' Arabic list, Lucene's list (applied before normalization, as Lucene does), none, or your own words. */
export type StopwordsSetting = 'arabic' | 'lucene' | 'none' | readonly string[];

/** Named analyzer presets. */
export type AnalyzerPreset = 'default' | 'lucene' | 'exact';

/** Options of {@link createAnalyzer}; fields override the chosen preset's. */
export interface AnalyzerOptions {
  /** Starting point (default `'default'`). */
  preset?: AnalyzerPreset;
  /** Normalization rules (see {@link NormalizeOptions}). */
  normalize?: NormalizeOptions;
  /** How words are found. */
  tokenizer?: TokenizerMode;
  /** Which stemmer. */
  stemmer?: StemmerName;
  /** Which stopwords. */
  stopwords?: StopwordsSetting;
  /** Longer words are skipped (default 255 UTF-16 units). */
  maxTokenLength?: number;
}

/** A complete, JSON-serializable analyzer configuration (saved inside serialized indexes). */
export interface AnalyzerConfig {
  preset: AnalyzerPreset;
  /** `'fahras'`: fahras normalization; `'lucene'`: lower-case, then Lucene's ArabicNormalizer after stopwords. */
  normalizer: 'fahras' | 'lucene';
  normalize: ResolvedNormalizeOptions;
  tokenizer: TokenizerMode;
  stemmer: StemmerName;
  stopwords: 'arabic' | 'lucene' | 'none' | string[];
  maxTokenLength: number;
}

/** A token after analysis: `term` is what the index stores (stemmed), `surface` the normalized word before stemming. */
export interface AnalyzedToken extends Token {
  surface: string;
}

/** Receives analyzed tokens without an object per token. */
export type AnalyzedSink = (term: string, surface: string, start: number, end: number, position: number) => void;

/** Turns text into index terms. Pure and reusable; safe to share between an index and its queries. */
export interface Analyzer {
  readonly config: AnalyzerConfig;
  /** Streams the analyzed tokens of `text`; stopwords are dropped but keep their position. Returns the word count. */
  scan(text: string, sink: AnalyzedSink): number;
  /** The analyzed tokens of `text` as objects. */
  analyze(text: string): AnalyzedToken[];
  /** Normalizes a single word the way `scan` would (no stemming, no stopwords); `''` for no word. */
  surfaceOf(word: string): string;
}

const PRESETS: Record<AnalyzerPreset, Omit<AnalyzerConfig, 'normalize'> & { normalize: NormalizeOptions }> = {
  default: { preset: 'default', normalizer: 'fahras', normalize: {}, tokenizer: 'words', stemmer: 'lucene', stopwords: 'arabic', maxTokenLength: 255 },
  // Lucene's ArabicAnalyzer: ArabicLetterTokenizer → LowerCaseFilter → StopFilter → ArabicNormalizationFilter → ArabicStemFilter.
  lucene: { preset: 'lucene', normalizer: 'lucene', normalize: {}, tokenizer: 'letters', stemmer: 'lucene', stopwords: 'lucene', maxTokenLength: 255 },
  exact: { preset: 'exact', normalizer: 'fahras', normalize: {}, tokenizer: 'words', stemmer: 'none', stopwords: 'none', maxTokenLength: 255 },
};

function isPreset(x: unknown): x is AnalyzerPreset {
  return x === 'default' || x === 'lucene' || x === 'exact';
}

/** Resolves a preset name or options into a full configuration. Throws `FahrasError('INVALID_ARGUMENT')` on bad input. */
export function resolveAnalyzerConfig(presetOrOptions: AnalyzerPreset | AnalyzerOptions | AnalyzerConfig = 'default'): AnalyzerConfig {
  const opts: AnalyzerOptions = typeof presetOrOptions === 'string' ? { preset: presetOrOptions } : presetOrOptions ?? {};
  const presetName = opts.preset ?? 'default';
  if (!isPreset(presetName)) throw new FahrasError('INVALID_ARGUMENT', `unknown analyzer preset: ${String(presetName)}`);
  const base = PRESETS[presetName];
  const stemmer = opts.stemmer ?? base.stemmer;
  if (stemmer !== 'lucene' && stemmer !== 'snowball' && stemmer !== 'none') {
    throw new FahrasError('INVALID_ARGUMENT', `unknown stemmer: ${String(stemmer)}`);
  }
  const tokenizer = opts.tokenizer ?? base.tokenizer;
  if (tokenizer !== 'words' && tokenizer !== 'letters') {
    throw new FahrasError('INVALID_ARGUMENT', `unknown tokenizer mode: ${String(tokenizer)}`);
  }
  const sw = opts.stopwords ?? base.stopwords;
  let stopwords: AnalyzerConfig['stopwords'];
  if (Array.isArray(sw)) stopwords = sw.map(String);
  else if (sw === 'arabic' || sw === 'lucene' || sw === 'none') stopwords = sw;
  else throw new FahrasError('INVALID_ARGUMENT', `unknown stopwords setting: ${String(sw)}`);
  const maxTokenLength = opts.maxTokenLength ?? base.maxTokenLength;
  if (!(Number.isInteger(maxTokenLength) && maxTokenLength > 0)) {
    throw new FahrasError('INVALID_ARGUMENT', `maxTokenLength must be a positive integer`);
  }
  return {
    preset: presetName,
    normalizer: (presetOrOptions as AnalyzerConfig).normalizer ?? base.normalizer,
    normalize: resolveNormalizeOptions({ ...base.normalize, ...(opts.normalize ?? {}) }),
    tokenizer,
    stemmer,
    stopwords,
    maxTokenLength,
  };
}

const STEM_CACHE_LIMIT = 200_000;

class ChainAnalyzer implements Analyzer {
  readonly config: AnalyzerConfig;
  private readonly tokenizer: Tokenizer;
  private readonly stop: ReadonlySet<string>;
  private readonly stem: (w: string) => string;
  private readonly cache = new Map<string, string>();
  private readonly lucene: boolean;

  constructor(config: AnalyzerConfig) {
    this.config = config;
    this.lucene = config.normalizer === 'lucene';
    this.tokenizer = new Tokenizer({
      ...config.normalize,
      mode: config.tokenizer,
      normalize: !this.lucene,
      maxTokenLength: config.maxTokenLength,
    });
    const sw = config.stopwords;
    if (sw === 'arabic') this.stop = ARABIC_STOPWORDS;
    else if (sw === 'lucene') this.stop = LUCENE_STOPWORDS;
    else if (sw === 'none') this.stop = new Set();
    else this.stop = new Set(this.lucene ? sw.map((w) => w.toLowerCase()) : sw.map((w) => this.surfaceOf(w)));
    this.stem = config.stemmer === 'lucene' ? luceneStem : config.stemmer === 'snowball' ? snowballStem : (w) => w;
  }

  scan(text: string, sink: AnalyzedSink): number {
    const stop = this.stop;
    const lucene = this.lucene;
    return this.tokenizer.scan(text, (word, start, end, position) => {
      if (stop.has(word)) return; // Lucene's list is matched before normalization, fahras' after
      const surface = lucene ? luceneNormalize(word) : word;
      sink(this.stemCached(surface), surface, start, end, position);
    });
  }

  analyze(text: string): AnalyzedToken[] {
    const out: AnalyzedToken[] = [];
    this.scan(typeof text === 'string' ? text : String(text ?? ''), (term, surface, start, end, position) => {
      out.push({ term, surface, start, end, position });
    });
    return out;
  }

  surfaceOf(word: string): string {
    let out = '';
    this.tokenizer.scan(String(word), (w) => {
      if (out === '') out = this.lucene ? luceneNormalize(w) : w;
    });
    return out;
  }

  private stemCached(surface: string): string {
    let t = this.cache.get(surface);
    if (t === undefined) {
      t = this.stem(surface);
      if (this.cache.size >= STEM_CACHE_LIMIT) this.cache.clear();
      this.cache.set(surface, t);
    }
    return t;
  }
}

/**
 * Builds an analyzer from a preset name (`'default'`, `'lucene'`, `'exact'`) or options.
 *
 * @example
 * createAnalyzer().analyze('والمكتبات').map((t) => t.term) // ['مكتب']
 */
export function createAnalyzer(presetOrOptions?: AnalyzerPreset | AnalyzerOptions | AnalyzerConfig): Analyzer {
  return new ChainAnalyzer(resolveAnalyzerConfig(presetOrOptions));
}
