// Damaged, truncated, foreign and crafted index bytes: always a FahrasError with a code, never a crash, a hang
// or a giant allocation; an index that still loads answers queries with its own documents only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError, loadIndex } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { fields } from '../../src/fields.js';
import { assertProperty, breathe, report, runs } from '../helpers/runs.js';
import { seedDocuments } from '../helpers/seeds.js';
import { withConfig, withValidCrc } from '../helpers/index-bytes.js';
import { readSnapshot } from '../../src/segment/reader.js';

function build(): Uint8Array {
  const idx = createIndex({ fields: { title: { boost: 2 } } });
  idx.addAll(seedDocuments().map((d, i) => ({ ...d, title: `عنوان ${i}`, meta: { n: i } })));
  return idx.serialize();
}

const BYTES = build();
const QUERIES = ['سوريا', 'الغارات الروسية', '"جسر الشغور"', 'عنوان', 'ادلب -درعا', 'المعارض*'];

/** Loads and searches; returns the error code, or 'ok' when the bytes load and every search behaves. */
function probe(bytes: Uint8Array): string {
  let index;
  try {
    index = loadIndex(bytes);
  } catch (e) {
    if (e instanceof FahrasError) return e.code;
    throw e;
  }
  for (const q of QUERIES) {
    let results;
    try {
      results = index.search(q, { limit: 20 });
    } catch (e) {
      if (e instanceof FahrasError) return e.code; // damage found when first decoded (a term frequency past its positions)
      throw e;
    }
    for (const r of results) {
      // crafted bytes may rename a document, but a result is always one of the loaded index's documents
      if (!index.has(r.id)) throw new Error(`a result outside the index: ${String(r.id)}`);
      if (!(r.snippet.highlights.every(([s, e]) => 0 <= s && s < e && e <= r.snippet.text.length))) throw new Error('bad highlight');
    }
  }
  return 'ok';
}


function tally(codes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of codes) out[c] = (out[c] ?? 0) + 1;
  return out;
}

describe('loadIndex on damaged bytes', () => {
  it('the undamaged bytes load', async () => {
    expect(probe(BYTES)).toBe('ok');
  });

  it('every truncation is TRUNCATED (or BAD_MAGIC inside the magic)', async () => {
    const codes: string[] = [];
    const step = Math.max(1, Math.floor(BYTES.length / runs(400)));
    for (let n = 0; n < BYTES.length; n += step) {
      codes.push(probe(BYTES.subarray(0, n)));
      if (codes.length % 500 === 0) await breathe();
    }
    report('truncations', codes.length, JSON.stringify(tally(codes)));
    expect(codes.every((c) => c === 'TRUNCATED' || c === 'BAD_MAGIC')).toBe(true);
  });

  it('random bit flips give a FahrasError (checksum, header fields) or still-valid behaviour', async () => {
    const codes: string[] = [];
    await assertProperty(
      fc.property(fc.uniqueArray(fc.nat(BYTES.length * 8 - 1), { minLength: 1, maxLength: 8 }), (bits) => {
        const b = BYTES.slice();
        for (const bit of bits) b[bit >> 3] ^= 1 << (bit & 7);
        const code = probe(b);
        codes.push(code);
        expect(code).not.toBe('ok'); // CRC-32 catches every flip of up to 8 bits in the payload; header flips fail otherwise
      }),
      runs(500),
    );
    report('bit flips', codes.length, JSON.stringify(tally(codes)));
  });

  it('crafted damage behind a valid checksum never crashes and never returns foreign results', async () => {
    const codes: string[] = [];
    await assertProperty(
      fc.property(
        fc.array(fc.tuple(fc.nat(BYTES.length - 17), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const b = BYTES.slice();
          for (const [pos, v] of edits) b[16 + pos] = v;
          codes.push(probe(withValidCrc(b)));
        },
      ),
      runs(400),
    );
    report('crafted edits (valid CRC)', codes.length, JSON.stringify(tally(codes)));
    expect(codes.length).toBe(runs(400));
  });

  it('crafted postings (unit entries, frequencies, positions) behind a valid checksum: a typed error or an answer, fast', async () => {
    // the byte ranges of the text postings inside the file (the reader's views point into it)
    const text = readSnapshot(BYTES).textIndex;
    const ranges = [text.entryBytes, text.positionBytes].map((v) => [v.byteOffset - BYTES.byteOffset, v.length] as const);
    const codes: string[] = [];
    let slowest = 0;
    await assertProperty(
      fc.property(
        fc.array(fc.tuple(fc.nat(1), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const b = BYTES.slice();
          for (const [r, at, v] of edits) b[ranges[r][0] + (at % ranges[r][1])] = v;
          const t0 = performance.now();
          codes.push(probe(withValidCrc(b)));
          slowest = Math.max(slowest, performance.now() - t0);
        },
      ),
      runs(400),
    );
    report('crafted postings (valid CRC)', codes.length, `${JSON.stringify(tally(codes))} slowest ${slowest.toFixed(0)} ms`);
    expect(codes.length).toBe(runs(400)); // no untyped error (probe rethrows those); the time is reported, not asserted
  });

  it('huge declared counts and lengths are rejected before anything is allocated', async () => {
    const codes: string[] = [];
    // overwrite a run of bytes with a 5-byte varint near 2^32 at many offsets inside the payload
    for (let k = 0; k < runs(300); k++) {
      const at = 16 + Math.floor(((k * 7919) % (BYTES.length - 24)));
      const b = BYTES.slice();
      b.set([0xff, 0xff, 0xff, 0xff, 0x0f], at);
      codes.push(probe(withValidCrc(b)));
      if (k % 200 === 0) await breathe();
    }
    report('huge varints (valid CRC)', codes.length, JSON.stringify(tally(codes)));
    expect(codes.length).toBe(runs(300));
  });

  it('wrong magic, future version, wrong length and non-bytes have their codes', async () => {
    const b = BYTES.slice();
    b[0] = 0x58;
    expect(probe(b)).toBe('BAD_MAGIC');
    const v = BYTES.slice();
    v[4] = 2;
    expect(probe(v)).toBe('UNSUPPORTED_VERSION');
    const extra = new Uint8Array(BYTES.length + 3);
    extra.set(BYTES);
    expect(probe(extra)).toBe('CORRUPT_INDEX');
    expect(probe(new Uint8Array(0))).toBe('TRUNCATED');
    expect(() => loadIndex('nope' as unknown as Uint8Array)).toThrow(FahrasError);
    expect(probe(BYTES.buffer.slice(BYTES.byteOffset, BYTES.byteOffset + BYTES.byteLength) as unknown as Uint8Array)).toBe('ok');
  });
});


describe('the stored configuration', () => {
  it('round-trips unchanged and is checked field by field', () => {
    expect(probe(withConfig(BYTES, (c) => c))).toBe('ok');
    const bad: ((c: Record<string, any>) => unknown)[] = [
      () => 'not json',
      () => null,
      () => [],
      (c) => ({ ...c, paragraphs: 'page' }),
      (c) => ({ ...c, maxParagraphLength: 3 }),
      (c) => ({ ...c, fields: [{ name: 'title', boost: '2' }] }),
      (c) => ({ ...c, fields: [{ name: 'id', boost: 1 }] }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, preset: 'fast' } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, normalizer: 'icu' } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, tokenizer: 'chars' } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, stemmer: 'porter' } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, stopwords: [1, 2] } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, stopwords: 'english' } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, maxTokenLength: 0 } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, normalize: { ...c.analyzer.normalize, diacritics: 'yes' } } }),
      (c) => ({ ...c, questions: 'ما' }),
      (c) => ({ ...c, questions: [1] }),
      (c) => ({ ...c, ranking: { ...c.ranking, keywordProximity: -1 } }),
    ];
    for (const edit of bad) expect(probe(withConfig(BYTES, edit)), String(edit)).toBe('CORRUPT_INDEX');
  });

  it('fahras/search, which never adds documents, checks what reading and searching use', () => {
    const code = (bytes: Uint8Array) => {
      try {
        loadForSearch(bytes, { fields }).search('سوريا');
        return 'ok';
      } catch (e) {
        return e instanceof FahrasError ? e.code : String(e);
      }
    };
    const corrupt: ((c: Record<string, any>) => unknown)[] = [
      () => 'not json',
      () => [],
      (c) => ({ ...c, fields: [{ name: 'title', boost: -1 }] }),
      (c) => ({ ...c, fields: [{ name: 'title' }] }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, stopwords: [1, 2] } }),
      (c) => ({ ...c, analyzer: { ...c.analyzer, normalize: { ...c.analyzer.normalize, diacritics: 'yes' } } }),
      (c) => ({ ...c, questions: { 0: 'ما' } }),
      (c) => ({ ...c, questions: [null] }),
    ];
    for (const edit of corrupt) expect(code(withConfig(BYTES, edit)), String(edit)).toBe('CORRUPT_INDEX');
    // an unknown component is named by the analyzer's lookup; builder-only settings are not its concern
    expect(code(withConfig(BYTES, (c) => ({ ...c, analyzer: { ...c.analyzer, stemmer: 'porter' } })))).toBe('INVALID_ARGUMENT');
    expect(code(withConfig(BYTES, (c) => ({ ...c, paragraphs: 'page' })))).toBe('ok');
    expect(code(withConfig(BYTES, (c) => ({ ...c, analyzer: { ...c.analyzer, maxTokenLength: '9' } })))).toBe('ok');
  });

  it('every analyzer preset and paragraph mode loads', () => {
    for (const analyzer of ['default', 'lucene', 'exact'] as const) {
      for (const paragraphs of ['line', 'blank-line', 'none'] as const) {
        const idx = createIndex({ analyzer, paragraphs });
        idx.addAll(seedDocuments());
        const loaded = loadIndex(idx.serialize());
        // named stopword lists are stored as their words
        const named = (c: typeof idx.config) => ({ ...c, analyzer: { ...c.analyzer, stopwords: null } });
        expect(named(loaded.config)).toEqual(named(idx.config));
        for (const q of ['سوريا', 'أخرى اخرى', 'المفاوضات في جنيف']) expect(loaded.search(q)).toEqual(idx.search(q));
      }
    }
  });

  it('a lucene-preset index whose words share a normalized form (أخر, اخر) loads', () => {
    const idx = createIndex({ analyzer: 'lucene' });
    idx.addAll([
      { id: 1, text: 'الخبر الأخر' },
      { id: 2, text: 'الخبر الاخر وإلى' },
      { id: 3, text: 'الى آخر' },
    ]);
    const loaded = loadIndex(idx.serialize()); // threw CORRUPT_INDEX (surface terms out of order) before the fix
    for (const q of ['الأخر', 'الاخر', 'إلى', 'خبر']) expect(loaded.search(q)).toEqual(idx.search(q));
    expect(loaded.search('الأخر').map((r) => r.id).sort()).toEqual([1, 2, 3]); // آ أ ا all fold to ا
  });
});
