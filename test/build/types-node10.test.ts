// The subpath entries' types under TypeScript's old `node10` module resolution (moduleResolution "node", which
// ignores package.json `exports`): package.json `typesVersions` maps `fahras/search` and the other subpaths to
// their .d.ts files in dist/. Checked with the TypeScript compiler on a file that imports every subpath, through
// a node_modules/fahras link to this repository. Needs the types of `npm run build`: skips with a message without.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { REPO_ROOT } from '../helpers/shared.js';

const built = existsSync(join(REPO_ROOT, 'dist/search.d.ts'));
const dir = mkdtempSync(join(tmpdir(), 'fahras-node10-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('types under moduleResolution node10', () => {
  if (!built) console.log('skipped: dist/ has no types (run `npm run build`)');
  it('resolve for every subpath entry through typesVersions', () => {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(REPO_ROOT, join(dir, 'node_modules/fahras'), 'dir');
    const subpaths = Object.keys(pkg.exports).filter((s) => s !== '.' && s !== './package.json');
    expect(Object.keys(pkg.typesVersions['*']).map((s) => `./${s}`)).toEqual(subpaths);
    const file = join(dir, 'check.ts');
    const lines = subpaths.map((s, i) => `import * as m${i} from 'fahras/${s.slice(2)}';\nexport const v${i}: object = m${i};`);
    writeFileSync(file, `import { loadIndex } from 'fahras/search';\nimport { createIndex } from 'fahras';\n${lines.join('\n')}\nexport const n: number = loadIndex(createIndex().serialize()).documentCount;\n`);
    const program = ts.createProgram([file], { moduleResolution: ts.ModuleResolutionKind.Node10, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
