/**
 * Arabic stopword lists.
 *
 * `ARABIC_STOPWORDS`: fahras's own list of function words, written in fahras-NORMALIZED form, so it is matched
 * against normalized tokens: أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, no diacritics, no tatweel.
 * For example إلى is listed as الي, على as علي, هؤلاء as هولاء, أولئك as اوليك.
 *
 * `LUCENE_STOPWORDS`: exactly the default stop set of Lucene's `ArabicAnalyzer` (Lucene++ 3.0.8), in its raw,
 * unnormalized spelling, because Lucene removes stopwords BEFORE normalizing: إلى is a stopword there, الى is too,
 * but the normalized الي is not.
 */

/**
 * fahras's stopwords: particles, pronouns, prepositions (alone and with attached pronouns), demonstratives,
 * relatives, question words, conjunctions, negation and the auxiliary كان family. No content words.
 */
const ARABIC_STOPWORD_LIST: readonly string[] = [
  // Single-letter particles written apart: و wa "and", ف fa "so", ب bi "with", ل li "for", ك ka "like"
  'و', 'ف', 'ب', 'ل', 'ك',
  // Prepositions: في من إلى على عن مع حتى منذ مذ لدى لدن عند بين
  'في', 'من', 'الي', 'علي', 'عن', 'مع', 'حتي', 'منذ', 'مذ', 'لدي', 'لدن', 'عند', 'بين',
  // Locative / other prepositions: فوق تحت أمام خلف وراء دون نحو حول خلال ضمن مثل سوى غير قبل بعد
  'فوق', 'تحت', 'امام', 'خلف', 'وراء', 'دون', 'نحو', 'حول', 'خلال', 'ضمن', 'مثل', 'سوي', 'غير', 'قبل', 'بعد',
  // Prepositions with attached pronouns: منه منها منهم منهما منهن مني منا منك منكم
  'منه', 'منها', 'منهم', 'منهما', 'منهن', 'مني', 'منا', 'منك', 'منكم',
  // فيه فيها فيهم فيهما فيك فيكم فينا
  'فيه', 'فيها', 'فيهم', 'فيهما', 'فيك', 'فيكم', 'فينا',
  // عليه عليها عليهم عليهما عليك عليكم علينا (على + pronoun)
  'عليه', 'عليها', 'عليهم', 'عليهما', 'عليك', 'عليكم', 'علينا',
  // إليه إليها إليهم إليك إليكم إلينا
  'اليه', 'اليها', 'اليهم', 'اليك', 'اليكم', 'الينا',
  // عنه عنها عنهم عنك عنكم عنا
  'عنه', 'عنها', 'عنهم', 'عنك', 'عنكم', 'عنا',
  // معه معها معهم معك معكم معنا
  'معه', 'معها', 'معهم', 'معك', 'معكم', 'معنا',
  // له لها لهم لهما لهن لك لكم لنا لي
  'له', 'لها', 'لهم', 'لهما', 'لهن', 'لك', 'لكم', 'لنا', 'لي',
  // به بها بهم بك بكم بنا بي
  'به', 'بها', 'بهم', 'بك', 'بكم', 'بنا', 'بي',
  // عنده عندها عندهم عندنا بينه بينها بينهم
  'عنده', 'عندها', 'عندهم', 'عندنا', 'بينه', 'بينها', 'بينهم',
  // Personal pronouns: أنا نحن أنت أنتِ أنتم أنتما أنتن هو هي هم هما هن
  'انا', 'نحن', 'انت', 'انتم', 'انتما', 'انتن', 'هو', 'هي', 'هم', 'هما', 'هن',
  // Detached object pronouns: إياه إياها إياهم إياي إياك إياكم إيانا
  'اياه', 'اياها', 'اياهم', 'اياي', 'اياك', 'اياكم', 'ايانا',
  // Demonstratives: هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك تلك ذلكم أولئك هنا هناك هنالك كذلك ذا
  'هذا', 'هذه', 'هذان', 'هاتان', 'هذين', 'هاتين', 'هولاء', 'ذلك', 'تلك', 'ذلكم', 'اوليك', 'هنا', 'هناك', 'هنالك', 'كذلك', 'ذا',
  // Relative pronouns: الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي
  'الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي', 'اللايي',
  // Question words: ما ماذا من متى أين كيف كم هل لماذا أي أيان أنى لم (من and بكم are listed above)
  'ما', 'ماذا', 'متي', 'اين', 'كيف', 'كم', 'هل', 'لماذا', 'اي', 'ايان', 'اني', 'لم',
  // Conjunctions and subordinators: ثم أو أم بل لكن لكنه لكنها إذ إذا إذن أن إن أنه أنها إنما لأن لو لولا كي لكي
  'ثم', 'او', 'ام', 'بل', 'لكن', 'لكنه', 'لكنها', 'اذ', 'اذا', 'اذن', 'ان', 'انه', 'انها', 'انما', 'لان', 'لو', 'لولا', 'كي', 'لكي',
  // Time / manner subordinators: عندما لما بينما حيث حيثما كلما كما مهما أينما كيفما حين حينما
  'عندما', 'لما', 'بينما', 'حيث', 'حيثما', 'كلما', 'كما', 'مهما', 'اينما', 'كيفما', 'حين', 'حينما',
  // Negation: لا لن ليس ليست ليسوا
  'لا', 'لن', 'ليس', 'ليست', 'ليسوا',
  // Particles: قد لقد سوف يا أيها أيتها أما إما ألا إلا هلا بلى نعم كلا لعل ليت
  'قد', 'لقد', 'سوف', 'يا', 'ايها', 'ايتها', 'اما', 'الا', 'هلا', 'بلي', 'نعم', 'كلا', 'لعل', 'ليت',
  // Auxiliary كان and its forms (كأن folds to the same كان)
  'كان', 'كانت', 'كانوا', 'يكون', 'تكون', 'يكونوا',
  // Quantifiers and function adverbs: كل بعض جميع كلتا أيضا فقط الآن ثمة عدة
  'كل', 'بعض', 'جميع', 'كلتا', 'ايضا', 'فقط', 'الان', 'ثمه',
  // Frequent conjunction + particle compounds: وفي ومن وإلى وعلى وعن ومع وهو وهي وهم ولا ولم ولن وما وإن وقد ولكن وكان وكانت وكل
  'وفي', 'ومن', 'والي', 'وعلي', 'وعن', 'ومع', 'وهو', 'وهي', 'وهم', 'ولا', 'ولم', 'ولن', 'وما', 'وان', 'وقد', 'ولكن',
  'وكان', 'وكانت', 'وكل',
  // فإن فقد فلا فهو فهي فما فيما مما عما ممن بما بأن كأنما
  'فان', 'فقد', 'فلا', 'فهو', 'فهي', 'فما', 'فيما', 'مما', 'عما', 'ممن', 'بما', 'بان', 'كانما',
];

/** fahras's Arabic stopwords, already in fahras-normalized form (see the module comment). */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(ARABIC_STOPWORD_LIST);

/**
 * Lucene's `ArabicAnalyzer` default stop set, word for word, raw (hamza, alef maksura and all): the 119 words of
 * its stopword file plus the empty string. Lucene++ splits the embedded file on newlines and the file ends with a
 * newline, so its set holds "" as a 120th member (it never matches a real token); ../shared/oracles/lucene-stopwords.txt
 * lists that set one per line, the empty line first. Kept here so `LUCENE_STOPWORDS.size` is 120, the same set.
 */
const LUCENE_STOPWORD_LIST: readonly string[] = [
  '', // the empty member (see above)
  'أ', 'ألا', 'أما', 'أن', 'أنت', 'أنه', 'أنها', 'أو', 'أى', 'أي', 'أيضا',
  'إذا', 'إلا', 'إلى', 'إلي', 'إما', 'إن', 'إنه', 'إنها',
  'ا', 'اذا', 'الآن', 'الا', 'الان', 'التى', 'التي', 'الذى', 'الذي', 'الذين', 'الى', 'الي',
  'اما', 'ان', 'انت', 'انه', 'انها', 'او', 'اى', 'اي', 'ايضا',
  'ب', 'بأن', 'بان', 'بعد', 'بعض', 'به', 'بها', 'بين', 'بينما',
  'تكون', 'تلك', 'ثم', 'جميع', 'حتى', 'حيث', 'خلال', 'ذلك', 'ضمن',
  'على', 'عليه', 'عليها', 'عن', 'عند', 'عندما', 'غير',
  'ف', 'فأن', 'فان', 'فما', 'فهو', 'فهى', 'فهي', 'في', 'فيه', 'فيها',
  'قبل', 'قد', 'كان', 'كانت', 'كل', 'كما',
  'لا', 'لدى', 'لك', 'لكن', 'لم', 'لن', 'له', 'لها',
  'ما', 'مع', 'من', 'منذ', 'منه', 'منها', 'نحو',
  'هذا', 'هذه', 'هناك', 'هو', 'هى', 'هي',
  'و', 'وأن', 'وإن', 'وان', 'وفي', 'وكان', 'وكانت', 'وكل', 'ولا', 'ولم', 'ولن', 'وما', 'ومن', 'وهو', 'وهى', 'وهي',
  'يكون',
];

/** Lucene's Arabic stop set (120 members, raw spelling, applied before normalization). */
export const LUCENE_STOPWORDS: ReadonlySet<string> = new Set(LUCENE_STOPWORD_LIST);
