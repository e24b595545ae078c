import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/index.js';
import { makeSnippet, toHtml } from '../../src/query/snippet.js';

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
});
