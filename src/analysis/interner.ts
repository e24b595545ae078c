// An open-addressing hash table from UTF-16 code unit sequences to dense ids. The tokenizer writes each
// normalized word into a scratch buffer; interning it there means a word seen before costs a hash and a
// compare, and no string is allocated per token.
//
// Layout for cache locality: each slot holds [hash, record] side by side, and each word is one record in a
// flat pool of code units — its length, its id (two units), then its units — so a lookup touches the slot and
// one stretch of the pool, not a JS string object nor a separate table of offsets.

import { codesToString, hashCodes } from './tokenize.js';

/** Units before a word's code units in its pool record: length, id low 16 bits, id high bits. */
const HEAD = 3;

/** Dense ids for strings, looked up from code units or from strings. @internal */
export class Interner {
  /** The string of each id. */
  readonly strings: string[] = [];
  // Both tables start small: they grow (rehash, pool copy) within the first words of a build, so those paths have
  // run before the tokenizer's loop that this is inlined into is optimized; one first taken later deoptimizes it.
  /** Pairs [hash, record offset + 1] per slot; 0 marks an empty slot. */
  private slots = new Int32Array(128);
  private mask = 63;
  /** Word records back to back (see HEAD), from 0 to `used`. */
  private pool = new Uint16Array(256);
  private used = 0;
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
    let i = h & mask;
    for (;;) {
      const r1 = slots[2 * i + 1];
      if (r1 === 0) break;
      if (slots[2 * i] === h && pool[r1 - 1] === n) {
        const a = r1 - 1 + HEAD;
        let k = 0;
        while (k < n && pool[a + k] === buf[k]) k++;
        if (k === n) return pool[r1] | (pool[r1 + 1] << 16);
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
      const r1 = this.slots[2 * i + 1];
      if (r1 === 0) return -1;
      const id = this.pool[r1] | (this.pool[r1 + 1] << 16);
      if (this.slots[2 * i] === h && this.strings[id] === s) return id;
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
    this.strings.push(str ?? wordString(buf, n));
    const at = this.used;
    let pool = this.pool;
    if (at + HEAD + n > pool.length) {
      let size = pool.length * 2;
      while (size < at + HEAD + n) size *= 2;
      pool = new Uint16Array(size);
      pool.set(this.pool);
      this.pool = pool;
    }
    pool[at] = n;
    pool[at + 1] = id & 0xffff;
    pool[at + 2] = id >>> 16;
    for (let k = 0; k < n; k++) pool[at + HEAD + k] = buf[k];
    this.used = at + HEAD + n;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = at + 1;
    if ((id + 1) * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const old = this.slots;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const r1 = old[j + 1];
      if (r1 === 0) continue;
      let i = old[j] & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[j];
      slots[2 * i + 1] = r1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * The string of `buf[0, n)`, fast for the short words most new words are: a direct call with the units as
 * arguments is about twice as fast as `apply` on an array view (97 against 206 ns per 2–10 unit word, Node 20).
 */
function wordString(buf: Uint16Array, n: number): string {
  switch (n) {
    case 1: return String.fromCharCode(buf[0]);
    case 2: return String.fromCharCode(buf[0], buf[1]);
    case 3: return String.fromCharCode(buf[0], buf[1], buf[2]);
    case 4: return String.fromCharCode(buf[0], buf[1], buf[2], buf[3]);
    case 5: return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4]);
    case 6: return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4], buf[5]);
    case 7: return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]);
    case 8: return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6], buf[7]);
  }
  return codesToString(buf, n);
}
