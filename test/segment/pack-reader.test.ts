// PieceStore (src/segment/pack-reader.ts): the cache of a pack's pieces, on hand-made raw pieces.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/segment/bytes.js';
import { type ByteRange, PieceStore } from '../../src/segment/pack-reader.js';

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
