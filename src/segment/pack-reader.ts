// The pack reader: the root, the pieces and a bounded cache of them (layout in FORMAT.md, "Packs"). A piece is a byte
// range of a volume file, read alone (the loader gets the range) and checked against the CRC-32 it ends with before
// it is decoded; a piece the loader cannot give is MISSING_PIECE, one whose bytes do not match
// CHECKSUM_MISMATCH, one that does not parse CORRUPT_INDEX; each names the piece (its volume and byte range).
import { FahrasError } from '../errors.js';
import { ByteReader, crc32 } from './bytes.js';
import { HEADER_SIZE } from './format.js';
import type { DocumentId, IndexConfig } from './model.js';
import { type Inflater, PACK_MAGIC, PACK_VERSION, type PieceKind, ROOT_NAME, inflateRaw, nameOf } from './pack-format.js';
import { checkStoredConfig } from './stored-config.js';

/** The bytes `start` (included) to `end` (excluded) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Gives the bytes of a pack's file by name (fetch, a file system, object storage, a test that counts bytes): with a
 * `range`, those bytes of it (an HTTP range request; a loader that ignores the range and gives the whole file works
 * too, reading more). The root is asked for whole.
 */
export type PieceLoader = (name: string, range?: ByteRange) => Promise<Uint8Array>;

/** Where a piece is: its volume file and its byte range in it. */
export interface PieceRef extends ByteRange {
  /** @internal */
  file: string;
}

/** How errors name a piece: its volume and byte range. */
export const pieceLabel = (p: PieceRef): string => `pack piece ${p.file} [${p.start}, ${p.end})`;

/**
 * One list of pieces of the root (P.2): how many, and each one's place, made the first time a query asks for it and
 * then kept (it is the cache's key). The root of the 102 MB pack lists 26,000 pieces: its volumes' pieces are decoded
 * a volume at a time, when a query first asks for one of them (decoding them all cost a cold search 15–20 ms; an
 * object per piece, 25–31 ms: bench/NOTES.md, coldpath and coldcli).
 */
export interface PieceList {
  length: number;
  at(i: number): PieceRef;
  /** @internal Each volume's first piece, then the number of pieces. */
  first: number[];
  /** @internal Decodes volume `v`'s pieces, once (`describe` reads what the list says of each). */
  decodeVolume(v: number): void;
  /**
   * @internal The piece whose key is the last not after `value` (0 when none is), by the volumes' keys, then, in the
   * volume that decodes, its pieces' keys (both ascending).
   */
  pieceFor<T extends string | number>(volumeKeys: T[], pieceKeys: T[], value: T): number;
}

/** One term index's pieces, as the root lists them. @internal */
export interface PackTermLists {
  /** Dictionary pieces in term order, with their term counts and first terms (known for the volumes decoded), and each volume's first term. */
  dict: PieceList;
  dictCounts: number[];
  dictFirst: string[];
  volumeFirst: string[];
  /** Postings pieces in term order. */
  post: PieceList;
}

/** What a pack's root holds. */
export interface PackRoot {
  config: IndexConfig;
  documentCount: number;
  paragraphCount: number;
  /** Indexed tokens of all paragraphs (BM25's average length). */
  totalLength: number;
  text: PackTermLists;
  surface: PackTermLists | null;
  /**
   * Documents pieces, with the first document and paragraph of each (`firstDoc[i]`; at `names.length`, one past the
   * last), known for the pieces of the volumes decoded (and each volume's first): `pieceOf` decodes the volume it
   * looks in.
   */
  documents: {
    /** @internal */
    names: PieceList;
    /** @internal */
    firstDoc: number[];
    /** @internal */
    firstPara: number[];
    /** @internal The piece holding document `value` (`byDocument`) or paragraph `value`. */
    pieceOf(value: number, byDocument?: boolean): number;
  };
  /** The preset dictionary of the compressed pieces (raw DEFLATE). */
  dictionary: Uint8Array;
}

/**
 * Reads a string in the pack's text encoding (FORMAT.md, P.3): its byte count, then a byte per code unit below 0x80,
 * 0x80–0xFE for U+0600–U+067E, 0xFF and two bytes (little-endian) for any other.
 */
export function readText(r: ByteReader): string {
  const b = r.block();
  // code units first, then strings of 4,096 at once: a string grown a unit at a time is a rope of a node per unit
  // until something flattens it (56 MB of heap for the documents of a 2 MiB cache, bench/NOTES.md)
  const units: number[] = [];
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i++];
    units.push(c < 128 ? c : c < 255 ? c + 0x580 : b[i++] | (b[i++] << 8));
    if (units.length > 4095 || i >= b.length) s += String.fromCharCode(...units.splice(0));
  }
  return s;
}

const count = (r: ByteReader) => r.varint(r.endOffset - r.pos);

/**
 * The last index of ascending `values` (in [lo, hi)) whose value is at most `value` (lo − 1 when none is, but 0 for
 * none at 0: a value before the first piece's looks in the first): which piece holds it.
 */
export function lastAtMost<T extends string | number>(values: ArrayLike<T>, value: T, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo && lo - 1;
}

/**
 * Reads one list of pieces: its volumes (each its name's 8 hash bytes, its piece count, what `summary` reads of it,
 * and its pieces as a block), leaving each volume's pieces (stored size, then what `describe` reads of the piece)
 * undecoded until {@link PieceList.decodeVolume}. Only numbers are kept: per volume its name and first piece, per piece its
 * end in its volume (it starts where the one before ends, or at 0 as its volume's first).
 */
function readPieces(r: ByteReader, kind: PieceKind, root: PieceRef, summary?: (v: number, end: number) => void, describe?: (i: number, r: ByteReader) => void): PieceList {
  const files: string[] = [];
  const first = [0];
  const parts: (Uint8Array | undefined)[] = [];
  const ends: number[] = [];
  const refs: PieceRef[] = [];
  for (let v = 0, n = count(r); v < n; v++) {
    files.push(nameOf(kind, () => r.byte()));
    first.push(first[v] + count(r));
    summary?.(v, first[v + 1]);
    parts.push(r.block());
  }
  const list: PieceList = {
    length: first[files.length],
    first,
    decodeVolume: (v) =>
      parts[v] &&
      parsing(root, () => {
        const p = new ByteReader(parts[v]!);
        for (let i = first[v], end = 0; i < first[v + 1]; i++) {
          ends[i] = end += p.varint();
          describe?.(i, p);
        }
        if (p.pos !== p.endOffset) p.fail();
        parts[v] = undefined;
      }),
    pieceFor: (volumeKeys, pieceKeys, value) => {
      const v = lastAtMost(volumeKeys, value);
      list.decodeVolume(v);
      return lastAtMost(pieceKeys, value, first[v], first[v + 1]);
    },
    // (its volume found and decoded once: later asks get the kept place)
    at: (i) => (refs[i] ??= ((v) => (list.decodeVolume(v), { file: files[v], start: first[v] === i ? 0 : ends[i - 1], end: ends[i] }))(lastAtMost(first, i))),
  };
  return list;
}

/**
 * A term index's lists: its dictionary pieces' term counts and first terms are decoded a volume at a time, as lookups
 * need them, each volume's first term (its first piece's) read beforehand for the lookups to find their volume
 * (decoding all 1,257 of the 102 MB pack cost a cold search 2–5 ms: bench/NOTES.md, coldcli2).
 */
function readTermLists(r: ByteReader, surface: boolean, root: PieceRef): PackTermLists {
  const dictCounts: number[] = [];
  const dictFirst: string[] = [];
  const volumeFirst: string[] = [];
  const dict = readPieces(
    r,
    surface ? 'sdict' : 'dict',
    root,
    // (ahead of the volume's block: its byte count, then its first piece's size, term count and first term)
    (v) => {
      const p = new ByteReader(r.input, r.pos);
      p.varint();
      p.varint();
      p.varint();
      if (volumeFirst[v - 1] >= (volumeFirst[v] = p.string())) p.fail(); // (at 0, undefined >= a string is false)
    },
    (i, p) => {
      dictCounts[i] = p.varint();
      // (a volume's first piece after the previous volume's last: checked by the volumes' first terms)
      if (dictFirst[i - 1] >= (dictFirst[i] = p.string())) p.fail();
    },
  );
  return { dict, dictCounts, dictFirst, volumeFirst, post: readPieces(r, surface ? 'spost' : 'post', root) };
}

/** A CRC-32 of bytes (FORMAT.md section 2's): `crc32` of segment/bytes.ts, or in Node zlib's (`OpenPackOptions.crc32`). */
export type Crc32 = (bytes: Uint8Array) => number;

/**
 * Reads a pack's root. Throws `FahrasError` with code `BAD_MAGIC`, `UNSUPPORTED_VERSION` (a newer pack), `TRUNCATED`,
 * `CHECKSUM_MISMATCH` or `CORRUPT_INDEX`.
 */
export async function readPackRoot(bytes: Uint8Array, inflate: Inflater = inflateRaw, crc: Crc32 = crc32): Promise<PackRoot> {
  const len = bytes.length;
  // (past the end, bytes[i] is undefined: a root shorter than the magic is not one)
  if (PACK_MAGIC.some((m, i) => bytes[i] !== m)) throw new FahrasError('BAD_MAGIC', 'not a fahras pack root');
  const view = new DataView(bytes.buffer, bytes.byteOffset, len);
  const version = bytes[4] | (bytes[5] << 8);
  if (len > 5 && version !== PACK_VERSION) {
    throw new FahrasError('UNSUPPORTED_VERSION', `pack format version ${version} (this build reads ${PACK_VERSION})`);
  }
  // (shorter than its header: no size, so truncated)
  const size = len < HEADER_SIZE ? Infinity : HEADER_SIZE + view.getUint32(8, true);
  if (size > len) throw new FahrasError('TRUNCATED', `${ROOT_NAME} truncated (${len} bytes)`);
  // (bytes after the payload fail the CRC-32 too, which runs to the end)
  if (crc(bytes.subarray(HEADER_SIZE)) !== view.getUint32(12, true)) {
    throw new FahrasError('CHECKSUM_MISMATCH', `${ROOT_NAME}: checksum mismatch`);
  }
  // a payload that does not inflate reads as none: CORRUPT_INDEX below
  const none = new Uint8Array(0);
  const r = new ByteReader(await inflate(bytes.subarray(HEADER_SIZE), none).catch(() => none));
  const root = { file: ROOT_NAME, start: 0, end: len };
  return parsing(root, () => {
    const config = checkStoredConfig(r.string()) ?? r.fail();
    if (config.fields.length) r.fail();
    const documentCount = r.varint();
    const paragraphCount = r.varint();
    const totalLength = r.varint();
    const text = readTermLists(r, false, root);
    const surface = r.varint(1) ? readTermLists(r, true, root) : null; // (a byte, 0 or 1)
    // per volume its first document and paragraph, and per piece once its volume is decoded (arrays as long as the
    // pieces, not the documents: 11,887 of 168,121 at 102 MB)
    // (documents first, then paragraphs)
    const volumeFirsts = [[0], [0]];
    const pieceFirsts = [[0], [0]];
    const [firstDoc, firstPara] = pieceFirsts;
    const names = readPieces(
      r,
      'docs',
      root,
      // (each volume's first piece's, and after the last the totals, are its volume's)
      (v, end) => volumeFirsts.forEach((volumes, k) => volumes.push((pieceFirsts[k][end] = volumes[v] + r.varint()))),
      // a volume's last piece ends where the next volume starts
      (i, p) =>
        pieceFirsts.forEach((pieces) => {
          const next = pieces[i] + p.varint();
          if ((pieces[i + 1] ??= next) !== next) p.fail();
        }),
    );
    const dictionary = r.block();
    if (r.pos !== r.endOffset || firstDoc[names.length] !== documentCount || firstPara[names.length] !== paragraphCount) r.fail();
    // the volume, then its piece, whose first is not after `value`
    const pieceOf = (value: number, byDocument?: boolean) => names.pieceFor(volumeFirsts[+!byDocument], pieceFirsts[+!byDocument], value);
    return { config, documentCount, paragraphCount, totalLength, text, surface, documents: { names, firstDoc, firstPara, pieceOf }, dictionary };
  });
}

/** The error of a piece whose content does not parse: CORRUPT_INDEX naming it. */
export const damagedPiece = (piece: PieceRef): FahrasError => new FahrasError('CORRUPT_INDEX', `${pieceLabel(piece)} is damaged`);

/** Runs a piece's decoder; damage it meets becomes CORRUPT_INDEX naming the piece. */
function parsing<T>(name: PieceRef, decode: () => T): T {
  try {
    return decode();
  } catch (e) {
    if (e instanceof FahrasError && e.code !== 'CORRUPT_INDEX' && e.code !== 'TRUNCATED') throw e;
    throw damagedPiece(name);
  }
}

/**
 * A dictionary piece: its terms (ascending) with their document frequencies and where their postings are (tables as
 * arrays; a query joins the pieces it reads into typed arrays).
 */
export interface DictionaryPiece<Table = number[]> {
  terms: string[];
  df: Table;
  /** @internal Index of the postings piece (in the root's list), byte offset and length of each term's block. */
  piece: Table;
  offset: Table;
  length: Table;
  /** @internal A surface form's parent code: 0 (always for a text term), or 8a + b + 1 (b < 7) for the parent text term `form.slice(a, length − b)`. */
  parent: Table;
}

/**
 * Decodes a dictionary piece (its entries front-coded; each block follows the previous one or starts a new piece;
 * each ends with its parent's code).
 */
export function readDictionaryPiece(body: Uint8Array, postingsPieces: number): DictionaryPiece {
  const r = new ByteReader(body);
  const n = count(r);
  const out: DictionaryPiece = { terms: [], df: [], piece: [], offset: [], length: [], parent: [] };
  let piece = r.varint(postingsPieces - 1);
  let offset = r.varint();
  let prev = '';
  for (let i = 0; i < n; i++) {
    const term = prev.slice(0, r.varint(prev.length)) + readText(r);
    if (i && prev >= term) r.fail();
    out.terms.push((prev = term));
    out.df[i] = r.varint();
    const v = r.varint();
    if (v & 1) {
      piece++;
      offset = 0;
    }
    if (piece >= postingsPieces) r.fail();
    out.piece[i] = piece;
    out.offset[i] = offset;
    offset += out.length[i] = v >>> 1;
    out.parent[i] = r.varint();
  }
  if (r.pos !== r.endOffset) r.fail();
  return out;
}

/**
 * A documents piece, its documents decoded one at a time ({@link readDocument}): a query shows a paragraph or two of
 * a piece of a dozen documents, and decoding them all was most of a cold search's documents step (bench/NOTES.md,
 * coldcli2).
 */
export interface DocumentsPiece {
  /** The piece's bytes. */
  body: Uint8Array;
  /** Per document: where its JSON array starts in the bytes. */
  json: number[];
  /** Per document: where its text starts in the bytes. */
  text: number[];
  /** @internal Per document, then after the last: its first paragraph in the piece. */
  first: number[];
  /** Per paragraph of the piece, in order: start and end in its document's text. */
  start: number[];
  end: number[];
}

/** Reads a documents piece that the root says holds `docs` documents and `paras` paragraphs: where each document is, and its paragraphs' spans. */
export function readDocumentsPiece(body: Uint8Array, docs: number, paras: number): DocumentsPiece {
  const r = new ByteReader(body);
  const out: DocumentsPiece = { body, json: [], text: [], first: [0], start: [], end: [] };
  let p = 0;
  for (let d = 0; d < docs; d++) {
    out.json.push(r.pos);
    r.block();
    for (const last = p + r.varint(paras - p); p < last; p++) out.end[p] = (out.start[p] = r.varint()) + r.varint();
    out.first.push(p);
    out.text.push(r.pos);
    r.block();
  }
  if (p !== paras || r.pos !== r.endOffset) r.fail();
  return out;
}

/**
 * Document `d` of a documents piece `name`: its id (a string or a finite number), its stored fields (an object, or
 * undefined) and its text, which its paragraphs' spans must lie within (else CORRUPT_INDEX naming the piece).
 */
export function readDocument(piece: DocumentsPiece, d: number, name: PieceRef): [DocumentId, Record<string, unknown> | undefined, string] {
  return parsing(name, () => {
    const r = new ByteReader(piece.body, piece.json[d]);
    // [id] or [id, stored]
    const [id, stored] = JSON.parse(readText(r));
    if ((typeof id !== 'string' && !Number.isFinite(id)) || (stored !== undefined && (!stored || typeof stored !== 'object' || Array.isArray(stored)))) r.fail();
    r.pos = piece.text[d];
    const text = readText(r);
    for (let p = piece.first[d]; p < piece.first[d + 1]; p++) if (piece.end[p] > text.length) r.fail();
    return [id, stored && Object.assign(Object.create(null) as Record<string, unknown>, stored), text];
  });
}

interface CacheEntry {
  /** The decoded piece: a read in progress, or done. */
  value: Promise<unknown>;
  /** Its decompressed bytes (0 while it is read). */
  size: number;
  /** @internal */
  evict?: () => void;
}

/**
 * Reads pieces through a loader: checks each against its CRC-32, decompresses and decodes it once, and keeps the
 * decoded pieces in a cache bounded by their decompressed size (least recently used go first, and only when
 * {@link trim} is called, so a query's pieces stay while it runs).
 */
export class PieceStore {
  /** Least recently used first; a piece being read is one already, so its readers share the read. */
  private readonly pieces = new Map<PieceRef, CacheEntry>();
  private cached = 0;
  /** Bytes the loader has given so far. */
  bytesRead = 0;
  /** The root's dictionary, which compressed pieces were compressed with (openPack sets it before any piece is read). */
  declare dictionary: Uint8Array;

  constructor(
    private readonly loader: PieceLoader,
    private readonly cacheLimit: number,
    /** The inflater of compressed pieces (and of the root). */
    readonly inflate: Inflater = inflateRaw,
    /** The CRC-32 that checks pieces (and the root). */
    readonly crc: Crc32 = crc32,
  ) {}

  /**
   * The raw bytes of a file (the root), or of a piece, as MISSING_PIECE when the loader fails or gives something else.
   * A loader that ignored the range gave the whole file: the piece's range of it.
   */
  async load(name: string, piece?: PieceRef): Promise<Uint8Array> {
    const label = piece ? pieceLabel(piece) : name;
    let bytes: unknown;
    try {
      bytes = await this.loader(name, piece); // a piece is its range (and more)
      if (!(bytes instanceof Uint8Array)) throw 0;
    } catch (e) {
      throw new FahrasError('MISSING_PIECE', `${label} could not be read${e instanceof Error ? `: ${e.message}` : ''}`);
    }
    this.bytesRead += bytes.length;
    return piece && bytes.length !== piece.end - piece.start && bytes.length >= piece.end ? bytes.subarray(piece.start, piece.end) : bytes;
  }

  /** The piece decoded by `decode` (from cache, or loaded, checked and decompressed). `evict` runs when it leaves the cache. */
  get<T>(key: PieceRef, decode: (body: Uint8Array) => T, evict?: (value: T) => void): Promise<T> {
    let entry = this.pieces.get(key);
    this.pieces.delete(key);
    if (!entry) {
      entry = { size: 0 } as CacheEntry;
      // a piece that could not be read is not kept: the next query reads it again
      entry.value = this.fetchPiece(entry, key, decode, evict).catch((e) => {
        this.pieces.delete(key);
        throw e;
      });
    }
    this.pieces.set(key, entry); // most recently used last
    return entry.value as Promise<T>;
  }

  private async fetchPiece<T>(entry: CacheEntry, name: PieceRef, decode: (body: Uint8Array) => T, evict?: (value: T) => void): Promise<T> {
    const stored = await this.load(name.file, name);
    // its last 4 bytes are the CRC-32 of the others: then the CRC-32 of all is CRC-32's residue, 0x2144DF1C (a short
    // read fails it too)
    if (this.crc(stored) !== 0x2144df1c) {
      throw new FahrasError('CHECKSUM_MISMATCH', `${pieceLabel(name)}: checksum mismatch`);
    }
    // (inflated into bytes of its own: a view would keep what the loader gave alive in the cache, a whole volume when
    // it ignored the range)
    const body = await this.inflate(stored.subarray(0, stored.length - 4), this.dictionary).catch(() => {
      throw damagedPiece(name);
    });
    const value = parsing(name, () => decode(body));
    this.cached += entry.size = body.length;
    entry.evict = evict && (() => evict(value));
    return value;
  }

  /** Drops the least recently used pieces until the cache is within its limit. */
  trim(): void {
    for (const [key, entry] of this.pieces) {
      if (this.cached <= this.cacheLimit) break;
      // a piece still being read (a failed search left it going) is not counted yet: dropped now, its bytes would be
      // counted when it arrives and never taken off, and its documents' tables never evicted
      if (!entry.size) continue;
      this.pieces.delete(key);
      this.cached -= entry.size;
      entry.evict?.();
    }
  }
}
