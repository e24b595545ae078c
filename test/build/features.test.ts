// Every query feature on the built package (dist/ as `npm run build` made it; CI builds before testing, and this
// skips with a message without it): the build shortens internal names by a rule, and a name it should not have
// shortened (a RegExp match's `index`, once) breaks a feature in dist/ while every test of src/ passes. So the same
// queries run on src/ and on the built main entry, `fahras/search` (a loaded index) and `fahras/pack`, and must give
// the same results.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { seedDocuments } from '../helpers/seeds.js';

const built = ['index.js', 'search.js', 'pack.js', 'typos.js', 'fields.js'].every((f) => existsSync(join(REPO_ROOT, 'dist', f)));
const dist = (file: string) => import(pathToFileURL(join(REPO_ROOT, 'dist', file)).href);

/** Queries and options that reach each feature of the searcher: words, phrases, exclusion, required words, exact forms, prefixes, typos, grouping, paging, filters. */
const QUERIES: [string, object][] = [
  ['الغاره الروسيه', {}],
  ['"جسر الشغور"', {}],
  ['ادلب -درعا', {}],
  ['+سوريا روسيا', { limit: 5 }],
  ['"المعارضة"', {}],
  ['المعار', { prefix: true, limit: 3 }],
  ['المقاتلبن الايرانيين', { fuzzy: true }],
  ['سوريا', { groupBy: 'document' }],
  ['سوريا', { offset: 3, limit: 4, snippetLength: 60 }],
  ['روسيا', { snippets: false }],
];

/** An index of the seed articles; with `fields`, each article's first words as a scored title. */
function seedIndex(index: source.FahrasIndex, withTitle: boolean) {
  for (const d of seedDocuments()) index.add(withTitle ? { ...d, title: d.text.slice(0, 40) } : d);
  return index;
}

describe.skipIf(!built)('query features on the built package', () => {
  if (!built) console.log('skipped: no dist/ (run `npm run build`)');

  it('the built main entry and fahras/search answer as src/ (an index with a scored title: field restrictions too)', async () => {
    const [main, lite, { typos }, { fields }] = await Promise.all([dist('index.js'), dist('search.js'), dist('typos.js'), dist('fields.js')]);
    const fromSource = seedIndex(source.createIndex({ fields: { title: { boost: 2 } } }), true);
    const fromBuild = seedIndex(main.createIndex({ fields: { title: { boost: 2 } } }), true);
    const loaded = lite.loadIndex(fromBuild.serialize(), { typos, fields });
    for (const [query, options] of [...QUERIES, ['title:سوريا', {}] as [string, object]]) {
      const expected = fromSource.search(query, options);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(fromBuild.search(query, options), `${query} (main entry)`).toEqual(expected);
      expect(loaded.search(query, options), `${query} (fahras/search)`).toEqual(expected);
    }
    const even = (_fields: unknown, id: string | number) => String(id).charCodeAt(2) % 2 === 0; // documents 000, 002, 004
    const filtered = fromSource.search('سوريا', { filter: even, groupBy: 'document' });
    expect(filtered.length).toBeLessThan(fromSource.search('سوريا', { groupBy: 'document' }).length);
    expect(loaded.search('سوريا', { filter: even, groupBy: 'document' })).toEqual(filtered);
  });

  it('the built fahras/pack answers as src/', async () => {
    const [main, { openPack }, { typos }] = await Promise.all([dist('index.js'), dist('pack.js'), dist('typos.js')]);
    const fromSource = seedIndex(source.createIndex(), false);
    const files: Record<string, Uint8Array> = await seedIndex(main.createIndex(), false).pack();
    const pack = await openPack(async (name: string, range?: { start: number; end: number }) => (range ? files[name].slice(range.start, range.end) : files[name]), { typos });
    for (const [query, options] of QUERIES) expect(await pack.search(query, options), query).toEqual(fromSource.search(query, options));
  });
});
