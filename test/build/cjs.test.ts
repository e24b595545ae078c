// CommonJS: the library build's entries share their chunks (tsup `splitting` for cjs too), so there is one
// FahrasError class whether a program requires `fahras` or `fahras/search`, and `instanceof` holds across them.
// The library build of tsup.config.ts is run here into a temporary folder (CommonJS only, no types), so the test
// checks the configuration as it is, not a dist/ left from an older build.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../tsup.config.js';
import { REPO_ROOT } from '../helpers/shared.js';

const outDir = mkdtempSync(join(tmpdir(), 'fahras-cjs-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the CommonJS build', () => {
  it('has one FahrasError class across require("fahras"), "fahras/search" and the opt-ins', async () => {
    const library = (config as Options[])[0];
    const entry = Object.fromEntries(Object.entries(library.entry as Record<string, string>).map(([name, path]) => [name, join(REPO_ROOT, path)]));
    await build({ ...library, entry, format: ['cjs'], dts: false, sourcemap: false, outDir, silent: true, external: ['flexsearch'] });
    expect(readdirSync(outDir).some((f) => f.startsWith('chunk-'))).toBe(true);
    const require = createRequire(join(outDir, 'index.cjs'));
    const main = require('./index.cjs');
    const search = require('./search.cjs');
    expect(search.FahrasError).toBe(main.FahrasError);
    const bytes = main.createIndex().serialize();
    let error: unknown;
    try {
      search.loadIndex(bytes).search('x', { limit: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(main.FahrasError);
    expect((error as { code: string }).code).toBe('INVALID_ARGUMENT');
  }, 60_000);
});
