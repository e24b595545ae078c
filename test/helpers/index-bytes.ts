// Editing serialized index bytes for tests: the stored configuration, and the header's CRC after a change.
import { crc32 } from '../../src/segment/bytes.js';

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
