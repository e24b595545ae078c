// The pack writer: IndexSnapshot → { file name → bytes } (layout in FORMAT.md, "Packs"). Terms go in sorted order,
// as in the single file, so a pack's term ids are the ranks the single-file reader gives; postings pieces hold whole
// terms' blocks, cut by size, and carry, per paragraph they list, what scoring needs of it (its length and its
// document), so no corpus-wide table has to be read before a query. Pieces are small (what a query reads); they are
// stored one after another in volumes, files of about `volumeBytes` named after their content, which a reader reads
// a piece at a time with byte ranges: few files, few bytes per query.
import { FahrasError } from '../errors.js';
import { ByteWriter, concatBytes, crc32 } from './bytes.js';
import type { IndexSnapshot, TermIndexData } from './model.js';
import { MAX_DICTIONARY_BYTES, PACK_MAGIC, PACK_VERSION, type PieceKind, ROOT_NAME, deflateRaw } from './pack-format.js';
import { EntryCursor, putEntry } from './postings.js';
import { sharedPrefixLength, storedConfigJson, withHeader } from './writer.js';

/** How a pack is cut and compressed. Every field is optional. */
export interface PackOptions {
  /** A dictionary piece is cut once it holds this many bytes (default 2,048). */
  dictionaryPieceBytes?: number;
  /** A postings piece is cut once it holds this many bytes; a longer term's postings get a piece of their own (default 2,048). */
  postingsPieceBytes?: number;
  /** A documents piece is cut once it holds this many bytes of text in the pack's text encoding (a byte per Arabic letter), before compression (default 4,096). */
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
  /**
   * The CRC-32 of `bytes` (FORMAT.md section 2's: node:zlib's `crc32`, Node 20.15 and later; `writePack` passes it
   * when there is one), for the pieces' checksums and the volumes' names. Default: a loop in JavaScript, a byte at a
   * time. It changes how fast a pack is written, never its bytes.
   */
  crc32?: (bytes: Uint8Array) => number;
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
 * repeats in a window that holds twice the text. Preceded by the byte count. Writes `s` from code unit `from` on.
 */
export function packText(w: ByteWriter, s: string, from = 0): void {
  // into a buffer kept between calls (no buffer per string), then copied after the byte count
  if (scratch.length < s.length * 3) scratch = new Uint8Array(s.length * 3);
  const b = scratch;
  let n = 0;
  for (let i = from; i < s.length; i++) {
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

const NO_DICTIONARY = new Uint8Array(0);

/**
 * The dictionary pieces are compressed with when none is given: the first 320 characters of 128 documents spread
 * evenly over the index, in the pack's text encoding (the caller keeps the last 32,768 bytes). Words and phrases of
 * the corpus then cost a piece a back-reference where they would cost it their letters.
 */
function sampleDictionary(texts: string[]): Uint8Array {
  const w = new ByteWriter();
  packText(w, Array.from({ length: 128 }, (_, i) => texts[(i * texts.length) >>> 7]?.slice(0, 320)).join(''));
  return w.finish();
}

/** Appends a piece to a list: its body now, its stored bytes once the pack's compressions are done. */
type PutPiece = (list: PieceList, body: Uint8Array) => void;

/** A term index cut into dictionary and postings pieces: the root's lists. */
interface PackedTerms {
  dict: PieceList;
  dictCounts: number[];
  dictFirst: string[];
  post: PieceList;
}

/**
 * Writes one term index. Text postings blocks: `varint(units length) varint(positions length)`, the units and the
 * positions as the single file encodes them, then per paragraph listed `varint(2 × length + (k ≠ 0))` (its length as
 * the index keeps it, rounded with `roundedLengths`) and, when k ≠ 0, `varint(zigzag(k))`, k being how many more paragraphs than documents precede it in its documents piece
 * (`skews`, from {@link packDocuments}). Surface blocks hold the units only, or, for a form with a parent
 * (`parents`, from {@link surfaceParents}), the units with ranks in its parent's list for paragraph numbers; its
 * dictionary entry ends with the parent's place in the form.
 */
function packTerms(s: IndexSnapshot, t: TermIndexData, put: PutPiece, o: typeof DEFAULTS, skews: Int32Array, parents?: SurfaceParents): PackedTerms {
  const surface = !!parents;
  const out: PackedTerms = { dict: pieceList(surface ? 'sdict' : 'dict'), dictCounts: [], dictFirst: [], post: pieceList(surface ? 'spost' : 'post') };
  const { tokenCount, count: paragraphCount } = s.paragraphTable;
  const { sorted, termsById, entryBytes, entryStart, positionBytes, positionStart, df } = t;
  const cursor = new EntryCursor();
  // the writers are emptied, not made again, once a piece is cut (a piece is a copy of their bytes)
  const post = new ByteWriter(o.postingsPieceBytes * 2);
  const entries = new ByteWriter(o.dictionaryPieceBytes * 2);
  const block = new ByteWriter();
  let count = 0;
  let firstPiece = 0;
  let firstOffset = 0;
  let lastPiece = 0;
  let prev = '';
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i];
    const term = termsById[id];
    const entriesFrom = entryStart[id];
    const entriesTo = entryStart[id + 1];
    block.length = 0;
    if (parents) block.raw(parents.units.subarray(entriesFrom, parents.ends[id]));
    else {
      const positionsFrom = positionStart[id];
      const positionsTo = positionStart[id + 1];
      block.varint(entriesTo - entriesFrom);
      block.varint(positionsTo - positionsFrom);
      block.raw(entryBytes.subarray(entriesFrom, entriesTo));
      block.raw(positionBytes.subarray(positionsFrom, positionsTo));
      cursor.reset(t, id, paragraphCount);
      while (cursor.next()) {
        const u = cursor.paragraphNumber;
        const skew = skews[u];
        block.varint(2 * tokenCount[u] + (skew ? 1 : 0));
        if (skew) block.varint(skew > 0 ? 2 * skew : -2 * skew - 1);
      }
    }
    if (post.length > 0 && post.length + block.length > o.postingsPieceBytes) {
      put(out.post, post.finish());
      post.length = 0;
    }
    const piece = out.post.stored.length;
    if (count === 0) {
      firstPiece = piece;
      firstOffset = post.length;
      out.dictFirst.push(term);
    }
    const shared = sharedPrefixLength(prev, term);
    entries.varint(shared);
    packText(entries, term, shared);
    entries.varint(df[id]);
    entries.varint(block.length * 2 + (count > 0 && piece !== lastPiece ? 1 : 0));
    entries.varint(parents ? parents.codes[id] : 0);
    count++;
    lastPiece = piece;
    prev = term;
    post.raw(block.buffer.subarray(0, block.length));
    if (entries.length >= o.dictionaryPieceBytes || i === sorted.length - 1) {
      const w = new ByteWriter(entries.length + 16);
      w.varint(count);
      w.varint(firstPiece);
      w.varint(firstOffset);
      w.raw(entries.buffer.subarray(0, entries.length));
      put(out.dict, w.finish());
      out.dictCounts.push(count);
      entries.length = count = 0;
      prev = '';
    }
  }
  if (post.length > 0) put(out.post, post.finish());
  return out;
}

/**
 * Per surface term: the code of its parent's place in it (0: none), and its units (coded against the parent) as
 * `units[entryStart[id], ends[id])`, `units` being the surface index's entry bytes with each ranked form's written over
 * its own. @internal
 */
interface SurfaceParents {
  codes: Uint32Array;
  units: Uint8Array;
  ends: Uint32Array;
}

/**
 * Finds each surface form's parent, the text term a query word of that form looks up (`parentOf`: its analysis,
 * clitic folding included), which lists every paragraph the form's list does: the form's units then give ranks in
 * the parent's list for paragraph numbers (FORMAT.md, P.3), and a query reads the parent's anyway. A rank takes a
 * byte where a paragraph number takes two or three, and a form's ranks mostly step by 1, which DEFLATE takes in a few
 * bits (surface postings 2.05 → 0.72 MB at 20 MB, bench/NOTES.md). A form whose parent is not `form.slice(a, length
 * − b)` with b < 7, or misses a paragraph of its, keeps its paragraph numbers (code 0). Each parent's list is decoded
 * once, into ranks by paragraph, for all its forms.
 */
function surfaceParents(s: IndexSnapshot, parentOf: (form: string, id: number) => number): SurfaceParents {
  const text = s.textIndex;
  const forms = s.surfaceIndex!;
  const out: SurfaceParents = { codes: new Uint32Array(forms.termsById.length), units: forms.entryBytes.slice(), ends: forms.entryStart.slice(1) };
  // the forms of each parent, as lists through `next`
  const first = new Int32Array(text.termsById.length).fill(-1);
  const next = new Int32Array(forms.termsById.length);
  forms.termsById.forEach((form, id) => {
    const parent = parentOf(form, id);
    if (!(text.df[parent] > 0)) return;
    const term = text.termsById[parent];
    const a = form.lastIndexOf(term);
    const b = form.length - term.length - a;
    if (a < 0 || b > 6) return;
    out.codes[id] = 8 * a + b + 1;
    next[id] = first[parent];
    first[parent] = id;
  });
  const count = s.paragraphTable.count;
  // per paragraph, its rank in the parent last decoded plus `base`, that parent's first entry counted over all parents
  // decoded before it (from 1): a paragraph of the current parent's holds `base` or more, no stamp needed
  const rankOf = new Int32Array(count);
  const cursor = new EntryCursor();
  for (let parent = 0, base = 1, rank = 1; parent < first.length; parent++, base = rank) {
    if (first[parent] < 0) continue;
    for (const c = cursor.reset(text, parent, count); c.next(); ) rankOf[c.paragraphNumber] = rank++;
    for (let id = first[parent]; id >= 0; id = next[id]) {
      // written over the form's units (ranks step by no more than paragraph numbers: never longer), one allocation in
      // all (one per form was half the time of a 20 MB pack's surface postings)
      const from = forms.entryStart[id];
      let at = from;
      let previous = base - 1;
      let held = true;
      for (const c = cursor.reset(forms, id, count); held && c.next(); ) {
        const r = rankOf[c.paragraphNumber];
        held = r >= base; // (else the form keeps its paragraph numbers)
        at = putEntry(out.units, at, r - previous, c.tf);
        previous = r;
      }
      if (held) out.ends[id] = at;
      else {
        out.codes[id] = 0;
        out.units.set(forms.entryBytes.subarray(from, out.ends[id]), from);
      }
    }
  }
  return out;
}

/**
 * Writes the documents pieces: consecutive documents, cut by text size; returns the root's list, each piece's document
 * and paragraph counts and, per paragraph, how many more paragraphs than documents precede it in its piece (0 unless a
 * document of several paragraphs, or of none, comes before it there: a piece holds a few documents), which places it
 * in its document (FORMAT.md, P.3).
 */
function packDocuments(s: IndexSnapshot, put: PutPiece, o: typeof DEFAULTS): [PieceList, number[][], Int32Array] {
  const { docs, paragraphTable: paras } = s;
  const list = pieceList('docs');
  // per piece, its document and paragraph counts (what the root says of it)
  const counts: number[][] = [];
  const skews = new Int32Array(paras.count);
  const body = new ByteWriter(o.documentPieceBytes * 2);
  let n = 0;
  let np = 0;
  let textBytes = 0;
  const flush = () => {
    put(list, body.finish());
    counts.push([n, np]);
    body.length = n = np = textBytes = 0;
  };
  for (let d = 0; d < docs.ids.length; d++) {
    const id = docs.ids[d];
    const st = docs.stored[d];
    packText(body, JSON.stringify(st === undefined ? [id] : [id, st]));
    const first = docs.firstParagraph[d];
    const paragraphsOfDocument = docs.paragraphCount[d];
    body.varint(paragraphsOfDocument);
    for (let u = first; u < first + paragraphsOfDocument; u++) {
      skews[u] = u - first + np - n;
      body.varint(paras.textStart[u]);
      body.varint(paras.textEnd[u] - paras.textStart[u]);
    }
    textBytes -= body.length; // (plus its length after the text: the text's bytes)
    packText(body, docs.texts[d]);
    textBytes += body.length;
    n++;
    np += paragraphsOfDocument;
    if (textBytes >= o.documentPieceBytes) flush();
  }
  if (n > 0) flush();
  return [list, counts, skews];
}

/**
 * Cuts a snapshot without removed documents (the facade compacts first) into a pack: the root, named
 * {@link ROOT_NAME}, and pieces named after their bytes. `parentOf(form, id)` gives the text term id a query word of
 * surface form `form` (surface term `id`) looks up, -1 for none: the form's parent when its list allows (FORMAT.md, P.3).
 * @throws FahrasError `INVALID_ARGUMENT` for an index with scored document fields or with derivations (packs do not
 * carry them yet).
 */
export async function packSnapshot(s: IndexSnapshot, parentOf: (form: string, id: number) => number, options: PackOptions = {}): Promise<Record<string, Uint8Array>> {
  if (s.fieldIndexes.length || s.indexConfig.ranking.derivations) throw new FahrasError('INVALID_ARGUMENT', 'packs carry no scored document fields or derivations yet');
  const o = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const v = options[key];
    if (v !== undefined) {
      if (typeof v !== 'number' || !(v >= 64 && v <= 1 << 26)) throw new FahrasError('INVALID_ARGUMENT', `${key}: a number of bytes from 64`);
      o[key] = v | 0; // (whole bytes; v is at most 2^26)
    }
  }
  // (DEFLATE's window holds a dictionary's last 32,768 bytes at most: a longer one is cut to them, as zlib would)
  const dictionary = options.compress ? (options.dictionary ?? sampleDictionary(s.docs.texts)).subarray(-MAX_DICTIONARY_BYTES) : NO_DICTIONARY;
  const compress = options.compress ?? deflateRaw;
  const crc = options.crc32 ?? crc32;
  // Each piece is stored compressed, with room for its CRC-32 last (a piece that DEFLATE hardly shrinks, as many
  // postings pieces, takes a few bytes more than its body; stored as it was, it would cost every reader a second way
  // to read a piece). Postings are compressed without the pack's dictionary (varints share nothing with text: the same
  // bytes, for half the time zlib takes reading the dictionary into every piece); a reader inflates them behind the
  // dictionary all the same.
  const compressions: Promise<void>[] = [];
  const put: PutPiece = (list, body) => {
    const slot = list.stored.push(body) - 1;
    compressions.push(
      compress(body, list.kind.endsWith('post') ? NO_DICTIONARY : dictionary).then((packed) => {
        // the compressed body, then 4 bytes for its CRC-32, written once the piece is in its volume
        (list.stored[slot] = new Uint8Array(packed.length + 4)).set(packed);
      }),
    );
  };
  const [documents, documentCounts, skews] = packDocuments(s, put, o);
  const text = packTerms(s, s.textIndex, put, o, skews);
  const surface = s.surfaceIndex ? packTerms(s, s.surfaceIndex, put, o, skews, surfaceParents(s, parentOf)) : null;
  await Promise.all(compressions);

  const files: Record<string, Uint8Array> = {};
  const w = new ByteWriter(1 << 16);
  /**
   * Stores `list`'s pieces in volumes (consecutive pieces, a volume cut once it holds `volumeBytes`; each piece's
   * CRC-32 written there), adds the volumes to `files` under names made of their bytes, and writes the list into the
   * root: its volumes, each with its name's hash bytes, its piece count, what `summarize` writes of its pieces
   * [first, end), and its pieces as a block (per piece its stored size, then what `describe` writes of piece i), so a
   * reader can leave a volume's pieces undecoded until a query needs one of them.
   */
  const writeVolumes = (list: PieceList, describe?: (i: number, out: ByteWriter) => void, summarize?: (first: number, end: number) => void) => {
    const firsts: number[] = []; // each volume's first piece
    let size = o.volumeBytes;
    list.stored.forEach((piece, i) => {
      if (size >= o.volumeBytes) {
        firsts.push(i);
        size = 0;
      }
      size += piece.length;
    });
    w.varint(firsts.length);
    firsts.forEach((first, v) => {
      const pieces = list.stored.slice(first, firsts[v + 1]);
      const volume = concatBytes(pieces);
      const view = new DataView(volume.buffer);
      let at = 0;
      for (const piece of pieces) {
        at += piece.length;
        // the piece's checksum (FORMAT.md P.3): the CRC-32 of its compressed bytes, little-endian, after them
        view.setUint32(at - 4, crc(volume.subarray(at - piece.length, at - 4)), true);
      }
      // its name (FORMAT.md P.1): its kind, the 16 hex digits of the CRC-32 and of the 32-bit FNV-1a hash of its
      // bytes, `.bin`; the root lists those 8 bytes
      let hash = 0x811c9dc5;
      for (let i = 0; i < volume.length; i++) hash = Math.imul(hash ^ volume[i], 0x01000193);
      let name = `${list.kind}-`;
      for (const h of [crc(volume), hash]) {
        for (let k = 24; k >= 0; k -= 8) w.byte(h >>> k);
        name += (h >>> 0).toString(16).padStart(8, '0');
      }
      files[`${name}.bin`] = volume;
      w.varint(pieces.length);
      summarize?.(first, first + pieces.length);
      const part = new ByteWriter();
      pieces.forEach((piece, i) => {
        part.varint(piece.length);
        describe?.(first + i, part);
      });
      w.block(part.finish());
    });
  };
  /** Writes a term index's lists into the root. */
  const writeTermLists = (p: PackedTerms) => {
    writeVolumes(p.dict, (i, out) => {
      out.varint(p.dictCounts[i]);
      out.string(p.dictFirst[i]);
    });
    writeVolumes(p.post);
  };
  w.string(storedConfigJson(s.indexConfig));
  w.varint(s.docs.ids.length);
  w.varint(s.paragraphTable.count);
  w.varint(s.paragraphTable.totalLength);
  writeTermLists(text);
  w.byte(surface ? 1 : 0);
  if (surface) writeTermLists(surface);
  // a documents volume says how many documents and paragraphs its pieces hold, so a reader finds the piece of a
  // paragraph or a document decoding one volume's pieces
  writeVolumes(
    documents,
    (i, out) => documentCounts[i].forEach((v) => out.varint(v)),
    (first, end) => [0, 1].forEach((k) => w.varint(documentCounts.slice(first, end).reduce((sum, c) => sum + c[k], 0))),
  );
  w.block(dictionary);
  // the payload is compressed (raw DEFLATE without a dictionary): the root is read before the first results
  const root = withHeader(PACK_MAGIC, PACK_VERSION, await compress(w.buffer.subarray(0, w.length), NO_DICTIONARY));
  return { [ROOT_NAME]: root, ...files };
}
