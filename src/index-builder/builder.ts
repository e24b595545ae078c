// The index writer: documents → paragraphs → analyzed tokens → postings. It owns all mutable state and hands
// readers an immutable IndexSnapshot (see snapshot()). It never imports the query side.
import { type Analyzer, type AnalyzerConfig, type AnalyzerOptions, type AnalyzerPreset, createAnalyzer, resolveAnalyzerConfig } from '../analysis/index.js';
import { U32List } from '../codec/bytes.js';
import { FahrasError } from '../errors.js';
import { forEachParagraph, type ParagraphSplit } from './paragraphs.js';
import { PostingsWriter, type TermIndexData } from './postings.js';

/** A document id: a string or a number, returned as given. */
export type DocumentId = string | number;

/** A document to index: an id, its text, and any other fields (indexed when named in `fields`, always stored). */
export interface FahrasDocument {
  id: DocumentId;
  text: string;
  [field: string]: unknown;
}

/** Extra text fields indexed per document, with a score boost (default 1). */
export type FieldsOption = readonly string[] | Readonly<Record<string, { boost?: number }>>;

/** Options of `createIndex`. */
export interface IndexOptions {
  /** Analyzer preset or options (default `'default'`). The same analysis runs at query time. */
  analyzer?: AnalyzerPreset | AnalyzerOptions;
  /** How documents are split into paragraphs (default `'line'`). */
  paragraphs?: ParagraphSplit;
  /** Paragraphs longer than this (UTF-16 units) are cut at white space (default 10,000). */
  maxParagraphLength?: number;
  /** Extra text fields to index, e.g. `{ title: { boost: 2 } }`. Their matches lift every paragraph of the document. */
  fields?: FieldsOption;
}

/** The resolved configuration, stored in serialized indexes. */
export interface IndexConfig {
  analyzer: AnalyzerConfig;
  paragraphs: ParagraphSplit;
  maxParagraphLength: number;
  fields: { name: string; boost: number }[];
}

/** Per-document tables. `stored` holds every property except `id` and `text`. */
export interface DocumentTable {
  ids: DocumentId[];
  texts: string[];
  stored: (Record<string, unknown> | undefined)[];
  alive: Uint8Array;
  firstPara: Uint32Array;
  paraCount: Uint32Array;
  /** Live documents by id. */
  byId: Map<DocumentId, number>;
  liveCount: number;
}

/** Per-paragraph tables: a paragraph is `docs.texts[doc].slice(start, end)`. */
export interface ParagraphTable {
  count: number;
  doc: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  ordinal: Uint32Array;
  /** Indexed tokens (BM25 length). */
  length: Uint32Array;
  alive: Uint8Array;
  liveCount: number;
  totalLength: number;
}

/** One extra field's inverted index over documents. */
export interface FieldIndex {
  name: string;
  boost: number;
  index: TermIndexData;
  /** Indexed tokens per document. */
  length: Uint32Array;
  totalLength: number;
}

/** Everything a reader needs, frozen. Produced by the builder and by loading serialized bytes. */
export interface IndexSnapshot {
  config: IndexConfig;
  text: TermIndexData;
  paragraphs: ParagraphTable;
  docs: DocumentTable;
  fields: FieldIndex[];
}

/** Resolves index options; throws `FahrasError('INVALID_ARGUMENT')` on bad values. */
export function resolveIndexConfig(options: IndexOptions = {}): IndexConfig {
  if (options === null || typeof options !== 'object') throw new FahrasError('INVALID_ARGUMENT', 'index options must be an object');
  const paragraphs = options.paragraphs ?? 'line';
  if (paragraphs !== 'line' && paragraphs !== 'blank-line' && paragraphs !== 'none') {
    throw new FahrasError('INVALID_ARGUMENT', `paragraphs must be 'line', 'blank-line' or 'none'`);
  }
  const maxParagraphLength = options.maxParagraphLength ?? 10_000;
  if (!(Number.isInteger(maxParagraphLength) && maxParagraphLength >= 16)) {
    throw new FahrasError('INVALID_ARGUMENT', 'maxParagraphLength must be an integer >= 16');
  }
  const fields: { name: string; boost: number }[] = [];
  const f = options.fields ?? [];
  const entries: [string, { boost?: number }][] = Array.isArray(f) ? f.map((n) => [String(n), {}]) : Object.entries(f);
  for (const [name, spec] of entries) {
    if (name === 'id' || name === 'text') throw new FahrasError('INVALID_ARGUMENT', `'${name}' cannot be an extra field`);
    const boost = spec?.boost ?? 1;
    if (!(typeof boost === 'number' && Number.isFinite(boost) && boost >= 0)) {
      throw new FahrasError('INVALID_ARGUMENT', `boost of field '${name}' must be a finite number >= 0`);
    }
    fields.push({ name, boost });
  }
  return { analyzer: resolveAnalyzerConfig(options.analyzer ?? 'default'), paragraphs, maxParagraphLength, fields };
}

function checkId(id: unknown): DocumentId {
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  throw new FahrasError('INVALID_ARGUMENT', `a document id must be a string or a finite number, got ${typeof id}`);
}

function fieldText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(fieldText).join('\n');
  return String(v);
}

/** Grows a Uint8Array flag table. */
function growFlags(a: Uint8Array, need: number): Uint8Array {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, a.length * 2, 64));
  b.set(a);
  return b;
}

/** Removed paragraphs are kept as tombstones until they are this share of all paragraphs (then the index is rebuilt). */
const COMPACT_RATIO = 0.5;
const COMPACT_MIN = 256;

/** Builds and maintains the index. */
export class IndexBuilder {
  readonly config: IndexConfig;
  readonly analyzer: Analyzer;
  private text!: PostingsWriter;
  private fieldWriters!: { name: string; boost: number; writer: PostingsWriter; length: U32List; total: number }[];
  private ids!: DocumentId[];
  private texts!: string[];
  private stored!: (Record<string, unknown> | undefined)[];
  private docAlive!: Uint8Array;
  private firstPara!: U32List;
  private paraCountOf!: U32List;
  private byId!: Map<DocumentId, number>;
  private liveDocs!: number;
  private pDoc!: U32List;
  private pStart!: U32List;
  private pEnd!: U32List;
  private pOrdinal!: U32List;
  private pLength!: U32List;
  private pAlive!: Uint8Array;
  private liveParas!: number;
  private totalLength!: number;
  private cached: IndexSnapshot | null = null;

  constructor(config: IndexConfig, from?: IndexSnapshot) {
    this.config = config;
    this.analyzer = createAnalyzer(config.analyzer);
    this.reset(from);
  }

  private reset(from?: IndexSnapshot): void {
    const c = this.config;
    this.text = new PostingsWriter(from?.text);
    this.fieldWriters = c.fields.map((f, i) => {
      const fi = from?.fields[i];
      const length = new U32List();
      if (fi) for (const v of fi.length) length.push(v);
      return { name: f.name, boost: f.boost, writer: new PostingsWriter(fi?.index), length, total: fi?.totalLength ?? 0 };
    });
    const d = from?.docs;
    this.ids = d ? d.ids.slice() : [];
    this.texts = d ? d.texts.slice() : [];
    this.stored = d ? d.stored.slice() : [];
    this.docAlive = d ? d.alive.slice() : new Uint8Array(64);
    this.firstPara = new U32List();
    this.paraCountOf = new U32List();
    if (d) {
      for (const v of d.firstPara) this.firstPara.push(v);
      for (const v of d.paraCount) this.paraCountOf.push(v);
    }
    this.byId = d ? new Map(d.byId) : new Map();
    this.liveDocs = d ? d.liveCount : 0;
    const p = from?.paragraphs;
    const list = (a?: Uint32Array) => {
      const l = new U32List(a ? a.length + 64 : 64);
      if (a) for (let i = 0; i < (p as ParagraphTable).count; i++) l.push(a[i]);
      return l;
    };
    this.pDoc = list(p?.doc);
    this.pStart = list(p?.start);
    this.pEnd = list(p?.end);
    this.pOrdinal = list(p?.ordinal);
    this.pLength = list(p?.length);
    this.pAlive = p ? p.alive.slice() : new Uint8Array(64);
    this.liveParas = p ? p.liveCount : 0;
    this.totalLength = p ? p.totalLength : 0;
    this.cached = null;
  }

  /** Number of live documents. */
  get documentCount(): number {
    return this.liveDocs;
  }

  /** Whether a live document has this id. */
  has(id: DocumentId): boolean {
    return this.byId.has(id);
  }

  /** Adds a document. Throws `DUPLICATE_ID` if the id is already indexed, `INVALID_ARGUMENT` on a malformed document. */
  add(doc: FahrasDocument): void {
    if (doc === null || typeof doc !== 'object') throw new FahrasError('INVALID_ARGUMENT', 'a document must be an object');
    const id = checkId(doc.id);
    if (this.byId.has(id)) throw new FahrasError('DUPLICATE_ID', `a document with id ${JSON.stringify(id)} is already indexed`);
    const text = typeof doc.text === 'string' ? doc.text : fieldText(doc.text);
    const d = this.ids.length;
    this.ids.push(id);
    this.texts.push(text);
    let stored: Record<string, unknown> | undefined;
    for (const key of Object.keys(doc)) {
      if (key === 'id' || key === 'text') continue;
      (stored ??= Object.create(null) as Record<string, unknown>)[key] = doc[key];
    }
    this.stored.push(stored);
    this.docAlive = growFlags(this.docAlive, d + 1);
    this.docAlive[d] = 1;
    this.byId.set(id, d);
    this.liveDocs++;
    this.firstPara.push(this.pDoc.length);
    let ordinal = 0;
    const analyzer = this.analyzer;
    const writer = this.text;
    forEachParagraph(
      text,
      this.config.paragraphs,
      (start, end) => {
        const unit = this.pDoc.length;
        let length = 0;
        analyzer.scan(text.slice(start, end), (term, _surface, _s, _e, position) => {
          writer.add(term, unit, position);
          length++;
        });
        this.pDoc.push(d);
        this.pStart.push(start);
        this.pEnd.push(end);
        this.pOrdinal.push(ordinal++);
        this.pLength.push(length);
        this.pAlive = growFlags(this.pAlive, unit + 1);
        this.pAlive[unit] = 1;
        this.liveParas++;
        this.totalLength += length;
      },
      this.config.maxParagraphLength,
    );
    this.paraCountOf.push(ordinal);
    for (const f of this.fieldWriters) {
      let length = 0;
      analyzer.scan(fieldText(doc[f.name]), (term, _surface, _s, _e, position) => {
        f.writer.add(term, d, position);
        length++;
      });
      f.length.push(length);
      f.total += length;
    }
    this.cached = null;
  }

  /** Removes a live document; returns false when no document has this id. */
  remove(id: DocumentId): boolean {
    const d = this.byId.get(id);
    if (d === undefined) return false;
    this.byId.delete(id);
    this.docAlive[d] = 0;
    this.liveDocs--;
    const text = this.texts[d];
    const seen = new Set<string>();
    const first = this.firstPara.data[d];
    const count = this.paraCountOf.data[d];
    for (let p = first; p < first + count; p++) {
      seen.clear();
      this.analyzer.scan(text.slice(this.pStart.data[p], this.pEnd.data[p]), (term) => {
        if (!seen.has(term)) {
          seen.add(term);
          this.text.forget(term);
        }
      });
      this.pAlive[p] = 0;
      this.liveParas--;
      this.totalLength -= this.pLength.data[p];
    }
    const stored = this.stored[d];
    for (const f of this.fieldWriters) {
      seen.clear();
      this.analyzer.scan(fieldText(stored?.[f.name]), (term) => {
        if (!seen.has(term)) {
          seen.add(term);
          f.writer.forget(term);
        }
      });
      f.total -= f.length.data[d];
    }
    this.texts[d] = '';
    this.stored[d] = undefined;
    this.cached = null;
    const dead = this.pDoc.length - this.liveParas;
    if (dead >= COMPACT_MIN && dead > this.pDoc.length * COMPACT_RATIO) this.compact();
    return true;
  }

  /** Rebuilds the index from the live documents, giving back the memory of removed ones. */
  compact(): void {
    const live: FahrasDocument[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.docAlive[d]) continue;
      live.push({ ...(this.stored[d] ?? {}), id: this.ids[d], text: this.texts[d] });
    }
    this.reset();
    for (const doc of live) this.add(doc);
  }

  /** The current state for readers; cached until the next change. */
  snapshot(): IndexSnapshot {
    if (this.cached) return this.cached;
    const pc = this.pDoc.length;
    const snap: IndexSnapshot = {
      config: this.config,
      text: this.text.freeze(),
      paragraphs: {
        count: pc,
        doc: this.pDoc.data,
        start: this.pStart.data,
        end: this.pEnd.data,
        ordinal: this.pOrdinal.data,
        length: this.pLength.data,
        alive: this.pAlive,
        liveCount: this.liveParas,
        totalLength: this.totalLength,
      },
      docs: {
        ids: this.ids,
        texts: this.texts,
        stored: this.stored,
        alive: this.docAlive,
        firstPara: this.firstPara.data,
        paraCount: this.paraCountOf.data,
        byId: this.byId,
        liveCount: this.liveDocs,
      },
      fields: this.fieldWriters.map((f) => ({
        name: f.name,
        boost: f.boost,
        index: f.writer.freeze(),
        length: f.length.data,
        totalLength: f.total,
      })),
    };
    this.cached = snap;
    return snap;
  }
}
