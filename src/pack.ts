/**
 * `fahras/pack` — search a static pack: an index cut into pieces (written by `fahras pack` or `index.pack()`) that
 * a page or a server reads piece by piece, only what each query needs: the root, the dictionary and postings
 * pieces of the query's words, then the documents pieces of the paragraphs it shows. Results are exactly those of
 * the in-memory index of the same documents.
 *
 * @example
 * import { openPack, toHtml } from 'fahras/pack';
 * const pack = await openPack('/search/');                 // a base URL: pieces are fetched from it
 * for (const r of await pack.search('مكتبه', { prefix: true })) list.innerHTML += `<li>${toHtml(r.snippet)}</li>`;
 * @example
 * // any storage: a function from a piece name to its bytes (object storage, IndexedDB, a CDN)
 * const pack = await openPack((name) => fetch(`https://cdn.example.com/news/${name}`).then(async (r) => {
 *   if (!r.ok) throw new Error(`HTTP ${r.status}`);
 *   return new Uint8Array(await r.arrayBuffer());
 * }));
 * @packageDocumentation
 */
import { WordChain } from './analysis/index.js';
import { FahrasError } from './errors.js';
import type { FieldScoring, SearchOptions, SearchPage, SearchResult, TypoExpander } from './query/index.js';
import { PackSearcher } from './query/pack-search.js';
import type { IndexConfig } from './segment/model.js';
import { ROOT_NAME } from './segment/pack-format.js';
import { type PieceLoader, PieceStore, readPackRoot } from './segment/pack-reader.js';
import { useQuranicRulesFor } from './segment/stored-config.js';
import type { QuranicRules } from './normalize/index.js';

export { FahrasError, type FahrasErrorCode } from './errors.js';
export { toHtml, escapeHtml, type SearchOptions, type SearchPage, type SearchResult, type Snippet, type HtmlOptions } from './query/index.js';
export type { TypoExpander } from './query/index.js';
export type { DocumentId, IndexConfig } from './segment/model.js';
export type { ByteRange, PieceLoader } from './segment/pack-reader.js';

/** Where a pack is: a base URL (its files are fetched from it), a directory path (Node), or a loader function. */
export type PackSource = string | URL | PieceLoader;

/** Options of {@link openPack}. */
export interface OpenPackOptions {
  /** Typo tolerance for the `fuzzy` option, from `fahras/typos` (as `loadIndex` of `fahras/search`). */
  typos?: TypoExpander;
  /** Accepted for symmetry with `loadIndex`; packs carry no scored document fields yet. */
  fields?: FieldScoring;
  /** Qur'anic orthography, from `fahras/quran` (as `loadIndex` of `fahras/search`: a pack of Qur'anic text needs it). */
  quran?: QuranicRules;
  /** Most bytes of decompressed pieces kept in memory between queries (default 2 MiB). */
  cacheBytes?: number;
  /**
   * Inflates a compressed piece, raw DEFLATE with the pack's preset dictionary (default: the platform's
   * `DecompressionStream`). In Node, `async (body, dictionary) => zlib.inflateRawSync(body, { dictionary })` is faster
   * per piece and needs no stream machinery loaded (what `fahras search` passes).
   */
  inflate?: (body: Uint8Array, dictionary: Uint8Array) => Promise<Uint8Array>;
}

/** An open pack. Create one with {@link openPack}. */
export class SearchPack {
  /** @internal use openPack() */
  constructor(
    private readonly searcher: PackSearcher,
    private readonly store: PieceStore,
  ) {}

  /** The configuration the index was built with. */
  get config(): IndexConfig {
    return this.searcher.root.config;
  }

  /** Number of documents. */
  get documentCount(): number {
    return this.searcher.root.documentCount;
  }

  /** Bytes read through the loader so far (the root included). */
  get bytesRead(): number {
    return this.store.bytesRead;
  }

  /**
   * Ranked search, as `SearchIndex.search` of `fahras/search` on the whole index (the same results), after reading
   * the pieces the query needs. Any string is a valid query.
   * @throws FahrasError `MISSING_PIECE`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` naming a piece that cannot be read
   * or is damaged; `INVALID_ARGUMENT` for `fuzzy` when the pack was opened without `typos`.
   */
  async search(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    return (await this.searcher.search(query, options)).results;
  }

  /**
   * {@link search}, with the number of matches in all pages (paragraphs, or documents with `groupBy: 'document'`),
   * as `searchWithTotal` of `fahras/search` gives it: for "N results" and paging.
   */
  searchWithTotal(query: string, options?: SearchOptions): Promise<SearchPage> {
    return this.searcher.search(query, options);
  }
}

/**
 * A loader over `fetch` from a base URL (relative ones resolve against the page); a piece is an HTTP range request
 * (a server that ignores ranges sends the whole file, which works too).
 */
function fetchLoader(base: string | URL): PieceLoader {
  const dir = new URL(String(base).replace(/\/?$/, '/'), globalThis.location?.href);
  return async (name, range) => {
    const response = await fetch(new URL(name, dir), range && { headers: { range: `bytes=${range.start}-${range.end - 1}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/** A loader reading a directory (Node; the file system module is imported only then): a piece's bytes alone. */
function directoryLoader(dir: string): PieceLoader {
  const path = dir.replace(/[\\/]?$/, '/');
  type FileSystem = typeof import('node:fs/promises');
  // a specifier no bundler resolves or folds: browser builds never carry the file system
  const fs = Promise.resolve<FileSystem>(import(/* @vite-ignore */ ['node:fs', 'promises'].join('/')));
  return async (name, range) => {
    const file = await (await fs).open(path + name);
    try {
      if (!range) return new Uint8Array(await file.readFile());
      const b = new Uint8Array(range.end - range.start);
      return b.subarray(0, (await file.read(b, 0, b.length, range.start)).bytesRead);
    } finally {
      await file.close();
    }
  };
}

/**
 * Opens a pack: reads its root (a few kilobytes: format version, corpus statistics, configuration, the names of
 * its pieces) and returns a {@link SearchPack} that reads the rest as queries need it.
 * @throws FahrasError `MISSING_PIECE` when the root cannot be read; `BAD_MAGIC`, `UNSUPPORTED_VERSION` (a newer
 * pack), `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` when it is not a pack root this build reads.
 */
export async function openPack(source: PackSource, options: OpenPackOptions = {}): Promise<SearchPack> {
  const loader =
    typeof source === 'function'
      ? source
      : typeof source === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(source) && globalThis.process?.versions?.node
        ? directoryLoader(source)
        : typeof source === 'string' || source instanceof URL
          ? fetchLoader(source)
          : null;
  if (!loader) throw new FahrasError('INVALID_ARGUMENT', 'openPack expects a URL, a directory path or a loader function');
  const cacheBytes = options.cacheBytes;
  const store = new PieceStore(loader, typeof cacheBytes === 'number' && cacheBytes >= 0 ? cacheBytes : 2 << 20, options.inflate);
  const root = await readPackRoot(await store.load(ROOT_NAME), store.inflate);
  store.dictionary = root.dictionary;
  useQuranicRulesFor(root.config, options.quran, 'openPack');
  const searcher = new PackSearcher(root, store, new WordChain(root.config.analyzer), { typos: options.typos });
  return new SearchPack(searcher, store);
}
