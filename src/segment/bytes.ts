// Byte-level building blocks shared by the index writer and reader: growable buffers, LEB128 varints,
// UTF-8 strings, CRC-32. The reader checks every length against the bytes it has, so damaged input ends in a
// FahrasError, never in a huge allocation or an out-of-bounds read.
import { FahrasError, type FahrasErrorCode } from '../errors.js';

/** The byte arrays `parts`, one after another, in one array. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An append-only byte buffer that doubles when full. @internal */
export class ByteWriter {
  buffer: Uint8Array;
  length = 0;

  constructor(initial = 1024) {
    this.buffer = new Uint8Array(Math.max(16, initial));
  }

  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < need) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buffer.subarray(0, this.length));
    this.buffer = b;
  }

  byte(v: number): void {
    this.ensure(1);
    this.buffer[this.length++] = v;
  }

  /** Unsigned LEB128, for integers up to 2^53. */
  varint(v: number): void {
    if (v < 0x80 && this.length < this.buffer.length) {
      this.buffer[this.length++] = v; // the common one-byte case
      return;
    }
    this.ensure(8);
    const b = this.buffer;
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
    const b = this.buffer;
    const n = this.length;
    b[n] = v & 0xff;
    b[n + 1] = (v >>> 8) & 0xff;
    b[n + 2] = (v >>> 16) & 0xff;
    b[n + 3] = (v >>> 24) & 0xff;
    this.length = n + 4;
  }

  raw(src: Uint8Array): void {
    this.ensure(src.length);
    this.buffer.set(src, this.length);
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
    return this.buffer.slice(0, this.length);
  }
}

/**
 * Reads what ByteWriter wrote. An overrun throws `FahrasError('TRUNCATED')`, a value over its bound or a varint
 * longer than 8 bytes `CORRUPT_INDEX`; messages name the byte offset reached (see {@link ByteReader.fail}).
 * @internal
 */
export class ByteReader {
  readonly input: Uint8Array;
  pos: number;
  readonly endOffset: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.input = bytes;
    this.pos = start;
    this.endOffset = end;
  }

  /** Throws `FahrasError(code)` naming the offset reached: one message for every check (they ship to browsers). */
  fail(code: FahrasErrorCode = 'CORRUPT_INDEX'): never {
    throw new FahrasError(code, `bad index data at byte ${this.pos}`);
  }

  byte(): number {
    return this.pos < this.endOffset ? this.input[this.pos++] : this.fail('TRUNCATED');
  }

  /** An unsigned LEB128 varint of at most 8 bytes that must not exceed `max` (declared counts and lengths are checked before anything is allocated). */
  varint(max = Infinity): number {
    // the bytes read here, not through byte(): a call per byte cost a cold search on the 102 MB pack several ms
    // (its root alone holds 100,000 varints; bench/NOTES.md, coldpath)
    let result = 0;
    for (let i = 0, mul = 1; i < 8; i++, mul *= 128) {
      const v = this.pos < this.endOffset ? this.input[this.pos++] : this.fail('TRUNCATED');
      result += (v & 0x7f) * mul;
      if (v < 0x80) return result > max ? this.fail() : result;
    }
    return this.fail();
  }

  /** A length-prefixed block, returned as a view (no copy). */
  block(): Uint8Array {
    const n = this.varint();
    if (n > this.endOffset - this.pos) this.fail('TRUNCATED');
    return this.input.subarray(this.pos, (this.pos += n));
  }

  string(): string {
    return utf8Decode(this.block());
  }
}

const encoder = /* @__PURE__ */ new TextEncoder();
// UTF-8, malformed bytes as U+FFFD; a leading U+FEFF is text, not a byte order mark to drop (a document starting with
// one failed to load: its paragraphs ended past its shortened text)
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3 polynomial 0xEDB88320) of `b[start, end)`. */
export function crc32(b: Uint8Array, start = 0, end = b.length): number {
  const t = (crcTable ??= new Uint32Array(256).map((_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n;
  }));
  let crc = -1;
  for (let i = start; i < end; i++) crc = t[(crc ^ b[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** A growable Uint32 array (paragraph tables and the like). @internal */
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
