// src/segment/pack-reader.ts: the cache of a pack's pieces (PieceStore), on hand-made raw pieces; the root's documents list, on hand-made roots.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/index.js';
import { ByteReader, ByteWriter, crc32 } from '../../src/segment/bytes.js';
import { PACK_MAGIC, PACK_VERSION } from '../../src/segment/pack-format.js';
import { type ByteRange, PieceStore, readPackRoot } from '../../src/segment/pack-reader.js';
import { withHeader } from '../../src/segment/writer.js';

const inflate = async (b: Uint8Array) => new Uint8Array(inflateRawSync(b));

/** A stored piece (FORMAT.md, P.3): the body as raw DEFLATE, then its CRC-32. */
function piece(body: number[]): Uint8Array {
  const packed = deflateRawSync(Uint8Array.from(body));
  const stored = new Uint8Array(packed.length + 4);
  stored.set(packed);
  new DataView(stored.buffer).setUint32(packed.length, crc32(packed), true);
  return stored;
}

describe('PieceStore', () => {
  it('keeps counting a piece that a trim found still being read, and evicts it once read', async () => {
    const first = piece([1, 2, 3]);
    const volume = new Uint8Array([...first, ...piece([4, 5, 6, 7])]);
    const a = { file: 'v.bin', start: 0, end: first.length };
    const b = { file: 'v.bin', start: first.length, end: volume.length };
    const reads: number[] = [];
    let releaseB = () => {};
    const bArrived = new Promise<void>((ok) => (releaseB = ok));
    const store = new PieceStore(async (_name: string, range?: ByteRange) => {
      reads.push(range!.start);
      if (range!.start === b.start) await bArrived; // b is slow: a search that failed left it going
      return volume.slice(range!.start, range!.end);
    }, 0);
    store.dictionary = new Uint8Array(0);
    const evicted: number[] = [];
    const decode = (body: Uint8Array) => body[0];
    const pendingB = store.get(b, decode, (v) => evicted.push(v));
    expect(await store.get(a, decode, (v) => evicted.push(v))).toBe(1);
    store.trim(); // over its limit (0): a goes, b is still being read
    expect(evicted).toEqual([1]);
    releaseB();
    expect(await pendingB).toBe(4);
    expect(await store.get(b, decode)).toBe(4); // from the cache: not read again
    expect(reads.filter((start) => start === b.start)).toHaveLength(1);
    store.trim(); // b counted now: it goes, with its eviction
    expect(evicted).toEqual([1, 4]);
    expect(await store.get(a, decode)).toBe(1);
    expect(reads.filter((start) => start === a.start)).toHaveLength(2);
  });
});

/** A pack root (FORMAT.md, P.2) with no term index and the documents volumes given: per volume its stated document and paragraph counts and its pieces' (size, documents, paragraphs). */
function rootWith(config: string, volumes: { docs: number; paras: number; pieces: [number, number, number][] }[], documents: number, paragraphs: number): Uint8Array {
  const w = new ByteWriter();
  w.string(config);
  [documents, paragraphs, 10, 0, 0, 0].forEach((v) => w.varint(v)); // D, P, L; no dictionary or postings pieces; no surface forms
  w.varint(volumes.length);
  volumes.forEach((volume, v) => {
    for (let i = 0; i < 8; i++) w.byte(v);
    w.varint(volume.pieces.length);
    w.varint(volume.docs);
    w.varint(volume.paras);
    const part = new ByteWriter();
    volume.pieces.flat().forEach((n) => part.varint(n));
    w.block(part.finish());
  });
  w.block(new Uint8Array(0));
  return withHeader(PACK_MAGIC, PACK_VERSION, deflateRawSync(w.finish()));
}

describe('readPackRoot', () => {
  it("finds a paragraph's and a document's documents piece decoding only its volume's pieces; a volume whose pieces do not add up to its counts is CORRUPT_INDEX naming the root, when a lookup first reads it", async () => {
    const index = createIndex();
    index.add({ id: 1, text: 'مكتبة' });
    const config = new ByteReader(inflateRawSync((await index.pack())['root.fahras'].subarray(16))).string();
    const good = { docs: 2, paras: 3, pieces: [[5, 1, 1], [7, 1, 2]] as [number, number, number][] };
    const bad = { ...good, paras: 4 };
    const first = { docs: 2, paras: 3, pieces: [[9, 2, 3]] as [number, number, number][] };
    const root = await readPackRoot(rootWith(config, [first, good], 4, 6), inflate);
    const { pieceOf, firstDoc, firstPara, names } = root.documents;
    expect([0, 2, 3, 4, 5].map((p) => pieceOf(p))).toEqual([0, 0, 1, 2, 2]);
    expect([0, 1, 2, 3].map((d) => pieceOf(d, true))).toEqual([0, 0, 1, 2]);
    expect([firstDoc, firstPara]).toEqual([[0, 2, 3, 4], [0, 3, 4, 6]]);
    expect(names.at(2)).toEqual({ file: 'docs-0101010101010101.bin', start: 5, end: 12 });
    // the damaged volume is read only when a lookup lands in it
    const damaged = await readPackRoot(rootWith(config, [first, bad], 4, 7), inflate);
    expect(damaged.documents.pieceOf(2)).toBe(0);
    expect(() => damaged.documents.pieceOf(3)).toThrow(expect.objectContaining({ code: 'CORRUPT_INDEX', message: expect.stringContaining('root.fahras') }));
    expect(() => damaged.documents.names.at(1)).toThrow(expect.objectContaining({ code: 'CORRUPT_INDEX' }));
    // counts of all volumes that do not add up to the root's are found on opening
    await expect(readPackRoot(rootWith(config, [first, good], 4, 7), inflate)).rejects.toMatchObject({ code: 'CORRUPT_INDEX' });
  });
});
