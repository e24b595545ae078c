// Derivations and broken plurals (#18): مدرسة and مدارس, حلم and حليم, كاتب and كتاب share no stem, but they share a
// skeleton, the stem without its long vowels after the first letter. The index builder records, in the text
// dictionary itself, which of its terms share a skeleton (`derivationKey` + term, an entry of df 0 and no postings),
// so a query word meets the corpus's other forms of its skeleton with one prefix read of the dictionary and no table
// in the search bundle (`derivationsOf`, src/segment/dictionary.ts; the `derivations` ranking choice).

/**
 * U+FDD0, a Unicode noncharacter: no word holds it (the tokenizer takes letters, digits and marks), so the entries
 * that start with it are never a word's term. It opens a derivation entry and closes its skeleton.
 */
export const DERIVATION_MARK = '\uFDD0';

/**
 * The prefix of the derivation entries of `stem`'s skeleton: U+FDD0, the stem's first letter and every later letter
 * but the long vowels U+0627 ALEF ا, U+0648 WAW و and U+064A YEH ي, U+FDD0 (مدارس → ﷐مدرس﷐); undefined when fewer
 * than 3 letters remain (the stem سنو of سنوات → سن: too short to tell words apart).
 */
export function derivationKey(stem: string): string | undefined {
  let key = stem.slice(0, 1);
  for (let i = 1; i < stem.length; i++) {
    const c = stem.charCodeAt(i);
    if (c !== 0x0627 && c !== 0x0648 && c !== 0x064a) key += stem[i];
  }
  return key.length > 2 ? DERIVATION_MARK + key + DERIVATION_MARK : undefined;
}

/** Whether a term of the text dictionary is a derivation entry (the builder never takes one for a word's term). */
export function isDerivationEntry(term: string): boolean {
  return term.charCodeAt(0) === 0xfdd0;
}
