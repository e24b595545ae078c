// Orama 3 with the Arabic stemmer from @orama/stemmers.
//
// Setup (Orama's documented way to stem a non-English language): `create({ schema: { text: 'string' }, components: {
// tokenizer: { language: 'arabic', stemming: true, stemmer } } })` with `stemmer` from '@orama/stemmers/arabic' (a
// Snowball Arabic stemmer). Orama's 'arabic' tokenizer lower-cases, splits on /[^a-z0-9أ-ي]+/ (so U+0621 ء, U+0622 آ,
// harakat and tatweel are separators: a vocalized word is cut into pieces), stems each piece, then strips Latin
// diacritics. No stop words (Orama ships none by default; @orama/stopwords is a separate package).
// Search: `search(db, { term, limit: k })` with Orama's defaults: BM25, threshold 1 (documents matching any query term)
// and, because `exact` is false, every query term also matches every indexed term it is a prefix of (Orama's
// documented default "prefix search"). `exact: true` is not usable for Arabic: it post-filters with a \b regex, which
// knows no Arabic letters.
// Serialization: Orama's own `save(db)` (a plain object, as JSON) and `load(db, raw)` into a db created the same way.
// Orama stores the whole document (its documents store) in the index: its memory and export include the text.
import { create, insertMultiple, load, save, search, type AnyOrama, type RawData } from '@orama/orama';
import { stemmer } from '@orama/stemmers/arabic';
import { isPromise, uniqueTop, type BenchDoc, type Engine, type EngineFactory } from './types.js';

const SCHEMA = { text: 'string' } as const;

function makeDb(): AnyOrama {
  return create({
    schema: SCHEMA,
    components: { tokenizer: { language: 'arabic', stemming: true, stemmer } },
  }) as AnyOrama;
}

class OramaEngine implements Engine {
  readonly name = 'orama';
  readonly pkg = '@orama/orama';
  readonly setup =
    "create({ schema: { text: 'string' }, components: { tokenizer: { language: 'arabic', stemming: true, stemmer: @orama/stemmers/arabic } } }); search { term, limit } defaults (BM25, prefix match, threshold 1)";
  private db: AnyOrama = makeDb();

  async build(docs: readonly BenchDoc[]): Promise<void> {
    const db = makeDb();
    const r = insertMultiple(db, docs as BenchDoc[]);
    if (isPromise(r)) await r;
    this.db = db;
  }

  search(query: string, k: number): string[] | Promise<string[]> {
    const r = search(this.db, { term: query, limit: k });
    const ids = (res: { hits: { id: string }[] }): string[] => uniqueTop(res.hits.map((h) => h.id), k);
    return isPromise(r) ? r.then((res) => ids(res as { hits: { id: string }[] })) : ids(r as { hits: { id: string }[] });
  }

  serialize(): string {
    return JSON.stringify(save(this.db));
  }

  load(bytes: Uint8Array | string): void {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    const db = makeDb();
    load(db, JSON.parse(text) as RawData);
    this.db = db;
  }
}

export const orama: EngineFactory = {
  name: 'orama',
  storesText: true,
  async create() {
    return new OramaEngine();
  },
};
