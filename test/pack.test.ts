// fahras/pack (src/pack.ts): a pack answers every query (and its total) exactly as the in-memory index of the same documents,
// reading only the pieces the query needs; missing and damaged pieces, and newer packs, are typed errors.
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, type FahrasIndex, loadIndex, type SearchOptions } from '../src/index.js';
import { type ByteRange, openPack } from '../src/pack.js';
import { typos } from '../src/typos.js';
import { quran } from '../src/quran.js';
import { ByteReader, ByteWriter, crc32 } from '../src/segment/bytes.js';
import { PACK_VERSION } from '../src/segment/pack-format.js';
import { readPackRoot, readText } from '../src/segment/pack-reader.js';
import { packText } from '../src/segment/pack-writer.js';
import { seedDocuments } from './helpers/seeds.js';

/** A loader over files in memory that records the names and ranges it gave (or, `whole`, ignores ranges as a plain server does). */
function memoryLoader(files: Record<string, Uint8Array>, whole = false) {
  const read: string[] = [];
  const ranges: { name: string; start: number; end: number }[] = [];
  const loader = async (name: string, range?: ByteRange) => {
    if (!(name in files)) throw new Error('not found');
    read.push(name);
    if (!range || whole) return files[name];
    ranges.push({ name, ...range });
    return files[name].slice(range.start, range.end);
  };
  return { loader, read, ranges };
}

const WORDS = ['المكتبة', 'مكتبات', 'والمكتبات', 'كتاب', 'الكتب', 'كاتب', 'المدرسة', 'مدرسه', 'المدارس', 'وزير', 'الوزراء', 'التعليم', 'تعليم', 'في', 'من', 'الرياض', 'جدة', 'سوريا', 'روسيا', 'الغارة', 'بالرياض', 'رياضة', 'للمكتبة', 'لكتاب', 'بمدرسة'];
const word = fc.constantFrom(...WORDS);
const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const documents = fc.uniqueArray(
  fc.record({ id: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')), text: fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((p) => p.join('\n')), tag: fc.constantFrom('x', 'y') }),
  { minLength: 1, maxLength: 14, selector: (d) => d.id },
);
const queryWord = fc.oneof(word, word.map((w) => `${w.slice(0, 3)}*`), word.map((w) => `-${w}`), word.map((w) => `+${w}`), word.map((w) => w.replace(/.$/, 'ص')), word.map((w) => `"${w}"`), word.map((w) => `-"${w}"`));
const query = fc.oneof(
  fc.array(queryWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
  fc.tuple(word, word).map(([a, b]) => `${a} AND ${b}`),
);
const options: fc.Arbitrary<SearchOptions> = fc.record(
  {
    prefix: fc.boolean(),
    fuzzy: fc.constantFrom(false, true, 2),
    groupBy: fc.constantFrom('paragraph' as const, 'document' as const),
    limit: fc.integer({ min: 1, max: 12 }),
    offset: fc.integer({ min: 0, max: 4 }),
    snippetLength: fc.integer({ min: 16, max: 80 }),
    snippets: fc.boolean(),
    maxExpansions: fc.integer({ min: 1, max: 3 }),
    bm25: fc.record({ k1: fc.constantFrom(0, 0.5, 1.2), b: fc.constantFrom(0, 0.75, 1) }),
    filter: fc.constant((fields: Readonly<Record<string, unknown>>) => fields.tag === 'x'),
    // the stored ranking choices, each switched the other way (clitic and prefix forms read more terms)
    ranking: fc.constantFrom({ clitics: 0.5 }, { forms: 1 }, { expansions: 0, minLength: 0 }),
  },
  { requiredKeys: [] },
);

/** Small pieces, so even a tiny corpus has many of each kind. */
const SMALL = { dictionaryPieceBytes: 64, postingsPieceBytes: 64, documentPieceBytes: 64 };

describe('fahras/pack', () => {
  it('stores strings in its text encoding, every code unit as it was (lone surrogates too), Arabic a byte a letter', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0x5f0, max: 0x690 }))), (units) => {
        const s = String.fromCharCode(...units);
        const w = new ByteWriter();
        packText(w, s);
        expect(readText(new ByteReader(w.finish()))).toBe(s);
      }),
    );
    const w = new ByteWriter();
    packText(w, 'مكتبة ٣ «x»');
    expect(w.length).toBe(1 + 7 + 1 + 3 + 3 + 1);
  });

  it('answers every query exactly as the in-memory index, searched one by one and all at once (property, small random corpora)', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.array(fc.tuple(query, options), { minLength: 1, maxLength: 8 }), fc.nat(4000), fc.boolean(), fc.boolean(), async (docs, queries, cacheBytes, whole, zlib) => {
        const index = createIndex();
        index.addAll(docs);
        const loaded = loadIndex(index.serialize());
        // the platform's compressor (no dictionary) or node:zlib with the pack's dictionary, as writePack compresses
        const files = await index.pack(zlib ? { ...SMALL, compress: async (b, dictionary) => deflateRawSync(b, { dictionary }) } : SMALL);
        const { loader, ranges } = memoryLoader(files, whole);
        const pack = await openPack(loader, { typos, cacheBytes });
        const { names: documentsPieces, firstDoc } = (await readPackRoot(files['root.fahras'])).documents;
        const expected = queries.map(([q, o]) => loaded.search(q, o));
        for (const [i, [q, o]] of queries.entries()) {
          const before = ranges.length;
          const results = await pack.search(q, o);
          expect(results, `${q} ${JSON.stringify(o)}`).toEqual(expected[i]);
          if (!o.fuzzy) expect(index.search(q, o)).toEqual(expected[i]);
          // without a filter, a documents piece is read only for a document the page shows
          if (!o.filter && !whole) {
            const shown = results.map((r) => docs.findIndex((d) => d.id === r.id));
            for (const range of ranges.slice(before).filter((r) => r.name.startsWith('docs-'))) {
              const k = documentsPieces.findIndex((piece) => piece.file === range.name && piece.start === range.start);
              expect(shown.some((d) => d >= firstDoc[k] && d < firstDoc[k + 1]), `${q}: documents piece ${k} shows nothing`).toBe(true);
            }
          }
          expect(await pack.searchWithTotal(q, o), `${q} ${JSON.stringify(o)} (with total)`).toEqual(loaded.searchWithTotal(q, o));
        }
        // searches running at once (each awaiting its pieces while the others rank) answer as alone
        const together = await openPack(memoryLoader(files, whole).loader, { typos, cacheBytes });
        expect(await Promise.all(queries.map(([q, o]) => together.search(q, o)))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('answers the seed corpus as the index that was built (queries searched at once and one by one)', async () => {
    const index = createIndex();
    for (const d of seedDocuments()) index.add(d);
    const pack = await openPack(memoryLoader(await index.pack()).loader, { typos });
    const queries = ['مقاتلين ايرانيين', 'الغاره الروسيه', '"جسر الشغور"', 'ادلب -درعا', 'المعارض*', '+سوريا روسيا'];
    const all = await Promise.all(queries.map((q) => pack.search(q, { limit: 5 })));
    queries.forEach((q, i) => expect(all[i], q).toEqual(index.search(q, { limit: 5 })));
    expect(all[0].length).toBeGreaterThan(0);
    for (const q of queries) expect(await pack.search(q, { fuzzy: true })).toEqual(index.search(q, { fuzzy: true }));
  });

  it('reads the root and the pieces a query needs, and nothing again for a query whose pieces are cached', async () => {
    const index = createIndex();
    for (const d of seedDocuments()) index.add(d);
    const files = await index.pack(SMALL);
    const { loader, read, ranges } = memoryLoader(files);
    const pack = await openPack(loader);
    expect(read).toEqual(['root.fahras']);
    const results = await pack.search('الغاره الروسيه');
    expect(results.length).toBeGreaterThan(0);
    const bytes = files['root.fahras'].length + ranges.reduce((sum, r) => sum + r.end - r.start, 0);
    expect(pack.bytesRead).toBe(bytes);
    const pieces = ranges.map((r) => `${r.name} ${r.start}`);
    expect(new Set(pieces).size).toBe(pieces.length); // each piece read once
    expect(read.length).toBe(ranges.length + 1); // pieces as byte ranges, the root whole
    const volumes = Object.values(files).reduce((sum, b) => sum + b.length, 0) - files['root.fahras'].length;
    expect(bytes - files['root.fahras'].length).toBeLessThan(volumes / 4);
    // one dictionary piece per word and kind, and no documents piece of a paragraph not shown
    expect(read.filter((n) => n.startsWith('docs-')).length).toBeLessThanOrEqual(results.length);
    await pack.search('الغاره الروسيه');
    expect(pack.bytesRead).toBe(bytes);
    // an open pack searched once more with pieces it has not read reads only those
    await pack.search('ادلب');
    expect(pack.bytesRead).toBeGreaterThan(bytes);
  });

  describe('errors', () => {
    let index: FahrasIndex;
    let files: Record<string, Uint8Array>;
    const open = async (f: Record<string, Uint8Array>) => (await openPack(memoryLoader(f).loader)).search('الغاره الروسيه');
    it('builds', async () => {
      index = createIndex();
      for (const d of seedDocuments()) index.add(d);
      files = await index.pack(SMALL);
    });

    it('a missing volume is MISSING_PIECE naming it; a missing root too', async () => {
      const { read, loader } = memoryLoader(files);
      await (await openPack(loader)).search('الغاره الروسيه');
      for (const name of read) {
        const rest = { ...files };
        delete rest[name];
        await expect(open(rest)).rejects.toMatchObject({ name: 'FahrasError', code: 'MISSING_PIECE', message: expect.stringContaining(name) });
      }
    });

    it('a damaged piece is CHECKSUM_MISMATCH naming it (volume and range), a short volume too, a damaged root CHECKSUM_MISMATCH', async () => {
      const { ranges, loader } = memoryLoader(files);
      await (await openPack(loader)).search('الغاره الروسيه');
      for (const { name, start, end } of ranges) {
        const bytes = files[name].slice();
        bytes[(start + end) >> 1] ^= 0x20;
        await expect(open({ ...files, [name]: bytes })).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', message: expect.stringContaining(`${name} [${start}, ${end})`) });
        await expect(open({ ...files, [name]: files[name].subarray(0, end - 1) })).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', message: expect.stringContaining(name) });
      }
      await expect(open({ ...files, 'root.fahras': files['root.fahras'].subarray(0, 10) })).rejects.toMatchObject({ code: 'TRUNCATED' });
      await expect(open({ ...files, 'root.fahras': index.serialize() })).rejects.toMatchObject({ code: 'BAD_MAGIC' });
    });

    it('a pack from a newer format version is UNSUPPORTED_VERSION', async () => {
      const root = files['root.fahras'].slice();
      root[4] = PACK_VERSION + 1;
      await expect(open({ ...files, 'root.fahras': root })).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION', message: expect.stringContaining(String(PACK_VERSION)) });
    });

    it('a piece whose content does not parse (under a matching checksum) is CORRUPT_INDEX naming it', async () => {
      // one postings piece the query reads becomes garbage stored raw, with the CRC-32 of its bytes after them
      const { ranges, loader } = memoryLoader(files);
      await (await openPack(loader)).search('الغاره الروسيه');
      const { name, start, end } = ranges.find((r) => r.name.startsWith('post-'))!;
      const volume = files[name].slice();
      volume.fill(0xff, start + 1, end - 4);
      volume[start] = 0; // stored raw
      new DataView(volume.buffer).setUint32(end - 4, crc32(volume, start, end - 4), true);
      await expect(open({ ...files, [name]: volume })).rejects.toMatchObject({ code: 'CORRUPT_INDEX', message: expect.stringContaining(`${name} [${start}, ${end})`) });
    });
  });
});

describe("fahras/pack and Qur'anic orthography", () => {
  it('refuses a pack of Qur\'anic text opened without the rules (naming fahras/quran), and answers as the index with them', async () => {
    const index = createIndex();
    index.addAll(['وَأَقِيمُوا۟ ٱلصَّلَوٰةَ وَءَاتُوا۟ ٱلزَّكَوٰةَ', 'يَـٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوا۟'].map((text, id) => ({ id, text })));
    const { loader } = memoryLoader(await index.pack());
    await expect(openPack(loader)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('fahras/quran') });
    const pack = await openPack(loader, { quran });
    for (const q of ['الصلاة', 'ٱلصَّلَوٰةَ', '"يا أيها الذين آمنوا"']) expect(await pack.search(q), q).toEqual(index.search(q));
  });
});

/** The root with one piece's CRC-32 (4 bytes little-endian) replaced by another, its own checksum recomputed. */
function replaceInRoot(root: Uint8Array, from: number, to: number): Uint8Array {
  const le = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  const find = le(from);
  const at = root.findIndex((_, i) => i >= 16 && find.every((b, k) => root[i + k] === b));
  const out = root.slice();
  out.set(le(to), at);
  new DataView(out.buffer).setUint32(12, crc32(out, 16), true);
  return out;
}
