// npm run demo — indexes the built-in sample corpus (corpus/seeds: Arabic news articles) and runs a few
// queries written with other spellings than the text (no hamza, ه for ة, prefixes, phrases), printing ranked
// snippets whose highlights sit on the original text.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, loadIndex } from '../src/index.js';
import { render } from './render.js';

const seeds = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'seeds');
const t0 = performance.now();
const index = createIndex();
for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(seeds, file), 'utf8');
  // the article's title for people: its first line (the seeds have no headings), cut at a space
  const first = text.split('\n', 1)[0].trim();
  index.add({ id: file, text, title: first.length > 60 ? `${first.slice(0, first.lastIndexOf(' ', 60))}…` : first });
}
const { documents, paragraphs, terms } = index.stats();
const bytes = index.serialize();
console.log(`Indexed ${documents} articles, ${paragraphs} paragraphs, ${terms} terms in ${(performance.now() - t0).toFixed(0)} ms; serialized ${bytes.length} bytes.`);

// Search a copy loaded from the bytes, as a browser app would.
const loaded = loadIndex(bytes);
const queries: [string, string][] = [
  ['مقاتلين ايرانيين في سوريا', 'no hamza on إيرانيين'],
  ['الغاره الروسيه', 'ه for ة: الغارة الروسية'],
  ['"جسر الشغور"', 'an exact phrase'],
  ['ادلب -درعا', 'exclusion'],
  ['المعارض', 'search as you type: the last word is a prefix'],
];
for (const [q, why] of queries) {
  const results = loaded.search(q, { limit: 3, prefix: why.startsWith('search as you type') });
  console.log(`\n🔎 ${q}   (${why}) — ${results.length} result${results.length === 1 ? '' : 's'}`);
  results.forEach((r, i) => {
    // paragraphs are numbered from 1 for people, as the CLI and the page do (r.paragraph counts from 0)
    console.log(`  ${i + 1}. ${r.fields.title} ¶${r.paragraph + 1}  score ${r.score.toFixed(2)}`);
    console.log(`     ${render(r.snippet)}`);
  });
}
