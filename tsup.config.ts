import { defineConfig } from 'tsup';
import { internalNames } from './build/internal-names.js';

// Three builds (`npm run build`; the prebuild script empties dist/ once, so no build cleans another's output).
// The library and browser builds shorten internal property names (INTERNAL_NAMES below).
//  1. the library for Node and bundlers, ESM + CJS + .d.ts: `fahras` (src/index.ts), `fahras/search` (load + search
//     only, for browsers), `fahras/typos` (its opt-in typo tolerance) and `fahras/flexsearch` (the FlexSearch
//     adapter; flexsearch stays an external peer); `fahras/pack` twice: dist/pack.js for browsers and bundlers,
//     dist/pack-directory.js for package.json's `node` condition (openPack reads directories too), sharing chunks.
//     The core imports no Node built-in (platform "neutral" makes any such import fail the build).
//  2. browser <script> builds, minified IIFEs exposing the global `fahras`: dist/fahras.global.js (everything) and
//     dist/fahras-search.global.js (load + search + snippets); and dist/fahras-typos.global.js, the global
//     `fahrasTypos` whose `typos` the search-only build takes for the `fuzzy` option (`loadIndex(bytes, { typos })`).
//     It is built apart (a second global name) and without shortened names: it reads none (src/query/typos.ts).
//  3. the `fahras` command line tool (Node only): dist/cli.cjs with a shebang, one file.
/**
 * Internal property names esbuild shortens in the library and browser builds (`mangleProps`): those the source
 * marks internal (`@internal` on a type or a member, or a `private`/`protected` member; build/internal-names.ts,
 * DESIGN.md "Internal names"), so a clear name costs no bundle bytes. test/build/mangle.test.ts checks that none
 * is a public API name, a stored-config key or a built-in. The tests run on src/, so the browser e2e test (on
 * dist/) is what exercises the shortened build.
 */
const INTERNAL_NAMES = internalNames('src');

const esbuildOptions = (options: { mangleProps?: RegExp }): void => {
  options.mangleProps = new RegExp(`^(${INTERNAL_NAMES.join('|')})$`);
};

/**
 * The library build (dist/*.js, *.cjs) is what an app's bundler bundles again: its syntax is minified (constants
 * inlined across modules, shorter forms; names and layout stay readable), which the app's minifier cannot do across
 * the chunks' module boundaries (bench/NOTES.md, diet 2: −152 B min+gzip on fahras/search, −127 B on fahras/pack).
 */
const libraryEsbuildOptions = (options: { mangleProps?: RegExp; minifySyntax?: boolean }): void => {
  esbuildOptions(options);
  options.minifySyntax = true;
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', search: 'src/search.ts', pack: 'src/pack.ts', 'pack-directory': 'src/pack-directory.ts', typos: 'src/typos.ts', fields: 'src/fields.ts', quran: 'src/quran.ts', suggest: 'src/suggest.ts', derivations: 'src/derivations.ts', flexsearch: 'src/adapters/flexsearch.ts' },
    format: ['esm', 'cjs'],
    // shared chunks for CommonJS too (ESM has them by default): one FahrasError class, so `instanceof` holds across
    // `require('fahras')` and `require('fahras/search')`
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2020',
    platform: 'neutral',
    treeshake: true,
    external: ['flexsearch'],
    esbuildOptions: libraryEsbuildOptions,
  },
  {
    entry: { fahras: 'src/index.ts', 'fahras-search': 'src/search.ts', 'fahras-pack': 'src/pack.ts' },
    format: ['iife'],
    globalName: 'fahras',
    minify: true,
    esbuildOptions,
    sourcemap: true,
    clean: false,
    target: 'es2020',
    platform: 'browser',
    treeshake: true,
  },
  {
    entry: { 'fahras-typos': 'src/typos.ts' },
    format: ['iife'],
    globalName: 'fahrasTypos',
    minify: true,
    sourcemap: true,
    clean: false,
    target: 'es2020',
    platform: 'browser',
    treeshake: true,
  },
  {
    // fahras/node: what only Node does with packs (writePack); Node built-ins, so a build of its own. Its errors
    // module stays external, and build/link-node-errors.ts (postbuild) points that import, in the JavaScript and in
    // the declarations, at the main entry: one FahrasError class across `fahras` and `fahras/node`
    entry: { node: 'src/pack-node.ts' },
    format: ['esm', 'cjs'],
    external: ['./errors.js'],
    // every import of src/errors.ts (./errors.js from src/, ../errors.js from the segment modules it shares) becomes
    // the one external './errors.js' that build/link-node-errors.ts points at the main entry
    esbuildPlugins: [
      {
        name: 'errors-external',
        setup(build) {
          build.onResolve({ filter: /^\.\.?\/errors\.js$/ }, () => ({ path: './errors.js', external: true }));
        },
      },
    ],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node18',
    platform: 'node',
    treeshake: true,
  },
  {
    // the command, one CommonJS file, dist/cli.cjs: Node's CommonJS loader reads it synchronously, where the ES module
    // loader (an .mjs entry and its chunks) cost a cold `fahras search` 15–20 ms (bench/NOTES.md, coldcli3). Its
    // modules are evaluated as a command imports them (src/cli/main.ts: a plain search runs neither commander nor the
    // builder); with dynamic import marked unsupported, esbuild makes each `import()` of a package or a Node built-in
    // a `require` too (commander, cli-progress, node:zlib, node:readline), so no command starts the ES module loader
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    esbuildOptions: (options) => {
      options.supported = { ...options.supported, 'dynamic-import': false };
    },
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    target: 'node18',
    platform: 'node',
    // (esbuild's own tree shaking: rollup's, which `treeshake: true` runs, would hoist every require to the top,
    // commander's and node:worker_threads' included, and a plain search would load them)
    treeshake: false,
  },
]);
