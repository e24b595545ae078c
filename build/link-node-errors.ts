// Runs after tsup (npm's postbuild). fahras/node is built apart from the library (it imports Node built-ins, which
// the library build refuses), with its errors module left external (tsup.config.ts). Bundled, it would carry a second
// FahrasError class; this points its import of the errors module at the main entry instead, in the JavaScript and
// in the declarations alike, so `instanceof` and the types hold across `fahras` and `fahras/node`
// (test/build/cjs.test.ts): ESM files import ./index.js (index.d.ts), CommonJS ones ./index.cjs (index.d.cts).
import { readFileSync, writeFileSync } from 'node:fs';

const ERRORS_MODULE = "'./errors.js'";

for (const [file, mainEntry] of [
  ['dist/node.js', './index.js'],
  ['dist/node.d.ts', './index.js'],
  ['dist/node.cjs', './index.cjs'],
  ['dist/node.d.cts', './index.cjs'],
] as const) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(ERRORS_MODULE)) throw new Error(`${file}: no import of ${ERRORS_MODULE} to point at the main entry`);
  writeFileSync(file, text.replaceAll(ERRORS_MODULE, `'${mainEntry}'`));
}
