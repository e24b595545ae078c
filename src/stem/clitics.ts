// Single-letter proclitics the light stemmers leave on a word (they remove و and the article with its prepositions,
// never a lone preposition): a light stemmer cannot tell بفترة (ب + فترة) from بيت, a word that starts with the
// letter. An index can, from its own vocabulary (in the spirit of Xu & Croft's corpus-based stemming): the searcher
// takes a form below only when the index has it and the form with the clitic is the rarer of the two, so لذراع
// meets ذراع while كتاب keeps away from تاب.
import { BEH, KAF, LAM } from '../normalize/letters.js';

/**
 * The proclitics: U+0628 BEH ب (by, with), U+0644 LAM ل (for; لام الأمر before a verb: ليعفو), U+0643 KAF ك (like).
 */
const CLITICS = [BEH, LAM, KAF];

/**
 * The clitic forms of a stemmed word: with each of ب ل ك before it, and without its first letter when that is one of
 * them and 3 letters or more remain (بفترة → فترة; لذراع → ذراع).
 */
export function cliticForms(term: string): string[] {
  const out = CLITICS.map((c) => String.fromCharCode(c) + term);
  if (term.length > 3 && CLITICS.includes(term.charCodeAt(0))) out.push(term.slice(1));
  return out;
}
