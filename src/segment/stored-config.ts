// The configuration stored inside an index file, checked before anything is built from it. A stored
// configuration is covered by the file's CRC-32, so one structural check of what reading and searching use is
// enough: a foreign or crafted file gives CORRUPT_INDEX, never an analyzer built from values of the wrong type.
// Keys a file lacks take their stored defaults (forward compatibility: files written before a key existed keep
// loading, with the analysis they had); keys this build does not know mean a newer writer, UNSUPPORTED_VERSION.
// Names of analysis components need no list here: the analyzer looks each up (an unknown stemmer or stopword list
// is an INVALID_ARGUMENT naming it; the tokenizer and the normalizer are 'letters' / 'lucene' or the default).
// What only adding documents uses (paragraph splitting, field names) the main entry checks when it loads an index
// (isWritableConfig below), so the search-only bundle ships neither those checks nor option resolution.
import { ANALYZER_PRESETS, NORMALIZERS, oneOf, STEMMERS, STOPWORD_LISTS, TOKENIZER_MODES } from '../analysis/analyzer.js';
import { FahrasError, invalid } from '../errors.js';
import type { QuranicRules } from '../analysis/index.js';
import { DEFAULT_NORMALIZE_OPTIONS } from '../normalize/rules.js';
import { FORMAT_VERSION } from './format.js';
import { type IndexConfig, PARAGRAPH_SPLITS } from './model.js';

/**
 * The value of each configuration key a file may lack (FORMAT.md, "Configuration"). Version-1 writers write every
 * key, so these matter for keys added later: each gets the value that gives files written before it the analysis
 * they had, which need not be the default a new index gets.
 */
export const STORED_DEFAULTS: IndexConfig = {
  analyzer: {
    preset: 'default',
    normalizer: 'fahras',
    // Qur'anic orthography (#17) is on in new indexes; files written before it keep the analysis they had
    normalize: { ...DEFAULT_NORMALIZE_OPTIONS, uthmani: false },
    tokenizer: 'words',
    stemmer: 'fahras',
    stopwords: 'arabic',
    maxTokenLength: 255,
  },
  paragraphs: 'line',
  maxParagraphLength: 4000,
  fields: [],
  // the ranking of files written before these choices existed
  ranking: { forms: 0, minLength: 0, expansions: 0, clitics: 0, keywordProximity: 0, idfExponent: 1 },
  // files written before clitic folding (#18) hold every clitic form as a term of its own
  cliticFolding: false,
  // files written before the ت of a suffixed ة was folded (#18) hold مساحت and مساح apart
  tehFolding: false,
  // files written before rounded lengths (pack format 6) hold every paragraph's exact length
  roundedLengths: false,
  // files written before the flag existed (all but Qur'anic text analyzed the same without the rules)
  quranic: false,
  // files written before query shapes (#18) rank every query alike
  questions: [],
};

/**
 * The configuration keys added after format version 1, as paths (FORMAT.md, "Change"). Writers leave each out when
 * it has its stored default (an object key: when all of it has), so an index that does not use what the key turns on stays readable by builds that
 * predate the key (they would refuse it as an unknown key).
 */
export const ADDED_KEYS: readonly (readonly string[])[] = [['analyzer', 'normalize', 'uthmani'], ['ranking'], ['cliticFolding'], ['tehFolding'], ['roundedLengths'], ['quranic'], ['questions']];

/**
 * Fills the keys `value` lacks from `defaults`, in nested plain objects too; a key `defaults` does not have was
 * written by a newer fahras, whose analysis this build cannot reproduce.
 */
function fillDefaults(value: Record<string, unknown>, defaults: Record<string, unknown>): void {
  for (const key in value) {
    if (!(key in defaults)) throw new FahrasError('UNSUPPORTED_VERSION', `setting '${key}' (this build reads format version ${FORMAT_VERSION})`);
  }
  for (const key in defaults) {
    const given = value[key];
    const fallback = defaults[key];
    if (given === undefined) value[key] = fallback;
    else if ((fallback as object)?.constructor === Object && (given as object)?.constructor === Object) fillDefaults(given as Record<string, unknown>, fallback as Record<string, unknown>);
  }
}

/** Whether `x` is an array of strings (stopwords, question words). */
const isWords = (x: unknown): boolean => Array.isArray(x) && x.every((w) => typeof w === 'string');

/**
 * Whether `c` has the shape the reader and the analyzer rely on: normalization options of the right types, fields
 * with finite boosts, stopwords as a list name or words, question words as words. (Any token length is safe: the tokenizer takes a positive
 * number and 255 otherwise.)
 */
function isStoredConfig(c: IndexConfig): boolean {
  const a = c.analyzer;
  const n = a?.normalize as unknown as Record<string, unknown>;
  const sw: unknown = a?.stopwords;
  return (
    !!n &&
    Object.values(c.ranking).every((v) => v >= 0) &&
    Array.isArray(c.fields) &&
    c.fields.every((f) => f?.boost >= 0 && f.boost < Infinity) &&
    (typeof sw === 'string' || isWords(sw)) &&
    isWords(c.questions) &&
    Object.entries(DEFAULT_NORMALIZE_OPTIONS).every(([k, v]) => typeof n[k] === typeof v)
  );
}

/**
 * The configuration in the JSON of an index file, its missing keys filled; null when it is not valid JSON or not a
 * configuration. Throws `UNSUPPORTED_VERSION` for a key this build does not know.
 */
export function checkStoredConfig(json: string, defaults = STORED_DEFAULTS): IndexConfig | null {
  let c;
  try {
    c = JSON.parse(json);
  } catch {
    return null;
  }
  if (c?.constructor !== Object) return null;
  fillDefaults(c, defaults as unknown as Record<string, unknown>);
  return isStoredConfig(c) ? c : null;
}

// What adding documents to a loaded index relies on in its stored configuration, beyond what the reader checks:
// paragraph splitting, field names and boosts as the option resolver gives them, and analysis component names from
// the lists options accept. The main entry checks it when it loads an index (a failure is CORRUPT_INDEX); the
// search-only entry never adds documents, so its bundle leaves this function out.
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

/**
 * The Qur'anic rules a reader of the search-only entries was given (`{ quran }` of `loadIndex`, `openPack`): registered
 * when given (so their code is in a bundle only with `fahras/quran`); an index in Qur'anic orthography (`quranic`)
 * without them is `INVALID_ARGUMENT` naming the import, so a page never analyzes its queries differently from the
 * index.
 */
export function useQuranicRulesFor(config: IndexConfig, quran: QuranicRules | undefined): void {
  if (quran) quran();
  else if (config.quranic) invalid("Qur'anic text needs { quran } from fahras/quran");
}
