/**
 * `fahras/suggest` — completions for search as you type (`index.suggest(prefix)`) for the search-only entry
 * `fahras/search`, which leaves them out so that pages without a suggestion box do not download them. The main
 * entry `fahras` always includes them.
 *
 * @example
 * import { loadIndex } from 'fahras/search';
 * import { suggest } from 'fahras/suggest';
 * const index = loadIndex(bytes, { suggest });
 * index.suggest('مدر'); // [{ word: 'المدرسة', paragraphs: 12 }, { word: 'مدرسة', paragraphs: 5 }, …]
 * @packageDocumentation
 */
import { type Suggester, suggestWords } from './query/index.js';

export type { Suggester, SuggestOptions, Suggestion } from './query/index.js';

/** Completions to pass to `loadIndex(bytes, { suggest })` of `fahras/search`. */
export const suggest: Suggester = suggestWords as unknown as Suggester;
