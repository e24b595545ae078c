// A snippet for the terminal, its highlights in bold yellow (or [brackets] when the output is not a terminal or
// NO_COLOR is set): the examples' one renderer.
import type { Snippet } from '../src/index.js';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const mark = (s: string) => (color ? `\x1b[1;33m${s}\x1b[0m` : `[${s}]`);

/** The snippet's text with its highlights marked. */
export function render(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    out += snippet.text.slice(at, s) + mark(snippet.text.slice(s, e));
    at = e;
  }
  return out + snippet.text.slice(at);
}
