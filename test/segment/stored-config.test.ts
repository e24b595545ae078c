// Forward compatibility of the stored configuration (FORMAT.md, "Configuration"): a file that lacks a key loads with
// the key's stored default and answers as before; a file with a key this build does not know was written by a newer
// fahras and is refused with UNSUPPORTED_VERSION, in both entries.
import { describe, expect, it } from 'vitest';
import { createIndex, FahrasError, loadIndex } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { STORED_DEFAULTS } from '../../src/segment/stored-config.js';
import { RANKING } from '../../src/segment/model.js';
import { withConfig } from '../helpers/index-bytes.js';
import { seedDocuments } from '../helpers/seeds.js';

const index = createIndex();
index.addAll(seedDocuments());
const BYTES = index.serialize();
const QUERIES = ['سوريا', 'الغارات الروسية', '"جسر الشغور"', 'ادلب -درعا', 'المعارض*'];

/** Every key path of the stored defaults: ['paragraphs'], ['analyzer', 'normalize', 'digits'], … */
function keyPaths(o: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(o).flatMap(([k, v]) => {
    const path = [...prefix, k];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? [path, ...keyPaths(v as Record<string, unknown>, path)] : [path];
  });
}

function without(config: Record<string, any>, path: string[]): Record<string, any> {
  const copy = structuredClone(config);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  delete o[path[path.length - 1]];
  return copy;
}

describe('the stored configuration, forward compatibility', () => {
  const paths = keyPaths(STORED_DEFAULTS as unknown as Record<string, unknown>);

  it('has a stored default for every key the writer writes', () => {
    let written: Record<string, unknown> = {};
    const quranic = createIndex();
    quranic.add({ id: 1, text: 'وَأَقِيمُوا۟ ٱلصَّلَوٰةَ' });
    withConfig(BYTES, (c) => (written = c));
    // an added key is left out at its stored default: `quranic` is written by an index of Qur'anic text only
    expect(written.quranic).toBeUndefined();
    withConfig(quranic.serialize(), (c) => (written = c));
    // named stopword lists are written as their words
    const { stopwords: _, ...analyzer } = written.analyzer as Record<string, unknown>;
    expect(keyPaths({ ...written, analyzer }).map((p) => p.join('.')).sort()).toEqual(
      paths.map((p) => p.join('.')).filter((p) => p !== 'analyzer.stopwords').sort(),
    );
  });

  it('loads a file without a key, with the key at its default, answering as before', () => {
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const bytes = withConfig(BYTES, (c) => without(c, path));
      for (const load of [loadIndex, loadForSearch]) {
        const loaded = load(bytes);
        let value: any = loaded.config;
        let fallback: any = STORED_DEFAULTS;
        for (const k of path) {
          value = value[k];
          fallback = fallback[k];
        }
        expect(value, path.join('.')).toEqual(fallback);
        // a ranking choice a file lacks ranks as files did before it existed: as its stored default asks
        const asked = path[0] === 'ranking' ? { ranking: path.length === 1 ? fallback : { [path[1]]: fallback } } : {};
        if (path.join('.') !== 'analyzer.stopwords') {
          for (const q of QUERIES) expect(loaded.search(q), `${path.join('.')}: ${q}`).toEqual(index.search(q, asked));
        }
      }
    }
  });

  it('writes the current ranking choices; a file without them gets every choice off (the ranking it had)', () => {
    withConfig(BYTES, (c) => {
      expect(c.ranking).toEqual(RANKING);
      return c;
    });
    // off is 0, the idf exponent's 1 (plain idf)
    expect(Object.entries(STORED_DEFAULTS.ranking).every(([k, v]) => v === (k === 'idfExponent' ? 1 : 0))).toBe(true);
    const old = loadIndex(withConfig(BYTES, (c) => without(c, ['ranking'])));
    expect(old.config.ranking).toEqual(STORED_DEFAULTS.ranking);
    // a prefix's completions: every one adds before, the best one per paragraph now
    expect(old.search('المفاوض*').map((r) => r.score)).not.toEqual(index.search('المفاوض*').map((r) => r.score));
  });

  it('refuses a key it does not know as a newer writer, naming the key and the version it reads', () => {
    const edits = [
      (c: Record<string, any>) => ({ ...c, analyzer: { ...c.analyzer, normalize: { ...c.analyzer.normalize, tashkeelSeats: true } } }),
      (c: Record<string, any>) => ({ ...c, analyzer: { ...c.analyzer, clitics: 'corpus' } }),
      (c: Record<string, any>) => ({ ...c, pack: 1 }),
    ];
    for (const edit of edits) {
      for (const load of [loadIndex, loadForSearch]) {
        try {
          load(withConfig(BYTES, edit));
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(FahrasError);
          expect((e as FahrasError).code).toBe('UNSUPPORTED_VERSION');
          expect((e as FahrasError).message).toMatch(/setting '(tashkeelSeats|clitics|pack)'.*format version 1/);
        }
      }
    }
  });
});

describe('the stored configuration, keys added since version 1', () => {
  it('uthmani: new indexes get true, files written before it load with false and analyze Uthmani text as before', () => {
    expect(STORED_DEFAULTS.analyzer.normalize.uthmani).toBe(false);
    // a Tanzil Uthmani verse (Tanzil Project, https://tanzil.net)
    const text = 'وَأَقِيمُوا۟ ٱلصَّلَوٰةَ وَءَاتُوا۟ ٱلزَّكَوٰةَ';
    const now = createIndex();
    now.addAll([{ id: 1, text }]);
    expect(now.config.analyzer.normalize.uthmani).toBe(true);
    expect(now.search('الصلاة').length).toBe(1);
    // a file written before the key existed: the old analysis, and no key
    const old = createIndex({ analyzer: { normalize: { uthmani: false } } });
    old.addAll([{ id: 1, text }]);
    const before = withConfig(old.serialize(), (c) => without(c, ['analyzer', 'normalize', 'uthmani']));
    for (const load of [loadIndex, loadForSearch]) {
      const loaded = load(before);
      expect(loaded.config.analyzer.normalize.uthmani).toBe(false);
      for (const q of ['الصلاة', 'ٱلصَّلَوٰةَ', '"وأقيموا الصلاة"', 'الزكوة']) expect(loaded.search(q), q).toEqual(old.search(q));
      expect(loaded.search('الصلاة').length).toBe(0);
      expect(loaded.search('ٱلصَّلَوٰةَ').length).toBe(1);
    }
  });

  it('leaves an added key out when it has its stored default, so builds that predate the key read the file', () => {
    const plain = createIndex({ analyzer: { normalize: { uthmani: false } } });
    plain.addAll(seedDocuments().slice(0, 3));
    const bytes = plain.serialize();
    withConfig(bytes, (c) => {
      expect('uthmani' in c.analyzer.normalize).toBe(false);
      return c;
    });
    expect(loadIndex(bytes).config.analyzer.normalize.uthmani).toBe(false);
    withConfig(BYTES, (c) => {
      expect(c.analyzer.normalize.uthmani).toBe(true); // not the stored default: written
      return c;
    });
  });
});
