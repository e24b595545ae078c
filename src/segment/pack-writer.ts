// The pack writer: IndexSnapshot → { file name → bytes } (layout in FORMAT.md, "Packs"). Terms go in sorted order,
// as in the single file, so a pack's term ids are the ranks the single-file reader gives; postings pieces hold whole
// terms' blocks, cut by size, and carry, per paragraph they list, what scoring needs of it (its length and its
// document), so no corpus-wide table has to be read before a query. Pieces are small (what a query reads); they are
// stored one after another in volumes, files of about `volumeBytes` named after their content, which a reader reads
// a piece at a time with byte ranges: few files, few bytes per query.
import { FahrasError } from '../errors.js';
import { ByteWriter, crc32 } from './bytes.js';
import { HEADER_SIZE } from './format.js';
import type { IndexSnapshot, TermIndexData } from './model.js';
import { MAX_DICTIONARY_BYTES, PACK_MAGIC, PACK_VERSION, PieceEncoding, type PieceKind, ROOT_NAME, deflateRaw, nameBytes, pieceName } from './pack-format.js';
import { EntryCursor } from './postings.js';
import { sharedPrefixLength, storedConfigJson, withHeader } from './writer.js';

/** How a pack is cut and compressed. Every field is optional. */
export interface PackOptions {
  /** A dictionary piece is cut once it holds this many bytes (default 2,048). */
  dictionaryPieceBytes?: number;
  /** A postings piece is cut once it holds this many bytes; a longer term's postings get a piece of their own (default 2,048). */
  postingsPieceBytes?: number;
  /** A documents piece is cut once it holds this many bytes of text, before compression (default 4,096). */
  documentPieceBytes?: number;
  /** A volume (a file of consecutive pieces of one kind) is cut once it holds this many bytes (default 131,072). */
  volumeBytes?: number;
  /**
   * The compressor: raw DEFLATE (RFC 1951) of `bytes`, with `dictionary` as its preset dictionary (node:zlib's
   * `deflateRawSync(bytes, { dictionary })`). Default: the platform's `CompressionStream`, which takes no dictionary
   * (the pack then has none, and is larger).
   */
  compress?: (bytes: Uint8Array, dictionary: Uint8Array) => Promise<Uint8Array>;
  /**
   * The dictionary pieces are compressed with, at most 32,768 bytes (its last ones are taken; used with `compress` only). Default: text of
   * documents spread over the index. A rebuilt pack that takes its previous pack's (`readPackRoot(root).dictionary`;
   * `writePack` does) keeps the bytes, so the names, of pieces whose content did not change.
   */
  dictionary?: Uint8Array;
}

/** Piece sizes: small pieces keep the bytes a query reads low, volumes the file count (bench/pack.ts measures both). */
const DEFAULTS = { dictionaryPieceBytes: 2048, postingsPieceBytes: 2048, documentPieceBytes: 4096, volumeBytes: 131072 };

/** The pieces of one list of the root (one kind), in order: their stored bytes once compressed. */
interface PieceList {
  readonly kind: PieceKind;
  readonly stored: Uint8Array[];
}

const pieceList = (kind: PieceKind): PieceList => ({ kind, stored: [] });

/**
 * Writes `s` in the pack's text encoding (FORMAT.md, P.3): a byte per ASCII code unit (below 0x80) and per code unit
 * of U+0600–U+067E, the Arabic letters, marks, digits and punctuation (0x80 + its offset from U+0600), three for any
 * other (0xFF, then the code unit, little-endian): Arabic takes half the bytes of UTF-8, and DEFLATE finds its
 * repeats in a window that holds twice the text. Preceded by the byte count.
 */
export function packText(w: ByteWriter, s: string): void {
  // into a buffer kept between calls (no buffer per string), then copied after the byte count
  if (scratch.length < s.length * 3) scratch = new Uint8Array(s.length * 3);
  const b = scratch;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) b[n++] = c;
    else if (c >= 0x600 && c < 0x67f) b[n++] = c - 0x580;
    else {
      b[n++] = 0xff;
      b[n++] = c;
      b[n++] = c >> 8;
    }
  }
  w.block(b.subarray(0, n));
}

let scratch = new Uint8Array(0);

/**
 * The dictionary pieces are compressed with when none is given: the first 256 characters of 128 documents spread
 * evenly over the index, in the pack's text encoding (the caller keeps the last 32,768 bytes). Words and phrases of
 * the corpus then cost a piece a back-reference where they would cost it their letters.
 */
function sampleDictionary(texts: string[]): Uint8Array {
  const w = new ByteWriter();
  packText(w, Array.from({ length: 128 }, (_, i) => texts[Math.floor((i * texts.length) / 128)]?.slice(0, 256)).join(''));
  return w.finish();
}

/**
 * Collects a pack's pieces: each is stored raw or compressed with the pack's dictionary (when that saves an eighth:
 * documents and dictionaries always, postings now and then), with its encoding byte first and its CRC-32 last.
 */
class PieceSink {
  private readonly pending: Promise<void>[] = [];
  constructor(
    private readonly compressPiece: (bytes: Uint8Array, dictionary: Uint8Array) => Promise<Uint8Array>,
    readonly dictionary: Uint8Array,
  ) {}

  /** Appends a piece to `list` (its bytes are final once {@link done} resolves). */
  put(list: PieceList, body: Uint8Array, compress: boolean): void {
    const slot = list.stored.push(body) - 1;
    this.pending.push(
      (compress ? this.compressPiece(body, this.dictionary) : Promise.resolve(null)).then((packed) => {
        const deflated = packed !== null && packed.length < body.length - (body.length >> 3);
        const data = deflated ? packed : body;
        // the encoding byte, the body, then the CRC-32 of both (little-endian): the piece's checksum travels with it
        const stored = new Uint8Array(data.length + 5);
        stored[0] = deflated ? PieceEncoding.Deflate : PieceEncoding.Raw;
        stored.set(data, 1);
        new DataView(stored.buffer).setUint32(data.length + 1, crc32(stored, 0, data.length + 1), true);
        list.stored[slot] = stored;
      }),
    );
  }

  done(): Promise<void[]> {
    return Promise.all(this.pending);
  }
}

/** A term index cut into dictionary and postings pieces: the root's lists. */
interface PackedTerms {
  dict: PieceList;
  dictCounts: number[];
  dictFirst: string[];
  post: PieceList;
}

/**
 * Writes one term index. Text postings blocks: `varint(units length) varint(positions length)`, the units and the
 * positions as the single file encodes them, then per paragraph listed `varint(2 × length + (k ≠ 0))` and, when k ≠ 0,
 * `varint(zigzag(k) − 1)`, k being its paragraph step − document step (steps from the previous entry, the first from
 * 0). Surface blocks hold the units only.
 */
function packTerms(s: IndexSnapshot, t: TermIndexData, surface: boolean, sink: PieceSink, o: typeof DEFAULTS): PackedTerms {
  const out: PackedTerms = { dict: pieceList(surface ? 'sdict' : 'dict'), dictCounts: [], dictFirst: [], post: pieceList(surface ? 'spost' : 'post') };
  const paras = s.paragraphTable;
  const cursor = new EntryCursor();
  let post = new ByteWriter(o.postingsPieceBytes * 2);
  let entries = new ByteWriter(o.dictionaryPieceBytes * 2);
  let count = 0;
  let first = { piece: 0, offset: 0 };
  let lastPiece = 0;
  let prev = '';
  const block = new ByteWriter(1024);
  const flushPostings = () => {
    sink.put(out.post, post.finish(), true);
    post = new ByteWriter(o.postingsPieceBytes * 2);
  };
  const flushDictionary = () => {
    const w = new ByteWriter(entries.length + 16);
    w.varint(count);
    w.varint(first.piece);
    w.varint(first.offset);
    w.raw(entries.buffer.subarray(0, entries.length));
    sink.put(out.dict, w.finish(), true);
    out.dictCounts.push(count);
    entries = new ByteWriter(o.dictionaryPieceBytes * 2);
    count = 0;
    prev = '';
  };
  for (let i = 0; i < t.sorted.length; i++) {
    const id = t.sorted[i];
    const term = t.termsById[id];
    block.length = 0;
    const units = t.entryBytes.subarray(t.entryStart[id], t.entryStart[id + 1]);
    if (surface) block.raw(units);
    else {
      const positions = t.positionBytes.subarray(t.positionStart[id], t.positionStart[id + 1]);
      block.varint(units.length);
      block.varint(positions.length);
      block.raw(units);
      block.raw(positions);
      cursor.reset(t, id, paras.count);
      let doc = 0;
      let prev = 0;
      while (cursor.next()) {
        const u = cursor.paragraphNumber;
        // the document's step against the paragraph's: 0 whenever the paragraphs between are each a document's
        // (most entries: a news article is a paragraph or a few), so it is mostly a bit beside the length
        const skew = u - prev - (paras.doc[u] - doc);
        block.varint(2 * paras.tokenCount[u] + (skew ? 1 : 0));
        if (skew) block.varint(skew > 0 ? 2 * skew - 1 : -2 * skew - 2);
        doc = paras.doc[u];
        prev = u;
      }
    }
    if (post.length > 0 && post.length + block.length > o.postingsPieceBytes) flushPostings();
    const piece = out.post.stored.length;
    if (count === 0) {
      first = { piece, offset: post.length };
      out.dictFirst.push(term);
    }
    const shared = sharedPrefixLength(prev, term);
    entries.varint(shared);
    packText(entries, term.slice(shared));
    entries.varint(t.df[id]);
    entries.varint(block.length * 2 + (count > 0 && piece !== lastPiece ? 1 : 0));
    count++;
    lastPiece = piece;
    prev = term;
    post.raw(block.buffer.subarray(0, block.length));
    if (entries.length >= o.dictionaryPieceBytes) flushDictionary();
  }
  if (post.length > 0) flushPostings();
  if (count > 0) flushDictionary();
  return out;
}

/** Writes the documents pieces: consecutive documents, cut by text size; returns the root's list. */
function packDocuments(s: IndexSnapshot, sink: PieceSink, o: typeof DEFAULTS) {
  const { docs, paragraphTable: paras } = s;
  const list = pieceList('docs');
  const docCounts: number[] = [];
  const paraCounts: number[] = [];
  let body = new ByteWriter(o.documentPieceBytes * 2);
  let n = 0;
  let np = 0;
  let textBytes = 0;
  const flush = () => {
    const w = new ByteWriter(body.length + 8);
    w.varint(n);
    w.raw(body.buffer.subarray(0, body.length));
    sink.put(list, w.finish(), true);
    docCounts.push(n);
    paraCounts.push(np);
    body = new ByteWriter(o.documentPieceBytes * 2);
    n = np = textBytes = 0;
  };
  for (let d = 0; d < docs.ids.length; d++) {
    const id = docs.ids[d];
    const st = docs.stored[d];
    packText(body, JSON.stringify(st === undefined ? [id] : [id, st]));
    const first = docs.firstParagraph[d];
    const paragraphsOfDocument = docs.paragraphCount[d];
    body.varint(paragraphsOfDocument);
    for (let u = first; u < first + paragraphsOfDocument; u++) {
      body.varint(paras.textStart[u]);
      body.varint(paras.textEnd[u] - paras.textStart[u]);
    }
    const before = body.length;
    packText(body, docs.texts[d]);
    textBytes += body.length - before;
    n++;
    np += paragraphsOfDocument;
    if (textBytes >= o.documentPieceBytes) flush();
  }
  if (n > 0) flush();
  return { list, docCounts, paraCounts };
}

/**
 * Stores `list`'s pieces in volumes (consecutive pieces, a volume cut once it holds `volumeBytes`), adds the volumes
 * to `files` under names made of their bytes, and writes the list into the root: its volumes, each with its pieces
 * (stored size, then what `describe` writes of piece i).
 */
function writeVolumes(w: ByteWriter, list: PieceList, volumeBytes: number, files: Record<string, Uint8Array>, describe?: (i: number) => void): void {
  const volumes: number[][] = [];
  let size = volumeBytes;
  list.stored.forEach((piece, i) => {
    if (size >= volumeBytes) {
      volumes.push([]);
      size = 0;
    }
    volumes[volumes.length - 1].push(i);
    size += piece.length;
  });
  w.varint(volumes.length);
  for (const pieces of volumes) {
    const volume = new Uint8Array(pieces.reduce((sum, i) => sum + list.stored[i].length, 0));
    let at = 0;
    for (const i of pieces) {
      volume.set(list.stored[i], at);
      at += list.stored[i].length;
    }
    const name = pieceName(list.kind, volume);
    files[name] = volume;
    w.raw(Uint8Array.from(nameBytes(name)));
    w.varint(pieces.length);
    for (const i of pieces) {
      w.varint(list.stored[i].length);
      describe?.(i);
    }
  }
}

/** Writes a term index's lists into the root. */
function writeTermLists(w: ByteWriter, p: PackedTerms, volumeBytes: number, files: Record<string, Uint8Array>): void {
  writeVolumes(w, p.dict, volumeBytes, files, (i) => {
    w.varint(p.dictCounts[i]);
    w.string(p.dictFirst[i]);
  });
  writeVolumes(w, p.post, volumeBytes, files);
}

/**
 * Cuts a snapshot without removed documents (the facade compacts first) into a pack: the root, named
 * {@link ROOT_NAME}, and pieces named after their bytes.
 * @throws FahrasError `INVALID_ARGUMENT` for an index with scored document fields or with derivations (packs do not
 * carry them yet).
 */
export async function packSnapshot(s: IndexSnapshot, options: PackOptions = {}): Promise<Record<string, Uint8Array>> {
  if (s.fieldIndexes.length || s.indexConfig.ranking.derivations) throw new FahrasError('INVALID_ARGUMENT', 'packs do not carry scored document fields or derivations yet');
  const o = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const v = options[key];
    if (v !== undefined) {
      if (typeof v !== 'number' || !(v >= 64 && v <= 1 << 26)) throw new FahrasError('INVALID_ARGUMENT', `${key}: a number of bytes from 64`);
      o[key] = Math.floor(v);
    }
  }
  // (DEFLATE's window holds a dictionary's last 32,768 bytes at most: a longer one is cut to them, as zlib would)
  const dictionary = options.compress ? (options.dictionary ?? sampleDictionary(s.docs.texts)).subarray(-MAX_DICTIONARY_BYTES) : new Uint8Array(0);
  const compress = options.compress ?? deflateRaw;
  const sink = new PieceSink(compress, dictionary);
  const text = packTerms(s, s.textIndex, false, sink, o);
  const surface = s.surfaceIndex ? packTerms(s, s.surfaceIndex, true, sink, o) : null;
  const documents = packDocuments(s, sink, o);
  await sink.done();

  const files: Record<string, Uint8Array> = {};
  const w = new ByteWriter(1 << 16);
  w.string(storedConfigJson(s.indexConfig));
  w.varint(s.docs.ids.length);
  w.varint(s.paragraphTable.count);
  w.varint(s.paragraphTable.totalLength);
  writeTermLists(w, text, o.volumeBytes, files);
  w.byte(surface ? 1 : 0);
  if (surface) writeTermLists(w, surface, o.volumeBytes, files);
  writeVolumes(w, documents.list, o.volumeBytes, files, (i) => {
    w.varint(documents.docCounts[i]);
    w.varint(documents.paraCounts[i]);
  });
  w.block(dictionary);
  // the payload is compressed (raw DEFLATE without a dictionary): the root is read before the first results
  const root = withHeader(PACK_MAGIC, PACK_VERSION, await compress(w.buffer.subarray(0, w.length), new Uint8Array(0)));
  return { [ROOT_NAME]: root, ...files };
}
