// The pack reader: the root, the pieces and a bounded cache of them (layout in FORMAT.md, "Packs"). A piece is a byte
// range of a volume file, read alone (the loader gets the range) and checked against the CRC-32 it ends with before
// it is decoded; a piece the loader cannot give is MISSING_PIECE, one whose bytes do not match
// CHECKSUM_MISMATCH, one that does not parse CORRUPT_INDEX; each names the piece (its volume and byte range).
import { FahrasError } from '../errors.js';
import { ByteReader, crc32 } from './bytes.js';
import { HEADER_SIZE } from './format.js';
import type { DocumentId, IndexConfig } from './model.js';
import { PACK_MAGIC, PACK_VERSION, PieceEncoding, type PieceKind, ROOT_NAME, gunzip, nameOf } from './pack-format.js';
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
export const pieceLabel = (p: PieceRef): string => `${p.file} [${p.start}, ${p.end})`;

/**
 * A list of pieces as the root gives it, as two arrays rather than an object per piece (the root of the 102 MB pack
 * lists 36,000 pieces, most never read): piece i is in volume `volumes[i]` (a file name), from the end of the piece
 * before it in that volume (0 for its first) to `ends[i]`.
 * @internal
 */
export interface PieceList {
  volumes: string[];
  ends: number[];
}

/** Where piece `i` of `list` is. */
export const pieceAt = ({ volumes, ends }: PieceList, i: number): PieceRef => ({ file: volumes[i], start: i && volumes[i - 1] === volumes[i] ? ends[i - 1] : 0, end: ends[i] });

/** One term index's pieces, as the root lists them. @internal */
export interface PackTermLists {
  /** Dictionary pieces in term order, with their term counts and first terms. */
  dict: PieceList;
  dictCounts: number[];
  dictFirst: string[];
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
  /** Documents pieces, with the first document and paragraph of each (`firstDoc[i]`; at `names.length`, one past the last). */
  documents: {
    /** @internal */
    names: PieceList;
    /** @internal */
    firstDoc: Uint32Array;
    /** @internal */
    firstPara: Uint32Array;
  };
}

const count = (r: ByteReader) => r.varint(r.endOffset - r.pos);

/**
 * Reads one list of pieces: its volumes (each its name's 8 hash bytes and its piece count), each volume's pieces
 * (stored size, then what `describe` reads of the piece).
 */
function readPieces(r: ByteReader, kind: PieceKind, describe?: (i: number) => void): PieceList {
  const out: PieceList = { volumes: [], ends: [] };
  for (let v = count(r); v > 0; v--) {
    const file = nameOf(kind, () => r.byte());
    let end = 0;
    for (let n = count(r); n > 0; n--) {
      out.volumes.push(file);
      const i = out.ends.push((end += r.varint())) - 1; // (not inside describe?.(…): without describe it would not run)
      describe?.(i);
    }
  }
  return out;
}

function readTermLists(r: ByteReader, surface: boolean): PackTermLists {
  const dictCounts: number[] = [];
  const dictFirst: string[] = [];
  const dict = readPieces(r, surface ? 'sdict' : 'dict', (i) => {
    dictCounts.push(r.varint());
    dictFirst.push(r.string());
    if (i > 0 && !(dictFirst[i - 1] < dictFirst[i])) r.fail();
  });
  return { dict, dictCounts, dictFirst, post: readPieces(r, surface ? 'spost' : 'post') };
}

/**
 * Reads a pack's root. Throws `FahrasError` with code `BAD_MAGIC`, `UNSUPPORTED_VERSION` (a newer pack), `TRUNCATED`,
 * `CHECKSUM_MISMATCH` or `CORRUPT_INDEX`.
 */
export function readPackRoot(bytes: Uint8Array): PackRoot {
  const len = bytes.length;
  // (past the end, bytes[i] is undefined: a root shorter than the magic is not one)
  if (PACK_MAGIC.some((m, i) => bytes[i] !== m)) throw new FahrasError('BAD_MAGIC', `${ROOT_NAME} is not a fahras pack root`);
  if (len < HEADER_SIZE) throw new FahrasError('TRUNCATED', `${ROOT_NAME} truncated (${len} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, len);
  const version = view.getUint16(4, true);
  if (version !== PACK_VERSION) {
    throw new FahrasError('UNSUPPORTED_VERSION', `pack format version ${version} (this build reads ${PACK_VERSION})`);
  }
  const size = HEADER_SIZE + view.getUint32(8, true);
  if (size > len) throw new FahrasError('TRUNCATED', `${ROOT_NAME} truncated (${len} of ${size} bytes)`);
  if (size < len || crc32(bytes, HEADER_SIZE) !== view.getUint32(12, true)) {
    throw new FahrasError('CHECKSUM_MISMATCH', `${ROOT_NAME}: checksum mismatch`);
  }
  const r = new ByteReader(bytes, HEADER_SIZE);
  return parsing({ file: ROOT_NAME, start: 0, end: len }, () => {
    const config = checkStoredConfig(r.string()) ?? r.fail();
    if (config.fields.length) r.fail();
    const documentCount = r.varint();
    const paragraphCount = r.varint();
    const totalLength = r.varint();
    const text = readTermLists(r, false);
    const flag = r.byte();
    if (flag > 1) r.fail();
    const surface = flag ? readTermLists(r, true) : null;
    // a documents piece holds a document at least: at most D pieces (more, and firstDoc[n] is undefined below)
    const firstDoc = new Uint32Array(documentCount + 1);
    const firstPara = new Uint32Array(documentCount + 1);
    const names = readPieces(r, 'docs', (i) => {
      firstDoc[i + 1] = firstDoc[i] + r.varint();
      firstPara[i + 1] = firstPara[i] + r.varint();
    });
    const n = names.ends.length;
    if (r.pos !== r.endOffset || firstDoc[n] !== documentCount || firstPara[n] !== paragraphCount) r.fail();
    return { config, documentCount, paragraphCount, totalLength, text, surface, documents: { names, firstDoc, firstPara } };
  });
}

/** The error of a piece whose content does not parse: CORRUPT_INDEX naming it. */
export const damagedPiece = (piece: PieceRef): FahrasError => new FahrasError('CORRUPT_INDEX', `pack piece ${pieceLabel(piece)} is damaged`);

/** Runs a piece's decoder; damage it meets becomes CORRUPT_INDEX naming the piece. */
function parsing<T>(name: PieceRef, decode: () => T): T {
  try {
    return decode();
  } catch (e) {
    if (e instanceof FahrasError && e.code !== 'CORRUPT_INDEX' && e.code !== 'TRUNCATED') throw e;
    throw damagedPiece(name);
  }
}

/** A dictionary piece: its terms (ascending) with their document frequencies and where their postings are. */
export interface DictionaryPiece {
  terms: string[];
  df: Uint32Array;
  /** @internal Index of the postings piece (in the root's list), byte offset and length of each term's block. */
  piece: Uint32Array;
  offset: Uint32Array;
  length: Uint32Array;
}

/** Decodes a dictionary piece (its entries front-coded; each block follows the previous one or starts a new piece). */
export function readDictionaryPiece(body: Uint8Array, postingsPieces: number): DictionaryPiece {
  const r = new ByteReader(body);
  const n = count(r);
  const out: DictionaryPiece = { terms: [], df: new Uint32Array(n), piece: new Uint32Array(n), offset: new Uint32Array(n), length: new Uint32Array(n) };
  let piece = r.varint(postingsPieces - 1);
  let offset = r.varint();
  let prev = '';
  for (let i = 0; i < n; i++) {
    const term = prev.slice(0, r.varint(prev.length)) + r.string();
    if (i > 0 && !(prev < term)) r.fail();
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
    offset += out.length[i] = Math.floor(v / 2);
  }
  if (r.pos !== r.endOffset) r.fail();
  return out;
}

/** A documents piece: its documents' ids, stored fields and text, and their paragraphs' spans. */
export interface DocumentsPiece {
  ids: DocumentId[];
  stored: (Record<string, unknown> | undefined)[];
  texts: string[];
  /** Per paragraph of the piece, in order: start and end in its document's text. */
  start: Uint32Array;
  end: Uint32Array;
  /** @internal Paragraphs of each document. */
  paraCount: Uint32Array;
}

/** Decodes a documents piece that the root says holds `docs` documents and `paras` paragraphs. */
export function readDocumentsPiece(body: Uint8Array, docs: number, paras: number): DocumentsPiece {
  const r = new ByteReader(body);
  if (r.varint() !== docs) r.fail();
  const out: DocumentsPiece = { ids: [], stored: [], texts: [], start: new Uint32Array(paras), end: new Uint32Array(paras), paraCount: new Uint32Array(docs) };
  let p = 0;
  for (let d = 0; d < docs; d++) {
    const tag = r.byte();
    const s = r.string();
    const id = tag ? Number(s) : s;
    if (tag > 1 || !Number.isFinite(tag ? id : 0)) r.fail();
    out.ids.push(id);
    const js = r.string();
    let stored: Record<string, unknown> | undefined;
    if (js) {
      const v = JSON.parse(js);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) r.fail();
      stored = Object.assign(Object.create(null) as Record<string, unknown>, v);
    }
    out.stored.push(stored);
    const paragraphsOfDocument = (out.paraCount[d] = r.varint(paras - p));
    const first = p;
    for (; p < first + paragraphsOfDocument; p++) out.end[p] = (out.start[p] = r.varint()) + r.varint();
    const text = r.string();
    for (let i = first; i < p; i++) if (out.end[i] > text.length) r.fail();
    out.texts.push(text);
  }
  if (p !== paras || r.pos !== r.endOffset) r.fail();
  return out;
}

interface CacheEntry {
  value: unknown;
  size: number;
  /** @internal */
  evict?: () => void;
}

/**
 * Reads pieces through a loader: checks each against its name's hash, decompresses and decodes it once, and keeps
 * the decoded pieces in a cache bounded by their decompressed size (least recently used go first, and only when
 * {@link trim} is called, so a query's pieces stay while it runs).
 */
export class PieceStore {
  /** By volume and start (`post-….bin8192`). */
  private readonly pieces = new Map<string, CacheEntry>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private cached = 0;
  /** Bytes the loader has given so far. */
  bytesRead = 0;

  constructor(
    private readonly loader: PieceLoader,
    private readonly cacheLimit: number,
    private readonly inflate: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array> = gunzip,
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
    } catch (e) {
      throw new FahrasError('MISSING_PIECE', `pack piece ${label} could not be read${e instanceof Error ? `: ${e.message}` : ''}`);
    }
    if (!(bytes instanceof Uint8Array)) throw new FahrasError('MISSING_PIECE', `pack piece ${label} could not be read`);
    this.bytesRead += bytes.length;
    return piece && bytes.length !== piece.end - piece.start && bytes.length >= piece.end ? bytes.subarray(piece.start, piece.end) : bytes;
  }

  /** The piece decoded by `decode` (from cache, or loaded, checked and decompressed). `evict` runs when it leaves the cache. */
  get<T>(name: PieceRef, decode: (body: Uint8Array) => T, evict?: (value: T) => void): Promise<T> {
    const key = name.file + name.start;
    const hit = this.pieces.get(key);
    if (hit) {
      this.pieces.delete(key);
      this.pieces.set(key, hit); // most recently used last
      return Promise.resolve(hit.value as T);
    }
    let p = this.loading.get(key) as Promise<T> | undefined;
    if (!p) {
      p = this.fetchPiece(key, name, decode, evict);
      this.loading.set(key, p);
      const done = () => this.loading.delete(key);
      p.then(done, done);
    }
    return p;
  }

  private async fetchPiece<T>(key: string, name: PieceRef, decode: (body: Uint8Array) => T, evict?: (value: T) => void): Promise<T> {
    const stored = await this.load(name.file, name);
    const size = stored.length - 4;
    // its last 4 bytes are the CRC-32 of the others: then the CRC-32 of all is CRC-32's residue, 0x2144DF1C (a short
    // read fails it too)
    if (crc32(stored) !== 0x2144df1c) {
      throw new FahrasError('CHECKSUM_MISMATCH', `pack piece ${pieceLabel(name)}: checksum mismatch`);
    }
    let body = stored.subarray(1, size);
    if (stored[0] === PieceEncoding.Gzip) {
      try {
        body = await this.inflate(body);
      } catch {
        throw damagedPiece(name);
      }
    } else if (stored[0] !== PieceEncoding.Raw) throw damagedPiece(name);
    const value = parsing(name, () => decode(body));
    this.pieces.set(key, { value, size: body.length, evict: evict && (() => evict(value)) });
    this.cached += body.length;
    return value;
  }

  /** Drops the least recently used pieces until the cache is within its limit. */
  trim(): void {
    for (const [key, entry] of this.pieces) {
      if (this.cached <= this.cacheLimit) break;
      this.pieces.delete(key);
      this.cached -= entry.size;
      entry.evict?.();
    }
  }
}
