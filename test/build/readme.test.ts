// The README's code examples, run as written on dist/ as `npm run build` made it (CI builds before testing; skips
// with a message without it): its imports of `fahras`, `fahras/…` resolve to the built package (the package imports
// itself by name), and each line `expression; // value …` whose comment starts with a literal (a number, a quoted
// string, an array or object literal without `…`) must give that value. The built package is what users get: the
// build once shortened a RegExp match's `index`, and every built prefix search and fields search failed while the
// tests of src/ passed.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const built = existsSync(join(REPO_ROOT, 'dist/index.js'));
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The ```ts blocks of the README that run on their own (their first line, as the README has it). */
const RUNNABLE = [
  "import { createIndex, loadIndex, toHtml } from 'fahras';",
  'const index = createIndex({ fields: { title: { boost: 2 } } });',
  "import { normalize, tokenize, createAnalyzer, luceneStem, snowballStem } from 'fahras';",
  "import { Index } from 'flexsearch';",
];

/** The literal a comment starts with, or undefined: a number, a quoted string, or balanced brackets without `…`. */
function leadingLiteral(comment: string): string | undefined {
  const simple = /^(-?\d+(?:\.\d+)?|'[^']*')(?=$|[\s:,;—(])/.exec(comment);
  if (simple) return simple[1];
  if (comment[0] !== '[' && comment[0] !== '{') return undefined;
  let depth = 0;
  for (let i = 0; i < comment.length; i++) {
    if ('[{'.includes(comment[i])) depth++;
    else if (']}'.includes(comment[i]) && --depth === 0) {
      const literal = comment.slice(0, i + 1);
      return literal.includes('…') ? undefined : literal;
    }
  }
  return undefined;
}

/** The block as a module: each checked line pushes { line, got, want } to globalThis.readmeChecks. */
function asModule(block: string): { code: string; checks: number } {
  let checks = 0;
  const lines = block.split('\n').map((line) => {
    const m = /^(\s*)(?!const |let |import |interface |export )(.+?);\s*\/\/\s*(.*)$/.exec(line);
    const want = m && leadingLiteral(m[3]);
    if (!m || !want) return line;
    checks++;
    return `${m[1]}globalThis.readmeChecks.push({ line: ${JSON.stringify(line.trim())}, got: ${m[2]}, want: ${want} });`;
  });
  return { code: transformSync(lines.join('\n'), { loader: 'ts', format: 'esm' }).code, checks };
}

const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = join(REPO_ROOT, 'test-output', 'readme');

describe.skipIf(!built)("the README's code examples, on the built package", () => {
  if (!built) console.log('skipped: no dist/index.js (run `npm run build`)');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the literal a comment starts with', () => {
    expect(leadingLiteral("1 — the document id you gave")).toBe('1');
    expect(leadingLiteral("[1, 2]: the title")).toBe('[1, 2]');
    expect(leadingLiteral("'المكتبه' (+ offsets)")).toBe("'المكتبه'");
    expect(leadingLiteral("[{ word: 'مكتبة', paragraphs: 1 }, …] — as documents spell them")).toBeUndefined();
    expect(leadingLiteral('string')).toBeUndefined();
  });

  for (const first of RUNNABLE) {
    it(`runs the block starting ${first}`, async () => {
      const block = blocks.find((b) => b.startsWith(first));
      expect(block, 'the README still has this block').toBeDefined();
      const { code, checks } = asModule(block!);
      expect(checks).toBeGreaterThan(0);
      // names the second block takes from the first's imports
      const prelude = block!.includes("from 'fahras'") ? '' : "import { createIndex, toHtml } from 'fahras';\n";
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `block-${RUNNABLE.indexOf(first)}.mjs`);
      writeFileSync(file, prelude + code);
      const g = globalThis as { readmeChecks?: { line: string; got: unknown; want: unknown }[] };
      g.readmeChecks = [];
      await import(pathToFileURL(file).href);
      expect(g.readmeChecks).toHaveLength(checks);
      for (const { line, got, want } of g.readmeChecks) expect(got, line).toEqual(want);
    });
  }
});
