// Stemmers and stopword lists: Lucene's Arabic normalizer + light stemmer, the Snowball Arabic stemmer, and
// fahras's / Lucene's stopwords. All three stemming functions are pure, allocation-light and free of Node built-ins.
export { luceneNormalize, luceneStem } from './lucene.js';
export { snowballStem } from './snowball.js';
export { ARABIC_STOPWORDS, LUCENE_STOPWORDS } from './stopwords.js';
