// The reader: bytes → IndexSnapshot. Checks magic, version, length and CRC-32 before parsing, and bounds every
// declared count and length against the bytes that are there, so damaged input gives a FahrasError with a code.
import { ByteReader, crc32 } from '../codec/bytes.js';
import { FORMAT_VERSION, HEADER_SIZE, MAGIC } from '../codec/format.js';
import { FahrasError } from '../errors.js';
import type { DocumentId, IndexSnapshot } from '../index-builder/builder.js';
import type { TermIndexData } from '../index-builder/postings.js';
import { checkStoredConfig } from './stored-config.js';

/** Throws `CORRUPT_INDEX` naming the part of the data that is wrong (short messages: they ship to browsers). */
function corrupt(what: string): never {
  throw new FahrasError('CORRUPT_INDEX', `bad index data: ${what}`);
}

function readTermIndex(r: ByteReader): TermIndexData {
  const n = r.bounded(r.end - r.pos, 'term count');
  const terms = new Array<string>(n);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const shared = r.bounded(prev.length, 'shared prefix');
    const term = prev.slice(0, shared) + r.string();
    if (i > 0 && !(prev < term)) corrupt('term order');
    terms[i] = term;
    prev = term;
  }
  const df = new Uint32Array(n);
  const docStart = new Uint32Array(n + 1);
  const posStart = new Uint32Array(n + 1);
  let p = 0;
  let q = 0;
  const limit = r.end - r.pos;
  for (let i = 0; i < n; i++) {
    df[i] = r.varint();
    docStart[i] = p;
    posStart[i] = q;
    p += r.bounded(limit, 'postings length');
    q += r.bounded(limit, 'positions length');
    if (p + q > limit) corrupt('postings length');
  }
  docStart[n] = p;
  posStart[n] = q;
  const bytes = r.block();
  if (bytes.length !== p) corrupt('postings size');
  const posBytes = r.block();
  if (posBytes.length !== q) corrupt('positions size');
  const sorted = new Uint32Array(n);
  for (let i = 0; i < n; i++) sorted[i] = i;
  return { terms, sorted, df, docStart, bytes, posStart, posBytes };
}

/**
 * Reads a serialized index (from `serialize()`). Throws `FahrasError` with code `BAD_MAGIC`,
 * `UNSUPPORTED_VERSION`, `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` when the bytes are not a valid index.
 */
export function readSnapshot(input: Uint8Array | ArrayBuffer): IndexSnapshot {
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else throw new FahrasError('INVALID_ARGUMENT', 'loadIndex expects a Uint8Array or an ArrayBuffer');
  for (let i = 0; i < Math.min(bytes.length, 4); i++) {
    if (bytes[i] !== MAGIC[i]) throw new FahrasError('BAD_MAGIC', 'not a fahras index');
  }
  if (bytes.length < HEADER_SIZE) throw new FahrasError('TRUNCATED', 'index data too short');
  const version = bytes[4] | (bytes[5] << 8);
  if (version !== FORMAT_VERSION) {
    throw new FahrasError('UNSUPPORTED_VERSION', `format version ${version} (this build reads ${FORMAT_VERSION})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payload = view.getUint32(8, true);
  if (HEADER_SIZE + payload > bytes.length) throw new FahrasError('TRUNCATED', `index data truncated (${bytes.length} of ${HEADER_SIZE + payload} bytes)`);
  if (HEADER_SIZE + payload < bytes.length) corrupt('trailing bytes');
  if (crc32(bytes, HEADER_SIZE) !== view.getUint32(12, true)) {
    throw new FahrasError('CHECKSUM_MISMATCH', 'index checksum mismatch');
  }
  try {
    return parsePayload(new ByteReader(bytes, HEADER_SIZE));
  } catch (e) {
    if (e instanceof FahrasError) throw e;
    corrupt(String((e as Error)?.message ?? e));
  }
}

function parsePayload(r: ByteReader): IndexSnapshot {
  const cfg = checkStoredConfig(r.string());
  const nd = r.bounded(r.end - r.pos, 'document count');
  const ids: DocumentId[] = new Array(nd);
  const stored: (Record<string, unknown> | undefined)[] = new Array(nd);
  const byId = new Map<DocumentId, number>();
  for (let d = 0; d < nd; d++) {
    const tag = r.byte();
    const s = r.string();
    let id: DocumentId;
    if (tag === 1) {
      id = Number(s);
      if (!Number.isFinite(id)) corrupt('numeric id');
    } else if (tag === 0) id = s;
    else corrupt('id tag');
    if (byId.has(id)) corrupt('duplicate id');
    ids[d] = id;
    byId.set(id, d);
    const js = r.string();
    if (js !== '') {
      const v = JSON.parse(js);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) corrupt('stored fields');
      stored[d] = Object.assign(Object.create(null) as Record<string, unknown>, v);
    }
  }
  const pc = r.bounded(r.end - r.pos, 'paragraph count');
  const doc = new Uint32Array(pc);
  const start = new Uint32Array(pc);
  const end = new Uint32Array(pc);
  const ordinal = new Uint32Array(pc);
  const length = new Uint32Array(pc);
  const firstPara = new Uint32Array(nd);
  const paraCount = new Uint32Array(nd);
  let totalLength = 0;
  let prevDoc = -1;
  for (let i = 0; i < pc; i++) {
    const d = r.varint();
    if (d >= nd || d < prevDoc) corrupt('paragraph order');
    if (d !== prevDoc) {
      firstPara[d] = i;
      prevDoc = d;
    }
    ordinal[i] = paraCount[d]++;
    doc[i] = d;
    start[i] = r.varint();
    end[i] = start[i] + r.varint();
    length[i] = r.varint();
    totalLength += length[i];
  }
  for (let d = 0; d < nd; d++) if (paraCount[d] === 0) firstPara[d] = d > 0 ? firstPara[d - 1] + paraCount[d - 1] : 0;
  const text = readTermIndex(r);
  const hasSurface = r.byte();
  if (hasSurface > 1) corrupt('surface flag');
  const surface = hasSurface ? readTermIndex(r) : null;
  const nf = r.bounded(cfg.fields.length, 'field count');
  if (nf !== cfg.fields.length) corrupt('field count');
  const fields = cfg.fields.map((f) => {
    const flen = new Uint32Array(nd);
    let total = 0;
    for (let d = 0; d < nd; d++) total += flen[d] = r.varint();
    return { name: f.name, boost: f.boost, index: readTermIndex(r), length: flen, totalLength: total };
  });
  const texts = new Array<string>(nd);
  for (let d = 0; d < nd; d++) texts[d] = r.string();
  if (r.pos !== r.end) corrupt('trailing section bytes');
  for (let i = 0; i < pc; i++) {
    if (end[i] > texts[doc[i]].length) corrupt('paragraph span');
  }
  const alive = new Uint8Array(Math.max(pc, 1)).fill(1);
  return {
    config: cfg,
    text,
    surface,
    vectors: null,
    paragraphs: { count: pc, doc, start, end, ordinal, length, alive, liveCount: pc, totalLength },
    docs: { ids, texts, stored, alive: new Uint8Array(Math.max(nd, 1)).fill(1), firstPara, paraCount, byId, liveCount: nd },
    fields,
  };
}
