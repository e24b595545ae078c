// FORMAT.md checked against the code: a reader written from the document alone (plain loops, no code of src/segment/)
// parses the golden file and fresh indexes, and what it finds must be what src/segment/reader.ts reads, byte for
// byte to the end of the payload. A claim of FORMAT.md the writer does not keep fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/index.js';
import { readSnapshot } from '../../src/segment/reader.js';
import { STORED_DEFAULTS } from '../../src/segment/stored-config.js';
import { goldenPaths } from '../fixtures/golden/queries.js';
import { seedDocuments } from '../helpers/seeds.js';

/** FORMAT.md section 1: LEB128 varints, strings, blocks, little-endian u16/u32. */
class SpecReader {
  at = 0;
  constructor(readonly b: Uint8Array) {}
  byte(): number {
    if (this.at >= this.b.length) throw new Error(`past the end at ${this.at}`);
    return this.b[this.at++];
  }
  u16(): number {
    return this.byte() + this.byte() * 256;
  }
  u32(): number {
    return this.u16() + this.u16() * 65536;
  }
  varint(): number {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const x = this.byte();
      value += (x & 0x7f) * shift;
      if (x < 0x80) return value;
    }
  }
  block(): Uint8Array {
    const n = this.varint();
    this.at += n;
    return this.b.subarray(this.at - n, this.at);
  }
  string(): string {
    return new TextDecoder().decode(this.block());
  }
}

/** FORMAT.md section 5: a term index, its entries and positions decoded per term. */
function specTermIndex(r: SpecReader) {
  const count = r.varint();
  const terms: string[] = [];
  let previous = '';
  for (let i = 0; i < count; i++) terms.push((previous = previous.slice(0, r.varint()) + r.string()));
  const lengths = terms.map(() => ({ df: r.varint(), entries: r.varint(), positions: r.varint() }));
  const entries = r.block();
  const positions = r.block();
  let e = 0;
  let p = 0;
  const postings = lengths.map((l) => {
    // section 5.1: (delta × 2 + [tf = 1]) then tf when > 1; section 5.2: tf positions, first then deltas
    const er = new SpecReader(entries.subarray(e, (e += l.entries)));
    const pr = new SpecReader(positions.subarray(p, (p += l.positions)));
    const list: { unit: number; tf: number; positions: number[] }[] = [];
    for (let previous = -1; er.at < er.b.length; ) {
      const v = er.varint();
      const tf = v & 1 ? 1 : er.varint();
      previous += Math.floor(v / 2);
      const at: number[] = [];
      if (l.positions) for (let j = 0, x = 0; j < tf; j++) at.push((x = j ? x + pr.varint() : pr.varint()));
      list.push({ unit: previous, tf, positions: at });
    }
    expect(pr.at).toBe(pr.b.length);
    return list;
  });
  expect(entries.length).toBe(e);
  expect(positions.length).toBe(p);
  return { terms, df: lengths.map((l) => l.df), postings };
}

/** FORMAT.md section 4's table: each configuration key (a dotted path) and its stored default. */
function storedDefaults(): [string[], unknown][] {
  const text = readFileSync(new URL('../../FORMAT.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## 4. Configuration'), text.indexOf('## 5.'));
  return [...section.matchAll(/^\| `([\w.]+)` \|.*\| `([^`]+)` \|$/gm)].map((m) => [m[1].split('.'), JSON.parse(m[2])]);
}

/** The configuration with the keys it lacks given their stored defaults, as section 4 says a reader does. */
function withStoredDefaults(config: Record<string, any>): Record<string, any> {
  for (const [path, value] of storedDefaults()) {
    let o = config;
    for (const k of path.slice(0, -1)) o = o[k] ??= {};
    o[path[path.length - 1]] ??= value;
  }
  return config;
}

/** FORMAT.md sections 2–3: the whole file. */
function specRead(bytes: Uint8Array) {
  const r = new SpecReader(bytes);
  const magic = String.fromCharCode(r.byte(), r.byte(), r.byte(), r.byte());
  const header = { magic, version: r.u16(), flags: r.u16(), payload: r.u32(), crc: r.u32() };
  const config = withStoredDefaults(JSON.parse(r.string()));
  const documents = Array.from({ length: r.varint() }, () => {
    const type = r.byte();
    const id = r.string();
    const stored = r.string();
    return { id: type === 1 ? Number(id) : id, stored: stored ? JSON.parse(stored) : undefined };
  });
  const paragraphs = Array.from({ length: r.varint() }, () => ({ doc: r.varint(), start: r.varint(), length: r.varint(), tokens: r.varint() }));
  const text = specTermIndex(r);
  const surface = r.byte() === 1 ? specTermIndex(r) : null;
  const fieldCount = r.varint();
  const fields = Array.from({ length: fieldCount }, () => ({ tokens: documents.map(() => r.varint()), index: specTermIndex(r) }));
  const texts = documents.map(() => r.string());
  return { header, config, documents, paragraphs, text, surface, fields, texts, end: r.at };
}

/** CRC-32 (IEEE), bit by bit as FORMAT.md section 2 describes it. */
function crc32(b: Uint8Array): number {
  let crc = 0xffffffff;
  for (const x of b) {
    crc ^= x;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

function checkAgainstReader(bytes: Uint8Array): void {
  const spec = specRead(bytes);
  expect(spec.header).toMatchObject({ magic: 'FHRS', version: 1, flags: 0, payload: bytes.length - 16 });
  expect(spec.end).toBe(bytes.length);
  expect(spec.header.crc).toBe(crc32(bytes.subarray(16)));
  const snap = readSnapshot(bytes);
  // keys added after the file was written (section 4, stored defaults) are the reader's to fill
  expect(snap.indexConfig).toMatchObject(spec.config);
  expect(snap.docs.ids).toEqual(spec.documents.map((d) => d.id));
  expect(snap.docs.stored.map((s) => (s ? { ...s } : s))).toEqual(spec.documents.map((d) => d.stored));
  expect(snap.docs.texts).toEqual(spec.texts);
  const table = snap.paragraphTable;
  expect(Array.from(table.doc)).toEqual(spec.paragraphs.map((p) => p.doc));
  expect(Array.from(table.textStart)).toEqual(spec.paragraphs.map((p) => p.start));
  expect(Array.from(table.textEnd)).toEqual(spec.paragraphs.map((p) => p.start + p.length));
  expect(Array.from(table.tokenCount)).toEqual(spec.paragraphs.map((p) => p.tokens));
  // section 3.2: the ordinal is the rank among the document's paragraphs
  expect(Array.from(table.ordinal)).toEqual(spec.paragraphs.map((p, i) => spec.paragraphs.slice(0, i).filter((q) => q.doc === p.doc).length));
  const sameIndex = (data: ReturnType<typeof readSnapshot>['textIndex'], index: ReturnType<typeof specTermIndex>) => {
    expect(data.termsById).toEqual(index.terms);
    expect([...index.terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(index.terms);
    expect(Array.from(data.df)).toEqual(index.df);
    expect(index.df).toEqual(index.postings.map((p) => p.length));
  };
  sameIndex(snap.textIndex, spec.text);
  expect(snap.surfaceIndex === null).toBe(spec.surface === null);
  if (snap.surfaceIndex && spec.surface) {
    sameIndex(snap.surfaceIndex, spec.surface);
    expect(spec.surface.postings.every((list) => list.every((e) => e.positions.length === 0))).toBe(true);
  }
  expect(spec.fields.length).toBe(spec.config.fields.length);
  spec.fields.forEach((f, i) => {
    sameIndex(snap.fieldIndexes[i].termIndex, f.index);
    expect(Array.from(snap.fieldIndexes[i].tokenCount)).toEqual(f.tokens);
  });
  // positions: tf of them, ascending; a paragraph's indexed tokens (stopwords not counted) are its entries' tf
  const tokens = new Array<number>(spec.paragraphs.length).fill(0);
  for (const list of spec.text.postings) {
    for (const e of list) {
      expect(e.positions.length).toBe(e.tf);
      expect(e.positions.every((x, j) => j === 0 || x > e.positions[j - 1])).toBe(true);
      tokens[e.unit] += e.tf;
    }
  }
  // with roundedLengths, the sum rounded down to its 4 most significant bits
  const rounded = (t: number) => (spec.config.roundedLengths && t >= 16 ? t - (t % 2 ** (Math.floor(Math.log2(t)) - 3)) : t);
  expect(tokens.map(rounded)).toEqual(spec.paragraphs.map((p) => p.tokens));
}

describe('FORMAT.md, read by a reader written from it', () => {
  it('lists every configuration key with its stored default', () => {
    expect(storedDefaults().length).toBeGreaterThan(20);
    expect(withStoredDefaults({})).toEqual(JSON.parse(JSON.stringify(STORED_DEFAULTS)));
  });

  it('reads the golden file as src/segment/reader.ts does', () => {
    checkAgainstReader(new Uint8Array(readFileSync(goldenPaths('v1').index)));
  });

  it('reads fresh indexes: string ids, no surface index (exact preset), Lucene preset, fields', () => {
    const docs = seedDocuments().slice(0, 4);
    const exact = createIndex({ analyzer: 'exact' });
    exact.addAll(docs.map((d, i) => ({ ...d, id: `doc-${i}` })));
    checkAgainstReader(exact.serialize());
    const lucene = createIndex({ analyzer: 'lucene', fields: { title: { boost: 1.5 } } });
    lucene.addAll(docs.map((d, i) => ({ ...d, id: i * 1.5 - 2, title: d.text.slice(0, 30), note: { i } })));
    checkAgainstReader(lucene.serialize());
  });

  it('writes the varints of section 1', async () => {
    const { ByteWriter } = await import('../../src/segment/bytes.js');
    const cases: [number, number[]][] = [
      [0, [0x00]],
      [127, [0x7f]],
      [128, [0x80, 0x01]],
      [2 ** 32 - 1, [0xff, 0xff, 0xff, 0xff, 0x0f]],
    ];
    for (const [v, expected] of cases) {
      const w = new ByteWriter();
      w.varint(v);
      expect(Array.from(w.finish()), String(v)).toEqual(expected);
    }
  });
});
