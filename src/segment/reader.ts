// The reader: bytes → IndexSnapshot. Checks magic, version, length and CRC-32 before parsing, and bounds every
// declared count and length against the bytes that are there, so damaged input gives a FahrasError with a code.
// Past the header, every check throws through `ByteReader.fail`, whose message names the byte offset reached.
import { ByteReader, crc32 } from './bytes.js';
import { FORMAT_VERSION, HEADER_SIZE, MAGIC } from './format.js';
import { FahrasError } from '../errors.js';
import type { DocumentId, FahrasDocument, IndexConfig, IndexSnapshot, TermIndexData } from './model.js';
import { checkStoredConfig } from './stored-config.js';

/** `n` zeroed unsigned 32-bit integers (the paragraph, document and term tables). */
const u32 = (n: number) => new Uint32Array(n);

/** A table of `n` live entries (at least one, so an empty index still has a table to index). */
const live = (n: number) => new Uint8Array(Math.max(n, 1)).fill(1);

/** A count of items of at least one byte each: no more than the bytes left. */
const count = (r: ByteReader) => r.varint(r.endOffset - r.pos);

function readTermIndex(r: ByteReader): TermIndexData {
  const n = count(r);
  const terms = new Array<string>(n);
  const df = u32(n);
  const docStart = u32(n + 1);
  const posStart = u32(n + 1);
  const sorted = u32(n);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const term = prev.slice(0, r.varint(prev.length)) + r.string();
    if (i > 0 && !(prev < term)) r.fail(); // terms are stored in ascending order: term id = rank
    terms[i] = prev = term;
    sorted[i] = i;
  }
  const limit = r.endOffset - r.pos;
  for (let i = 0; i < n; i++) {
    df[i] = r.varint();
    docStart[i + 1] = docStart[i] + r.varint(limit);
    posStart[i + 1] = posStart[i] + r.varint(limit);
    if (docStart[i + 1] + posStart[i + 1] > limit) r.fail();
  }
  const bytes = r.block();
  if (bytes.length !== docStart[n]) r.fail();
  const posBytes = r.block();
  if (posBytes.length !== posStart[n]) r.fail();
  return { termsById: terms, sorted, df, entryStart: docStart, entryBytes: bytes, positionStart: posStart, positionBytes: posBytes };
}

/**
 * Reads a serialized index (from `serialize()`). Throws `FahrasError` with code `BAD_MAGIC`,
 * `UNSUPPORTED_VERSION`, `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` when the bytes are not a valid index.
 * `defaults`: the stored defaults of the configuration keys this reader knows (the main entry's know `derivations`).
 */
export function readSnapshot(input: Uint8Array | ArrayBuffer, defaults?: IndexConfig): IndexSnapshot {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (!(bytes instanceof Uint8Array)) throw new FahrasError('INVALID_ARGUMENT', 'loadIndex expects a Uint8Array or an ArrayBuffer');
  const len = bytes.length;
  if (MAGIC.some((m, i) => i < len && bytes[i] !== m)) throw new FahrasError('BAD_MAGIC', 'not a fahras index');
  if (len < HEADER_SIZE) throw new FahrasError('TRUNCATED', `index data truncated (${len} of ${HEADER_SIZE} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, len);
  const version = view.getUint16(4, true);
  if (version !== FORMAT_VERSION) {
    throw new FahrasError('UNSUPPORTED_VERSION', `format version ${version} (this build reads ${FORMAT_VERSION})`);
  }
  const size = HEADER_SIZE + view.getUint32(8, true);
  const r = new ByteReader(bytes, HEADER_SIZE);
  if (size > len) throw new FahrasError('TRUNCATED', `index data truncated (${len} of ${size} bytes)`);
  if (size < len) r.fail(); // trailing bytes
  if (crc32(bytes, HEADER_SIZE) !== view.getUint32(12, true)) {
    throw new FahrasError('CHECKSUM_MISMATCH', 'index checksum mismatch');
  }
  try {
    return parsePayload(r, defaults);
  } catch (e) {
    if (e instanceof FahrasError) throw e;
    return r.fail(); // anything else the data can make fail (a stored-fields JSON syntax error) is damage too
  }
}

function parsePayload(r: ByteReader, defaults?: IndexConfig): IndexSnapshot {
  const config = checkStoredConfig(r.string(), defaults) ?? r.fail();
  const nd = count(r);
  const ids: DocumentId[] = new Array(nd);
  const stored: (Record<string, unknown> | undefined)[] = new Array(nd);
  const byId = new Map<DocumentId, number>();
  for (let d = 0; d < nd; d++) {
    const tag = r.byte();
    const s = r.string();
    const id = tag ? Number(s) : s;
    // id tag 0: a string, 1: a finite number
    if (tag > 1 || !Number.isFinite(tag ? id : 0) || byId.has(id)) r.fail();
    byId.set((ids[d] = id), d);
    const js = r.string();
    if (js) {
      const v = JSON.parse(js);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) r.fail();
      stored[d] = Object.assign(Object.create(null) as Record<string, unknown>, v);
    }
  }
  const paragraphTotal = count(r);
  const doc = u32(paragraphTotal);
  const start = u32(paragraphTotal);
  const end = u32(paragraphTotal);
  const ordinal = u32(paragraphTotal);
  const length = u32(paragraphTotal);
  const firstPara = u32(nd);
  const paraCount = u32(nd);
  let totalLength = 0;
  for (let i = 0, prev = -1; i < paragraphTotal; i++) {
    const d = r.varint();
    if (d >= nd || d < prev) r.fail(); // paragraphs in document order
    if (d !== prev) firstPara[(prev = d)] = i;
    ordinal[i] = paraCount[d]++;
    doc[i] = d;
    end[i] = (start[i] = r.varint()) + r.varint();
    totalLength += length[i] = r.varint();
  }
  for (let d = 1; d < nd; d++) if (paraCount[d] === 0) firstPara[d] = firstPara[d - 1] + paraCount[d - 1];
  const text = readTermIndex(r);
  const flag = r.byte(); // 1 when a surface-form index follows
  if (flag > 1) r.fail();
  const surface = flag ? readTermIndex(r) : null;
  const nf = config.fields.length;
  if (r.varint(nf) !== nf) r.fail();
  const fields = config.fields.map(({ name, boost }) => {
    const flen = u32(nd);
    let total = 0;
    for (let d = 0; d < nd; d++) total += flen[d] = r.varint();
    return { name, boost, termIndex: readTermIndex(r), tokenCount: flen, totalLength: total };
  });
  const texts = new Array<string>(nd);
  for (let d = 0; d < nd; d++) texts[d] = r.string();
  if (r.pos !== r.endOffset) r.fail();
  for (let i = 0; i < paragraphTotal; i++) if (end[i] > texts[doc[i]].length) r.fail(); // a paragraph span past its text
  return {
    indexConfig: config,
    textIndex: text,
    surfaceIndex: surface,
    vectors: null,
    paragraphTable: { count: paragraphTotal, doc, textStart: start, textEnd: end, ordinal, tokenCount: length, alive: live(paragraphTotal), liveCount: paragraphTotal, totalLength },
    docs: { ids, texts, stored, alive: live(nd), firstParagraph: firstPara, paragraphCount: paraCount, byId, liveCount: nd },
    fieldIndexes: fields,
  };
}

/** Counts describing an index (what `stats()` returns, in both entries). */
export interface IndexStats {
  documents: number;
  paragraphs: number;
  terms: number;
  /** Bytes of postings (units, frequencies, positions, surface forms) in memory. */
  postingsBytes: number;
}

/** The counts of a snapshot. */
export function statsOf(s: IndexSnapshot): IndexStats {
  return {
    documents: s.docs.liveCount,
    paragraphs: s.paragraphTable.liveCount,
    terms: s.textIndex.termsById.length,
    postingsBytes: s.textIndex.entryBytes.length + s.textIndex.positionBytes.length + (s.surfaceIndex?.entryBytes.length ?? 0),
  };
}

/** The live document with this id as it was added (its text and stored fields), or undefined. */
export function documentOf(s: IndexSnapshot, id: DocumentId): (FahrasDocument & Record<string, unknown>) | undefined {
  const docs = s.docs;
  const d = docs.byId.get(id) ?? -1;
  return docs.alive[d] === 1 ? { ...docs.stored[d], id: docs.ids[d], text: docs.texts[d] } : undefined;
}
