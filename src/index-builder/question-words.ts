// The words that make a query a question, for the query-shape signal of ranking (`questions` in the index
// configuration, FORMAT.md section 4): a question's answer holds its words apart, a keyword or phrase query's
// paragraph holds them together, so the two are ranked with different proximity weights (bench/NOTES.md, query
// shape). The builder writes them into the index, normalized by its analyzer, so a search bundle carries no table.

/**
 * The Arabic interrogatives (ما ماذا من متى أين كيف كم لماذا هل أي أية) and their forms with an attached particle or
 * pronoun that questions take (بماذا, لمن, ممن, ماهو, وهل, بأي …). Written unnormalized: the index's analyzer folds
 * them as it folds the query's words (أين → اين, متى → متي with the default rules).
 */
export const QUESTION_WORDS: readonly string[] = (
  'ما ماذا من متى أين كيف كم لماذا هل أي أية ' +
  'بماذا بم بكم لمن بمن ممن مما عما فيم ماهو ماهي ماهى وما فما ومن فمن ومتى وأين وكيف وكم وهل فهل بأي لأي وأي فأي بأية ماسم'
).split(' ');
