import { describe, expect, it } from 'vitest';
import { createAnalyzer, createIndex } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import fc from 'fast-check';
import { bestRun, type Hit, makeSnippet, toHtml } from '../../src/query/snippet.js';

const analyzer = createAnalyzer();

describe('makeSnippet', () => {
  it('highlights vocalized words whole, marks inside', () => {
    const text = 'قَرَأْتُ الكِتَابَ فِي المَكْتَبَةِ';
    const s = makeSnippet(text, analyzer, new Set(['كتاب', 'مكتب']), 160);
    expect(s.text).toBe(text);
    expect(s.highlights.map(([a, b]) => text.slice(a, b))).toEqual(['الكِتَابَ', 'المَكْتَبَةِ']);
  });
  it('picks the window with the most evidence and cuts at white space with an ellipsis', () => {
    const filler = Array.from({ length: 60 }, () => 'كلام').join(' ');
    const text = `${filler} المكتبة الوطنية في الرياض ${filler}`;
    const s = makeSnippet(text, analyzer, new Set(['مكتب', 'وطن', 'رياض']), 60);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights.length).toBe(3);
    for (const [a, b] of s.highlights) expect(['المكتبة', 'الوطنية', 'الرياض']).toContain(s.text.slice(a, b));
    expect(s.text.slice(1, -1).split(' ').every((w) => w.length > 0)).toBe(true);
  });
});

describe('ligatures in snippets', () => {
  it('give one highlight for the words of U+FDFA ﷺ, which toHtml renders (built and loaded index)', () => {
    const index = createIndex();
    index.add({ id: 1, text: 'قال النبي ﷺ في الحديث' });
    for (const searcher of [index, loadForSearch(index.serialize())]) {
      const [hit] = searcher.search('صلى الله عليه وسلم');
      expect(hit.snippet.highlights).toEqual([[10, 11]]);
      expect(toHtml(hit.snippet)).toBe('قال النبي <mark>ﷺ</mark> في الحديث');
    }
  });
});

describe('toHtml', () => {
  it('escapes markup in the text and wraps highlights', () => {
    const html = toHtml({ text: '<script>alert("x")</script> & كتاب', highlights: [[30, 34]] });
    expect(html).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>كتاب</mark>');
  });
  it('ignores hostile tag names; refuses malformed highlights', () => {
    expect(toHtml({ text: 'ab', highlights: [] }, { tag: 'x onclick=1' })).toBe('ab');
    expect(toHtml({ text: 'ab', highlights: [[0, 1]] }, { tag: 'x onclick=1' })).toBe('<mark>a</mark>b');
    for (const highlights of [[[1, 0]], [[0, 9]], [[0, 1], [0, 2]], [[0.5, 1]], [null], [['0', '1']], null, 'x']) {
      expect(() => toHtml({ text: 'ab', highlights } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(toHtml({ text: 'ab', highlights: [[0, 1]] }, { tag: 'em', className: '"><' })).toBe('<em class="&quot;&gt;&lt;">a</em>b');
  });
  it('wraps highlights only in a short list of inline elements (script, style, iframe become mark)', () => {
    const s = { text: 'ab', highlights: [[0, 1]] as [number, number][] };
    for (const tag of ['script', 'style', 'iframe', 'SCRIPT', 'object', 'a', 'svg', 'mark ', 'b-x']) expect(toHtml(s, { tag })).toBe('<mark>a</mark>b');
    for (const tag of ['mark', 'b', 'strong', 'em', 'i', 'span']) expect(toHtml(s, { tag })).toBe(`<${tag}>a</${tag}>b`);
  });
});

describe('snippets of a very long paragraph (issue 15, item 3)', () => {
  // one paragraph of 2.4 million characters (paragraphs: 'none', maxParagraphLength raised): the word at its start
  // and its end; the snippet's search for words stopped only at the end (620–680 ms a query at 50 MB)
  const filler = Array.from({ length: 480_000 }, () => 'كلام').join(' ');
  const idx = createIndex({ paragraphs: 'none', maxParagraphLength: 1e9 });
  idx.addAll([
    { id: 'long', text: `المكتبة ${filler} المكتبة` },
    { id: 'late', text: `${filler} الجامعة` },
  ]);
  const loaded = loadForSearch(idx.serialize());
  // count the tokens the loaded index's snippet pass reads
  let tokens = 0;
  const scanSpans = loaded.analyzer.scanSpans.bind(loaded.analyzer);
  loaded.analyzer.scanSpans = (text, sink) => scanSpans(text, (s, e, p) => (tokens++, sink(s, e, p)));

  it('reads a window after the first hit, not the whole paragraph, in both entries', () => {
    const [r] = loaded.search('مكتبة');
    expect(tokens).toBeGreaterThan(0);
    expect(tokens).toBeLessThan(20_000); // 480,002 before: the scan ran to the last hit
    expect(r.snippet.text.slice(r.snippet.highlights[0][0], r.snippet.highlights[0][1])).toBe('المكتبة');
    expect(idx.search('مكتبة')[0].snippet).toEqual(r.snippet); // term vectors: the same snippet
  });

  it('a word first met past the part read gets no highlight: the snippet is the paragraph head', () => {
    tokens = 0;
    const [r] = loaded.search('جامعة');
    expect(r.id).toBe('late');
    expect(tokens).toBeLessThan(20_000);
    expect(r.snippet.highlights).toEqual([]);
    expect(idx.search('جامعة')[0].snippet).toEqual(r.snippet);
  });
});

describe('bestRun', () => {
  it('is the all-pairs choice: most distinct terms, then most hits, the first such run (property)', () => {
    const hitsArb = fc.array(fc.tuple(fc.nat(6), fc.integer({ min: 1, max: 12 }), fc.nat(3)), { maxLength: 40 }).map((parts) => {
      const hits: Hit[] = [];
      let at = 0;
      for (const [gap, len, key] of parts) {
        hits.push({ start: at + gap, end: at + gap + len, key });
        at += gap + len;
      }
      return hits;
    });
    fc.assert(
      fc.property(hitsArb, fc.integer({ min: 1, max: 40 }), (hits, max) => {
        let best: [number, number] = [0, hits.length ? 1 : 0];
        let bestScore = -1;
        for (let a = 0; a < hits.length; a++) {
          let b = a;
          while (b < hits.length && hits[b].end - hits[a].start <= max) b++;
          const score = new Set(hits.slice(a, b).map((h) => h.key)).size * 1000 + b - a;
          if (score > bestScore) [bestScore, best] = [score, [a, Math.max(b, a + 1)]];
        }
        expect(bestRun(hits, max)).toEqual(best);
      }),
    );
  });
});
