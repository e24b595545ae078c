// Terminal rendering of search results: highlights in bold colour on a terminal, in [brackets] otherwise.
import type { SearchResult, Snippet } from '../index.js';

/** Whether to colour output written to `stream`: never with NO_COLOR, always with FORCE_COLOR, else on a TTY. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * Control characters a document could use to drive the terminal: C0 (U+0000–U+001F, but TAB, LF and CR, which become
 * spaces), DEL and C1 (U+007F–U+009F: ESC sequences set the window title, clear the screen, make OSC 8 links, move
 * the cursor), and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder a line.
 */
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Document text made safe for a terminal: controls dropped, a line break (with the space around it) or a tab as one space (`--json` is never cleaned). */
export function terminalText(s: string): string {
  return s.replace(CONTROLS, '').replace(/\s*[\n\r]\s*|\t/g, ' ');
}

const BOLD_YELLOW = '\x1b[1;33m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** The snippet's text with its highlights marked: ANSI bold yellow with colour, `[word]` without. */
export function renderSnippet(snippet: Snippet, color: boolean): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    if (s < at) continue;
    const word = terminalText(snippet.text.slice(s, e));
    out += terminalText(snippet.text.slice(at, s)) + (color ? `${BOLD_YELLOW}${word}${RESET}` : `[${word}]`);
    at = e;
  }
  return out + terminalText(snippet.text.slice(at));
}

/** Human-readable result list: rank, document id, paragraph (1-based), score, then the snippet indented. */
export function renderResults(results: readonly SearchResult[], color: boolean): string {
  const lines: string[] = [];
  results.forEach((r, i) => {
    const title = typeof r.fields?.title === 'string' ? `  ${terminalText(r.fields.title)}` : '';
    const head = `${i + 1}. ${terminalText(String(r.id))} ¶${r.paragraph + 1}${title}`;
    const score = `score ${r.score.toFixed(2)}`;
    lines.push(color ? `${head}  ${DIM}${score}${RESET}` : `${head}  (${score})`);
    lines.push(`   ${renderSnippet(r.snippet, color)}`);
  });
  return lines.join('\n');
}
