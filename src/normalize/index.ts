export { normalize, normalizeWord, toOriginalSpan, foldRange, codesToString, Scratch, type NormalizedText } from './normalize.js';
export {
  type NormalizeOptions,
  type ResolvedNormalizeOptions,
  DEFAULT_NORMALIZE_OPTIONS,
  resolveNormalizeOptions,
  checkNormalizeOptions,
  charMapFor,
  CharMap,
  isArabicDiacritic,
  isInvisible,
  type QuranicRules,
  useQuranicRules,
} from './rules.js';
export { QURANIC, holdsQuranicOrthography } from './uthmani.js';
