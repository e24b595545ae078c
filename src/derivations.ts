/**
 * `fahras/derivations` — derivations and broken plurals (an index built with `createIndex({ derivations: true })`:
 * مدارس for مدرسة) for the search-only entries `fahras/search` and `fahras/pack`, which leave them out so that pages
 * whose indexes do not rank them do not download them. The main entry `fahras` always includes them.
 *
 * @example
 * import { loadIndex } from 'fahras/search';
 * import { derivations } from 'fahras/derivations';
 * const index = loadIndex(bytes, { derivations });
 * index.search('مدارس'); // also finds paragraphs with مدرسة, at a quarter of its weight
 * @packageDocumentation
 */
export { derivations, type DerivationFinder } from './query/derivations.js';
