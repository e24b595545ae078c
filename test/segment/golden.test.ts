// Golden files (FORMAT.md, "Golden files"): index files written by earlier releases, kept with their answers. Each
// loads through both entries and answers every golden query exactly as when it was written: ids, paragraphs, spans,
// scores, snippets with their highlights, stored fields (results may gain keys in later releases). A format version this build no longer reads would be
// refused with UNSUPPORTED_VERSION by a decision written in FORMAT.md (none so far); never CORRUPT_INDEX.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { fields } from '../../src/fields.js';
import { typos } from '../../src/typos.js';
import { answersOf, goldenPaths } from '../fixtures/golden/queries.js';

const DIR = new URL('../fixtures/golden/', import.meta.url);
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.fahras')).map((f) => f.replace(/\.fahras$/, ''));

describe('golden index files', () => {
  it('are there (one per format version written so far)', () => {
    expect(NAMES).toContain('v1');
  });

  for (const name of NAMES) {
    const paths = goldenPaths(name);
    const bytes = new Uint8Array(readFileSync(paths.index));
    const expected = JSON.parse(readFileSync(paths.answers, 'utf8')) as ReturnType<typeof answersOf>[];

    it(`${name} answers as when it was written, through fahras and fahras/search`, () => {
      expect(expected.length).toBeGreaterThanOrEqual(10);
      expect(expected.some((e) => e.results.length > 0)).toBe(true);
      for (const index of [loadIndex(bytes), loadForSearch(bytes, { typos, fields })]) {
        for (const { query, options, results } of expected) {
          // every recorded key exactly (arrays in full); a key results gained later (fieldHighlights) is no other answer
          expect(answersOf(index, query, options).results, query).toMatchObject(results);
        }
      }
    });
  }
});
