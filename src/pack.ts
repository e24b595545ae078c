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
import type { PieceLoader } from './segment/pack-reader.js';
import { type OpenPackOptions, openPackWith, type PackSource, type SearchPack } from './query/pack-open.js';

export { FahrasError, type FahrasErrorCode } from './errors.js';
export { toHtml, escapeHtml, type SearchOptions, type SearchPage, type SearchResult, type Snippet, type HtmlOptions } from './query/index.js';
export type { TypoExpander } from './query/index.js';
export type { DocumentId, IndexConfig } from './segment/model.js';
export type { ByteRange, PieceLoader } from './segment/pack-reader.js';
export { SearchPack, type OpenPackOptions, type PackSource } from './query/pack-open.js';

/**
 * Opens a pack: reads its root (a few kilobytes: format version, corpus statistics, configuration, the names of
 * its pieces) and returns a {@link SearchPack} that reads the rest as queries need it. `source` is a base URL (its
 * files are fetched from it; a relative one resolves against the page) or a loader function; in Node, where
 * `fahras/pack` resolves to its `node` build (src/pack-directory.ts), a path also names a directory.
 * @throws FahrasError `INVALID_ARGUMENT` for options that are not an options object (its opt-ins and `inflate`,
 * `crc32` functions); `MISSING_PIECE` when the root cannot be read; `BAD_MAGIC`, `UNSUPPORTED_VERSION` (a newer
 * pack), `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` when it is not a pack root this build reads.
 */
export function openPack(source: PackSource, options?: OpenPackOptions): Promise<SearchPack> {
  return openPackWith(source, options);
}
