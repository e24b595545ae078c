// The configuration stored inside an index file, checked before anything is built from it. A stored
// configuration was written complete by the serializer and is covered by the file's CRC-32, so one structural
// check of what reading and searching use is enough: a foreign or crafted file gives CORRUPT_INDEX, never an
// analyzer built from values of the wrong type. Names of analysis components need no list here: the analyzer
// looks each up (an unknown stemmer or stopword list is an INVALID_ARGUMENT naming it; the tokenizer and the
// normalizer are 'letters' / 'lucene' or the default). What only adding documents uses (paragraph splitting,
// field names) the main entry checks when it loads an index (index-builder/stored-config.ts), so the search-only
// bundle ships neither those checks nor option resolution. The reader turns a null into CORRUPT_INDEX.
import type { IndexConfig } from '../index-builder/builder.js';
import { DEFAULT_NORMALIZE_OPTIONS } from '../normalize/rules.js';

/**
 * Whether `c` has the shape the reader and the analyzer rely on: normalization options of the right types, fields
 * with finite boosts, stopwords as a list name or words. (Any token length is safe: the tokenizer takes a positive
 * number and 255 otherwise.)
 */
function isStoredConfig(c: IndexConfig): boolean {
  const a = c.analyzer;
  const n = a?.normalize as unknown as Record<string, unknown>;
  const sw: unknown = a?.stopwords;
  return (
    !!n &&
    Array.isArray(c.fields) &&
    c.fields.every((f) => f?.boost >= 0 && f.boost < Infinity) &&
    (typeof sw === 'string' || (Array.isArray(sw) && sw.every((w) => typeof w === 'string'))) &&
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
