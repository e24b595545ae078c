import { defineConfig } from 'tsup';

// Three builds (`npm run build`; the prebuild script empties dist/ once, so no build cleans another's output):
//  1. the library for Node and bundlers, ESM + CJS + .d.ts: `fahras` (src/index.ts), `fahras/search` (load + search
//     only, for browsers) and `fahras/flexsearch` (the FlexSearch adapter; flexsearch stays an external peer).
//     The core imports no Node built-in (platform "neutral" makes any such import fail the build).
//  2. browser <script> builds, minified IIFEs exposing the global `fahras`: dist/fahras.global.js (everything) and
//     dist/fahras-search.global.js (load + search + snippets).
//  3. the `fahras` command line tool (Node only): dist/cli.js with a shebang.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', search: 'src/search.ts', flexsearch: 'src/adapters/flexsearch.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2020',
    platform: 'neutral',
    treeshake: true,
    external: ['flexsearch'],
  },
  {
    entry: { fahras: 'src/index.ts', 'fahras-search': 'src/search.ts' },
    format: ['iife'],
    globalName: 'fahras',
    minify: true,
    sourcemap: true,
    clean: false,
    target: 'es2020',
    platform: 'browser',
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    target: 'node18',
    platform: 'node',
    treeshake: true,
  },
]);
