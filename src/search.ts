/**
 * `fahras/search` — the search-only entry for browsers: load a prebuilt index, search it, render snippets.
 *
 * It leaves out everything that only building an index needs (the index builder, the postings writer, the
 * serializer), so a page that fetches a `.fahras` file made ahead of time (by `fahras index` or
 * `index.serialize()`) ships less code. Results are exactly those of `loadIndex(bytes).search(...)` from the main
 * entry: both run the same reader, analyzer and searcher. Typo tolerance (the `fuzzy` option) is opt-in here:
 * import `typos` from `fahras/typos` and pass it to `loadIndex`, so pages that do not use it do not ship it.
 *
 * @example
 * import { loadIndex, toHtml } from 'fahras/search';
 * const index = loadIndex(new Uint8Array(await (await fetch('articles.fahras')).arrayBuffer()));
 * for (const r of index.search('مكتبه', { prefix: true })) list.innerHTML += `<li>${toHtml(r.snippet)}</li>`;
 * @example
 * import { loadIndex } from 'fahras/search';
 * import { typos } from 'fahras/typos';
 * const index = loadIndex(bytes, { typos });
 * index.search('المدرصة', { fuzzy: true });
 * @packageDocumentation
 */
import { type TextAnalyzer, WordChain } from './analysis/index.js';
import type { QuranicRules } from './analysis/index.js';
import { useQuranicRulesFor } from './segment/stored-config.js';
import type { DocumentId, FahrasDocument, IndexConfig, IndexSnapshot, StoredFields } from './segment/model.js';
import { documentOf, type IndexStats, readSnapshot, statsOf } from './segment/reader.js';
import { checkFunctions, checkOptions, invalid } from './errors.js';
import { type FieldScorer, type FieldScoring, Searcher, searchSnapshot, type SearchOptions, type SearchPage, type SearchResult, type SuggestOptions, type Suggestion, type Suggester, type suggestWords, type TypoExpander } from './query/index.js';

export { FahrasError, type FahrasErrorCode } from './errors.js';
export { toHtml, escapeHtml, type SearchOptions, type SearchResult, type SearchPage, type SuggestOptions, type Suggestion, type Snippet, type HtmlOptions } from './query/index.js';
export type { TypoExpander, FieldScoring, Suggester } from './query/index.js';
export type { TextAnalyzer, AnalyzerConfig, AnalyzedToken } from './analysis/index.js';
export type { DocumentId, IndexConfig, FahrasDocument, StoredFields } from './segment/model.js';

/** Counts describing a loaded index (the same shape as `FahrasIndex.stats()`). */
export type SearchIndexStats = IndexStats;

/** Options of {@link loadIndex}. */
export interface LoadOptions {
  /**
   * Typo tolerance for the `fuzzy` search option: `import { typos } from 'fahras/typos'` (or, with `<script>` tags,
   * `fahrasTypos.typos` from dist/fahras-typos.global.js). Without it, a search with `fuzzy` throws.
   */
  typos?: TypoExpander;
  /**
   * Document-field scoring, which indexes built with `fields` need: `import { fields } from 'fahras/fields'`.
   * Without it, loading such an index throws.
   */
  fields?: FieldScoring;
  /**
   * Qur'anic orthography (the `uthmani` normalization option), for indexes of Qur'anic text: `import { quran }
   * from 'fahras/quran'`. Loading an index of text in Qur'anic orthography without it throws; other indexes
   * analyze queries as with `uthmani: false` without it (see `fahras/quran`).
   */
  quran?: QuranicRules;
  /**
   * Completions for `suggest` (search as you type): `import { suggest } from 'fahras/suggest'`. Without it,
   * `suggest` throws.
   */
  suggest?: Suggester;
}

/** A read-only index loaded from bytes. Create one with {@link loadIndex}. */
export class SearchIndex<D extends FahrasDocument = FahrasDocument> {
  private readonly snap: IndexSnapshot;
  private readonly searcher: Searcher;
  private readonly suggester: typeof suggestWords | undefined;

  /** @internal use loadIndex() */
  constructor(snap: IndexSnapshot, options?: LoadOptions) {
    this.snap = snap;
    const { typos, fields, quran, suggest } = checkOptions(options, 'typos fields quran suggest', 'loadIndex options');
    checkFunctions([typos, fields, quran, suggest], 'loadIndex options: opt-ins from fahras/typos, /fields, /quran, /suggest');
    this.suggester = suggest as typeof suggestWords | undefined;
    useQuranicRulesFor(snap.indexConfig, quran);
    this.searcher = new Searcher(snap, new WordChain(snap.indexConfig.analyzer), { typos, fields: fields as FieldScorer | undefined });
  }

  /** The configuration the index was built with (analyzer, paragraph splitting, fields). */
  get config(): IndexConfig {
    return this.snap.indexConfig;
  }

  /** The analyzer queries go through (the one the index was built with). */
  get analyzer(): TextAnalyzer {
    return this.searcher.analyzer;
  }

  /** Number of documents. */
  get documentCount(): number {
    return this.snap.docs.liveCount;
  }

  /** Whether a document with this id is in the index. */
  has(id: DocumentId): boolean {
    return documentOf(this.snap, id) !== undefined;
  }

  /**
   * Ranked search, as `FahrasIndex.search`: plain words rank by BM25, `"exact phrase"`, `"word"` (its exact form), `-excluded`, `+required`,
   * `a AND b`, `prefix*`, `title:word` (with `fields`); `{ prefix: true }` for search-as-you-type. Any string is a
   * valid query (never throws on the query).
   * @throws FahrasError `INVALID_ARGUMENT` for `fuzzy` when the index was loaded without `typos` (see {@link LoadOptions}).
   */
  search(query: string, options?: SearchOptions): SearchResult<StoredFields<D>>[] {
    return searchSnapshot(this.searcher, query, options) as SearchResult<StoredFields<D>>[];
  }

  /** The document with this id as it was added (`id`, `text` and its other properties), or undefined. */
  get(id: DocumentId): D | undefined {
    return documentOf(this.snap, id) as D | undefined;
  }

  /**
   * Completions for search as you type: the index's words that start with `prefix` (normalization-insensitive,
   * bare or after the article ال), as the documents spell them, most frequent first.
   * @example
   * index.suggest('مدر') // [{ word: 'المدرسة', paragraphs: 12 }, { word: 'مدرسة', paragraphs: 5 }, …]
   * @throws FahrasError `INVALID_ARGUMENT` when the index was loaded without `suggest` (see {@link LoadOptions}).
   */
  suggest(prefix: string, options?: SuggestOptions): Suggestion[] {
    return (this.suggester ?? invalid('suggest needs { suggest } from fahras/suggest'))(this.snap, this.analyzer, prefix, options);
  }

  /**
   * {@link search}, with the number of matches in all pages (paragraphs, or documents with `groupBy: 'document'`),
   * for "N results" and paging.
   */
  searchWithTotal(query: string, options?: SearchOptions): SearchPage<StoredFields<D>> {
    const searcher = this.searcher;
    const results = searchSnapshot(searcher, query, options) as SearchResult<StoredFields<D>>[];
    return { results, total: searcher.lastTotal };
  }

  /** Counts describing the index. */
  stats(): SearchIndexStats {
    return statsOf(this.snap);
  }
}

/**
 * Loads an index from bytes made by `serialize()` (or the `fahras index` command) for searching; pass
 * `{ typos }` to allow the `fuzzy` option and `{ fields }` for an index built with scored fields.
 * @throws FahrasError `BAD_MAGIC`, `UNSUPPORTED_VERSION`, `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX`;
 * `INVALID_ARGUMENT` for an index with scored fields loaded without `fields`.
 */
export function loadIndex<D extends FahrasDocument = FahrasDocument>(bytes: Uint8Array | ArrayBuffer, options?: LoadOptions): SearchIndex<D> {
  return new SearchIndex<D>(readSnapshot(bytes), options);
}
