// Stemmers and stopword lists: Lucene's Arabic normalizer + light stemmer, fahras' light stemmer (Lucene's plus
// two endings), the Snowball Arabic stemmer, and fahras' / Lucene's stopwords. Every stemming function is pure,
// allocation-light and free of Node built-ins.
export { luceneNormalize, luceneStem } from './lucene.js';
export { lightStem } from './light.js';
export { snowballStem } from './snowball.js';
export { ARABIC_STOPWORDS, LUCENE_STOPWORDS } from './stopwords.js';
