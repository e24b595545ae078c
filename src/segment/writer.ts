// The serializer: IndexSnapshot → bytes (format in DESIGN.md). Writes terms in sorted order with front coding,
// so the reader gets term ids equal to sorted ranks.
import { stopwordsFor } from '../analysis/components.js';
import { ByteWriter, crc32 } from './bytes.js';
import { FORMAT_VERSION, HEADER_SIZE, MAGIC } from './format.js';
import type { IndexConfig, IndexSnapshot, TermIndexData } from './model.js';
import { ADDED_KEYS, STORED_DEFAULTS } from './stored-config.js';

/**
 * The configuration as an index file or a pack root stores it: the stopword list travels inside (a reader needs
 * none), and a key added after format version 1 is left out when it has its stored default (`ADDED_KEYS`).
 */
export function storedConfigJson(config: IndexConfig): string {
  const analyzer = config.analyzer;
  const stopwords = typeof analyzer.stopwords === 'string' ? [...stopwordsFor(analyzer.stopwords)] : analyzer.stopwords;
  const stored = JSON.parse(JSON.stringify({ ...config, analyzer: { ...analyzer, stopwords } }));
  for (const path of ADDED_KEYS) {
    let parent = stored;
    let fallback: any = STORED_DEFAULTS;
    for (const key of path.slice(0, -1)) {
      parent = parent?.[key];
      fallback = fallback[key];
    }
    const last = path[path.length - 1];
    if (parent && JSON.stringify(parent[last]) === JSON.stringify(fallback[last])) delete parent[last];
  }
  return JSON.stringify(stored);
}

/** The length of the prefix `term` shares with `prev` (front coding), never splitting a surrogate pair. */
export function sharedPrefixLength(prev: string, term: string): number {
  let shared = 0;
  const max = Math.min(prev.length, term.length);
  while (shared < max && prev.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
  // never split a surrogate pair between the shared part and the suffix
  if (shared > 0 && (term.charCodeAt(shared - 1) & 0xfc00) === 0xd800) shared--;
  return shared;
}

function writeTermIndex(w: ByteWriter, t: TermIndexData): void {
  const n = t.sorted.length;
  w.varint(n);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const term = t.termsById[t.sorted[i]];
    const shared = sharedPrefixLength(prev, term);
    w.varint(shared);
    w.string(term.slice(shared));
    prev = term;
  }
  let units = 0;
  let positions = 0;
  for (let i = 0; i < n; i++) {
    const id = t.sorted[i];
    const docLen = t.entryStart[id + 1] - t.entryStart[id];
    const posLen = t.positionStart[id + 1] - t.positionStart[id];
    w.varint(t.df[id]);
    w.varint(docLen);
    w.varint(posLen);
    units += docLen;
    positions += posLen;
  }
  w.varint(units);
  w.ensure(units);
  for (let i = 0; i < n; i++) {
    const id = t.sorted[i];
    w.raw(t.entryBytes.subarray(t.entryStart[id], t.entryStart[id + 1]));
  }
  w.varint(positions);
  w.ensure(positions);
  for (let i = 0; i < n; i++) {
    const id = t.sorted[i];
    w.raw(t.positionBytes.subarray(t.positionStart[id], t.positionStart[id + 1]));
  }
}

/** Sizes of the parts of a serialized index, for reports. */
export interface SerializedSizes {
  total: number;
  /** The documents' original text (stored for snippets). */
  text: number;
}

/**
 * Serializes a snapshot that has no removed documents (the facade compacts first).
 * Returns the bytes and the size of the stored-text section.
 */
export function serializeSnapshot(s: IndexSnapshot): { bytes: Uint8Array; sizes: SerializedSizes } {
  const w = new ByteWriter(1 << 16);
  w.string(storedConfigJson(s.indexConfig));
  const docs = s.docs;
  const nd = docs.ids.length;
  w.varint(nd);
  for (let d = 0; d < nd; d++) {
    const id = docs.ids[d];
    w.byte(typeof id === 'number' ? 1 : 0);
    w.string(String(id));
    const st = docs.stored[d];
    w.string(st === undefined ? '' : JSON.stringify(st));
  }
  const p = s.paragraphTable;
  w.varint(p.count);
  for (let i = 0; i < p.count; i++) {
    w.varint(p.doc[i]);
    w.varint(p.textStart[i]);
    w.varint(p.textEnd[i] - p.textStart[i]);
    w.varint(p.tokenCount[i]);
  }
  writeTermIndex(w, s.textIndex);
  w.byte(s.surfaceIndex ? 1 : 0);
  if (s.surfaceIndex) writeTermIndex(w, s.surfaceIndex);
  w.varint(s.fieldIndexes.length);
  for (const f of s.fieldIndexes) {
    for (let d = 0; d < nd; d++) w.varint(f.tokenCount[d]);
    writeTermIndex(w, f.termIndex);
  }
  // the text section last: its size is reported on its own
  const textStart = w.length;
  for (let d = 0; d < nd; d++) w.string(docs.texts[d]);
  const textSize = w.length - textStart;
  const bytes = withHeader(MAGIC, FORMAT_VERSION, w.buffer.subarray(0, w.length));
  return { bytes, sizes: { total: bytes.length, text: textSize } };
}

/**
 * A file: the header of FORMAT.md section 2 (`magic`, `version`, two zero bytes, the payload's size and CRC-32), then
 * `payload`. The single file and a pack's root have it.
 */
export function withHeader(magic: readonly number[], version: number, payload: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_SIZE + payload.length);
  bytes.set(magic);
  bytes.set(payload, HEADER_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint16(4, version, true);
  view.setUint32(8, payload.length, true);
  view.setUint32(12, crc32(payload), true);
  return bytes;
}
