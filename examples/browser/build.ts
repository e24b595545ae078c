// npm run example:build — prepares examples/browser for serving: builds the package when dist/ lacks what is
// needed, indexes the sample articles (corpus/seeds) ahead of time with the fahras CLI into seeds.fahras, and
// copies the search-only browser bundle (dist/fahras-search.global.js) next to the page.
//
// Then serve the folder with any static server, e.g. `npx serve examples/browser` or
// `python3 -m http.server -d examples/browser`, and open it (fetch() needs http://, not file://).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(EXAMPLE_DIR, '..', '..');
const DIST = join(ROOT, 'dist');
const BUNDLE = 'fahras-search.global.js';

/** Builds seeds.fahras and copies the bundle; returns the paths written. */
export function buildExample(log: (line: string) => void = () => {}): { index: string; bundle: string } {
  if (!existsSync(join(DIST, BUNDLE)) || !existsSync(join(DIST, 'cli.js'))) {
    log('dist/ is missing the browser bundle or the CLI: running npm run build');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const index = join(EXAMPLE_DIR, 'seeds.fahras');
  const summary = execFileSync(process.execPath, [join(DIST, 'cli.js'), 'index', join(ROOT, 'corpus', 'seeds'), '-o', index], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  log(summary.trimEnd());
  const bundle = join(EXAMPLE_DIR, BUNDLE);
  copyFileSync(join(DIST, BUNDLE), bundle);
  log(`copied dist/${BUNDLE} to ${relative(ROOT, bundle)} (${statSync(bundle).size.toLocaleString('en-US')} bytes)`);
  return { index, bundle };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildExample((line) => console.log(line));
  console.log(`serve ${relative(process.cwd(), EXAMPLE_DIR) || '.'} over http and open index.html`);
}
