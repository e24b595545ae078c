// The postings writer: a term dictionary plus, per term, the paragraphs (documents, in a field index) that
// contain it with their term frequencies and positions. New tokens are appended to a flat log of typed arrays;
// `freeze()` folds the log into the compact per-term layout that readers use (see TermIndexData and
// src/segment/postings.ts for the byte encoding).
import { Interner } from '../analysis/interner.js';
import { emptyTermIndex, type TermIndexData } from '../segment/model.js';
import { forEachEntry, putEntry, putVarint } from '../segment/postings.js';

function grow<T extends Uint32Array | Int32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(16, a.length * 2);
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** A copy of `a` with room for `size` entries. */
function resized(a: Uint32Array, size: number): Uint32Array {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/**
 * Tokens waiting to be folded into postings, in paragraph order. Per token: a term id in up to two columns (the builder
 * logs each token's text term and surface term side by side, one log for both indexes) and its position; the paragraph
 * is stored once per run of tokens of the same paragraph.
 * @internal
 */
export class TokenLog {
  /** Term ids of column 0, per token. */
  firstColumn: Uint32Array;
  /** Term ids of column 1 (empty when the log has one column). */
  secondColumn: Uint32Array;
  /** Positions (empty when not kept). */
  pos: Uint32Array;
  length = 0;
  /** Run r holds tokens [runStart[r], runStart[r + 1]) (the last run ends at `length`), all of paragraph runParagraph[r]. */
  runStart: Uint32Array;
  runParagraph: Uint32Array;
  runs = 0;
  private sortBuf = new Uint32Array(0);
  private readonly twoColumns: boolean;
  private readonly withPositions: boolean;

  constructor(twoColumns: boolean, withPositions: boolean) {
    this.twoColumns = twoColumns;
    this.withPositions = withPositions;
    this.firstColumn = new Uint32Array(1024);
    this.secondColumn = new Uint32Array(twoColumns ? 1024 : 0);
    this.pos = new Uint32Array(withPositions ? 1024 : 0);
    this.runStart = new Uint32Array(64);
    this.runParagraph = new Uint32Array(64);
  }

  /** The tokens logged next belong to `paragraph` (paragraph numbers never decrease). */
  setParagraph(paragraph: number): void {
    const runs = this.runs;
    if (runs > 0 && this.runParagraph[runs - 1] === paragraph) return;
    // a previous paragraph that logged no token gives its run to this one; no branch of its own, since a branch first
    // taken after the builder's loop is optimized (a paragraph of stopwords only) would deoptimize that loop
    const r = runs - (runs > 0 && this.runStart[runs - 1] === this.length ? 1 : 0);
    if (r === this.runStart.length) {
      this.runStart = grow(this.runStart, r + 1);
      this.runParagraph = grow(this.runParagraph, r + 1);
    }
    this.runStart[r] = this.length;
    this.runParagraph[r] = paragraph;
    this.runs = r + 1;
  }

  /** Logs one token of the current paragraph (`term2` is ignored by a one-column log, `position` when not kept). */
  push(term: number, term2: number, position: number): void {
    const n = this.length;
    if (n === this.firstColumn.length) {
      this.firstColumn = grow(this.firstColumn, n + 1);
      if (this.twoColumns) this.secondColumn = grow(this.secondColumn, n + 1);
      if (this.withPositions) this.pos = grow(this.pos, n + 1);
    }
    this.firstColumn[n] = term;
    if (this.twoColumns) this.secondColumn[n] = term2;
    if (this.withPositions) this.pos[n] = position;
    this.length = n + 1;
  }

  /** Makes room for `tokens` tokens in all (a hint from a bulk load: fewer copies and fresh pages than doubling). */
  reserve(tokens: number): void {
    if (tokens <= this.firstColumn.length) return;
    // exactly that (not the next power of two): V8 counts typed arrays' bytes, and 64 MB of them since the last
    // full collection start another one
    this.firstColumn = resized(this.firstColumn, tokens);
    if (this.twoColumns) this.secondColumn = resized(this.secondColumn, tokens);
    if (this.withPositions) this.pos = resized(this.pos, tokens);
  }

  /** A scratch array of at least `size` entries for sorting the log, shared by the writers that read it. */
  sortBuffer(size: number): Uint32Array {
    if (this.sortBuf.length < size) this.sortBuf = new Uint32Array(size);
    return this.sortBuf;
  }

  /** Empties the log, giving its memory back after a bulk load. */
  clear(): void {
    this.length = 0;
    this.runs = 0;
    this.sortBuf = new Uint32Array(0);
    if (this.firstColumn.length > 1 << 16) {
      this.firstColumn = new Uint32Array(1024);
      this.secondColumn = new Uint32Array(this.twoColumns ? 1024 : 0);
      this.pos = new Uint32Array(this.withPositions ? 1024 : 0);
      this.runStart = new Uint32Array(64);
      this.runParagraph = new Uint32Array(64);
    }
  }
}

/** `lastFrozen[t]` of a term whose frozen entries (from a loaded index) were not decoded yet. */
const UNDECODED = -2;

/** Accumulates postings; cheap to append to, frozen on demand. @internal */
export class PostingsWriter {
  private frozen: TermIndexData;
  /** Term strings by id. */
  private termsById: string[];
  /** Whether `terms` is also the frozen layout's array (copied before the next term is added). */
  private termsShared: boolean;
  /** term → id, built only when a lookup by string is needed (see {@link idFor}); null until then. */
  private lookup: Interner | null = null;
  /** Per term: live df, last paragraph seen (for df counting), last paragraph in the frozen bytes, max tf. */
  /** Live df of the frozen entries plus the log's, minus forgotten entries (may dip below 0 until the next freeze). */
  private df: Int32Array;
  private lastFrozen: Int32Array;
  /** New tokens: this writer's own log, or column `column` of a log it shares (see {@link TokenLog}). */
  private readonly log: TokenLog;
  private readonly column: 0 | 1;
  /** Whether `freeze()` empties the log (false when shared: its owner clears it after freezing every writer). */
  private readonly ownsLog: boolean;

  /** Whether positions are kept (phrases and proximity need them; surface-form evidence does not). */
  readonly withPositions: boolean;

  /**
   * `from`: postings to start from; `shared`: a log the caller fills directly (column 1 is read as this writer's
   * term ids) and clears after freezing.
   */
  constructor(from?: TermIndexData, withPositions = true, shared?: { log: TokenLog; column: 0 | 1 }) {
    this.withPositions = withPositions;
    this.log = shared ? shared.log : new TokenLog(false, withPositions);
    this.column = shared ? shared.column : 0;
    this.ownsLog = !shared;
    const f = from ?? emptyTermIndex();
    this.frozen = f;
    this.termsById = f.termsById;
    this.termsShared = true;
    const n = this.termsById.length;
    this.df = grow(new Int32Array(0), n);
    this.df.set(f.df);
    // the last paragraph of a frozen term is found by decoding its entries, at the first freeze that adds to it (a loaded
    // index that is only searched never pays for it); room for new terms starts at -1 (no paragraph yet)
    this.lastFrozen = grow(new Int32Array(0), n).fill(-1).fill(UNDECODED, 0, n);
  }

  /** The id of `term`, adding it to the dictionary if new. */
  idFor(term: string): number {
    const t = this.ensureLookup().find(term);
    return t >= 0 ? t : this.appendTerm(term);
  }

  /**
   * Adds a term the caller knows is new (the builder maps each analyzer term once, so into a writer that started
   * empty it can append without a lookup). Returns its id.
   */
  appendTerm(term: string): number {
    const t = this.termsById.length;
    if (this.termsShared) {
      this.termsById = this.termsById.slice();
      this.termsShared = false;
    }
    this.termsById.push(term);
    if (this.lookup !== null) this.lookup.internString(term);
    if (t >= this.df.length) {
      this.df = grow(this.df, t + 1);
      const lf = this.lastFrozen.length;
      this.lastFrozen = grow(this.lastFrozen, t + 1);
      this.lastFrozen.fill(-1, lf);
    }
    return t;
  }

  private ensureLookup(): Interner {
    if (this.lookup === null) {
      const l = new Interner();
      for (const term of this.termsById) l.internString(term);
      this.lookup = l;
    }
    return this.lookup;
  }

  /** Records one token of `paragraph` at `position`. Paragraphs must be added in increasing order. */
  add(term: string, paragraph: number, position: number): void {
    this.addId(this.idFor(term), paragraph, position);
  }

  /** Like {@link add} with a term id from {@link idFor}. */
  addId(t: number, paragraph: number, position: number): void {
    const log = this.log;
    log.setParagraph(paragraph);
    log.push(t, 0, position);
  }

  /** Lowers the live df of `term` by one (its paragraph was removed). */
  forget(term: string): void {
    this.forgetId(this.find(term));
  }

  /** Lowers the live df of term `t` by one (nothing for -1). */
  forgetId(t: number): void {
    if (t >= 0) this.df[t]--;
  }

  /** The id of `term`, or -1 when the dictionary lacks it. */
  find(term: string): number {
    return this.ensureLookup().find(term);
  }

  /** The number of terms, frozen or not. */
  get termCount(): number {
    return this.termsById.length;
  }

  /** Term `t`'s string. */
  termAt(t: number): string {
    return this.termsById[t];
  }

  /** Term `t`'s live df before the log is folded in (the frozen entries less the forgotten ones). */
  frozenDf(t: number): number {
    return this.df[t];
  }

  /**
   * Moves term `from`'s df to term `to`: the builder folds a term that has no frozen entries into another, so the
   * entries forgotten before the fold (a negative df) count against the term that now holds its entries.
   */
  moveDf(from: number, to: number): void {
    this.df[to] += this.df[from];
    this.df[from] = 0;
  }

  /** Folds the log into the frozen layout and returns it (a new view; postings are copied only when tokens were added). */
  freeze(): TermIndexData {
    const n = this.termsById.length;
    const old = this.frozen;
    const oldN = old.termsById.length;
    const log = this.log;
    if (log.length === 0 && oldN === n) {
      // only df may have changed (forget): a new view over the same postings
      this.frozen = { ...old, df: liveDf(this.df, n) };
      return this.frozen;
    }
    const keepPos = this.withPositions;
    const { start, sorted: ent } = sortLog(log, this.column, n, keepPos);
    // each term: its old bytes, then its new entries (a pass over the terms in a function of its own, see encodeTerms)
    const out: Encoded = {
      bytes: new Uint8Array(old.entryBytes.length + 2 * log.length + 16),
      posBytes: new Uint8Array(keepPos ? old.positionBytes.length + log.length + (log.length >> 1) + 16 : 0),
      docStart: new Uint32Array(n + 1),
      posStart: new Uint32Array(n + 1),
    };
    const p = encodeTerms(out, old, start, ent, keepPos, n, this.lastFrozen, this.df);
    const { bytes, posBytes, docStart, posStart } = out;
    const q = posStart[n];
    // sorted order: merge the old order with the new terms sorted
    const terms = this.termsById;
    // (the log's sort buffer, done with, is the term sort's scratch space)
    const sorted = n === oldN ? old.sorted : mergeNewTerms(old.sorted, oldN, n, terms, log.sortBuffer(0));
    this.termsShared = true;
    this.frozen = {
      termsById: terms,
      sorted,
      df: liveDf(this.df, n),
      entryStart: docStart,
      entryBytes: bytes.length - p > 4096 ? bytes.slice(0, p) : bytes.subarray(0, p),
      positionStart: posStart,
      positionBytes: posBytes.length - q > 4096 ? posBytes.slice(0, q) : posBytes.subarray(0, q),
    };
    if (this.ownsLog) log.clear();
    return this.frozen;
  }
}

/**
 * Counting sort of a log column by term id (stable: paragraphs and positions stay ascending within a term). Term `t`'s
 * entries are [start[t], start[t + 1]): entry j is `sorted[j]` (its paragraph) without positions, else the pair
 * `sorted[2j]` (paragraph), `sorted[2j + 1]` (position), so each token is scattered to one place. Each pass is a function
 * of its own: a build runs them once, cold, and a function whose loops are compiled on-stack one after the other is
 * deoptimized at the end of each loop.
 */
function sortLog(log: TokenLog, column: 0 | 1, n: number, keepPos: boolean): { start: Uint32Array; sorted: Uint32Array } {
  const L = log.length;
  const logTerm = column === 0 ? log.firstColumn : log.secondColumn;
  const start = termCounts(logTerm, L, n);
  prefixSums(start, n);
  const sorted = log.sortBuffer(keepPos ? 2 * L : L);
  // start[t] is term t's next free entry while scattering, so afterwards it is where term t + 1 starts
  scatter(log, logTerm, start, sorted, keepPos);
  start.copyWithin(1, 0, n);
  start[0] = 0;
  return { start, sorted };
}

/** `count[t + 1]` = tokens of term `t` (n + 1 entries); the prefix sums make them where each term's entries start. */
function termCounts(logTerm: Uint32Array, L: number, n: number): Uint32Array {
  const count = new Uint32Array(n + 1);
  for (let i = 0; i < L; i++) count[logTerm[i] + 1]++;
  return count;
}

function prefixSums(a: Uint32Array, n: number): void {
  for (let t = 0; t < n; t++) a[t + 1] += a[t];
}

/**
 * Scatters each token to entry `fill[term]++` of `sorted`: its (paragraph, position) pair with `keepPos`, else its paragraph.
 * No branch on `keepPos`: the position is written at `j + sh` first and the paragraph at `j` after it, so without
 * positions (sh = 0) the paragraph overwrites it. (The text column runs first, with positions; a branch only the
 * surface column takes would deoptimize the loop compiled for the first.) A log without positions reads
 * `undefined` there (stored as 0, then overwritten); the builder's shared log always holds them.
 */
function scatter(log: TokenLog, logTerm: Uint32Array, fill: Uint32Array, sorted: Uint32Array, keepPos: boolean): void {
  const L = log.length;
  const logPos = log.pos;
  const runs = log.runs;
  const runStart = log.runStart;
  const runParagraph = log.runParagraph;
  const sh = keepPos ? 1 : 0;
  let r = 0;
  let paragraph = runs > 0 ? runParagraph[0] : 0;
  let e = runs > 1 ? runStart[1] : L;
  for (let i = 0; i < L; i++) {
    while (i === e) {
      r++;
      paragraph = runParagraph[r];
      e = r + 1 < runs ? runStart[r + 1] : L;
    }
    const j = fill[logTerm[i]]++ << sh;
    sorted[j + sh] = logPos[i];
    sorted[j] = paragraph;
  }
}

/** The output of {@link encodeTerms}: the buffers (grown as needed) and each term's offsets in them. */
interface Encoded {
  bytes: Uint8Array;
  posBytes: Uint8Array;
  docStart: Uint32Array;
  posStart: Uint32Array;
}

/**
 * Writes every term's postings: its old bytes (terms below `old.terms.length`), then its sorted new entries
 * `ent[start[t], start[t + 1])` encoded as paragraphs with term frequencies (after `lastFrozen[t]`, decoded from the old
 * bytes when UNDECODED) and positions. Updates `lastFrozen` and adds each term's new paragraphs to `df`. Returns the bytes used in `out.bytes` (`out.posStart[n]` is
 * those used in `out.posBytes`). The ends are written by the loop's last round and nothing but a return follows it:
 * code after a loop compiled on-stack has never run, and reaching it deoptimizes the function (then slow again for
 * the next writer's call).
 */
function encodeTerms(
  out: Encoded,
  old: TermIndexData,
  start: Uint32Array,
  ent: Uint32Array,
  keepPos: boolean,
  n: number,
  lastFrozen: Int32Array,
  df: Int32Array,
): number {
  const oldN = old.termsById.length;
  const sh = keepPos ? 1 : 0; // entry j at ent[j << sh]: its paragraph, then its position when kept
  const docStart = out.docStart;
  const posStart = out.posStart;
  let bytes = out.bytes;
  let posBytes = out.posBytes;
  let p = 0;
  let q = 0;
  for (let t = 0; t <= n; t++) {
    docStart[t] = p;
    posStart[t] = q;
    if (t === n) break;
    const a = start[t];
    const b = start[t + 1];
    // room for this term: its old bytes plus the worst case of its new entries (10 bytes a paragraph, 5 a position)
    const oldDoc = t < oldN ? old.entryStart[t + 1] - old.entryStart[t] : 0;
    if (p + oldDoc + 10 * (b - a) > bytes.length) out.bytes = bytes = growBytes(bytes, p + oldDoc + 10 * (b - a));
    if (keepPos) {
      const oldPos = t < oldN ? old.positionStart[t + 1] - old.positionStart[t] : 0;
      if (q + oldPos + 5 * (b - a) > posBytes.length) out.posBytes = posBytes = growBytes(posBytes, q + oldPos + 5 * (b - a));
    }
    if (t < oldN) {
      const os = old.entryStart[t];
      const oe = old.entryStart[t + 1];
      if (oe > os) {
        bytes.set(old.entryBytes.subarray(os, oe), p);
        p += oe - os;
      }
      if (keepPos) {
        const ps = old.positionStart[t];
        const pe = old.positionStart[t + 1];
        if (pe > ps) {
          posBytes.set(old.positionBytes.subarray(ps, pe), q);
          q += pe - ps;
        }
      }
    }
    let prev = lastFrozen[t];
    if (prev === UNDECODED && b > a) prev = forEachEntry(old, t, 0x7fffffff, null);
    let paragraphs = 0;
    for (let j = a; j < b; ) {
      const paragraph = ent[j << sh];
      let k = j + 1;
      while (k < b && ent[k << sh] === paragraph) k++;
      const tf = k - j;
      paragraphs++;
      // putEntry with its one-byte case inline (most entries of frequent terms)
      const d = paragraph - prev;
      if (tf === 1 && d < 0x40) bytes[p++] = d * 2 + 1;
      else p = putEntry(bytes, p, d, tf);
      if (keepPos) {
        let prevPos = 0;
        for (let m = j; m < k; m++) {
          const pos = ent[(m << 1) + 1];
          const v = pos - prevPos;
          if (v < 0x80) posBytes[q++] = v;
          else q = putVarint(posBytes, q, v);
          prevPos = pos;
        }
      }
      prev = paragraph;
      j = k;
    }
    lastFrozen[t] = prev;
    df[t] += paragraphs;
  }
  return p;
}

/** Ids in term order: `oldSorted` (ids below `oldN`) merged with the ids `oldN … n − 1`, sorted. */
function mergeNewTerms(oldSorted: Uint32Array, oldN: number, n: number, terms: readonly string[], scratch: Uint32Array): Uint32Array {
  const fresh = idRange(oldN, n);
  sortTermIds(fresh, terms, scratch);
  if (oldSorted.length === 0) return fresh;
  const sorted = new Uint32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < oldSorted.length && j < fresh.length) sorted[k++] = terms[oldSorted[i]] <= terms[fresh[j]] ? oldSorted[i++] : fresh[j++];
  while (i < oldSorted.length) sorted[k++] = oldSorted[i++];
  while (j < fresh.length) sorted[k++] = fresh[j++];
  return sorted;
}

/** The ids `from … to − 1`. */
function idRange(from: number, to: number): Uint32Array {
  const ids = new Uint32Array(to - from);
  for (let i = 0; i < ids.length; i++) ids[i] = from + i;
  return ids;
}

/** The first `n` document frequencies as the frozen Uint32Array (never below 0). */
function liveDf(df: Int32Array, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let t = 0; t < n; t++) out[t] = df[t] > 0 ? df[t] : 0;
  return out;
}

/**
 * Sorts `ids` in place by `terms[id]` in UTF-16 code unit order (the order of `<` on strings). A multikey
 * (three-way radix) quicksort over the terms' code units copied into one flat array: it reads each distinguishing
 * code unit about once instead of comparing whole strings O(n log n) times through a callback (5–10× faster on a
 * dictionary of 100,000 Arabic words, which share long prefixes such as ال). Its loops are small functions of
 * their own: a build runs this sort once, cold, and one large function was compiled on-stack again and again
 * (each loop first reached deoptimized it).
 */
export function sortTermIds(ids: Uint32Array, terms: readonly string[], scratch?: Uint32Array): void {
  const n = ids.length;
  if (n < 2) return;
  // each term as one record of `codeUnits`: its index k in `ids`, its code units, then -1 (which sorts first, so a
  // prefix comes before its extensions); the sort moves the records' starts, so code unit d of a term is one read.
  // All its arrays are carved from `scratch` when it is large enough (a build's freeze lends it the token log's
  // sort buffer: no fresh pages, and fewer bytes of typed arrays, which V8 counts towards its next full collection).
  const total = recordsLength(ids, terms);
  const words = total + 5 * n + 8;
  const space = scratch !== undefined && scratch.length >= words ? scratch : new Uint32Array(words);
  const buffer = space.buffer;
  let at = space.byteOffset;
  const codeUnits = new Int32Array(buffer, at, total);
  const a = new Uint32Array(buffer, (at += 4 * total), n);
  const key = new Int32Array(buffer, (at += 4 * n), n);
  const stack = new Int32Array(buffer, (at += 4 * n), 2 * n + 8);
  const byRank = new Uint32Array(buffer, (at += 4 * (2 * n + 8)), n);
  fillRecords(ids, terms, codeUnits, a);
  sortRecords(a, codeUnits, key, stack);
  idsByRank(ids, a, codeUnits, byRank);
  ids.set(byRank);
}

/** `byRank` = the ids in the order of the sorted records `a` (each record's index in `ids` is just before its start). */
function idsByRank(ids: Uint32Array, a: Uint32Array, codeUnits: Int32Array, byRank: Uint32Array): void {
  for (let r = 0; r < ids.length; r++) byRank[r] = ids[codeUnits[a[r] - 1]];
}

function recordsLength(ids: Uint32Array, terms: readonly string[]): number {
  let total = 0;
  for (let k = 0; k < ids.length; k++) total += terms[ids[k]].length + 2;
  return total;
}

function fillRecords(ids: Uint32Array, terms: readonly string[], codeUnits: Int32Array, a: Uint32Array): void {
  let o = 0;
  for (let k = 0; k < ids.length; k++) {
    const s = terms[ids[k]];
    codeUnits[o++] = k;
    a[k] = o;
    for (let j = 0; j < s.length; j++) codeUnits[o++] = s.charCodeAt(j);
    codeUnits[o++] = -1;
  }
}

/**
 * Sorts the record starts `a` by their records' code units (see {@link sortTermIds}). `key` (n entries): code unit d of term
 * a[i] for the range holding i, moved along with a[i], so the partitions of a range at one depth read its keys in
 * sequence instead of each term's code units again (a cache miss per term per pass). `stack` (2n + 8 entries): ranges
 * [lo, hi) whose terms agree on their first d code units, as quadruples (lo, hi, d, keys already read): no recursion
 * depth; ranges on it are disjoint and hold 2+ terms, so there are at most n / 2.
 */
function sortRecords(a: Uint32Array, codeUnits: Int32Array, key: Int32Array, stack: Int32Array): void {
  const n = a.length;
  const bounds = new Int32Array(2);
  let top = 4;
  stack[0] = 0;
  stack[2] = 0;
  stack[3] = 0;
  stack[1] = n;
  while (top > 0) {
    const ready = stack[--top];
    const d = stack[--top];
    const hi = stack[--top];
    const lo = stack[--top];
    if (hi - lo < 16) {
      insertionSort(a, lo, hi, d, codeUnits);
      continue;
    }
    if (ready === 0) readKeys(a, key, lo, hi, d, codeUnits);
    const v = partition(a, key, lo, hi, bounds);
    const lt = bounds[0];
    const gt = bounds[1];
    if (lt - lo > 1) top = push(stack, top, lo, lt, d, 1);
    if (hi - gt > 1) top = push(stack, top, gt, hi, d, 1);
    if (gt - lt > 1 && v >= 0) top = push(stack, top, lt, gt, d + 1, 0);
    else if (gt - lt > 1) a.subarray(lt, gt).sort(); // equal terms: in order of their records, which is id order
  }
}

/** Pushes a range of {@link sortTermIds} on its stack; returns the new top. */
function push(stack: Int32Array, top: number, lo: number, hi: number, d: number, ready: number): number {
  stack[top] = lo;
  stack[top + 1] = hi;
  stack[top + 2] = d;
  stack[top + 3] = ready;
  return top + 4;
}

/** `key[lo, hi)` = code unit `d` of the terms starting at `a[lo, hi)`. */
function readKeys(a: Uint32Array, key: Int32Array, lo: number, hi: number, d: number, codeUnits: Int32Array): void {
  for (let i = lo; i < hi; i++) key[i] = codeUnits[a[i] + d];
}

/** Insertion sort of the terms starting at `a[lo, hi)`, which agree on their first `d` codeUnits. */
function insertionSort(a: Uint32Array, lo: number, hi: number, d: number, codeUnits: Int32Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i];
    let j = i;
    for (; j > lo; j--) {
      const y = a[j - 1];
      let e = d;
      while (codeUnits[x + e] === codeUnits[y + e] && codeUnits[x + e] >= 0) e++;
      const cx = codeUnits[x + e];
      const cy = codeUnits[y + e];
      if (cy < cx || (cy === cx && y < x)) break; // equal terms keep id order (as a stable sort does)
      a[j] = y;
    }
    a[j] = x;
  }
}

/**
 * Three-way partition of `a[lo, hi)` (and their keys) around the median of the first, middle and last key:
 * `[lo, lt)` < v, `[lt, gt)` = v, `[gt, hi)` > v. Writes lt and gt to `bounds`; returns v.
 */
function partition(a: Uint32Array, key: Int32Array, lo: number, hi: number, bounds: Int32Array): number {
  const p0 = key[lo];
  const p1 = key[(lo + hi) >>> 1];
  const p2 = key[hi - 1];
  const v = p0 < p1 ? (p1 < p2 ? p1 : p0 < p2 ? p2 : p0) : p0 < p2 ? p0 : p1 < p2 ? p2 : p1;
  let lt = lo;
  let i = lo;
  let gt = hi;
  // bounds are written before and inside the loop, none after it: code compiled on-stack in the first (large)
  // call would lack feedback for the stores after the loop, and V8 re-entered it and deoptimized on every call
  bounds[0] = lt;
  bounds[1] = gt;
  while (i < gt) {
    const c = key[i];
    if (c === v) {
      i++;
      continue;
    }
    // swap entry i with the next slot of its side
    const j = c < v ? lt++ : --gt;
    const k = a[i];
    a[i] = a[j];
    key[i] = key[j];
    a[j] = k;
    key[j] = c;
    if (c < v) i++;
    bounds[0] = lt;
    bounds[1] = gt;
  }
  return v;
}

function growBytes(b: Uint8Array, need: number): Uint8Array {
  let size = Math.max(1024, b.length * 2);
  while (size < need) size *= 2;
  const out = new Uint8Array(size);
  out.set(b);
  return out;
}
