// Opening a static pack: the open step both `fahras/pack` facades share
// (src/pack.ts, the default; src/pack-directory.ts, the `node` condition, which adds reading a directory), so a
// browser bundle carries no Node directory loader (bench/NOTES.md, bundle).
import { WordChain } from '../analysis/index.js';
import { checkFunctions, checkOptions, FahrasError } from '../errors.js';
import type { QuranicRules } from '../analysis/index.js';
import { ROOT_NAME } from '../segment/pack-format.js';
import { type PieceLoader, PieceStore, readPackRoot } from '../segment/pack-reader.js';
import { useQuranicRulesFor } from '../segment/stored-config.js';
import type { FieldScoring } from './fields.js';
import { SearchPack } from './pack-search.js';

export { SearchPack };
import type { TypoExpander } from './typos.js';

/** Where a pack is: a base URL (its files are fetched from it), a directory path (in Node, where `fahras/pack` resolves to its `node` build), or a loader function. */
export type PackSource = string | URL | PieceLoader;

/** Options of `openPack` (`fahras/pack`). */
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
   * per piece and needs no stream machinery loaded: the default of `openPack` where Node resolves `fahras/pack` (its
   * `node` build), which `fahras search` uses.
   */
  inflate?: (body: Uint8Array, dictionary: Uint8Array) => Promise<Uint8Array>;
  /**
   * The CRC-32 (IEEE) of bytes, which checks the root and every piece (default: a loop in JavaScript, a byte at a
   * time). In Node 20.15 and later, `zlib.crc32`: what `fahras search` passes, and the default of `openPack` where
   * Node resolves `fahras/pack` (its `node` build).
   */
  crc32?: (bytes: Uint8Array) => number;
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

/**
 * `openPack` of both facades (the `node` condition's gives a directory path as a loader, src/pack-directory.ts): a
 * loader function, or a URL whose files are fetched. `platform` is the facade's own `inflate` and `crc32`, used where
 * `options` gives none.
 */
export async function openPackWith(source: PackSource, options?: OpenPackOptions, platform?: Pick<OpenPackOptions, 'inflate' | 'crc32'>): Promise<SearchPack> {
  const { typos, fields, quran, cacheBytes, inflate, crc32 } = checkOptions(options, 'typos fields quran cacheBytes inflate crc32', 'openPack options');
  checkFunctions([typos, fields, quran, inflate, crc32], 'openPack options: opt-ins from fahras/typos, /fields, /quran; inflate and crc32 are functions');
  const loader = typeof source === 'function' ? source : typeof source === 'string' || source instanceof URL ? fetchLoader(source) : null;
  if (!loader) throw new FahrasError('INVALID_ARGUMENT', 'openPack expects a URL, a directory path or a loader function');
  const store = new PieceStore(loader, typeof cacheBytes === 'number' && cacheBytes >= 0 ? cacheBytes : 2 << 20, inflate ?? platform?.inflate, crc32 ?? platform?.crc32);
  const root = await readPackRoot(await store.load(ROOT_NAME), store.inflate, store.crc);
  store.dictionary = root.dictionary;
  useQuranicRulesFor(root.config, quran);
  return new SearchPack(root, store, new WordChain(root.config.analyzer), { typos });
}
