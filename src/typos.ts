/**
 * `fahras/typos` — typo tolerance (the `fuzzy` search option) for the search-only entry `fahras/search`, which
 * leaves it out so that pages that never search with typos do not download it. The main entry `fahras` always
 * includes it.
 *
 * @example
 * import { loadIndex } from 'fahras/search';
 * import { typos } from 'fahras/typos';
 * const index = loadIndex(bytes, { typos });
 * index.search('المدرصة', { fuzzy: true }); // finds المدرسة
 * @packageDocumentation
 */
export { typos, type TypoExpander } from './query/typos.js';
