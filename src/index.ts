/**
 * fahras — Arabic full-text search for Node and the browser.
 *
 * The pipeline, one folder per stage: text → normalize → tokenize → stem → index → query → snippet.
 * This module is the public facade; it imports no Node built-in so it bundles for browsers.
 * @packageDocumentation
 */
import type { Analyzer } from './analysis/index.js';
import { checkOptions, FahrasError, invalid, useClosestNames } from './errors.js';
import { type FahrasDocument, IndexBuilder, type IndexOptions, resolveIndexConfig } from './index-builder/index.js';
import { type DocumentId, type IndexConfig, type IndexSnapshot, type IndexStats, type StoredFields, documentOf, isWritableConfig, readSnapshot, STORED_DEFAULTS, serializeSnapshot, SkippingPositionsCursor, statsOf } from './segment/index.js';
import { type PackOptions, packSnapshot } from './segment/pack-writer.js';
import { scoreFields, Searcher, searchSnapshot, type SearchOptions, type SearchPage, type SearchResult, type SuggestOptions, type Suggestion, suggestWords, VectorSearcher } from './query/index.js';
import { resolveTerm } from './query/search.js';
import { typos } from './query/typos.js';
import type { Derivations } from './segment/model.js';
import { type AnalyzerConfig, type AnalyzerOptions, type AnalyzerPreset, createAnalyzer as createAnalyzerCore } from './analysis/index.js';
import { registerAllComponents } from './analysis/register-all.js';
import { useQuranicRules } from './analysis/index.js';

export { FahrasError, type FahrasErrorCode } from './errors.js';
export {
  normalize,
  normalizeWord,
  toOriginalSpan,
  DEFAULT_NORMALIZE_OPTIONS,
  type NormalizeOptions,
  type NormalizedText,
} from './normalize/index.js';
export {
  tokenize,
  Tokenizer,
  type Token,
  type TokenizeOptions,
  type TokenizerMode,
  type Analyzer,
  type TextAnalyzer,
  type AnalyzerOptions,
  type AnalyzerConfig,
  type AnalyzerPreset,
  type AnalyzedToken,
  type StemmerName,
  type StopwordsSetting,
} from './analysis/index.js';
export { luceneNormalize, luceneStem, snowballStem, ARABIC_STOPWORDS, LUCENE_STOPWORDS } from './stem/index.js';
export { registerStemmer, registerStopwords } from './analysis/components.js';
export { splitParagraphs, type IndexOptions, type FahrasDocument, type FieldsOption, type ParagraphSpan } from './index-builder/index.js';
export type { IndexConfig, DocumentId, ParagraphSplit, StoredFields } from './segment/index.js';
export { toHtml, escapeHtml, type SearchOptions, type SearchResult, type SearchPage, type SuggestOptions, type Suggestion, type Snippet, type HtmlOptions, type RankingParams } from './query/index.js';


// The main entry analyzes with the Qur'anic-orthography rules (`uthmani`); fahras/search takes them as an opt-in.
useQuranicRules();
// A mistyped option key gets the closest known one in the message (the browser entries list the known keys).
useClosestNames();
/**
 * Builds an analyzer from a preset name (`'default'`, `'lucene'`, `'exact'`) or options; every stemmer and
 * stopword list fahras ships is available.
 *
 * @example
 * createAnalyzer().analyze('والمكتبات').map((t) => t.term) // ['مكتب']
 */
export function createAnalyzer(presetOrOptions?: AnalyzerPreset | AnalyzerOptions | AnalyzerConfig): Analyzer {
  registerAllComponents();
  return createAnalyzerCore(presetOrOptions);
}

// ---- the index object: ties the builder (writer) and the searcher (reader) together ----

export type { IndexStats } from './segment/index.js';
export type { PackOptions } from './segment/pack-writer.js';

/** A searchable Arabic index. Create one with {@link createIndex} or {@link loadIndex}. */
export class FahrasIndex<D extends FahrasDocument = FahrasDocument> {
  private builder: IndexBuilder;
  private searcher: Searcher | null = null;
  private searcherFor: IndexSnapshot | null = null;

  /** @internal use createIndex() or loadIndex() */
  constructor(config: IndexConfig, from?: IndexSnapshot, derivations?: Derivations) {
    this.builder = new IndexBuilder(config, from, derivations);
  }

  /** The resolved configuration (analyzer, paragraph splitting, fields). */
  get config(): IndexConfig {
    return this.builder.config;
  }

  /** The analyzer shared by indexing and queries. */
  get analyzer(): Analyzer {
    return this.builder.analyzer;
  }

  /** Number of documents. */
  get documentCount(): number {
    return this.builder.documentCount;
  }

  /** Whether a document with this id is indexed. */
  has(id: DocumentId): boolean {
    return this.builder.has(id);
  }

  /**
   * Adds a document `{ id, text, ...fields }`. Its text is split into paragraphs; fields named in the `fields`
   * option are indexed, and every property other than `id` and `text` is stored and returned with results.
   * @throws FahrasError `DUPLICATE_ID` when the id is already indexed, `INVALID_ARGUMENT` for a malformed document.
   */
  add<T extends D>(doc: T): void {
    this.builder.add(doc);
  }

  /**
   * Adds many documents (see {@link add}), then folds the new postings into their compact form so the index is
   * ready to search and the indexing buffers' memory is given back. Documents are added in order: when one is
   * malformed, those before it stay added and it and those after it are not.
   */
  addAll<T extends D>(docs: Iterable<T>): void {
    if (docs === null || typeof (docs as Iterable<FahrasDocument>)?.[Symbol.iterator] !== 'function') {
      throw new FahrasError('INVALID_ARGUMENT', 'addAll expects an iterable of documents');
    }
    if (Array.isArray(docs)) {
      let chars = 0;
      for (const d of docs as unknown[]) chars += typeof (d as FahrasDocument)?.text === 'string' ? (d as FahrasDocument).text.length : 0;
      this.builder.reserve(chars);
    }
    for (const d of docs) this.builder.add(d);
    this.builder.snapshot();
  }

  /** Removes a document; returns false when no document has this id. */
  remove(id: DocumentId): boolean {
    return this.builder.remove(id);
  }

  /**
   * Replaces the document with the same id, or adds it when there is none. The new document is checked first: when
   * it is malformed, the old one stays as it was.
   * @throws FahrasError `INVALID_ARGUMENT` for a malformed document.
   */
  update<T extends D>(doc: T): void {
    const checked = this.builder.check(doc, true);
    this.builder.remove(checked.id);
    this.builder.insert(checked);
  }

  /**
   * Ranked search. Any string is a valid query (it never throws on the query): plain words rank by BM25 with
   * documents matching more words first; `"exact phrase"`, `"word"` (its exact form), `-excluded`, `+required`, `a AND b`, `prefix*`;
   * in an index with `fields`, `title:word` and `title:"phrase"` restrict to a field (`text:word` to the text; a
   * name that is not a field is plain text), and results carry `fieldHighlights`.
   * @example
   * index.search('title:مكتبة')[0].fieldHighlights // { title: [[0, 12]] }: ranges of `fields.title`
   */
  search(query: string, options?: SearchOptions): SearchResult<StoredFields<D>>[] {
    return searchSnapshot(this.currentSearcher(), query, options) as SearchResult<StoredFields<D>>[];
  }

  /** The document with this id as it was added (`id`, `text` and its other properties), or undefined. */
  get(id: DocumentId): D | undefined {
    return documentOf(this.builder.snapshot(), id) as D | undefined;
  }

  /**
   * Completions for search as you type: the index's words that start with `prefix` (normalization-insensitive,
   * bare or after the article ال), as the documents spell them, most frequent first.
   * @example
   * index.suggest('مدر') // [{ word: 'المدرسة', paragraphs: 12 }, { word: 'مدرسة', paragraphs: 5 }, …]
   */
  suggest(prefix: string, options?: SuggestOptions): Suggestion[] {
    const searcher = this.currentSearcher();
    return suggestWords(searcher.snap, searcher.analyzer, prefix, options);
  }

  /**
   * {@link search}, with the number of matches in all pages (paragraphs, or documents with `groupBy: 'document'`),
   * for "N results" and paging.
   */
  searchWithTotal(query: string, options?: SearchOptions): SearchPage<StoredFields<D>> {
    const searcher = this.currentSearcher();
    const results = searchSnapshot(searcher, query, options) as SearchResult<StoredFields<D>>[];
    return { results, total: searcher.lastTotal };
  }

  /** Counts describing the index. */
  stats(): IndexStats {
    return statsOf(this.builder.snapshot());
  }

  /** The index as bytes in the versioned fahras format (see DESIGN.md); load them with {@link loadIndex}. */
  serialize(): Uint8Array {
    return this.serializeWithSizes().bytes;
  }

  /** Like {@link serialize}, also telling how many bytes are the stored document text. */
  serializeWithSizes(): { bytes: Uint8Array; textBytes: number } {
    const { bytes, sizes } = serializeSnapshot(this.compacted());
    return { bytes, textBytes: sizes.text };
  }

  /**
   * The index as a static pack, `{ file name → bytes }` for any storage (a directory, object storage, a CDN): the
   * root `root.fahras` and pieces named after their content. Search it with `openPack` of `fahras/pack`, which reads
   * only the pieces each query needs; in Node, `writePack` of `fahras/node` writes it to a directory.
   * @throws FahrasError `INVALID_ARGUMENT` for an index with scored document fields or built with `derivations` (packs do not carry them yet).
   */
  pack(options?: PackOptions): Promise<Record<string, Uint8Array>> {
    const s = this.compacted();
    const text = s.textIndex;
    // a surface form's parent: the text term a query word of that form looks up (FORMAT.md, P.3), from the builder's
    // word table where it knows the form's term (a form analyzed again cost 90–120 ms of a 20 MB pack)
    const known = this.builder.surfaceTextTerms();
    return packSnapshot(
      s,
      (form, id) => {
        let term = text.termsById[known[id]];
        if (term === undefined) this.builder.analyzer.scan(form, (t) => (term ??= t));
        return term === undefined ? -1 : resolveTerm(text, term, s.indexConfig);
      },
      options,
    );
  }

  /** The snapshot without removed documents (what the file formats hold). */
  private compacted(): IndexSnapshot {
    let s = this.builder.snapshot();
    if (s.docs.liveCount !== s.docs.ids.length) {
      this.builder.compact();
      s = this.builder.snapshot();
    }
    return s;
  }

  private currentSearcher(): Searcher {
    const snap = this.builder.snapshot();
    if (this.searcher === null || this.searcherFor !== snap) {
      this.searcher = new VectorSearcher(snap, this.builder.analyzer, { typos, fields: scoreFields, positions: new SkippingPositionsCursor() });
      // fahras/derivations joins the searcher's plan step
      (this.builder.derivations as ((searcher: Searcher) => void) | undefined)?.(this.searcher);
      this.searcherFor = snap;
    }
    return this.searcher;
  }
}

/**
 * Creates an empty index.
 *
 * @example
 * const index = createIndex({ fields: { title: { boost: 2 } } });
 * index.add({ id: 1, title: 'المكتبات', text: 'افتتحت المكتبة الوطنية أبوابها…' });
 * index.search('مكتبة');
 */
export function createIndex<D extends FahrasDocument = FahrasDocument>(options?: IndexOptions): FahrasIndex<D> {
  registerAllComponents();
  return new FahrasIndex<D>(resolveIndexConfig(options), undefined, options?.derivations);
}

/** The stored defaults the main entry reads files with: those of the search-only entries, and `ranking.derivations`. */
const MAIN_DEFAULTS: IndexConfig = { ...STORED_DEFAULTS, ranking: { ...STORED_DEFAULTS.ranking, derivations: 0 } };

/**
 * Loads an index from bytes made by `serialize()`. It can be searched and changed like a new one.
 * @throws FahrasError `BAD_MAGIC`, `UNSUPPORTED_VERSION`, `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX`.
 */
export function loadIndex<D extends FahrasDocument = FahrasDocument>(bytes: Uint8Array | ArrayBuffer, options?: { derivations?: Derivations }): FahrasIndex<D> {
  registerAllComponents();
  const snap = readSnapshot(bytes, MAIN_DEFAULTS);
  // the key stays out of an index without derivations, so what it writes again the search-only entries still read
  if (!snap.indexConfig.ranking.derivations) delete snap.indexConfig.ranking.derivations;
  // documents can be added to it: its configuration must be one the builder accepts
  if (!isWritableConfig(snap.indexConfig)) throw new FahrasError('CORRUPT_INDEX', 'bad index data: the stored configuration');
  return new FahrasIndex<D>(snap.indexConfig, snap, checkOptions(options, 'derivations', 'loadIndex options').derivations);
}
