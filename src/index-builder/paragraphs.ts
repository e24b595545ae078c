// Splitting a document into paragraphs: each paragraph is a span [start, end) of the ORIGINAL text, trimmed of
// surrounding white space, so results and snippets can always point back into the document.
import { checkText, describe, invalid } from '../errors.js';
import { oneOf } from '../analysis/index.js';
import { PARAGRAPH_SPLITS, type ParagraphSplit } from '../segment/model.js';

/** A paragraph's span in its document's text. */
export interface ParagraphSpan {
  start: number;
  end: number;
}

/** White space: ASCII, NEL, NBSP, U+1680, U+2000–U+200A, line/paragraph separators, U+202F, U+205F, ideographic space. */
const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
/** A flag per code unit up to U+3000: one lookup, the same path for every code unit (a comparison first reached late in a build deoptimizes the caller). */
const SPACE_FLAGS = /* @__PURE__ */ (() => {
  const f = new Uint8Array(0x3001);
  for (const c of SPACES) f[c] = 1;
  return f;
})();

function isSpace(c: number): boolean {
  return c <= 0x3000 && SPACE_FLAGS[c] === 1;
}

/** Line breaks: U+000A LF, U+000D CR, U+0085 NEXT LINE, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR. */
const BREAK_CODES = [0x0a, 0x0d, 0x85, 0x2028, 0x2029];
const BREAKS = /* @__PURE__ */ BREAK_CODES.map((c) => String.fromCharCode(c));

function isBreak(c: number): boolean {
  return BREAK_CODES.includes(c);
}

/**
 * Calls `visit(start, end)` for each non-empty paragraph of `text`, in order. A paragraph longer than
 * `maxLength` UTF-16 units is cut into pieces at white space (a 50 MB document without line breaks still gives
 * paragraphs of bounded size, so snippets and ranking stay cheap).
 */
export function forEachParagraph(
  text: string,
  split: ParagraphSplit,
  visit: (start: number, end: number) => void,
  maxLength = 4000,
): void {
  new ParagraphSplitter(split, visit, maxLength).run(text);
}

/**
 * {@link forEachParagraph} as an object that splits one document after another: the builder keeps one, so a
 * document costs no closures or arrays (they were most of a build's short-lived garbage after the words' strings).
 * @internal
 */
export class ParagraphSplitter {
  private readonly split: ParagraphSplit;
  private readonly visit: (start: number, end: number) => void;
  private readonly maxLength: number;
  private documentText = '';
  /** Next index of each break character at or after the last search from (or the text's length). */
  private readonly at = new Float64Array(BREAKS.length);

  constructor(split: ParagraphSplit, visit: (start: number, end: number) => void, maxLength = 4000) {
    this.split = split;
    this.visit = visit;
    this.maxLength = maxLength;
  }

  /** Calls the visitor for each non-empty paragraph of `text`, in order. */
  run(text: string): void {
    const len = text.length;
    this.documentText = text;
    if (this.split === 'none') {
      this.emit(0, len);
      this.documentText = '';
      return;
    }
    this.at.fill(-1);
    const line = this.split === 'line';
    let start = 0;
    let i = this.nextBreak(0);
    while (i < len) {
      if (line) {
        this.emit(start, i);
        start = i + 1;
        i = this.nextBreak(start);
        continue;
      }
      // blank-line: a break followed by only spaces up to another break
      let j = i + 1;
      if (text.charCodeAt(i) === 0x0d && j < len && text.charCodeAt(j) === 0x0a) j++;
      let k = j;
      while (k < len && isSpace(text.charCodeAt(k)) && !isBreak(text.charCodeAt(k))) k++;
      if (k < len && isBreak(text.charCodeAt(k))) {
        this.emit(start, i);
        while (k < len && isSpace(text.charCodeAt(k))) k++;
        start = k;
        i = this.nextBreak(k);
      } else {
        i = this.nextBreak(j);
      }
    }
    this.emit(start, len);
    this.documentText = '';
  }

  /**
   * The next break at or after `from` (or the length), found with the engine's native search: most texts have few
   * breaks, and a search per break character is several times faster than testing every code unit in a loop.
   */
  private nextBreak(from: number): number {
    const text = this.documentText;
    const at = this.at;
    let best = text.length;
    for (let b = 0; b < BREAKS.length; b++) {
      if (at[b] < from) {
        const j = text.indexOf(BREAKS[b], from);
        at[b] = j < 0 ? text.length : j;
      }
      if (at[b] < best) best = at[b];
    }
    return best;
  }

  /** Visits `[s, e)` trimmed of white space, cut into pieces of at most `maxLength` code units. */
  private emit(s: number, e: number): void {
    const text = this.documentText;
    const maxLength = this.maxLength;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    while (e - s > maxLength) {
      // cut at the last white space in the second half of the window, else at the limit (never inside a surrogate pair)
      let cut = s + maxLength;
      let k = cut;
      while (k > s + (maxLength >> 1) && !isSpace(text.charCodeAt(k))) k--;
      if (isSpace(text.charCodeAt(k))) cut = k;
      else if ((text.charCodeAt(cut) & 0xfc00) === 0xdc00) cut--;
      let pe = cut;
      while (pe > s && isSpace(text.charCodeAt(pe - 1))) pe--;
      if (pe > s) this.visit(s, pe);
      s = cut;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
    }
    if (e > s) this.visit(s, e);
  }
}

/**
 * The paragraphs of `text` as spans, split as an index with these settings splits a document.
 * @throws FahrasError `INVALID_ARGUMENT` for a text that is not a string or settings an index would refuse.
 */
export function splitParagraphs(text: string, split: ParagraphSplit = 'line', maxLength = 4000): ParagraphSpan[] {
  checkText(text, 'splitParagraphs');
  if (!oneOf(PARAGRAPH_SPLITS, split)) invalid(`splitParagraphs: split must be 'line', 'blank-line' or 'none', got ${describe(split)}`);
  if (!(Number.isInteger(maxLength) && maxLength >= 16)) invalid(`splitParagraphs: maxLength must be an integer >= 16, got ${describe(maxLength)}`);
  const out: ParagraphSpan[] = [];
  forEachParagraph(text, split, (start, end) => out.push({ start, end }), maxLength);
  return out;
}
