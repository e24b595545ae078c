// A raw token sink may stop the scan by returning true (snippets stop after their last matched word).
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/index.js';
import { Tokenizer } from '../../src/analysis/index.js';

describe('stopping a scan early', () => {
  const text = 'ذهبَ الطالبُ إلى المكتبةِ صباحًا';
  it('scanRaw stops after the token whose sink returned true', () => {
    const seen: number[] = [];
    const n = new Tokenizer().scanRaw(text, (_b, _n, _s, _e, position) => {
      seen.push(position);
      return position === 2;
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(n).toBe(3);
  });
  it('scanRaw stops inside a word that is several tokens: a multi-word ligature, the Qur\'anic joined vocative', () => {
    // U+FDFA ﷺ is four words (صلى الله عليه وسلم); يَـٰٓأَيُّهَا is يا + أيها (the main entry registers the Qur'anic rules)
    for (const [word, tokens] of [['قال ﷺ', 5], ['يَـٰٓأَيُّهَا ٱلنَّاسُ', 3]] as const) {
      const all = new Tokenizer().scanRaw(word, () => false);
      expect(all).toBe(tokens);
      const seen: number[] = [];
      expect(new Tokenizer().scanRaw(word, (_b, _n, _s, _e, position) => (seen.push(position), position === 1))).toBe(2);
      expect(seen).toEqual([0, 1]);
      expect(new Tokenizer().scanRaw(word, (_b, _n, _s, _e, position) => position === 0)).toBe(1);
    }
  });
  it('scanSpans gives every token (stopwords too) with the positions scan uses, until the sink says stop', () => {
    const analyzer = createAnalyzer();
    const scanned: [number, number, number][] = [];
    analyzer.scan(text, (_t, _s, start, end, position) => scanned.push([start, end, position]));
    const spans: [number, number, number][] = [];
    analyzer.scanSpans(text, (start, end, position) => (spans.push([start, end, position]), false));
    expect(spans.length).toBe(5); // إلى is a stopword: scan drops it, scanSpans keeps it
    expect(spans.filter(([, , p]) => scanned.some(([, , q]) => q === p))).toEqual(scanned);
    const some: number[] = [];
    analyzer.scanSpans(text, (_s, _e, position) => (some.push(position), position === 1));
    expect(some).toEqual([0, 1]);
  });
});
