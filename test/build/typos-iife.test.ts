// The `<script>` builds: dist/fahras-typos.global.js is built apart from dist/fahras-search.global.js (its own
// global, `fahrasTypos`, and no shortened property names), so the two must still work together — the typo
// expander reads nothing the search build renames. Both are bundled here as tsup does (IIFE, minified, the search
// one with the internal names shortened), run in one VM context, and a fuzzy search must equal the main entry's.
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/index.js';
import { internalNames } from '../../build/internal-names.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { seedDocuments } from '../helpers/seeds.js';

async function iife(entry: string, globalName: string, mangle: boolean): Promise<string> {
  const out = await build({
    entryPoints: [`${REPO_ROOT}/${entry}`],
    bundle: true,
    format: 'iife',
    globalName,
    minify: true,
    target: 'es2020',
    platform: 'browser',
    write: false,
    ...(mangle ? { mangleProps: new RegExp(`^(${internalNames(`${REPO_ROOT}/src`).join('|')})$`) } : {}),
  });
  return out.outputFiles[0].text;
}

describe('fahras-typos.global.js with fahras-search.global.js', () => {
  it('fuzzy searches through the two script builds equal the main entry', async () => {
    // without scored fields: the <script> builds have no field-scoring opt-in (such indexes take fahras.global.js)
    const built = createIndex();
    for (const d of seedDocuments()) built.add({ ...d, title: d.text.slice(0, 40) });
    const context: Record<string, unknown> = { TextDecoder, TextEncoder, raw: Array.from(built.serialize()) };
    runInNewContext('bytes = new Uint8Array(raw)', context); // a Uint8Array of the context's own realm
    runInNewContext(await iife('src/search.ts', 'fahras', true), context);
    runInNewContext(await iife('src/typos.ts', 'fahrasTypos', false), context);
    const run = (q: string, o: object) => runInNewContext(`fahras.loadIndex(bytes, { typos: fahrasTypos.typos }).search(${JSON.stringify(q)}, ${JSON.stringify(o)})`, context);
    let found = 0;
    for (const q of ['المقاتلبن الايرانيين', 'الغاره الروسيه', 'سوريا روسيا']) {
      for (const o of [{ fuzzy: true }, { fuzzy: 2, limit: 3 }]) {
        const r = run(q, o);
        expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(built.search(q, o))));
        found += r.length;
      }
    }
    expect(found).toBeGreaterThan(0);
    expect(() => runInNewContext('fahras.loadIndex(bytes).search("سوريا", { fuzzy: true })', context)).toThrow(/fahras\/typos/);
  });
});
