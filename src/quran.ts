/**
 * `fahras/quran` — the rules of Qur'anic (Uthmani) orthography for the search-only entry `fahras/search`: indexes
 * built with the `uthmani` normalization option (on by default) fold Uthmani text to plain spelling (ٱلصَّلَوٰةَ and
 * الصلاة meet), split the joined vocative (يَـٰٓأَيُّهَا → يا + أيها) and keep pause marks and verse numbers out of
 * words. The main entry `fahras` always includes them. An index of text in Qur'anic orthography records it, and
 * `fahras/search` and `fahras/pack` refuse to load it without them (`INVALID_ARGUMENT`); other indexes load without
 * them and analyze queries as with `uthmani: false`.
 *
 * @example
 * import { loadIndex } from 'fahras/search';
 * import { quran } from 'fahras/quran';
 * const index = loadIndex(bytes, { quran });
 * @packageDocumentation
 */
import { type QuranicRules, useQuranicRules } from './analysis/index.js';

export type { QuranicRules } from './analysis/index.js';

/** Qur'anic orthography to pass to `loadIndex(bytes, { quran })` of `fahras/search` (`openPack(source, { quran })` of `fahras/pack`). */
export const quran: QuranicRules = useQuranicRules;
