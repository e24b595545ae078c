// fast-check generators shared by the property tests: Arabic-heavy text with marks, ligatures, digits,
// invisible and bidi controls, astral characters and lone surrogates.
import fc from 'fast-check';

const pieces = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  ...'ءآأؤإئةىٱ',
  ...'\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640',
  '\u06d6', '\u06e5', '\u08f0', '\u0610',
  ...'کیۀہە',
  '\ufefb', '\ufdf2', '\ufdfa', '\ufe8d', '\ufe70', '\ufc5e',
  ...'٠١٢٣۴۵',
  ' ', ' ', ' ', '،', '؛', '؟', '.', '\n', '\t',
  '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff', '\u00ad', '\u202b', '\u2067',
  'a', 'Z', 'É', '1', '-', '"', '*',
  '😀', '𝐀', '\ud800', '\udc00',
];

/** Strings of up to `maxLength` pieces drawn mostly from Arabic letters and marks. */
export function arabicHeavyString(maxLength = 40): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));
}
