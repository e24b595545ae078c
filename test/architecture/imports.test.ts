// The import rule of DESIGN.md, checked on every run: imports point one way through the pipeline's layers.
//   errors ← normalize ← stem ← analysis ← segment ← index-builder | query ← facades ← cli | adapters
// A module may import its own folder or a lower layer; index-builder (writer) and query (reader) are peers that never
// import each other; the CLI and the adapters use only the public facades. Type-only imports count: a reader whose
// types come from the writer's modules depends on the writer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

/** The layer of each top-level module of src/ (a folder, or a facade file). */
const LAYERS: Record<string, number> = {
  'errors.ts': 0,
  normalize: 1,
  stem: 2,
  analysis: 3,
  segment: 4,
  'index-builder': 5,
  query: 5,
  'index.ts': 6,
  'search.ts': 6,
  'typos.ts': 6,
  'fields.ts': 6,
  'quran.ts': 6,
  'suggest.ts': 6,
  'derivations.ts': 6,
  'pack.ts': 6,
  'pack-directory.ts': 6,
  'pack-node.ts': 6,
  cli: 7,
  adapters: 7,
};
const FACADE = 6;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level module of a file under src/ ('segment', 'index.ts', …). */
const moduleOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0];

/** The src/ files a file imports (static, dynamic and type-only imports and re-exports; package.json is data, not a layer). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), m[1]);
    if (target.startsWith(SRC)) out.push(target.replace(/\.js$/, '.ts'));
  }
  return out;
}

/** Whether a module of `from` may import one of `to`. */
const isAllowed = (from: string, to: string) =>
  to === from || (LAYERS[from] === 7 ? LAYERS[to] === FACADE : LAYERS[to] < LAYERS[from]);

const files = sourceFiles(SRC);

describe('the import rule', () => {
  it('knows the layer of every top-level module of src/', () => {
    expect(files.map(moduleOf).filter((m) => !(m in LAYERS))).toEqual([]);
  });

  it('has imports that point down the layers only', () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      for (const target of importsOf(file)) {
        const to = moduleOf(target);
        if (!isAllowed(from, to)) broken.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps the index builder out of the search-only entries', () => {
    for (const entry of ['search.ts', 'typos.ts', 'fields.ts', 'quran.ts', 'suggest.ts']) {
      const seen = new Set<string>();
      const walk = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        importsOf(file).forEach(walk);
      };
      walk(join(SRC, entry));
      expect([...seen].map(moduleOf).filter((m) => m === 'index-builder' || m === 'index.ts'), entry).toEqual([]);
    }
  });

  it('refuses the imports the rule forbids', () => {
    expect(isAllowed('query', 'index-builder')).toBe(false); // peers
    expect(isAllowed('index-builder', 'query')).toBe(false);
    expect(isAllowed('segment', 'index-builder')).toBe(false); // upwards
    expect(isAllowed('normalize', 'analysis')).toBe(false);
    expect(isAllowed('cli', 'query')).toBe(false); // past the facades
    expect(isAllowed('search.ts', 'index.ts')).toBe(false); // facade to facade
    expect(isAllowed('query', 'segment')).toBe(true);
    expect(isAllowed('cli', 'index.ts')).toBe(true);
  });
});
