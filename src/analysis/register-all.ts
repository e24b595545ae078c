// Registers every analysis component fahras ships. The main entry calls it before it builds an analyzer; the
// search-only entry does not, so its bundle leaves the Snowball stemmer and the stopword lists out.
import { ARABIC_STOPWORDS, LUCENE_STOPWORDS, luceneNormalize, snowballStem } from '../stem/index.js';
import { registerLuceneChain, registerStemmer, registerStopwords } from './components.js';
import { Tokenizer } from './tokenize.js';

let done = false;

/** Makes the Snowball stemmer, the Arabic and Lucene stopword lists and Lucene's chain available. */
export function registerAllComponents(): void {
  if (done) return;
  done = true;
  registerStemmer('snowball', snowballStem);
  registerStopwords('arabic', ARABIC_STOPWORDS);
  registerStopwords('lucene', LUCENE_STOPWORDS);
  registerLuceneChain(luceneNormalize, Tokenizer);
}
