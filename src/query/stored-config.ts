// The configuration stored inside an index file, checked before anything is built from it. User options go
// through resolveIndexConfig/resolveAnalyzerConfig (defaults, presets, a message per mistake); a stored
// configuration was written complete by the serializer and is covered by the file's CRC-32, so one structural
// check is enough: a damaged or foreign file gives CORRUPT_INDEX, never an analyzer built from garbage. It is
// the reader's only config check, so the search-only bundle ships no option resolution. The reader turns a null
// into CORRUPT_INDEX.
import { ANALYZER_PRESETS, NORMALIZERS, oneOf, STEMMERS, STOPWORD_LISTS, TOKENIZER_MODES } from '../analysis/analyzer.js';
import type { IndexConfig } from '../index-builder/builder.js';
import { PARAGRAPH_SPLITS } from '../index-builder/paragraphs.js';
import { DEFAULT_NORMALIZE_OPTIONS } from '../normalize/rules.js';

function isInt(v: unknown, min: number): boolean {
  return Number.isInteger(v) && (v as number) >= min;
}

/** Whether `c` has the shape of a configuration the serializer writes (every field present, every value valid). */
function isStoredConfig(c: IndexConfig): boolean {
  const a = c.analyzer;
  const n = a?.normalize as unknown as Record<string, unknown>;
  const sw: unknown = a?.stopwords;
  return (
    !!n &&
    oneOf(PARAGRAPH_SPLITS, c.paragraphs) &&
    isInt(c.maxParagraphLength, 16) &&
    Array.isArray(c.fields) &&
    c.fields.every((f) => typeof f?.name === 'string' && f.name !== 'id' && f.name !== 'text' && typeof f.boost === 'number' && f.boost >= 0 && f.boost < Infinity) &&
    oneOf(ANALYZER_PRESETS, a.preset) &&
    oneOf(NORMALIZERS, a.normalizer) &&
    oneOf(TOKENIZER_MODES, a.tokenizer) &&
    oneOf(STEMMERS, a.stemmer) &&
    isInt(a.maxTokenLength, 1) &&
    (Array.isArray(sw) ? sw.every((w) => typeof w === 'string') : oneOf(STOPWORD_LISTS, sw)) &&
    Object.entries(DEFAULT_NORMALIZE_OPTIONS).every(([k, v]) => typeof n[k] === typeof v)
  );
}

/** The configuration in the JSON of an index file, or null when it is not valid JSON or not a complete configuration. */
export function checkStoredConfig(json: string): IndexConfig | null {
  try {
    const c = JSON.parse(json);
    return c !== null && typeof c === 'object' && isStoredConfig(c) ? c : null;
  } catch {
    return null;
  }
}
