// The analyzer: tokenizer → stopwords → stemmer, as one configuration that index and query share.
// Query-time analysis equals index-time analysis because both call the same Analyzer built from the same config,
// and the config is saved with the index.
import { checkOptions, checkText, describe, invalid } from '../errors.js';
import { checkNormalizeOptions, type NormalizeOptions, type ResolvedNormalizeOptions } from '../normalize/index.js';
import { luceneChainFor, stemmerFor, stopwordsFor } from './components.js';
import type { TokenizerMode } from './tokenize.js';
import { Interner } from './interner.js';
import { codesToString, type NormalizingTokenizer, WordTokenizer } from './tokenize.js';
import type { Token } from './tokenize.js';

/** Stemmers fahras ships: its own light stemmer (the default: Lucene's plus the verb ending وا and the accusative
 * alef of يا), Lucene's ArabicStemmer (light: article, conjunction and suffixes), Snowball's Arabic stemmer
 * (heavier), or none. */
export type StemmerName = 'fahras' | 'lucene' | 'snowball' | 'none';

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

/** Receives every word as its word (surface) id, stopwords included: `analyzer.termOf(wordId)` gives its term. */
export type WordIdSink = (wordId: number, start: number, end: number, position: number) => void;

/** Turns text into index terms, a word at a time: what queries and snippets need. */
export interface TextAnalyzer {
  readonly config: AnalyzerConfig;
  /** Streams the analyzed tokens of `text`; stopwords are dropped but keep their position. Returns the word count. */
  scan(text: string, sink: AnalyzedSink): number;
  /** The analyzed tokens of `text` as objects. */
  analyze(text: string): AnalyzedToken[];
  /** Normalizes a single word the way `scan` would (no stemming, no stopwords); `''` for no word. */
  surfaceOf(word: string): string;
  /**
   * Advanced, for snippets: the span and position of every token of `text`, stopwords included, as `scan` numbers
   * them (the positions an index stores), without stemming or word tables. The sink returns `true` to stop early.
   */
  scanSpans(text: string, sink: (start: number, end: number, position: number) => boolean): number;
}

/**
 * Turns text into index terms; adds word tables for indexers (each distinct word analyzed once). Pure and
 * reusable; safe to share between an index and its queries.
 */
export interface Analyzer extends TextAnalyzer {
  /**
   * Advanced, for indexers: every word of `text`, stopwords included, as a dense word id (`surfaceStrings[id]` is
   * its surface form), so the hot path allocates no string per token and a caller keeps its own table per word,
   * resolving each distinct word once with `termOf`. Ids stay valid until `maybeReset()` returns true. With
   * `from`/`to`, only `text[from, to)` is analyzed (offsets stay those of `text`, positions count from 0), without
   * a slice.
   */
  scanWords(text: string, sink: WordIdSink, from?: number, to?: number): number;
  /** The term id (`termStrings[id]` is the term) of word id `wordId` from `scanWords`, or -1 for a stopword. */
  termOf(wordId: number): number;
  /** The term of each term id handed out by `termOf`. */
  readonly termStrings: readonly string[];
  /** The surface form (normalized, unstemmed) of each word id handed out by `scanWords`. */
  readonly surfaceStrings: readonly string[];
  /**
   * Whether distinct surface ids always name distinct surface strings. True when words are interned already
   * normalized (fahras' normalizer); false after Lucene's normalizer, which runs after interning and can give
   * distinct words one form (أخر, اخر, آخر → اخر).
   */
  readonly distinctSurfaces: boolean;
  /** Forgets the interned words when they exceed a memory bound; returns true when ids were invalidated. */
  maybeReset(): boolean;
}

/** Preset fields (each preset's name is its key; `normalize` starts from the defaults, `maxTokenLength` is 255). */
const PRESETS: Record<AnalyzerPreset, Pick<AnalyzerConfig, 'normalizer' | 'tokenizer' | 'stemmer' | 'stopwords'>> = {
  default: { normalizer: 'fahras', tokenizer: 'words', stemmer: 'fahras', stopwords: 'arabic' },
  // Lucene's ArabicAnalyzer: ArabicLetterTokenizer → LowerCaseFilter → StopFilter → ArabicNormalizationFilter → ArabicStemFilter.
  lucene: { normalizer: 'lucene', tokenizer: 'letters', stemmer: 'lucene', stopwords: 'lucene' },
  exact: { normalizer: 'fahras', tokenizer: 'words', stemmer: 'none', stopwords: 'none' },
};

/** The values each named analyzer setting accepts: one list each, for option resolution and the stored-config check. */
export const ANALYZER_PRESETS: readonly AnalyzerPreset[] = ['default', 'lucene', 'exact'];
export const STEMMERS: readonly StemmerName[] = ['fahras', 'lucene', 'snowball', 'none'];
export const STOPWORD_LISTS: readonly ('arabic' | 'lucene' | 'none')[] = ['arabic', 'lucene', 'none'];
export const TOKENIZER_MODES: readonly TokenizerMode[] = ['words', 'letters'];
export const NORMALIZERS: readonly AnalyzerConfig['normalizer'][] = ['fahras', 'lucene'];

/** Whether `x` is one of `list` (a type guard for the lists above). */
export function oneOf<T>(list: readonly T[], x: unknown): x is T {
  return list.includes(x as T);
}

/** `value` when it is one of `allowed`; otherwise throws `FahrasError('INVALID_ARGUMENT')` naming `what`. */
function pick<T>(value: unknown, allowed: readonly T[], what: string): T {
  if (!oneOf(allowed, value)) invalid(`unknown ${what}: ${describe(value)} (expected ${allowed.map((a) => `'${a}'`).join(', ')})`);
  return value;
}

/** The keys of analyzer options (`AnalyzerOptions`, and `normalizer` of a full `AnalyzerConfig`). */
const ANALYZER_KEYS = 'preset normalizer normalize tokenizer stemmer stopwords maxTokenLength';

/** Resolves a preset name or options into a full configuration. Throws `FahrasError('INVALID_ARGUMENT')` on bad input. */
export function resolveAnalyzerConfig(presetOrOptions: AnalyzerPreset | AnalyzerOptions | AnalyzerConfig = 'default'): AnalyzerConfig {
  const opts: AnalyzerOptions & { normalizer?: unknown } =
    typeof presetOrOptions === 'string' ? { preset: presetOrOptions } : checkOptions(presetOrOptions, ANALYZER_KEYS, 'analyzer options');
  const preset = pick(opts.preset ?? 'default', ANALYZER_PRESETS, 'analyzer preset');
  const base = PRESETS[preset];
  const stemmer = pick(opts.stemmer ?? base.stemmer, STEMMERS, 'stemmer');
  const tokenizer = pick(opts.tokenizer ?? base.tokenizer, TOKENIZER_MODES, 'tokenizer mode');
  const normalizer = pick(opts.normalizer ?? base.normalizer, NORMALIZERS, 'normalizer');
  const sw = opts.stopwords ?? base.stopwords;
  if (Array.isArray(sw) && !sw.every((w) => typeof w === 'string')) invalid('analyzer option stopwords: expected a list name or an array of strings');
  const stopwords = Array.isArray(sw) ? sw.slice() : pick(sw, STOPWORD_LISTS, 'stopwords setting');
  const maxTokenLength = opts.maxTokenLength ?? 255;
  if (!(Number.isInteger(maxTokenLength) && maxTokenLength > 0 && maxTokenLength <= 65_535)) {
    invalid(`analyzer option maxTokenLength: expected an integer from 1 to 65535, got ${describe(maxTokenLength)}`);
  }
  return {
    preset,
    normalizer,
    normalize: checkNormalizeOptions(opts.normalize, 'analyzer option normalize'),
    tokenizer,
    stemmer,
    stopwords,
    maxTokenLength,
  };
}

/** Interned words kept before the tables are dropped and rebuilt (bounds memory on endless streams of new words). */
const INTERN_LIMIT = 2_097_152; // 2^21 (a literal, so bundles that leave the word tables out drop it)
const UNKNOWN = -2;
const STOP = -1;

/**
 * The analysis chain without word tables: tokenizer → stopwords → (Lucene's normalizer) → stemmer, each word as
 * it comes. The search-only entry runs queries and snippets through it; `ChainAnalyzer` adds the indexer's word
 * tables on top, resolving each distinct word through the same `surfaceOfWord` and `stem`, so both give the same
 * terms.
 */
export class WordChain implements TextAnalyzer {
  readonly config: AnalyzerConfig;
  protected readonly splitter: NormalizingTokenizer;
  private readonly stop: ReadonlySet<string>;
  protected readonly stem: (w: string) => string;
  /** Lucene's chain: words are only lower-cased by the tokenizer, Lucene's normalizer runs after the stopwords. */
  protected readonly lowerCased: boolean;
  private readonly luceneNormalize: (w: string) => string;

  /** `config` is complete and checked (see {@link analyzerFor}). */
  constructor(config: AnalyzerConfig) {
    this.config = config;
    this.lowerCased = config.normalizer === 'lucene';
    const lucene = this.lowerCased ? luceneChainFor() : null;
    this.splitter = new (lucene?.Tokenizer ?? WordTokenizer)({ mode: config.tokenizer, normalize: !lucene, maxTokenLength: config.maxTokenLength }, config.normalize);
    this.luceneNormalize = lucene?.normalize ?? ((w) => w);
    const sw = config.stopwords;
    if (typeof sw === 'string') this.stop = stopwordsFor(sw);
    else this.stop = new Set(this.lowerCased ? sw.map((w) => w.toLowerCase()) : sw.map((w) => this.surfaceOf(w)));
    this.stem = stemmerFor(config.stemmer);
  }

  /**
   * A word as the tokenizer gives it → its surface form, or null for a stopword (Lucene's list is matched before
   * normalization, as Lucene does; fahras' list after).
   */
  protected surfaceOfWord(word: string): string | null {
    return this.stop.has(word) ? null : this.luceneNormalize(word);
  }

  scan(text: string, sink: AnalyzedSink): number {
    return this.splitter.scanRaw(text, (buf, n, start, end, position) => {
      const surface = this.surfaceOfWord(codesToString(buf, n));
      if (surface !== null) sink(this.stem(surface), surface, start, end, position);
    });
  }

  analyze(text: string): AnalyzedToken[] {
    const out: AnalyzedToken[] = [];
    this.scan(checkText(text, 'analyze'), (term, surface, start, end, position) => {
      out.push({ term, surface, start, end, position });
    });
    return out;
  }

  surfaceOf(word: string): string {
    let out = '';
    this.splitter.scanRaw(String(word), (buf, n) => {
      if (out === '') out = this.luceneNormalize(codesToString(buf, n));
    });
    return out;
  }

  scanSpans(text: string, sink: (start: number, end: number, position: number) => boolean): number {
    return this.splitter.scanSpans(text, sink);
  }
}

/** The indexer's analyzer: the chain plus word tables (`Interner`s), so each distinct word is analyzed once. */
class ChainAnalyzer extends WordChain implements Analyzer {
  // word (as the tokenizer gives it) → term id, and its surface form (kept apart only for Lucene's normalizer,
  // which runs after the tokenizer); terms interned separately
  private words = new Interner();
  private wordTerm = new Int32Array(1024).fill(UNKNOWN);
  private wordSurface: string[] = [];
  private termTable = new Interner();

  get termStrings(): readonly string[] {
    return this.termTable.strings;
  }

  get distinctSurfaces(): boolean {
    return !this.lowerCased;
  }

  get surfaceStrings(): readonly string[] {
    // fahras normalization happens in the tokenizer: a word is its own surface form
    return this.lowerCased ? this.wordSurface : this.words.strings;
  }

  maybeReset(): boolean {
    if (this.words.size < INTERN_LIMIT && this.termTable.size < INTERN_LIMIT) return false;
    this.words = new Interner();
    this.wordTerm = new Int32Array(1024).fill(UNKNOWN);
    this.wordSurface = [];
    this.termTable = new Interner();
    return true;
  }

  scanWords(text: string, sink: WordIdSink, from = 0, to = text.length): number {
    return this.splitter.scanRaw(text, (buf, n, start, end, position, hash) => sink(this.words.intern(buf, n, hash), start, end, position), from, to);
  }

  termOf(w: number): number {
    const t = w < this.wordTerm.length ? this.wordTerm[w] : UNKNOWN;
    return t === UNKNOWN ? this.resolve(w) : t;
  }

  /** Stopword check and stemming, once per distinct word. */
  private resolve(w: number): number {
    const word = this.words.strings[w];
    const surface = this.surfaceOfWord(word);
    const t = surface === null ? STOP : this.termTable.internString(this.stem(surface));
    if (w >= this.wordTerm.length) {
      // word ids are dense: a new one is at most the table's length
      const next = new Int32Array(w * 2).fill(UNKNOWN);
      next.set(this.wordTerm);
      this.wordTerm = next;
    }
    this.wordTerm[w] = t;
    if (this.lowerCased) this.wordSurface[w] = surface ?? word;
    return t;
  }

  override scan(text: string, sink: AnalyzedSink): number {
    this.maybeReset();
    const terms = this.termTable.strings;
    const surfaces = this.surfaceStrings;
    return this.scanWords(text, (w, start, end, position) => {
      const t = this.termOf(w);
      if (t !== STOP) sink(terms[t], surfaces[w], start, end, position);
    });
  }
}

/**
 * Builds an analyzer from a preset name (`'default'`, `'lucene'`, `'exact'`) or options.
 *
 * @example
 * createAnalyzer().analyze('والمكتبات').map((t) => t.term) // ['مكتب']
 */
export function createAnalyzer(presetOrOptions?: AnalyzerPreset | AnalyzerOptions | AnalyzerConfig): Analyzer {
  return analyzerFor(resolveAnalyzerConfig(presetOrOptions));
}

/**
 * The analyzer of a complete configuration that has been checked already (resolved by
 * {@link resolveAnalyzerConfig}, or read from an index file by `checkStoredConfig`): no option resolution, so the
 * search-only bundle leaves the presets and their validation out. (That bundle runs queries and snippets through
 * a {@link WordChain} of the configuration: the same chain without word tables.)
 */
export function analyzerFor(config: AnalyzerConfig): Analyzer {
  return new ChainAnalyzer(config);
}
