// Same answers as another copy of fahras (e.g. main before a change, exported with `git archive main | tar -x -C
// /tmp/fahras-main`): every query of every evaluation set, under several option sets that reach the different parts
// of the searcher (paging with snippets, grouping, prefixes, typos, phrases, exclusions, the stored ranking choices),
// on the index each copy builds and on the one it loads from its own bytes. Compares whole pages with their totals
// (ids, paragraphs, spans, scores, snippets, highlights, fields) and prints how many differ; the evaluation scores of
// bench/eval.ts can only be equal when this prints 0 differences.
//
//   npx tsx bench/eval-ab.ts REF_DIR [SET_DIR...]
import * as here from '../src/index.js';
import { listEvalSets, loadEvalSet } from './lib/data.js';
import { cleanQuery } from './lib/queries.js';
import { importReference } from './lib/util.js';

const [refDir, ...dirs] = process.argv.slice(2);
if (!refDir) throw new Error('usage: npx tsx bench/eval-ab.ts REF_DIR [SET_DIR...]');
const ref = await importReference<typeof here>(refDir, 'src/index.ts');

type Variant = [name: string, query: (words: string[]) => string, options: here.SearchOptions];
const plain = (words: string[]) => words.join(' ');
const VARIANTS: Variant[] = [
  ['default, page 2 with snippets', plain, { limit: 10, offset: 10 }],
  ['as bench/eval.ts', plain, { limit: 100, groupBy: 'document', snippets: false }],
  ['prefix', plain, { prefix: true, limit: 5 }],
  ['fuzzy', plain, { fuzzy: true, limit: 5 }],
  ['clitics and forms', plain, { ranking: { clitics: 0.5, forms: 1 }, limit: 5 }],
  ['every alternative adds, no prior', plain, { ranking: { expansions: 0, minLength: 0 }, limit: 5 }],
  ['first two words a phrase', (w) => (w.length > 2 ? `"${w[0]} ${w[1]}" ${w.slice(2).join(' ')}` : w.join(' ')), { limit: 5 }],
  ['first word required, last excluded', (w) => (w.length > 2 ? `+${w[0]} ${w.slice(1, -1).join(' ')} -${w[w.length - 1]}` : w.join(' ')), { limit: 5 }],
  ['last word quoted, a filter', (w) => `${w.slice(0, -1).join(' ')} "${w[w.length - 1]}"`, { limit: 5, filter: (_, id) => String(id).length % 2 === 0 }],
];

type Searchable = { searchWithTotal(q: string, o: here.SearchOptions): unknown };
const sets = (dirs.length ? dirs : listEvalSets()).map(loadEvalSet);
let compared = 0;
let differing = 0;
for (const set of sets) {
  const indexes = [ref, here].map((lib) => {
    const built = lib.createIndex();
    built.addAll(set.docs);
    return { built: built as Searchable, loaded: lib.loadIndex(built.serialize()) as Searchable };
  });
  const differ = new Map<string, number>();
  for (const q of set.queries) {
    const words = cleanQuery(q.text).split(' ').filter(Boolean);
    if (!words.length) continue;
    for (const [name, query, options] of VARIANTS) {
      for (const kind of ['built', 'loaded'] as const) {
        const [a, b] = indexes.map((x) => JSON.stringify(x[kind].searchWithTotal(query(words), options)));
        compared++;
        if (a !== b) {
          differing++;
          differ.set(`${name} (${kind})`, (differ.get(`${name} (${kind})`) ?? 0) + 1);
        }
      }
    }
  }
  console.log(`${set.name}: ${set.queries.length} queries × ${VARIANTS.length} option sets × built and loaded: ${differ.size ? [...differ].map(([k, n]) => `${k} differs on ${n}`).join('; ') : 'all identical'}`);
}
console.log(`${compared} pages compared, ${differing} differ`);
