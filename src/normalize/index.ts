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
  CONTEXT,
} from './rules.js';
export { QuranicCharMap, useQuranicMaps, holdsQuranicOrthography, signOf, verseEndLength, vocativeEnd } from './uthmani.js';
