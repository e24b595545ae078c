import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lightStem, luceneNormalize, luceneStem } from '../../src/stem/index.js';
import { describeOracle, type OracleRow } from './oracle-rows.js';

/** Whether one of lightStem's own two rules applies to a normalized word (otherwise it is Lucene's stemmer). */
function ownRule(w: string): 'wa' | 'ya' | null {
  if (w.length < 5 || !w.endsWith('ا')) return null;
  if (w.endsWith('وا')) return 'wa';
  if (w.endsWith('يا')) return 'ya';
  return null;
}

describe('lightStem', () => {
  it('removes the verb ending وا before Lucene’s rules', () => {
    expect(lightStem('قتلوا')).toBe('قتل');
    expect(lightStem('وذهبوا')).toBe('ذهب'); // وا, then Lucene's و
    expect(lightStem('يكتبوا')).toBe('يكتب');
  });

  it('drops the accusative alef after a relative yeh, so مدنيا meets المدنيين', () => {
    expect(lightStem('مدنيا')).toBe('مدن'); // → مدني → Lucene's ي
    expect(lightStem(luceneNormalize('المدنيين'))).toBe('مدن');
    expect(lightStem('يوميا')).toBe(lightStem('يومي'));
  });

  it('leaves words of fewer than 5 units to Lucene’s rules', () => {
    for (const w of ['دعوا', 'نموا', 'بيا', 'وا', 'يا', 'ا', '']) expect(lightStem(w)).toBe(luceneStem(w));
  });

  it('is Lucene’s stemmer on every word neither rule applies to', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'اأبتثجحخدرسعلمنهويى') }), (w) => {
        if (ownRule(w) === null) expect(lightStem(w)).toBe(luceneStem(w));
        else expect(lightStem(w).length).toBeLessThan(w.length);
      }),
      { numRuns: 3000 },
    );
  });
});

// The reference check: where neither rule applies, lightStem must equal Lucene's stem word for word; where one
// applies, Snowball's Arabic stemmer (the other reference) must also have removed that ending in at least 95% of
// the rows (full oracle: وا in 4,474 of 4,500 rows, 99.4%; يا in 3,436 of 3,585, 95.8%).
describeOracle('lightStem', (rows: readonly OracleRow[]) => {
  let same = 0;
  let fired = 0;
  let snowballAgrees = 0;
  const wrong: string[] = [];
  for (const r of rows) {
    const rule = ownRule(r.luceneNorm);
    const got = lightStem(r.luceneNorm);
    if (rule === null) {
      if (got === r.luceneStem) same++;
      else if (wrong.length < 20) wrong.push(`line ${r.line}: ${r.word} expected ${r.luceneStem} got ${got}`);
      continue;
    }
    fired++;
    if (!r.snowball.endsWith(rule === 'wa' ? 'وا' : 'يا')) snowballAgrees++;
  }
  expect(wrong).toEqual([]);
  expect(same + fired).toBe(rows.length);
  expect(fired).toBeGreaterThan(0);
  expect(snowballAgrees / fired).toBeGreaterThanOrEqual(0.95);
});
