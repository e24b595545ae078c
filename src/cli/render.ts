// Terminal rendering of search results: highlights in bold colour on a terminal, in [brackets] otherwise.
import type { SearchResult, Snippet } from '../index.js';

/** Whether to colour output written to `stream`: never with NO_COLOR, always with FORCE_COLOR, else on a TTY. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
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
    const word = snippet.text.slice(s, e);
    out += snippet.text.slice(at, s) + (color ? `${BOLD_YELLOW}${word}${RESET}` : `[${word}]`);
    at = e;
  }
  return (out + snippet.text.slice(at)).replace(/\s*\n\s*/g, ' ');
}

/** Human-readable result list: rank, document id, paragraph (1-based), score, then the snippet indented. */
export function renderResults(results: readonly SearchResult[], color: boolean): string {
  const lines: string[] = [];
  results.forEach((r, i) => {
    const title = typeof r.fields?.title === 'string' ? `  ${r.fields.title}` : '';
    const head = `${i + 1}. ${String(r.id)} ¶${r.paragraph + 1}${title}`;
    const score = `score ${r.score.toFixed(2)}`;
    lines.push(color ? `${head}  ${DIM}${score}${RESET}` : `${head}  (${score})`);
    lines.push(`   ${renderSnippet(r.snippet, color)}`);
  });
  return lines.join('\n');
}
