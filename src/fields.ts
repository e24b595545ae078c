/**
 * `fahras/fields` — document-field scoring (titles and other fields an index was built with, e.g.
 * `createIndex({ fields: { title: { boost: 2 } } })` or `fahras index --fields title:2`) for the search-only entry
 * `fahras/search`. It is left out of that entry so pages whose indexes have no scored fields do not download it;
 * loading an index that has them without it throws `INVALID_ARGUMENT`. The main entry `fahras` always includes it.
 * It also reads field restrictions in queries (`title:word`, `title:"phrase"`, `-title:word`, `text:word`) and
 * gives results their `fieldHighlights` (ranges of the stored field text).
 *
 * @example
 * import { loadIndex, toHtml } from 'fahras/search';
 * import { fields } from 'fahras/fields';
 * const index = loadIndex(bytes, { fields });
 * const [hit] = index.search('title:مكتبة');
 * toHtml({ text: hit.fields.title as string, highlights: hit.fieldHighlights!.title }); // '<mark>المَكْتَبَةُ</mark> الوطنية'
 * @packageDocumentation
 */
import { type FieldScoring, scoreFields } from './query/index.js';

export type { FieldScoring } from './query/index.js';

/** Field scoring to pass to `loadIndex(bytes, { fields })` of `fahras/search`. */
export const fields: FieldScoring = scoreFields as unknown as FieldScoring;
