// An open-addressing hash table from UTF-16 code unit sequences to dense ids. The tokenizer writes each
// normalized word into a scratch buffer; interning it there means a word seen before costs a hash and a
// compare, and no string is allocated per token.

/** FNV-1a over `buf[0, n)`. */
function hashCodes(buf: Uint16Array, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Dense ids for strings, looked up from code units or from strings. */
export class Interner {
  /** The string of each id. */
  readonly strings: string[] = [];
  private hashes = new Uint32Array(1024);
  private slots = new Int32Array(2048); // id + 1, 0 = empty
  private mask = 2047;

  get size(): number {
    return this.strings.length;
  }

  /** The id of the word in `buf[0, n)`, adding it if new. */
  intern(buf: Uint16Array, n: number): number {
    const h = hashCodes(buf, n);
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const v = slots[i];
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h) {
        const s = this.strings[id];
        if (s.length === n) {
          let k = 0;
          while (k < n && s.charCodeAt(k) === buf[k]) k++;
          if (k === n) return id;
        }
      }
      i = (i + 1) & mask;
    }
    let s: string;
    if (n <= 64) s = String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
    else {
      s = '';
      for (let k = 0; k < n; k += 1024) s += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 1024)) as unknown as number[]);
    }
    return this.insert(s, h, i);
  }

  /** The id of `s`, adding it if new. */
  internString(s: string): number {
    const h = hashString(s);
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const v = slots[i];
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h && this.strings[id] === s) return id;
      i = (i + 1) & mask;
    }
    return this.insert(s, h, i);
  }

  private insert(s: string, h: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(s);
    if (id >= this.hashes.length) {
      const nh = new Uint32Array(this.hashes.length * 2);
      nh.set(this.hashes);
      this.hashes = nh;
    }
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.strings.length; id++) {
      let i = this.hashes[id] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
