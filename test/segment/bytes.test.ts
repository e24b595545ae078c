// The byte-level building blocks (FORMAT.md section 1): LEB128 varints at their edges, the reader's bounds, CRC-32.
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, crc32 } from '../../src/segment/bytes.js';
import { putVarint, VarintCursor } from '../../src/segment/postings.js';
import { FahrasError } from '../../src/errors.js';

const EDGES: [number, number][] = [
  // value, bytes of its LEB128 form
  [0, 1],
  [127, 1],
  [128, 2],
  [2 ** 14 - 1, 2],
  [2 ** 14, 3],
  [2 ** 31, 5],
  [2 ** 32 - 1, 5],
  [2 ** 32, 5],
  [2 ** 35, 6],
  [2 ** 49 - 1, 7],
  [2 ** 53 - 1, 8],
  [2 ** 53, 8],
];

function written(v: number): Uint8Array {
  const w = new ByteWriter(16);
  w.varint(v);
  return w.finish();
}

describe('ByteWriter / ByteReader varints', () => {
  it('write each edge value in its LEB128 length and read it back exactly, up to 2^53', () => {
    for (const [v, length] of EDGES) {
      const bytes = written(v);
      expect(bytes.length, String(v)).toBe(length);
      const r = new ByteReader(bytes);
      expect(r.varint(), String(v)).toBe(v);
      expect(r.pos).toBe(length);
    }
    expect(Array.from(written(2 ** 32 - 1))).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(Array.from(written(2 ** 53))).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
  });

  it('refuse a ninth byte, a value over its bound and a varint cut short, with typed errors', () => {
    const code = (bytes: number[], max?: number) => {
      try {
        new ByteReader(Uint8Array.from(bytes)).varint(max);
        return 'ok';
      } catch (e) {
        return e instanceof FahrasError ? e.code : String(e);
      }
    };
    expect(code([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).toBe('CORRUPT_INDEX');
    expect(code([0x81, 0x01], 128)).toBe('CORRUPT_INDEX'); // 129 > 128
    expect(code([0x81, 0x01], 129)).toBe('ok');
    expect(code([0xff, 0xff])).toBe('TRUNCATED');
  });
});

describe('postings varints (putVarint, VarintCursor)', () => {
  it('write values below 2^32 as ByteWriter does and read them back', () => {
    for (const [v] of EDGES.filter(([v]) => v < 2 ** 32)) {
      const b = new Uint8Array(8);
      const end = putVarint(b, 0, v);
      expect(Array.from(b.subarray(0, end)), String(v)).toEqual(Array.from(written(v)));
      expect(new VarintCursor().reset(b, 0, end).next(), String(v)).toBe(v);
    }
  });

  it('read 0 past the end of their range', () => {
    const c = new VarintCursor().reset(Uint8Array.of(0x81, 0x01, 0x05), 0, 2);
    expect(c.next()).toBe(129);
    expect(c.next()).toBe(0);
  });
});

describe('crc32', () => {
  it('is the IEEE CRC-32 (the check value of "123456789" is 0xCBF43926) over a range', () => {
    const bytes = new TextEncoder().encode('xx123456789yy');
    expect(crc32(bytes, 2, 11)).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('strings', () => {
  it('keep a leading U+FEFF (it is text, not a byte order mark): an index of such documents loads', async () => {
    const w = new ByteWriter();
    w.string('\ufeffنص');
    expect(new ByteReader(w.finish()).string()).toBe('\ufeffنص');
    const { createIndex, loadIndex } = await import('../../src/index.js');
    const index = createIndex();
    index.add({ id: '\ufeffa', text: '\ufeffالمكتبة الوطنية\nفي المدينة' });
    const loaded = loadIndex(index.serialize());
    expect(loaded.search('المدينة')).toEqual(index.search('المدينة'));
    expect(loaded.has('\ufeffa')).toBe(true);
  });
});
