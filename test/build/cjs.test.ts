// CommonJS: the library build's entries share their chunks (tsup `splitting` for cjs too, tsup.config.ts), so there
// is one FahrasError class whether a program requires `fahras` or `fahras/search`, and `instanceof` holds across
// them; `fahras/node`, built apart, imports it from the main entry (ESM and CJS alike). Runs on dist/ as `npm run build` made it (CI builds before testing); skips with a message without it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const built = existsSync(join(REPO_ROOT, 'dist/index.cjs'));

describe.skipIf(!built)('the CommonJS build', () => {
  if (!built) console.log('skipped: no dist/index.cjs (run `npm run build`)');
  it('has one FahrasError class across require("fahras") and require("fahras/search")', () => {
    const require = createRequire(join(REPO_ROOT, 'package.json'));
    const main = require('fahras');
    const search = require('fahras/search');
    expect(require.resolve('fahras/search')).toBe(join(REPO_ROOT, 'dist/search.cjs'));
    expect(search.FahrasError).toBe(main.FahrasError);
    let error: unknown;
    try {
      search.loadIndex(main.createIndex().serialize()).search('x', { limit: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(main.FahrasError);
    expect((error as { code: string }).code).toBe('INVALID_ARGUMENT');
  });

  it('has the same FahrasError in fahras/node, required and imported', async () => {
    const require = createRequire(join(REPO_ROOT, 'package.json'));
    const main = require('fahras');
    const node = require('fahras/node');
    expect(require.resolve('fahras/node')).toBe(join(REPO_ROOT, 'dist/node.cjs'));
    expect(node.FahrasError).toBe(main.FahrasError);
    // writePack of an index packs refuse (scored fields) fails with the main entry's class
    const error = await node.writePack(main.createIndex({ fields: ['title'] }), join(REPO_ROOT, 'dist/never-written')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(main.FahrasError);
    const esm = { main: await import(join(REPO_ROOT, 'dist/index.js')), node: await import(join(REPO_ROOT, 'dist/node.js')) };
    expect(esm.node.FahrasError).toBe(esm.main.FahrasError);
  });

  it('resolves fahras/pack in Node to its node build (directories too), with the same FahrasError and SearchPack', async () => {
    const require = createRequire(join(REPO_ROOT, 'package.json'));
    expect(require.resolve('fahras/pack')).toBe(join(REPO_ROOT, 'dist/pack-directory.cjs'));
    const inNode = require('fahras/pack');
    expect(inNode.FahrasError).toBe(require('fahras').FahrasError);
    const esm = { inNode: await import('fahras/pack'), browser: await import(join(REPO_ROOT, 'dist/pack.js')) };
    expect(esm.inNode.SearchPack).toBe(esm.browser.SearchPack);
    expect(esm.inNode.openPack).not.toBe(esm.browser.openPack);
  });

  it("declares fahras/node's FahrasError as the main entry's, not a class of its own", () => {
    // build/link-node-errors.ts points the declarations' import at the main entry's (ESM index.d.ts, CJS index.d.cts)
    for (const [file, mainEntry] of [['node.d.ts', './index.js'], ['node.d.cts', './index.cjs']]) {
      const declarations = readFileSync(join(REPO_ROOT, 'dist', file), 'utf8');
      expect(declarations).not.toMatch(/class FahrasError/);
      expect(declarations).toContain(`export { FahrasError, FahrasErrorCode } from '${mainEntry}';`);
    }
  });
});
