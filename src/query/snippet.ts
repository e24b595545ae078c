// Snippets and highlights. Highlights come from the analyzer's token offsets on the ORIGINAL paragraph text,
// so a highlighted word keeps its diacritics inside the range; windows are cut at white space, so a combining
// mark is never separated from its letter.
import type { TextAnalyzer } from '../analysis/index.js';
import { checkOptions, checkText, invalid } from '../errors.js';
import { CUT_REACH, DISTINCT_TERM_WEIGHT, MIN_SNIPPET_LENGTH, SCAN_SNIPPETS, SCAN_WHOLE } from './limits.js';

/** A piece of a paragraph with the query's words marked. */
export interface Snippet {
  /** The snippet text: a window of the original paragraph, with `…` where it was cut. */
  text: string;
  /** `[start, end)` ranges of `text` to highlight, ascending and non-overlapping. */
  highlights: [number, number][];
}

/** White space a window is cut at: TAB…CR, SPACE, U+00A0 NO-BREAK SPACE, U+2000…U+200A (the typographic spaces), U+3000. */
const SPACE = /[\t-\r \u00a0\u2000-\u200a\u3000]/;

/** Whether `text[k]` is white space (false outside the text). */
function isSpaceAt(text: string, k: number): boolean {
  return SPACE.test(text.charAt(k));
}

const ELLIPSIS = '…';

/** A matched word of a paragraph: its span and the term it matched (for counting distinct terms). */
export interface Hit {
  start: number;
  end: number;
  key: number | string;
}

/**
 * Where the search for a snippet's words in a paragraph may stop: past this character, given the first hit found so
 * far (0 when none) and the snippet length. Every paragraph of up to 16,384 characters (the default cut is 4,000) is
 * read whole; a longer one (`maxParagraphLength` raised) only up to 4 snippet lengths after its first hit, so a
 * paragraph of 50 MB costs what one of 16 kB does, and a word first met past that point gets no highlight.
 */
export const scanEnd = (firstHit: number, length: number): number => Math.max(SCAN_WHOLE, firstHit + SCAN_SNIPPETS * length);

/**
 * Builds the snippet of `text` (one paragraph) for the index terms in `terms`: the window of about `length`
 * characters with the most query-term evidence (distinct terms first, then occurrences).
 */
export function makeSnippet(text: string, analyzer: TextAnalyzer, terms: ReadonlySet<string>, length: number): Snippet {
  const hits: Hit[] = [];
  analyzer.scan(text, (term, _surface, start, end) => {
    if (terms.has(term)) hits.push({ start, end, key: term });
  });
  return snippetFromHits(text, hits, length);
}

/**
 * The run `hits[a, b)` that fits in `max` characters with the most distinct terms, then the most hits (the first
 * such run): a sliding window whose terms are counted as it moves, linear in the hits (a paragraph of 800 matched
 * words took all pairs of hits in a window). Exported for its tests only.
 */
export function bestRun(hits: Hit[], max: number): [number, number] {
  let best: [number, number] = [0, hits.length ? 1 : 0];
  let bestScore = -1;
  const inWindow = new Map<number | string, number>(); // term → its hits in the window
  for (let a = 0, b = 0; a < hits.length; a++) {
    for (b = Math.max(a, b); b < hits.length && hits[b].end - hits[a].start <= max; b++) inWindow.set(hits[b].key, (inWindow.get(hits[b].key) ?? 0) + 1);
    const score = inWindow.size * 1000 + b - a;
    if (score > bestScore) {
      bestScore = score;
      best = [a, Math.max(b, a + 1)];
    }
    const key = hits[a].key;
    if (b > a && inWindow.set(key, inWindow.get(key)! - 1).get(key) === 0) inWindow.delete(key);
  }
  return best;
}

/** The snippet of `text` around `hits` (ascending, from the analyzer's token offsets). */
export function snippetFromHits(text: string, hits: Hit[], length: number): Snippet {
  const max = Math.max(MIN_SNIPPET_LENGTH, length | 0);
  if (text.length <= max) return { text, highlights: marks(hits, 0, text.length, 0) };
  const [bestA, bestB] = bestRun(hits, max);
  let from = 0;
  let to = max;
  if (hits.length) {
    const first = hits[bestA].start;
    const last = Math.max(hits[bestB - 1].end, first);
    const spare = Math.max(0, max - (last - first));
    from = Math.max(0, first - (spare >> 2)); // a quarter of the spare room before, the rest after
    to = Math.min(text.length, Math.max(last, from + max));
    from = Math.max(0, Math.min(from, to - max));
  }
  // cut at white space (never inside a word, so marks stay with their letters)
  if (from > 0) {
    let k = from;
    while (k > 0 && !isSpaceAt(text, k - 1)) k--;
    if (k > 0 && from - k > CUT_REACH) {
      k = from;
      while (k < text.length && !isSpaceAt(text, k - 1)) k++;
    }
    from = Math.min(k, hits.length ? hits[bestA].start : k);
  }
  if (to < text.length) {
    let k = to;
    while (k < text.length && !isSpaceAt(text, k)) k++;
    if (k - to > CUT_REACH) {
      k = to;
      while (k > from && !isSpaceAt(text, k)) k--;
    }
    to = Math.max(k, hits.length ? Math.min(hits[bestB - 1].end, text.length) : k);
  }
  while (from < to && isSpaceAt(text, from)) from++;
  while (to > from && isSpaceAt(text, to - 1)) to--;
  const pre = from > 0 ? ELLIPSIS : '';
  const post = to < text.length ? ELLIPSIS : '';
  return { text: pre + text.slice(from, to) + post, highlights: marks(hits, from, to, pre.length - from) };
}

/**
 * The highlights of the `hits` (ascending) within `[from, to)`, moved by `shift`: ascending and apart, as `toHtml`
 * takes them. The words of one ligature share its span (U+FDFA ﷺ is four words): one highlight.
 */
export function marks(hits: Hit[], from: number, to: number, shift: number): [number, number][] {
  const out: [number, number][] = [];
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    const last = out[out.length - 1];
    if (last && h.start + shift < last[1]) last[1] = Math.max(last[1], h.end + shift);
    else out.push([h.start + shift, h.end + shift]);
  }
  return out;
}

/** Options of {@link toHtml}. */
export interface HtmlOptions {
  /** The element that wraps each highlight: `'mark'` (the default), `'b'`, `'strong'`, `'em'`, `'i'` or `'span'`; any other is `'mark'`. */
  tag?: string;
  /** An optional class attribute for the element. */
  className?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return checkText(s, 'escapeHtml').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Renders a snippet as HTML: the text escaped (`<`, `>`, `&`, quotes), each highlight wrapped in `<mark>` (or
 * `tag`). A document's text can never inject markup.
 * @throws FahrasError `INVALID_ARGUMENT` when `snippet` is not `{ text, highlights }` with ascending,
 * non-overlapping `[start, end]` ranges of `text`.
 */
export function toHtml(snippet: Snippet, options?: HtmlOptions): string {
  const { tag: given, className } = checkOptions(options, 'tag className', 'toHtml options');
  // a short list: a free element name would let a caller's option open `script`, `style` or `iframe`
  const tag = /^(b|strong|em|i|span)$/.test(given as string) ? (given as string) : 'mark';
  const open = className ? `<${tag} class="${escapeHtml(className)}">` : `<${tag}>`;
  const close = `</${tag}>`;
  const text = snippet?.text;
  const highlights = snippet?.highlights;
  let out = '';
  let at = 0;
  const malformed = () => invalid('toHtml expects a snippet { text, highlights }');
  if (typeof text !== 'string' || !Array.isArray(highlights)) malformed();
  for (const h of highlights) {
    const [s, e] = (Array.isArray(h) ? h : []) as number[];
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= at && e > s && e <= text.length)) malformed();
    out += escapeHtml(text.slice(at, s)) + open + escapeHtml(text.slice(s, e)) + close;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}
