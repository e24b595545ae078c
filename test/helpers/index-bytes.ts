// Editing serialized index bytes for tests: the stored configuration, and the header's CRC after a change.
import { crc32 } from '../../src/segment/bytes.js';
import { putVarint } from '../../src/segment/postings.js';
import { readSnapshot } from '../../src/segment/reader.js';
import { serializeSnapshot } from '../../src/segment/writer.js';

/** Recomputes the header's CRC so damage reaches the parser instead of stopping at the checksum. */
export function withValidCrc(b: Uint8Array): Uint8Array {
  if (b.length >= 16) new DataView(b.buffer, b.byteOffset, b.byteLength).setUint32(12, crc32(b, 16), true);
  return b;
}

/** The index bytes with their configuration JSON replaced by `edit(config)` (header length and CRC fixed up). */
export function withConfig(bytes: Uint8Array, edit: (c: Record<string, any>) => unknown): Uint8Array {
  let len = 0;
  let p = 16;
  for (let mul = 1; ; mul *= 128) {
    const v = bytes[p++];
    len += (v & 0x7f) * mul;
    if (v < 0x80) break;
  }
  const json = new TextDecoder().decode(bytes.subarray(p, p + len));
  const edited = edit(JSON.parse(json));
  const enc = new TextEncoder().encode(typeof edited === 'string' ? edited : JSON.stringify(edited));
  const head: number[] = [];
  for (let v = enc.length; ; v = Math.floor(v / 128)) {
    if (v < 0x80) {
      head.push(v);
      break;
    }
    head.push((v & 0x7f) | 0x80);
  }
  const rest = bytes.subarray(p + len);
  const out = new Uint8Array(16 + head.length + enc.length + rest.length);
  out.set(bytes.subarray(0, 16));
  out.set(head, 16);
  out.set(enc, 16 + head.length);
  out.set(rest, 16 + head.length + enc.length);
  new DataView(out.buffer).setUint32(8, out.length - 16, true);
  return withValidCrc(out);
}

/**
 * The index bytes with text term `term`'s unit entries replaced by `entries` (`[unit delta, tf]` each, written as the
 * codec writes them), serialized again by the writer: a crafted file with a valid checksum and consistent lengths.
 */
export function withUnitEntries(bytes: Uint8Array, term: string, entries: [number, number][]): Uint8Array {
  const snap = readSnapshot(bytes);
  const text = snap.textIndex;
  const t = text.termsById.indexOf(term);
  if (t < 0) throw new Error(`no term ${term}`);
  const head = text.entryBytes.subarray(0, text.entryStart[t]);
  const tail = text.entryBytes.subarray(text.entryStart[t + 1]);
  const mid = new Uint8Array(entries.length * 20);
  let n = 0;
  for (const [delta, tf] of entries) n = tf === 1 ? putVarint(mid, n, delta * 2 + 1) : putBigVarint(mid, putVarint(mid, n, delta * 2), tf);
  const out = new Uint8Array(head.length + n + tail.length);
  out.set(head);
  out.set(mid.subarray(0, n), head.length);
  out.set(tail, head.length + n);
  const shift = n - (text.entryStart[t + 1] - text.entryStart[t]);
  const entryStart = text.entryStart.slice();
  for (let i = t + 1; i < entryStart.length; i++) entryStart[i] += shift;
  return serializeSnapshot({ ...snap, textIndex: { ...text, entryBytes: out, entryStart } }).bytes;
}

/** A varint of any size up to 2^53 (the codec's writer stops at 2^32; crafted files need not). */
function putBigVarint(b: Uint8Array, p: number, v: number): number {
  while (v >= 0x80) {
    b[p++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  b[p++] = v;
  return p;
}
