/**
 * `fahras/pack` as Node resolves it (the `node` condition of its export): the default build (src/pack.ts) and, for
 * `openPack`, a directory path besides a URL and a loader function. Browser bundles resolve the default build, which
 * carries no directory loader (bench/NOTES.md, bundle: −121 B min+gzip).
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

/** A loader reading a directory (the file system module is imported on the first read): a piece's bytes alone. */
function directoryLoader(dir: string): PieceLoader {
  const path = dir.replace(/[\\/]?$/, '/');
  type FileSystem = typeof import('node:fs/promises');
  // a specifier no bundler resolves or folds (the library build is platform-neutral and imports no Node built-in)
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
 * Opens a pack, as `openPack` of the default build, from a directory path too: `source` is a base URL (a string
 * with a scheme, or a `URL`: its files are fetched), a directory path (read with the file system) or a loader function.
 * Pieces are inflated with node:zlib and checked with its CRC-32 where Node has one (`options.inflate` and
 * `options.crc32` unless given).
 * @throws FahrasError `INVALID_ARGUMENT` for options that are not an options object (its opt-ins and `inflate`,
 * `crc32` functions); `MISSING_PIECE` when the root cannot be read; `BAD_MAGIC`, `UNSUPPORTED_VERSION` (a newer
 * pack), `TRUNCATED`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` when it is not a pack root this build reads.
 */
export async function openPack(source: PackSource, options?: OpenPackOptions): Promise<SearchPack> {
  // node:zlib: its inflate takes the pieces' preset dictionary as it is and answers at once, where the platform's
  // DecompressionStream runs web streams (their first use loads them: 7–14 ms of a cold search, bench/NOTES.md,
  // packrun); its CRC-32 (Node 20.15 and later) checks the root and the pieces, where the JavaScript loop runs a byte at
  // a time (coldcli). Without them, the default build's ways.
  type Zlib = Partial<typeof import('node:zlib')> & { crc32?: (bytes: Uint8Array) => number };
  const zlib: Zlib = await import(/* @vite-ignore */ ['node', 'zlib'].join(':')).catch(() => ({}));
  const inflateRawSync = zlib.inflateRawSync;
  // (a copy: zlib's output may be a view of a larger buffer, which a cached piece would keep alive)
  const inflate = inflateRawSync && (async (body: Uint8Array, dictionary: Uint8Array) => new Uint8Array(inflateRawSync(body, { dictionary })));
  // (a string that names no URL scheme is a path)
  return openPackWith(typeof source === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(source) ? directoryLoader(source) : source, options, { inflate, crc32: zlib.crc32 });
}
