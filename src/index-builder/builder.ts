// The index writer: documents → paragraphs → analyzed tokens → postings. It owns all mutable state and hands
// readers an immutable IndexSnapshot (see snapshot()). It never imports the query side.
import { type Analyzer, type AnalyzerConfig, type AnalyzerOptions, type AnalyzerPreset, createAnalyzer, oneOf, resolveAnalyzerConfig, type TextAnalyzer, WordChain, type WordIdSink } from '../analysis/index.js';
import { holdsQuranicOrthography } from '../normalize/index.js';
import { ByteWriter, U32List } from '../segment/bytes.js';
import { type DocumentId, type DocumentTable, type FahrasDocument, type FieldIndex, type IndexConfig, type IndexSnapshot, PARAGRAPH_SPLITS, type ParagraphSplit, RANKING, roundLength, DERIVATION_WEIGHT, type ParagraphTable, type TermIndexData, type TermVectors, NO_VECTOR, fieldText, type DerivationEntries, type Derivations } from '../segment/model.js';
import { putVarint } from '../segment/postings.js';
import { checkOptions, describe, FahrasError, invalid } from '../errors.js';
import { cliticRemainder, FOLD_PREFIXES } from '../stem/clitics.js';
import { ParagraphSplitter } from './paragraphs.js';
import { QUESTION_WORDS } from './question-words.js';
import { PostingsWriter, TokenLog } from './postings.js';


export type { FahrasDocument };

/** Extra text fields indexed per document, with a score boost (default 1). */
export type FieldsOption = readonly string[] | Readonly<Record<string, { boost?: number }>>;

/** Options of `createIndex`. */
export interface IndexOptions {
  /** Analyzer preset or options (default `'default'`). The same analysis runs at query time. */
  analyzer?: AnalyzerPreset | AnalyzerOptions;
  /** How documents are split into paragraphs (default `'line'`). */
  paragraphs?: ParagraphSplit;
  /** Paragraphs longer than this (UTF-16 units) are cut at white space (default 4,000). */
  maxParagraphLength?: number;
  /** Extra text fields to index, e.g. `{ title: { boost: 2 } }`. Their matches lift every paragraph of the document. */
  fields?: FieldsOption;
  /**
   * Fold single-letter clitics the corpus confirms (default: true when the analyzer stems): a stem starting with ب, ل or ك (or بال, لل
   * after a conjunction) is indexed as the stem without it when the index holds that stem more often (لذراع as
   * ذراع, بفترة as فترة); بيت and كتاب keep their first letter. Decided once per distinct term at each freeze.
   */
  cliticFolding?: boolean;
  /**
   * With `cliticFolding`, also fold the ت a noun's ة becomes before a pronoun suffix (default: as `cliticFolding`): a
   * stem ending in ت that no word has as its bare form is indexed as the stem without it when the index holds that
   * stem more often (مساحتها as مساحة); قالت, a word of its own, keeps its ت.
   */
  tehFolding?: boolean;
  /**
   * Derivations and broken plurals, from `fahras/derivations` (default: none; only with a stemming analyzer): a word
   * also meets, at 0.4 of its weight, the other forms of its stem's skeleton (the stem without ا و ي after its
   * first letter) the index holds, مدارس for مدرسة. The builder writes the skeletons into the dictionary (about 1% of
   * the index); searching such an index needs `derivations` (`loadIndex(bytes, { derivations })`).
   */
  derivations?: Derivations;
}

/** Most extra fields an index takes. */
export const MAX_FIELDS = 64;
/** Largest field boost. */
const MAX_BOOST = 1000;
/** Deepest nesting of arrays and objects in a stored field value. */
export const MAX_STORED_DEPTH = 32;

/** Whether `v` is a plain object (an object literal or `Object.create(null)`, not an array, class instance or Map). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The `fields` option as names and boosts; throws `FahrasError('INVALID_ARGUMENT')` on a malformed one. */
function resolveFields(f: unknown): { name: string; boost: number }[] {
  const what = 'createIndex option fields';
  const list = Array.isArray(f);
  if (!list && !isPlainObject(f)) invalid(`${what}: expected an array of field names or an object { name: { boost } }, got ${describe(f)}`);
  const entries: [unknown, unknown][] = list ? f.map((n) => [n, undefined]) : Object.entries(f);
  if (entries.length > MAX_FIELDS) invalid(`${what}: at most ${MAX_FIELDS} fields, got ${entries.length}`);
  const seen = new Set<string>();
  return entries.map(([name, spec]) => {
    if (typeof name !== 'string' || name === '') invalid(`${what}: a field name must be a non-empty string, got ${describe(name)}`);
    if (name === 'id' || name === 'text' || name === '__proto__') invalid(`${what}: '${name}' cannot be an extra field`);
    if (seen.has(name)) invalid(`${what}: field '${name}' is named twice`);
    seen.add(name);
    const { boost = 1 } = checkOptions(spec as { boost?: number } | undefined, 'boost', `${what}.${name}`);
    if (!(typeof boost === 'number' && boost >= 0 && boost <= MAX_BOOST)) {
      invalid(`${what}.${name}.boost: expected a number from 0 to ${MAX_BOOST}, got ${describe(boost)}`);
    }
    return { name, boost };
  });
}

/** Resolves index options; throws `FahrasError('INVALID_ARGUMENT')` on bad values, naming the option. */
export function resolveIndexConfig(options?: IndexOptions): IndexConfig {
  const o = checkOptions(options, 'analyzer paragraphs maxParagraphLength fields cliticFolding tehFolding derivations', 'createIndex options');
  const paragraphs = o.paragraphs ?? 'line';
  if (!oneOf(PARAGRAPH_SPLITS, paragraphs)) {
    invalid(`createIndex option paragraphs: expected 'line', 'blank-line' or 'none', got ${describe(paragraphs)}`);
  }
  const analyzer = resolveAnalyzerConfig(o.analyzer ?? 'default');
  // an index without stemming is an index of exact words: no folding unless asked
  const cliticFolding = o.cliticFolding ?? analyzer.stemmer !== 'none';
  if (typeof cliticFolding !== 'boolean') invalid(`createIndex option cliticFolding: expected true or false, got ${describe(cliticFolding)}`);
  const tehFolding = o.tehFolding ?? cliticFolding;
  if (typeof tehFolding !== 'boolean') invalid(`createIndex option tehFolding: expected true or false, got ${describe(tehFolding)}`);
  if (tehFolding && !cliticFolding) invalid('createIndex option tehFolding: needs cliticFolding');
  const derivations = o.derivations;
  if (derivations !== undefined && typeof derivations !== 'function') invalid('createIndex option derivations: from fahras/derivations');
  const maxParagraphLength = o.maxParagraphLength ?? 4000;
  if (!(Number.isInteger(maxParagraphLength) && maxParagraphLength >= 16 && maxParagraphLength <= 0x7fffffff)) {
    invalid(`createIndex option maxParagraphLength: expected an integer from 16 to 2147483647, got ${describe(maxParagraphLength)}`);
  }
  // the question words as this analyzer normalizes a query's words (each once)
  const words = new WordChain(analyzer);
  const questions = [...new Set(QUESTION_WORDS.map((word) => words.surfaceOf(word)))].filter((word) => word !== '');
  return { analyzer, paragraphs, maxParagraphLength, fields: resolveFields(o.fields ?? []), ranking: derivations && analyzer.stemmer !== 'none' ? { ...RANKING, derivations: DERIVATION_WEIGHT } : { ...RANKING }, cliticFolding, tehFolding, roundedLengths: true, quranic: false, questions };
}

function checkId(id: unknown): DocumentId {
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  invalid(`a document id must be a string or a finite number, got ${describe(id)}`);
}

/** Whether `v` is a field value `fieldText` takes. */
function isFieldText(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
}

/**
 * Whether `v` is JSON data (what an index file stores and gives back the same): strings, finite numbers, booleans,
 * null, arrays and plain objects, nested at most `depth` deep (which also refuses cycles).
 */
function isStorable(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (depth === 0) return false;
  if (Array.isArray(v)) return v.every((x) => isStorable(x, depth - 1));
  if (!isPlainObject(v)) return false;
  for (const key in v) if (hasOwn.call(v, key) && !isStorable(v[key], depth - 1)) return false;
  return true;
}

/** `wordMap[2s]` of a stopword (-1 is a word not mapped yet). */
const STOPWORD = -2;

/** `a[i] = v`, growing `a` (filled with -1) when needed; returns the array to keep. */
function setGrowing(a: Int32Array, i: number, v: number): Int32Array {
  if (i >= a.length) {
    let size = Math.max(64, a.length * 2);
    while (size <= i) size *= 2;
    const next = new Int32Array(size).fill(-1);
    next.set(a);
    a = next;
  }
  a[i] = v;
  return a;
}

/** Grows a Uint8Array flag table. */
function growFlags(a: Uint8Array, need: number): Uint8Array {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, a.length * 2, 64));
  b.set(a);
  return b;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The first letters of the clitics a stem may be folded without: a term starting with another is kept at once. */
const CLITIC_FIRST = new Set(FOLD_PREFIXES.map((p) => p.charCodeAt(0)));

/** Removed paragraphs are kept as tombstones until they are this share of all paragraphs (then the index is rebuilt). */
const COMPACT_RATIO = 0.5;
const COMPACT_MIN = 256;

/** Builds and maintains the index. */
export class IndexBuilder {
  /** The configuration; `quranic` turns on (a new object) when a document in Qur'anic orthography is added. */
  config: IndexConfig;
  readonly analyzer: Analyzer;
  /** The analyzer without the Qur'anic rules (`uthmani: false`), made when a document first needs the comparison. */
  private analyzerWithoutQuranicRules: TextAnalyzer | null = null;
  private textWriter!: PostingsWriter;
  private surfaceWriter!: PostingsWriter | null;
  /** The paragraphs' new tokens, for both the text and the surface index (columns 0 and 1). */
  private log!: TokenLog;
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
  private tv!: ByteWriter;
  private tvOff!: U32List;
  private tvEnd!: U32List;
  private liveParas!: number;
  private totalLength!: number;
  private cached: IndexSnapshot | null = null;
  /**
   * True while every analyzer id not yet in termMap/wordMap is a word the writers have never seen (they
   * started empty and the analyzer has not dropped its tables since): new terms are appended without a lookup.
   */
  private direct = true;
  /** Analyzer term id → text postings term id (-1 unknown); reset when the analyzer drops its tables. */
  private termMap: Int32Array = new Int32Array(0);
  /**
   * Per analyzer surface (word) id s: [2s] its text postings term id (-1 unknown, STOPWORD for a stopword),
   * [2s + 1] its surface postings term id. One read per token serves both indexes. This table and termMap start
   * empty, so the first words grow them: growing has run before the token loop is optimized (a path first taken
   * later deoptimizes it).
   */
  private wordMap: Int32Array = new Int32Array(0);
  /**
   * With `cliticFolding`, per text term id: the term its tokens are indexed under (itself when kept), -1 while
   * undecided. Each term is decided once, at the first freeze that sees it ({@link foldClitics}), and kept so:
   * postings never move between terms.
   */
  private textTarget: Int32Array = new Int32Array(0);
  /** Splits the documents being added; its visitor is {@link addParagraph}. One for all documents (no closures per document). */
  private readonly splitter: ParagraphSplitter;
  /** The document being added: its index, text and paragraphs so far. */
  private doc = 0;
  private docText = '';
  private ordinal = 0;
  /** The paragraph being added: the start of its last token and its token count. */
  private prevStart = 0;
  private paraTokens = 0;

  /** `fahras/derivations`, for an index that ranks derivations (the builder writes its entries, the main entry's searchers take it). */
  readonly derivations?: Derivations;

  constructor(config: IndexConfig, from?: IndexSnapshot, derivations?: Derivations) {
    this.config = config;
    if (config.ranking.derivations && !derivations) invalid('this index needs { derivations } from fahras/derivations');
    this.derivations = derivations;
    this.analyzer = createAnalyzer(config.analyzer);
    this.splitter = new ParagraphSplitter(config.paragraphs, (start, end) => this.addParagraph(start, end), config.maxParagraphLength);
    this.reset(from);
  }

  private reset(from?: IndexSnapshot): void {
    const c = this.config;
    const withSurface = c.analyzer.stemmer !== 'none';
    this.log = new TokenLog(withSurface, true);
    this.textWriter = new PostingsWriter(from?.textIndex, true, { log: this.log, column: 0 });
    this.surfaceWriter = withSurface ? new PostingsWriter(from?.surfaceIndex ?? undefined, false, { log: this.log, column: 1 }) : null;
    this.fieldWriters = c.fields.map((f, i) => {
      const fi = from?.fieldIndexes[i];
      const length = new U32List();
      if (fi) for (const v of fi.tokenCount) length.push(v);
      return { name: f.name, boost: f.boost, writer: new PostingsWriter(fi?.termIndex), length, total: fi?.totalLength ?? 0 };
    });
    const d = from?.docs;
    this.ids = d ? d.ids.slice() : [];
    this.texts = d ? d.texts.slice() : [];
    this.stored = d ? d.stored.slice() : [];
    this.docAlive = d ? d.alive.slice() : new Uint8Array(64);
    this.firstPara = new U32List();
    this.paraCountOf = new U32List();
    if (d) {
      for (const v of d.firstParagraph) this.firstPara.push(v);
      for (const v of d.paragraphCount) this.paraCountOf.push(v);
    }
    this.byId = d ? new Map(d.byId) : new Map();
    this.liveDocs = d ? d.liveCount : 0;
    const p = from?.paragraphTable;
    const list = (a?: ArrayLike<number>) => {
      const l = new U32List(a ? a.length + 64 : 64);
      if (a) for (let i = 0; i < (p as ParagraphTable).count; i++) l.push(a[i]);
      return l;
    };
    this.pDoc = list(p?.doc);
    this.pStart = list(p?.textStart);
    this.pEnd = list(p?.textEnd);
    this.pOrdinal = list(p?.ordinal);
    this.pLength = list(p?.tokenCount);
    this.pAlive = p ? p.alive.slice() : new Uint8Array(64);
    this.liveParas = p ? p.liveCount : 0;
    this.totalLength = p ? p.totalLength : 0;
    this.tv = new ByteWriter(1 << 16);
    this.tvOff = new U32List(p ? p.count + 64 : 64);
    this.tvEnd = new U32List(p ? p.count + 64 : 64);
    for (let i = 0; i < (p ? p.count : 0); i++) {
      const has = from?.vectors && from.vectors.vectorStart[i] !== NO_VECTOR;
      this.tvOff.push(has ? 0 : NO_VECTOR);
      this.tvEnd.push(has ? 0 : NO_VECTOR);
    }
    if (from?.vectors) {
      // keep the vectors of the paragraphs that have them
      const v = from.vectors;
      for (let i = 0; i < (p as ParagraphTable).count; i++) {
        if (v.vectorStart[i] === NO_VECTOR) continue;
        this.tvOff.data[i] = this.tv.length;
        this.tv.raw(v.vectorBytes.subarray(v.vectorStart[i], v.vectorEnd[i]));
        this.tvEnd.data[i] = this.tv.length;
      }
    }
    this.cached = null;
    // term ids of the analyzer map to ids of the writers just replaced
    this.termMap.fill(-1);
    this.wordMap.fill(-1);
    this.direct = !from || from.textIndex.termsById.length === 0;
    // a loaded term with entries keeps them; one without (folded when written) is decided again
    const df = from?.textIndex.df;
    this.textTarget = new Int32Array(df ? df.length : 0);
    for (let t = 0; t < this.textTarget.length; t++) this.textTarget[t] = df![t] > 0 ? t : -1;
  }

  private mapTerm(t: number): number {
    const term = this.analyzer.termStrings[t];
    const w = this.direct ? this.textWriter.appendTerm(term) : this.textWriter.idFor(term);
    this.termMap = setGrowing(this.termMap, t, w);
    return w;
  }

  /**
   * Maps a word seen for the first time (since the last reset) to its text term id and its surface term id, or
   * marks it a stopword (STOPWORD); returns what the token loop reads from `wordMap[2s]`.
   */
  private mapWord(s: number): number {
    const t = this.analyzer.termOf(s);
    let w = STOPWORD;
    let v = 0;
    if (t >= 0) {
      w = t < this.termMap.length ? this.termMap[t] : -1;
      if (w < 0) w = this.mapTerm(t);
      const writer = this.surfaceWriter;
      if (writer !== null) {
        // appending without a lookup needs one surface id per surface string
        const surface = this.analyzer.surfaceStrings[s];
        v = this.direct && this.analyzer.distinctSurfaces ? writer.appendTerm(surface) : writer.idFor(surface);
      }
    }
    this.wordMap = setGrowing(this.wordMap, 2 * s + 1, v);
    this.wordMap[2 * s] = w;
    return w;
  }

  /**
   * A hint that about `chars` UTF-16 units of paragraph text are about to be added (`addAll` gives its documents'
   * length): the token log and the term vectors get their room at once instead of by doubling (fewer copies and
   * fresh pages). About one token per 6 code units (a bound: 7.8 on Arabic news, stopwords excluded) and 0.52 vector
   * bytes per code unit; the vectors get exactly their estimate (not the next power of two), so the buffer is not cut
   * to size again at the end.
   */
  reserve(chars: number): void {
    this.log.reserve(this.log.length + Math.ceil(chars / 6));
    this.growVectors(Math.ceil(chars * 0.55));
  }

  /** Room for `extra` more term vector bytes: exactly that much when asked by {@link reserve}, else +50%. */
  private growVectors(extra: number): void {
    const tv = this.tv;
    if (tv.length + extra <= tv.buffer.length) return;
    const b = new Uint8Array(Math.max(tv.length + extra, tv.buffer.length + (tv.buffer.length >> 1)));
    b.set(tv.buffer.subarray(0, tv.length));
    tv.buffer = b;
  }

  /** Number of live documents. */
  get documentCount(): number {
    return this.liveDocs;
  }

  /** Whether a live document has this id. */
  has(id: DocumentId): boolean {
    return this.byId.has(id);
  }

  /** Analyzes paragraph `[start, end)` of the document being added and logs its tokens (the splitter's visitor). */
  private addParagraph(start: number, end: number): void {
    const paragraph = this.pDoc.length;
    if (this.analyzer.maybeReset()) {
      this.termMap.fill(-1);
      this.wordMap.fill(-1);
      this.direct = false; // new analyzer ids may name terms the writers already have
    }
    this.tvOff.push(this.tv.length);
    this.log.setParagraph(paragraph);
    this.prevStart = start;
    this.paraTokens = 0;
    this.analyzer.scanWords(this.docText, this.sink, start, end);
    const length = this.config.roundedLengths ? roundLength(this.paraTokens) : this.paraTokens;
    this.tvEnd.push(this.tv.length);
    this.pDoc.push(this.doc);
    this.pStart.push(start);
    this.pEnd.push(end);
    this.pOrdinal.push(this.ordinal++);
    this.pLength.push(length);
    this.pAlive = growFlags(this.pAlive, paragraph + 1);
    this.pAlive[paragraph] = 1;
    this.liveParas++;
    this.totalLength += length;
  }

  /** Logs one token of the current paragraph for both indexes and appends its term vector entry. */
  private readonly sink: WordIdSink = (s, ts, te, position) => {
    let w = 2 * s < this.wordMap.length ? this.wordMap[2 * s] : -1;
    if (w === -1) w = this.mapWord(s);
    if (w === STOPWORD) return;
    this.log.push(w, this.wordMap[2 * s + 1], position);
    // the term vector entry: three varints of at most 5 bytes. (No inline one-byte case with putVarint as the rare
    // path: a call first reached after this loop is optimized deoptimizes it, and with it the tokenizer's loop it
    // is inlined into.)
    const tv = this.tv;
    if (tv.length + 15 > tv.buffer.length) this.growVectors(15);
    let p = putVarint(tv.buffer, tv.length, w);
    p = putVarint(tv.buffer, p, ts - this.prevStart);
    tv.length = putVarint(tv.buffer, p, te - ts);
    this.prevStart = ts;
    this.paraTokens++;
  };

  /**
   * Checks a document before anything changes (so a failing `add` or `update` leaves the index as it was) and
   * returns its id, its text and its stored fields. Throws `INVALID_ARGUMENT` on a malformed document, naming the
   * property; `DUPLICATE_ID` when the id is indexed already (unless `replacing`).
   */
  check(given: FahrasDocument, replacing = false): { id: DocumentId; text: string; stored: Record<string, unknown> | undefined } {
    const doc = given as FahrasDocument & Record<string, unknown>;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) invalid(`a document must be an object { id, text }, got ${describe(doc)}`);
    const id = checkId(doc.id);
    const which = `document ${JSON.stringify(id)}`;
    if (!replacing && this.byId.has(id)) throw new FahrasError('DUPLICATE_ID', `a document with id ${JSON.stringify(id)} is already indexed`);
    const text = doc.text;
    if (typeof text !== 'string') invalid(`${which}: text must be a string, got ${describe(text)}${hasOwn.call(doc, 'text') ? '' : ` (its properties: ${Object.keys(doc).join(', ')})`}`);
    for (const f of this.config.fields) {
      const v = hasOwn.call(doc, f.name) ? doc[f.name] : undefined;
      if (!isFieldText(v)) invalid(`${which}: field '${f.name}' must be a string or an array of strings, got ${describe(v)}`);
    }
    let stored: Record<string, unknown> | undefined;
    // for-in over a document's own keys: no array of keys per document (documents of one shape share V8's key cache)
    for (const key in doc) {
      if (key === 'id' || key === 'text' || !hasOwn.call(doc, key)) continue;
      const v = doc[key];
      if (v === undefined) continue;
      if (!isStorable(v, MAX_STORED_DEPTH)) {
        invalid(`${which}: stored field '${key}' must be JSON data (strings, finite numbers, booleans, null, arrays, plain objects; at most ${MAX_STORED_DEPTH} deep), got ${describe(v)}`);
      }
      (stored ??= Object.create(null) as Record<string, unknown>)[key] = v;
    }
    return { id, text, stored };
  }

  /** Adds a document. Throws `DUPLICATE_ID` if the id is already indexed, `INVALID_ARGUMENT` on a malformed document. */
  add(doc: FahrasDocument): void {
    this.insert(this.check(doc));
  }

  /**
   * Whether a reader without the Qur'anic rules (`fahras/search` without `fahras/quran`) would analyze `text`
   * differently: other terms, surface forms, spans or positions. Asked only of documents with characters of
   * Qur'anic orthography, until one says yes (an ٱ quoted in news analyzes the same either way: U+0671 folds to alef).
   */
  private needsQuranicRules(text: string): boolean {
    const analyzer = this.config.analyzer;
    this.analyzerWithoutQuranicRules ??= new WordChain({ ...analyzer, normalize: { ...analyzer.normalize, uthmani: false } });
    const withRules = this.analyzer.analyze(text);
    const without = this.analyzerWithoutQuranicRules.analyze(text);
    return (
      withRules.length !== without.length ||
      withRules.some((t, i) => t.term !== without[i].term || t.surface !== without[i].surface || t.start !== without[i].start || t.end !== without[i].end || t.position !== without[i].position)
    );
  }

  /** Adds a document {@link check} accepted; nothing in it can fail. */
  insert({ id, text, stored }: ReturnType<IndexBuilder['check']>): void {
    const d = this.ids.length;
    this.ids.push(id);
    this.texts.push(text);
    this.stored.push(stored);
    this.docAlive = growFlags(this.docAlive, d + 1);
    this.docAlive[d] = 1;
    this.byId.set(id, d);
    this.liveDocs++;
    this.firstPara.push(this.pDoc.length);
    this.doc = d;
    this.docText = text;
    const c = this.config;
    if (!c.quranic && c.analyzer.normalize.uthmani && c.analyzer.normalizer === 'fahras' && holdsQuranicOrthography(text) && this.needsQuranicRules(text)) this.config = { ...c, quranic: true };
    this.ordinal = 0;
    this.splitter.run(text);
    this.docText = '';
    this.paraCountOf.push(this.ordinal);
    for (let i = 0; i < this.fieldWriters.length; i++) {
      const f = this.fieldWriters[i];
      let length = 0;
      this.analyzer.scan(fieldText(stored?.[f.name]), (term, _surface, _s, _e, position) => {
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
    const seenSurface = new Set<string>();
    const seenText = new Set<number>();
    const target = this.textTarget;
    for (let p = first; p < first + count; p++) {
      seenText.clear();
      seenSurface.clear();
      this.analyzer.scan(text.slice(this.pStart.data[p], this.pEnd.data[p]), (term, surface) => {
        // the term the paragraph's entry is under (a folded clitic form's is its target's)
        let t = this.textWriter.find(term);
        if (t >= 0 && t < target.length && target[t] >= 0) t = target[t];
        if (!seenText.has(t)) {
          seenText.add(t);
          this.textWriter.forgetId(t);
        }
        if (this.surfaceWriter !== null && !seenSurface.has(surface)) {
          seenSurface.add(surface);
          this.surfaceWriter.forget(surface);
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

  /** The vector bytes, with the writer's spare capacity given back when it is large (after a bulk load). */
  private trimmedVectors(): Uint8Array {
    const tv = this.tv;
    if (tv.buffer.length > tv.length * 1.25 + 65536) tv.buffer = tv.buffer.slice(0, Math.ceil(tv.length * 1.05) + 1024);
    return tv.buffer;
  }

  /**
   * Clitic folding (`cliticFolding`, src/stem/clitics.ts), before the text writer folds in the log: decides every
   * undecided term once — folded into the stem without its clitic when the dictionary holds that stem and holds it
   * more often (frozen df plus the log's tokens), else kept — then sends the log's tokens of folded terms to their
   * targets. A folded term keeps its place in the dictionary with df 0: that is how a query (and a loaded index)
   * knows to look the word up without its clitic. With `tehFolding`, a term ending in ت is tried without it too, unless
   * the surface index holds the term as a word's form (قالت is a word; مساحت, the stem of مساحتها, is none).
   */
  private foldClitics(): void {
    const writer = this.textWriter;
    const n = writer.termCount;
    const log = this.log;
    const column = log.firstColumn;
    const tokens = log.length;
    let target = this.textTarget;
    if (target.length < n) {
      const grown = new Int32Array(n).fill(-1);
      grown.set(target);
      this.textTarget = target = grown;
    }
    const count = new Uint32Array(n);
    for (let i = 0; i < tokens; i++) count[column[i]]++;
    const has = (rest: string) => writer.find(rest) >= 0;
    const surface = this.surfaceWriter;
    const tehFolding = this.config.tehFolding;
    let folded = false;
    const decide = (t: number): number => {
      if (target[t] >= 0) return target[t];
      target[t] = t;
      const term = writer.termAt(t);
      // U+062A TEH ت
      const teh = tehFolding && term.endsWith('\u062a') && !(surface && surface.find(term) >= 0);
      if (!teh && !CLITIC_FIRST.has(term.charCodeAt(0))) return t;
      const rest = cliticRemainder(term, has, teh);
      const r = rest === undefined ? -1 : writer.find(rest);
      if (r >= 0 && writer.frozenDf(r) + count[r] > writer.frozenDf(t) + count[t]) {
        target[t] = decide(r);
        writer.moveDf(t, target[t]);
      }
      return target[t];
    };
    for (let t = 0; t < n; t++) if (target[t] !== t && decide(t) !== t) folded = true;
    if (folded) for (let i = 0; i < tokens; i++) column[i] = target[column[i]];
  }

  /**
   * Per surface term id: the text term id its words were indexed under before clitic folding (the term
   * `analyzer.scan(form)` gives, as the text index holds it); a hole for a form whose words were not met since the word
   * tables were last reset (a loaded index's, an analyzer's reset), and for every form when a form may not be one
   * word's analysis (Lucene's normalizer runs after the stopwords: two words share a form the analyzer, given the
   * form, may take for a stopword). Read from the word table the token loop keeps: what the pack writer would
   * otherwise get by analyzing every form again. @internal
   */
  surfaceTextTerms(): number[] {
    const out: number[] = [];
    const map = this.wordMap;
    if (this.analyzer.distinctSurfaces) for (let s = 0; s < map.length; s += 2) if (map[s] >= 0) out[map[s + 1]] = map[s];
    return out;
  }

  /** The current state for readers; cached until the next change. */
  snapshot(): IndexSnapshot {
    if (this.cached) return this.cached;
    const paragraphTotal = this.pDoc.length;
    if (this.config.cliticFolding) this.foldClitics();
    // the derivation entries of the terms not seen before (fahras/derivations)
    if (this.config.ranking.derivations) (this.derivations as DerivationEntries)(this.textWriter, this.config.cliticFolding ? this.textTarget : null);
    const text = this.textWriter.freeze();
    const surface = this.surfaceWriter ? this.surfaceWriter.freeze() : null;
    this.log.clear(); // both writers have read it
    const snap: IndexSnapshot = {
      indexConfig: this.config,
      textIndex: text,
      surfaceIndex: surface,
      vectors: { vectorStart: this.tvOff.data, vectorEnd: this.tvEnd.data, vectorBytes: this.trimmedVectors(), termTarget: this.textTarget },
      paragraphTable: {
        count: paragraphTotal,
        doc: this.pDoc.data,
        textStart: this.pStart.data,
        textEnd: this.pEnd.data,
        ordinal: this.pOrdinal.data,
        tokenCount: this.pLength.data,
        alive: this.pAlive,
        liveCount: this.liveParas,
        totalLength: this.totalLength,
      },
      docs: {
        ids: this.ids,
        texts: this.texts,
        stored: this.stored,
        alive: this.docAlive,
        firstParagraph: this.firstPara.data,
        paragraphCount: this.paraCountOf.data,
        byId: this.byId,
        liveCount: this.liveDocs,
      },
      fieldIndexes: this.fieldWriters.map((f) => ({
        name: f.name,
        boost: f.boost,
        termIndex: f.writer.freeze(),
        tokenCount: f.length.data,
        totalLength: f.total,
      })),
    };
    this.cached = snap;
    return snap;
  }
}
