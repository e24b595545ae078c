// An open-addressing hash table from UTF-16 code unit sequences to dense ids. The tokenizer writes each
// normalized word into a scratch buffer; interning it there means a word seen before costs a hash and a
// compare, and no string is allocated per token.
//
// Layout for cache locality: each slot holds [hash, id] side by side, and the words' code units live in one
// flat pool, so a lookup touches the slot and the pool, not a JS string object.

import { codesToString, hashCodes } from './tokenize.js';

/** Dense ids for strings, looked up from code units or from strings. */
export class Interner {
  /** The string of each id. */
  readonly strings: string[] = [];
  /** Pairs [hash, id + 1] per slot; id + 1 = 0 marks an empty slot. */
  private slots = new Int32Array(4096);
  private mask = 2047;
  /** Code units of every word, back to back; `start[id]`, `start[id + 1]` delimit word `id`. */
  private pool = new Uint16Array(8192);
  private start = new Uint32Array(1025);
  private scratch = new Uint16Array(64);

  get size(): number {
    return this.strings.length;
  }

  /** The id of the word in `buf[0, n)`, adding it if new; `hash` = `hashCodes(buf, n)` when the caller has it. */
  intern(buf: Uint16Array, n: number, hash: number = hashCodes(buf, n), str?: string): number {
    const h = hash | 0;
    const slots = this.slots;
    const mask = this.mask;
    const pool = this.pool;
    const start = this.start;
    let i = h & mask;
    for (;;) {
      const id1 = slots[2 * i + 1];
      if (id1 === 0) break;
      if (slots[2 * i] === h) {
        const a = start[id1 - 1];
        if (start[id1] - a === n) {
          let k = 0;
          while (k < n && pool[a + k] === buf[k]) k++;
          if (k === n) return id1 - 1;
        }
      }
      i = (i + 1) & mask;
    }
    return this.insert(buf, n, h, i, str);
  }

  /** The id of `s`, or -1 when it was never interned. */
  find(s: string): number {
    const n = s.length;
    if (this.scratch.length < n) this.scratch = new Uint16Array(n * 2);
    const b = this.scratch;
    for (let i = 0; i < n; i++) b[i] = s.charCodeAt(i);
    const h = hashCodes(b, n) | 0;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const id1 = this.slots[2 * i + 1];
      if (id1 === 0) return -1;
      if (this.slots[2 * i] === h && this.strings[id1 - 1] === s) return id1 - 1;
      i = (i + 1) & mask;
    }
  }

  /** The id of `s`, adding it if new. */
  internString(s: string): number {
    const n = s.length;
    if (this.scratch.length < n) this.scratch = new Uint16Array(n * 2);
    const b = this.scratch;
    for (let i = 0; i < n; i++) b[i] = s.charCodeAt(i);
    return this.intern(b, n, hashCodes(b, n), s);
  }

  private insert(buf: Uint16Array, n: number, h: number, slot: number, str?: string): number {
    const id = this.strings.length;
    const s = str ?? codesToString(buf, n);
    this.strings.push(s);
    if (id + 2 > this.start.length) {
      const ns = new Uint32Array(this.start.length * 2);
      ns.set(this.start);
      this.start = ns;
    }
    const at = this.start[id];
    if (at + n > this.pool.length) {
      let size = this.pool.length * 2;
      while (size < at + n) size *= 2;
      const np = new Uint16Array(size);
      np.set(this.pool);
      this.pool = np;
    }
    this.pool.set(buf.subarray(0, n), at);
    this.start[id + 1] = at + n;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = id + 1;
    if ((id + 1) * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const old = this.slots;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const id1 = old[j + 1];
      if (id1 === 0) continue;
      let i = old[j] & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[j];
      slots[2 * i + 1] = id1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
