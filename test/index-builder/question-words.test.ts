// The question words the builder writes into a new index (`questions`, src/index-builder/question-words.ts):
// normalized by the index's analyzer, as a query's words are, each once.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createIndex } from '../../src/index.js';
import { QUESTION_WORDS } from '../../src/index-builder/question-words.js';

describe('questions', () => {
  it('are the interrogatives and their clitic forms, as the default analyzer normalizes them, each once', () => {
    const words = createIndex().config.questions;
    expect(words).toEqual(expect.arrayContaining(['ما', 'متي', 'اين', 'ايه', 'بماذا', 'لمن', 'وهل', 'بأي'.replace('أ', 'ا')]));
    expect(new Set(words).size).toBe(words.length);
    const analyzer = createAnalyzer();
    expect(new Set(words)).toEqual(new Set(QUESTION_WORDS.map((word) => analyzer.surfaceOf(word))));
    // ماهى and ماهي are one word after ى → ي
    expect(words.length).toBe(QUESTION_WORDS.length - 1);
  });

  it('follow the index analyzer (Lucene normalizes after its own stopwords: ة → ه, hamza forms → ا)', () => {
    const words = createIndex({ analyzer: 'lucene' }).config.questions;
    const analyzer = createAnalyzer('lucene');
    expect(words).toEqual([...new Set(QUESTION_WORDS.map((word) => analyzer.surfaceOf(word)))]);
    expect(words).toContain('اين');
  });
});
