// fahras/pack (src/pack.ts): a pack answers every query (and its total) exactly as the in-memory index of the same documents,
// reading only the pieces the query needs; missing and damaged pieces, and newer packs, are typed errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, type FahrasIndex, loadIndex, type SearchOptions } from '../src/index.js';
import { type ByteRange, openPack } from '../src/pack.js';
import { openPack as openPackInNode } from '../src/pack-directory.js';
import { nodeCrc32, threadedCompressor, writePack } from '../src/pack-node.js';
import { typos } from '../src/typos.js';
import { quran } from '../src/quran.js';
import { ByteReader, ByteWriter, crc32 } from '../src/segment/bytes.js';
import { PACK_VERSION } from '../src/segment/pack-format.js';
import { roundLength } from '../src/segment/model.js';
import { IndexBuilder, resolveIndexConfig } from '../src/index-builder/index.js';
import { type PackRoot, readDictionaryPiece, readPackRoot, readText } from '../src/segment/pack-reader.js';
import { packSnapshot, packText } from '../src/segment/pack-writer.js';
import { resolveTerm } from '../src/query/search.js';
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

/** The dictionary pieces of `list` decoded (pieces inflated with the root's dictionary, as a reader does). */
function pieces(files: Record<string, Uint8Array>, root: PackRoot, list: PackRoot['text']['dict']) {
  return Array.from({ length: list.length }, (_, i) => {
    const { file, start, end } = list.at(i);
    return readDictionaryPiece(inflateRawSync(files[file].subarray(start, end - 4), { dictionary: root.dictionary }), 1 << 20);
  });
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
              const k = Array.from({ length: documentsPieces.length }, (_, i) => documentsPieces.at(i)).findIndex((piece) => piece.file === range.name && piece.start === range.start);
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

  it('rounds a length to its 4 most significant bits, exact below 16 (property)', () => {
    fc.assert(
      fc.property(fc.nat(), (length) => {
        const rounded = roundLength(length);
        expect(rounded).toBeLessThanOrEqual(length);
        // 4 significant bits: within an eighth of the length, exact below 16
        expect(length - rounded).toBeLessThan(length < 16 ? 1 : length / 8);
        expect(roundLength(rounded)).toBe(rounded);
      }),
    );
    expect([15, 16, 17, 30, 31, 32, 1000].map((n) => roundLength(n))).toEqual([15, 16, 16, 30, 30, 32, 960]);
  });

  it("codes a surface form's postings as ranks in its parent text term's list (the dictionary names the parent's place in the form), and answers as the index", async () => {
    const index = createIndex();
    index.addAll([
      { id: 'a', text: 'الرياض رياض\nجدة' },
      { id: 'b', text: 'بالرياض\nالرياض الرياض' },
      { id: 'c', text: 'رياضة جدة الرياض' },
    ]);
    const files = await index.pack({ compress: async (b, dictionary) => deflateRawSync(b, { dictionary }) });
    const root = await readPackRoot(files['root.fahras']);
    const codes = new Map<string, number>();
    for (const [lists, surface] of [[root.text, false], [root.surface!, true]] as const) {
      for (const piece of pieces(files, root, lists.dict)) {
        piece.terms.forEach((term, i) => (surface ? codes.set(term, piece.parent[i]) : expect(piece.parent[i]).toBe(0)));
      }
    }
    // الرياض, بالرياض → رياض: 8a + b + 1 for form.slice(a, length − b)
    expect(codes.get('الرياض')).toBe(8 * 2 + 0 + 1);
    expect(codes.get('بالرياض')).toBe(8 * 3 + 0 + 1);
    expect(codes.get('رياض')).toBe(1);
    const pack = await openPack(memoryLoader(files).loader);
    for (const q of ['الرياض', '"الرياض"', '"بالرياض"', 'رياض', '-"الرياض" جدة', 'جدة -"رياض"', '"الرياض" رياضة']) {
      expect(await pack.searchWithTotal(q, { ranking: { forms: 1 } })).toEqual(index.searchWithTotal(q, { ranking: { forms: 1 } }));
      expect(await pack.searchWithTotal(q)).toEqual(index.searchWithTotal(q));
    }
  });

  it("names each form's parent as the text term a query word of that form looks up, from the builder's word table or by analysis (a loaded or compacted index; property)", async () => {
    // words with clitics, marks, tatweel, letters the normalizer folds, and others: the builder knows each form's term
    // from its token loop; a loaded index, or one compacted after a removal, analyzes its forms again. Both must name
    // the same parents (the same bytes), and every parent named must be the analysis's term.
    const letters = 'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة' + '\u064b\u064e\u0650\u0651\u0652\u0640\u200c' + 'xA9٣-';
    const odd = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }).map((c) => c.join(''));
    const clitic = fc.tuple(fc.constantFrom('', 'و', 'ف', 'ب', 'ل', 'ال', 'وال', 'بال', 'لل', 'ك'), fc.oneof(word, odd), fc.constantFrom('', 'ه', 'ها', 'هم', 'ات', 'ين', 'ة'));
    const text = fc.array(clitic.map(([a, w, b]) => a + w + b), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    let named = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), fc.boolean(), async (texts, removeOne) => {
        const index = createIndex();
        index.addAll(texts.map((text, id) => ({ id, text })));
        if (removeOne) index.remove(0);
        const zlib = { ...SMALL, compress: async (b: Uint8Array, dictionary: Uint8Array) => deflateRawSync(b, { dictionary }) };
        const files = await index.pack(zlib);
        expect(await loadIndex(index.serialize()).pack(zlib)).toEqual(files);
        // the parent named: the analysis's term as a query resolves it (FORMAT.md, P.3)
        const builder = new IndexBuilder(resolveIndexConfig({}));
        texts.forEach((text, id) => id === 0 && removeOne || builder.add({ id, text }));
        const snap = builder.snapshot();
        const root = await readPackRoot(files['root.fahras']);
        for (const piece of pieces(files, root, root.surface!.dict)) {
          piece.terms.forEach((form, i) => {
            const r = piece.parent[i];
            if (r === 0) return;
            let term = '';
            builder.analyzer.scan(form, (t) => (term ||= t));
            const parent = snap.textIndex.termsById[resolveTerm(snap.textIndex, term, snap.indexConfig)];
            expect(form.slice(r >> 3, form.length + 1 - (r & 7)), form).toBe(parent);
            named++;
          });
        }
      }),
      { numRuns: 60 },
    );
    expect(named).toBeGreaterThan(100);
  });

  it('keeps paragraph numbers for a form whose parent is no text term, lists fewer paragraphs, or is not a slice of it', async () => {
    const config = resolveIndexConfig({});
    const builder = new IndexBuilder(config);
    for (const d of [
      { id: 'a', text: 'الرياض جدة' },
      { id: 'b', text: 'الرياض\nبالرياض' },
      { id: 'c', text: 'مكتبة الرياض ياض' },
    ]) builder.add(d);
    const snap = builder.snapshot();
    const text = snap.textIndex;
    const idOf = (term: string) => text.termsById.indexOf(term);
    // parents a writer may be handed wrong: ياض (a slice of الرياض listing fewer paragraphs), مكتب (not a slice of
    // بالرياض), none (جده)
    expect([idOf('ياض'), idOf('مكتب')].every((id) => id >= 0)).toBe(true);
    const wrong: Record<string, number> = { الرياض: idOf('ياض'), بالرياض: idOf('مكتب'), جده: -1 };
    const files = await packSnapshot(snap, (form) => wrong[form] ?? idOf(builder.analyzer.analyze(form)[0].term), {
      compress: async (b, dictionary) => deflateRawSync(b, { dictionary }),
    });
    const root = await readPackRoot(files['root.fahras']);
    const codes = new Map<string, number>();
    for (const piece of pieces(files, root, root.surface!.dict)) piece.terms.forEach((term, i) => codes.set(term, piece.parent[i]));
    expect([codes.get('الرياض'), codes.get('بالرياض'), codes.get('جده')]).toEqual([0, 0, 0]);
    expect(codes.get('مكتبه')).toBe(8 * 0 + 1 + 1); // مكتب: its last letter off
    const index = createIndex();
    index.addAll([
      { id: 'a', text: 'الرياض جدة' },
      { id: 'b', text: 'الرياض\nبالرياض' },
      { id: 'c', text: 'مكتبة الرياض ياض' },
    ]);
    const pack = await openPack(memoryLoader(files).loader);
    for (const q of ['الرياض', '"الرياض"', '"بالرياض"', 'جدة', 'مكتبة', '"مكتبة" الرياض']) expect(await pack.searchWithTotal(q, { ranking: { forms: 1 } })).toEqual(index.searchWithTotal(q, { ranking: { forms: 1 } }));
  });

  it('gives every paragraph its document, past documents of several paragraphs and documents of none (grouped by document)', async () => {
    // a documents piece of documents with 2, 0, 0, 3 and 1 paragraphs: the paragraphs after them are not their
    // document's number, so the postings say how far off they are (FORMAT.md, P.3)
    const index = createIndex();
    const texts = ['الرياض جدة\nالمكتبة الرياض', '', ' ', 'كتاب\nالرياض\nمكتبة الرياض', 'الرياض', 'جدة الرياض\nالرياض'];
    index.addAll(texts.map((text, id) => ({ id, text })));
    for (const pieceBytes of [64, 2048]) {
      const pack = await openPack(memoryLoader(await index.pack({ ...SMALL, documentPieceBytes: pieceBytes })).loader);
      for (const groupBy of ['paragraph', 'document'] as const) {
        const o = { groupBy, limit: 20 };
        expect(await pack.searchWithTotal('الرياض', o), groupBy).toEqual(index.searchWithTotal('الرياض', o));
      }
    }
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

  it('refuses piece sizes that are not numbers of bytes from 64 (a numeric string too)', async () => {
    const index = createIndex();
    index.add({ id: 1, text: 'مكتبة المدرسة' });
    for (const bad of ['4096', 63, Number.NaN, 1 << 27, null]) {
      await expect(index.pack({ documentPieceBytes: bad as never }), String(bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('documentPieceBytes') });
    }
    await expect(index.pack({ documentPieceBytes: 64 })).resolves.toBeDefined();
  });


  it('refuses options that are not an options object of functions with INVALID_ARGUMENT, before reading a piece (both builds)', async () => {
    const index = createIndex();
    index.add({ id: 1, text: 'مكتبة المدرسة' });
    const { loader, read } = memoryLoader(await index.pack());
    const mistakes: [unknown, string][] = [
      [null, 'openPack options must be an object'],
      ['fast', 'openPack options must be an object'],
      [{ cache: 5 }, "unknown option 'cache'"],
      [{ quran: 5 }, '/quran'],
      [{ typos: 'yes' }, 'fahras/typos'],
      [{ inflate: {} }, 'inflate and crc32 are functions'],
    ];
    for (const open of [openPack, openPackInNode]) {
      for (const [options, words] of mistakes) {
        await expect(open(loader, options as never), JSON.stringify(options)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(words) });
      }
    }
    expect(read).toEqual([]);
    await expect(openPackInNode(loader, { typos, cacheBytes: 0 })).resolves.toBeDefined();
  });
  it("writes the same bytes compressing on threads with zlib's CRC-32 (writePack's way) as in place with the JavaScript CRC-32", async () => {
    const index = createIndex();
    for (const d of seedDocuments()) index.add(d);
    const inPlace = await index.pack({ ...SMALL, compress: async (b, dictionary) => deflateRawSync(b, { dictionary }) });
    const threads = threadedCompressor();
    try {
      const threaded = await index.pack({ ...SMALL, compress: threads.compress, crc32: nodeCrc32 });
      expect(Object.keys(threaded).sort()).toEqual(Object.keys(inPlace).sort());
      for (const name of Object.keys(inPlace)) expect(threaded[name], name).toEqual(inPlace[name]);
    } finally {
      await threads.close();
    }
  });

  it('opens a directory in Node (the node build of fahras/pack; read by byte ranges through its own loader) and answers as the index', async () => {
    const index = createIndex();
    for (const d of seedDocuments()) index.add(d);
    const dir = mkdtempSync(join(tmpdir(), 'fahras-pack-'));
    try {
      await writePack(index, dir, SMALL);
      const pack = await openPackInNode(dir, { typos });
      for (const q of ['الغاره الروسيه', 'المعارض*', 'ادلب -درعا']) expect(await pack.search(q), q).toEqual(index.search(q));
      expect(pack.bytesRead).toBeLessThan(Object.values(await index.pack(SMALL)).reduce((sum, b) => sum + b.length, 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

    it("in Node (fahras/pack's node build) checks the root and every piece with zlib's CRC-32 (or the crc32 option) and inflates with zlib: damage is still CHECKSUM_MISMATCH, a piece that does not inflate CORRUPT_INDEX", async () => {
      const lengths: number[] = [];
      const counting = (b: Uint8Array) => (lengths.push(b.length), (nodeCrc32 ?? crc32)(b));
      const { ranges, loader } = memoryLoader(files);
      const pack = await openPackInNode(loader, { crc32: counting });
      expect(await pack.search('الغاره الروسيه')).toEqual(index.search('الغاره الروسيه'));
      // the root's payload, then each piece read
      expect(lengths).toEqual([files['root.fahras'].length - 16, ...ranges.map((r) => r.end - r.start)]);
      const openInNode = async (f: Record<string, Uint8Array>) => (await openPackInNode(memoryLoader(f).loader)).search('الغاره الروسيه');
      for (const { name, start, end } of ranges) {
        const bytes = files[name].slice();
        bytes[(start + end) >> 1] ^= 0x20;
        await expect(openInNode({ ...files, [name]: bytes })).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', message: expect.stringContaining(`${name} [${start}, ${end})`) });
      }
      const root = files['root.fahras'].slice();
      root[root.length >> 1] ^= 0x20;
      await expect(openInNode({ ...files, 'root.fahras': root })).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
      // a compressed piece that does not inflate (zlib's inflate there), under a matching checksum: CORRUPT_INDEX naming it
      const { name, start, end } = ranges[0];
      const volume = files[name].slice();
      volume.fill(0xff, start, end - 4); // (a block type DEFLATE reserves)
      new DataView(volume.buffer).setUint32(end - 4, crc32(volume, start, end - 4), true);
      await expect(openInNode({ ...files, [name]: volume })).rejects.toMatchObject({ code: 'CORRUPT_INDEX', message: expect.stringContaining(`${name} [${start}, ${end})`) });
    });

    it('a pack from a newer format version is UNSUPPORTED_VERSION, and one from an older version too (naming both)', async () => {
      for (const version of [PACK_VERSION + 1, PACK_VERSION - 1, 1]) {
        const root = files['root.fahras'].slice();
        root[4] = version;
        await expect(open({ ...files, 'root.fahras': root })).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION', message: `pack format version ${version} (this build reads ${PACK_VERSION})` });
      }
    });

    it('a piece whose content does not parse (under a matching checksum) is CORRUPT_INDEX naming it', async () => {
      // one postings piece the query reads becomes garbage that inflates (a stored block of 0xFF bytes, of the
      // piece's size), with the CRC-32 of its bytes after them
      const { ranges, loader } = memoryLoader(files);
      await (await openPack(loader)).search('الغاره الروسيه');
      const { name, start, end } = ranges.find((r) => r.name.startsWith('post-'))!;
      const volume = files[name].slice();
      const garbage = deflateRawSync(new Uint8Array(end - start - 9).fill(0xff), { level: 0 });
      expect(garbage.length).toBe(end - start - 4);
      volume.set(garbage, start);
      new DataView(volume.buffer).setUint32(end - 4, crc32(volume, start, end - 4), true);
      await expect(open({ ...files, [name]: volume })).rejects.toMatchObject({ code: 'CORRUPT_INDEX', message: expect.stringContaining(`${name} [${start}, ${end})`) });
    });

    it("a surface form whose parent the text dictionary lacks is CORRUPT_INDEX naming its postings piece", async () => {
      // one form, الرياض, whose parent code (the last byte of its dictionary piece, compressed as a stored block) names
      // لرياض instead of رياض: no text term
      const one = createIndex();
      one.addAll([{ id: 'a', text: 'الرياض' }]);
      const stored = await one.pack({ compress: async (b) => deflateRawSync(b, { level: 0 }) });
      expect(await (await openPack(memoryLoader(stored).loader)).search('الرياض')).toEqual(one.search('الرياض'));
      const name = Object.keys(stored).find((n) => n.startsWith('sdict-'))!;
      const volume = stored[name].slice();
      expect(volume[volume.length - 5]).toBe(8 * 2 + 1);
      volume[volume.length - 5] = 8 * 1 + 1;
      new DataView(volume.buffer).setUint32(volume.length - 4, crc32(volume, 0, volume.length - 4), true);
      const damaged = await openPack(memoryLoader({ ...stored, [name]: volume }).loader);
      const spost = Object.keys(stored).find((n) => n.startsWith('spost-'))!;
      await expect(damaged.search('الرياض')).rejects.toMatchObject({ code: 'CORRUPT_INDEX', message: expect.stringContaining(spost) });
    });

    it('a postings entry whose document lies outside its documents piece (the block parsing to its end) is CORRUPT_INDEX', async () => {
      // one documents piece: paragraphs 0 and 1 of document 0, paragraph 2 of document 1; the entries of 1 and 2 say
      // how many more paragraphs than documents precede them there (1 each: FORMAT.md P.3), the block's last byte
      const one = createIndex();
      one.addAll([{ id: 'a', text: 'الرياض\nالرياض' }, { id: 'b', text: 'الرياض' }]);
      // (compressed as stored blocks: the block's bytes are the piece's, as they are)
      const stored = await one.pack({ compress: async (b) => deflateRawSync(b, { level: 0 }) });
      const name = Object.keys(stored).find((n) => n.startsWith('post-'))!;
      expect(stored[name][0]).toBe(1); // one piece, one stored block (the last)
      const pack = await openPack(memoryLoader(stored).loader);
      expect(await pack.search('الرياض')).toEqual(one.search('الرياض'));
      for (const zigzag of [0x7e, 3]) {
        // document 2 − 63, or 2 + 2 of 2: still varints of a byte, so the block reads to its end as before
        const volume = stored[name].slice();
        expect(volume[volume.length - 5]).toBe(2); // zigzag(1)
        volume[volume.length - 5] = zigzag;
        new DataView(volume.buffer).setUint32(volume.length - 4, crc32(volume, 0, volume.length - 4), true);
        const damaged = await openPack(memoryLoader({ ...stored, [name]: volume }).loader);
        await expect(damaged.search('الرياض')).rejects.toMatchObject({ code: 'CORRUPT_INDEX', message: expect.stringContaining(name) });
      }
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
