// Byte-level building blocks shared by the index writer and reader: growable buffers, LEB128 varints,
// UTF-8 strings, CRC-32. The reader checks every length against the bytes it has, so damaged input ends in a
// FahrasError, never in a huge allocation or an out-of-bounds read.
import { FahrasError } from '../errors.js';

/** An append-only byte buffer that doubles when full. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(initial = 1024) {
    this.bytes = new Uint8Array(Math.max(16, initial));
  }

  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.bytes.subarray(0, this.length));
    this.bytes = b;
  }

  byte(v: number): void {
    this.ensure(1);
    this.bytes[this.length++] = v;
  }

  /** Unsigned LEB128, for integers up to 2^53. */
  varint(v: number): void {
    if (v < 0x80 && this.length < this.bytes.length) {
      this.bytes[this.length++] = v; // the common one-byte case
      return;
    }
    this.ensure(8);
    const b = this.bytes;
    let n = this.length;
    while (v >= 0x80) {
      b[n++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    b[n++] = v;
    this.length = n;
  }

  u32(v: number): void {
    this.ensure(4);
    const b = this.bytes;
    const n = this.length;
    b[n] = v & 0xff;
    b[n + 1] = (v >>> 8) & 0xff;
    b[n + 2] = (v >>> 16) & 0xff;
    b[n + 3] = (v >>> 24) & 0xff;
    this.length = n + 4;
  }

  raw(src: Uint8Array): void {
    this.ensure(src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }

  /** A length-prefixed UTF-8 string. */
  string(s: string): void {
    const enc = utf8Encode(s);
    this.varint(enc.length);
    this.raw(enc);
  }

  /** A length-prefixed block of raw bytes. */
  block(src: Uint8Array): void {
    this.varint(src.length);
    this.raw(src);
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; any overrun throws `FahrasError('TRUNCATED')`. */
export class ByteReader {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  private fail(what: string): never {
    throw new FahrasError('TRUNCATED', `index data ends in ${what}`);
  }

  byte(): number {
    if (this.pos >= this.end) this.fail('byte');
    return this.bytes[this.pos++];
  }

  varint(): number {
    let result = 0;
    let mul = 1;
    const b = this.bytes;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.end) this.fail('varint');
      const v = b[this.pos++];
      result += (v & 0x7f) * mul;
      if (v < 0x80) return result;
      mul *= 128;
    }
    throw new FahrasError('CORRUPT_INDEX', 'bad index data: varint');
  }

  /** A varint that must not exceed `max` (a declared length or count checked before anything is allocated). */
  bounded(max: number, what: string): number {
    const v = this.varint();
    if (v > max) throw new FahrasError('CORRUPT_INDEX', `bad index data: ${what} ${v} > ${max}`);
    return v;
  }

  /** A length-prefixed block, returned as a view (no copy). */
  block(): Uint8Array {
    const n = this.varint();
    if (n > this.end - this.pos) this.fail('block');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    return utf8Decode(this.block());
  }
}

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: false });

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3 polynomial 0xEDB88320) of `b[start, end)`. */
export function crc32(b: Uint8Array, start = 0, end = b.length): number {
  let t = crcTable;
  if (!t) {
    t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    crcTable = t;
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = t[(crc ^ b[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A growable Uint32 array (paragraph tables and the like). */
export class U32List {
  data: Uint32Array;
  length = 0;

  constructor(initial = 64) {
    this.data = new Uint32Array(Math.max(4, initial));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Uint32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }

  /** A copy trimmed to the length. */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
