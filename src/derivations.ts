/**
 * `fahras/derivations` — derivations and broken plurals: an index built with it (`createIndex({ derivations })`)
 * also matches a word's other forms of its stem's skeleton that the index holds (مدارس for مدرسة, حليم for حلم),
 * at 0.4 of the word's weight. Searching such an index needs it too: `loadIndex(bytes, { derivations })` of `fahras`.
 * `fahras/search` and `fahras/pack` do not read such indexes yet (`UNSUPPORTED_VERSION`), and `pack()` refuses them.
 *
 * @example
 * import { createIndex } from 'fahras';
 * import { derivations } from 'fahras/derivations';
 * const index = createIndex({ derivations });
 * index.add({ id: 1, text: 'افتتحت المدارس أبوابها' });
 * index.add({ id: 2, text: 'درس الطلاب في مدرسة القرية' });
 * index.search('مدرسة'); // [2, 1]: مدرسة, then المدارس (a query word the index holds meets its derivations)
 * @packageDocumentation
 */
import { addDerivationEntries } from './index-builder/derivations.js';
import { deriveInPlans } from './query/derivations.js';
import type { Searcher } from './query/search.js';
import type { Derivations, TermsWriter } from './segment/model.js';

export type { Derivations } from './segment/model.js';

/**
 * Derivations and broken plurals, for `createIndex` and `loadIndex` (`{ derivations }`): the builder calls it with its
 * text dictionary writer and the clitic targets, the main entry with each searcher it makes.
 */
export const derivations = ((first: unknown, target?: Int32Array | null) => (target === undefined ? deriveInPlans(first as Searcher) : addDerivationEntries(first as TermsWriter, target))) as Derivations;
