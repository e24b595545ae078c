// Static packs (FORMAT.md, "Packs"): an index cut into pieces that a reader fetches as its queries need them. The
// root, under a fixed name, holds the pack format version, the corpus statistics, the configuration and where every
// piece is: pieces are stored one after another in volumes, files named after a 64-bit hash of their bytes (so what a
// name holds never changes and caches may keep a volume forever), and the root gives each piece's length.
import { concatBytes } from './bytes.js';

/** The fixed name of a pack's root piece. */
export const ROOT_NAME = 'root.fahras';
/** The first four bytes of a pack root: ASCII "FHPK". */
export const PACK_MAGIC = [0x46, 0x48, 0x50, 0x4b] as const;
/** The pack format version this build writes and reads. */
export const PACK_VERSION = 8;

/** The most bytes of a pack's dictionary: DEFLATE's window, as far back as a reference reaches. */
export const MAX_DICTIONARY_BYTES = 32768;

/** What a volume's pieces hold; its name starts with the kind. */
export type PieceKind = 'dict' | 'post' | 'sdict' | 'spost' | 'docs';

/** The name of a volume of `kind` whose 8 hash bytes `nextByte` gives (two hex digits each). */
export function nameOf(kind: PieceKind, nextByte: () => number): string {
  let name = `${kind}-`;
  for (let i = 0; i < 8; i++) name += (nextByte() | 256).toString(16).slice(1);
  return `${name}.bin`;
}

/**
 * Runs `b` through a compression stream of the platform (browsers and Node 18+ have them; no bundle bytes). Read
 * with a stream reader, not through `Response` (in Node that loads the fetch implementation: 150 ms of a cold CLI).
 */
async function throughStream(parts: Uint8Array[], stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const reader = new Blob(parts as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return concatBytes(chunks);
}

/** Inflates a compressed piece's body: raw DEFLATE with the pack's preset dictionary (FORMAT.md, P.3). */
export type Inflater = (body: Uint8Array, dictionary: Uint8Array) => Promise<Uint8Array>;

/** Raw DEFLATE (RFC 1951) through the platform's `CompressionStream`, which takes no dictionary. */
export const deflateRaw = (b: Uint8Array): Promise<Uint8Array> => throughStream([b], new CompressionStream('deflate-raw'));

/**
 * Inflates raw DEFLATE `body` compressed with the preset `dictionary` (zlib's): the platform's `DecompressionStream`
 * takes no dictionary, so it inflates a stream that first stores the dictionary (a stored block, not the last: its
 * header byte 0, then its length and the length's complement, 16 bits each, little-endian), whose output the body's
 * back-references may reach, and the dictionary's bytes are dropped from the output.
 */
export async function inflateRaw(body: Uint8Array, dictionary: Uint8Array): Promise<Uint8Array> {
  const n = dictionary.length;
  // (a Uint8Array keeps the low 8 bits; the body is copied out, as a view it would keep the dictionary's bytes alive
  // in every cached piece: 51.9 MB after bench/packs.ts' queries at 20 MB, bench/NOTES.md)
  return (await throughStream([Uint8Array.of(0, n, n >> 8, ~n, ~n >> 8), dictionary, body], new DecompressionStream('deflate-raw'))).slice(n);
}
