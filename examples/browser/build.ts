// npm run example:build — prepares examples/browser for serving: builds the package when dist/ lacks what is
// needed, indexes the sample articles (corpus/seeds) ahead of time with the fahras CLI into seeds.fahras and into
// the pack seeds-pack/ (pack mode, `?pack`), copies the search-only browser bundle (dist/fahras-search.global.js)
// and the pack-reading one (dist/fahras-pack.global.js, loaded in pack mode only) next to the page, and lists every
// file the page may need in precache.json (what the opt-in service worker sw.js caches).
//
// Then serve the folder with any static server, e.g. `npx serve examples/browser` or
// `python3 -m http.server -d examples/browser`, and open it (fetch() needs http://, not file://).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(EXAMPLE_DIR, '..', '..');
const DIST = join(ROOT, 'dist');
const BUNDLES = ['fahras-search.global.js', 'fahras-pack.global.js'];
const PACK_DIR = 'seeds-pack';
/** The page's own files, cached by the service worker with the index and the pack. */
const PAGE_FILES = ['./', 'index.html', 'app.js', 'style.css', 'favicon.svg', ...BUNDLES, 'seeds.fahras'];

/** Builds seeds.fahras and the pack, copies the bundles and writes precache.json; returns the paths written. */
export function buildExample(log: (line: string) => void = () => {}): { index: string; pack: string } {
  if (!BUNDLES.every((b) => existsSync(join(DIST, b))) || !existsSync(join(DIST, 'cli.cjs'))) {
    log('dist/ is missing a browser bundle or the CLI: running npm run build');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const index = join(EXAMPLE_DIR, 'seeds.fahras');
  const summary = execFileSync(process.execPath, [join(DIST, 'cli.cjs'), 'index', join(ROOT, 'corpus', 'seeds'), '-o', index], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  log(summary.trimEnd());
  const pack = join(EXAMPLE_DIR, PACK_DIR);
  rmSync(pack, { recursive: true, force: true }); // a pack directory keeps old pieces: start empty
  log(execFileSync(process.execPath, [join(DIST, 'cli.cjs'), 'pack', join(ROOT, 'corpus', 'seeds'), '-o', pack], { cwd: ROOT, encoding: 'utf8' }).trimEnd());
  for (const name of BUNDLES) {
    const bundle = join(EXAMPLE_DIR, name);
    copyFileSync(join(DIST, name), bundle);
    log(`copied dist/${name} to ${relative(ROOT, bundle)} (${statSync(bundle).size.toLocaleString('en-US')} bytes)`);
  }
  const pieces = readdirSync(pack).map((name) => `${PACK_DIR}/${name}`);
  writeFileSync(join(EXAMPLE_DIR, 'precache.json'), JSON.stringify([...PAGE_FILES, ...pieces], null, 1) + '\n');
  log(`listed ${PAGE_FILES.length} page files and ${pieces.length} pack files in precache.json`);
  return { index, pack };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildExample((line) => console.log(line));
  console.log(`serve ${relative(process.cwd(), EXAMPLE_DIR) || '.'} over http and open index.html`);
}
