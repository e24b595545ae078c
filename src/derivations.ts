/**
 * `fahras/derivations` — derivations and broken plurals: an index built with it (`createIndex({ derivations })`)
 * also matches a word's other forms of its stem's skeleton that the index holds (مدارس for مدرسة, حليم for حلم),
 * at a quarter of the word's weight. Searching such an index needs it too: `loadIndex(bytes, { derivations })` of
 * `fahras` or `fahras/search`, `openPack(source, { derivations })`. Pages and indexes without it do not download it.
 *
 * @example
 * import { createIndex } from 'fahras';
 * import { derivations } from 'fahras/derivations';
 * const index = createIndex({ derivations });
 * index.add({ id: 1, text: 'افتتحت المدارس أبوابها' });
 * index.search('مدرسة'); // finds المدارس
 * @packageDocumentation
 */
import { addDerivationEntries } from './index-builder/derivations.js';
import { type Derivations, findDerivations } from './query/derivations.js';

export type { Derivations } from './query/derivations.js';

/** Derivations and broken plurals, for `createIndex`, `loadIndex` and `openPack` (`{ derivations }`). */
export const derivations: Derivations = /* @__PURE__ */ Object.assign((plan: Parameters<Derivations>[0]) => findDerivations(plan), { addEntries: addDerivationEntries });
