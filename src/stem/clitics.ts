// Proclitics the light stemmers leave on a word (they remove و and the article with its prepositions, never a lone
// preposition): a light stemmer cannot tell بفترة (ب + فترة) from بيت, a word that starts with the letter. An index
// can, from its own vocabulary (in the spirit of Xu & Croft's corpus-based stemming): the index builder folds a stem
// into the stem without its clitic only when the index has that stem and holds it more often, so لذراع meets ذراع
// while كتاب keeps away from تاب (`cliticFolding`, src/index-builder/builder.ts). The same confirmation folds the ت a
// noun's ة becomes before a pronoun suffix (`tehFolding`): مساحتها meets مساحة.

/**
 * The proclitics a stem may still start with, tried in this order by {@link cliticRemainder} (longest first, so بال
 * is removed whole before ب alone):
 *  - the article with a preposition, left when the stemmer removed the conjunction (U+0648 WAW و) before it:
 *    بال (U+0628 BEH, U+0627 ALEF, U+0644 LAM), لل (U+0644 LAM twice): وبالمدرسة → بالمدرس → مدرس;
 *  - one letter: U+0628 BEH ب, U+0644 LAM ل (also لام الأمر before a verb: ليعفو), U+0643 KAF ك (بفترة → فترة).
 * Not worth their bytes in 20 MB of news: وكال (كال after و, 3 words; وبال 779, ولل 262) and U+0641 FEH ف before the
 * article (فبال, فلل: 25 words).
 */
export const FOLD_PREFIXES: readonly string[] = 'بال لل ب ل ك'.split(' ');

/**
 * The stem `term` without its proclitic when the corpus confirms it: the first of {@link FOLD_PREFIXES} that starts
 * it and leaves 3 code units or more (بيد keeps its ب: يد is too short to tell) that `has` (the index's own vocabulary); undefined when none does.
 * With `teh` (`tehFolding`), failing that, the stem without a final U+062A TEH ت when 3 code units or more remain
 * that `has`: a noun's U+0629 TEH MARBUTA ة is written ت before a pronoun suffix, which the stemmer removes and
 * leaves the ت (مساحتها → مساحت, where مساحة gives مساح; مدينته → مدينت).
 * The index builder asks once per distinct term (and folds the term into the remainder when the remainder is also
 * the more frequent), a query word once when the index does not hold it.
 */
export function cliticRemainder(term: string, has: (remainder: string) => boolean, teh?: boolean): string | undefined {
  for (const p of FOLD_PREFIXES) {
    if (term.length - p.length > 2 && term.startsWith(p)) {
      const rest = term.slice(p.length);
      if (has(rest)) return rest;
    }
  }
  // U+062A TEH ت
  if (teh && term.length > 3 && term.endsWith('\u062a') && has((term = term.slice(0, -1)))) return term;
}
