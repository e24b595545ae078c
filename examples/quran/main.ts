// npm run example:quran — plain-spelling (imla'i) queries answered from the Uthmani text of the Qur'an, with the
// highlights on the Uthmani words (marks and all). Indexes ../shared/quran/quran-uthmani.txt (or the file given as
// the first argument) when it is there: one document per verse, id "sura:aya".
//
// The text is the Tanzil Quran Text (Uthmani, Version 1.1), Copyright (C) 2007-2021 Tanzil Project, CC BY 3.0,
// https://tanzil.net — used verbatim (never changed) and credited wherever it is shown.
//
//   npm run example:quran [-- PATH] [-- "a query" ...]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex } from '../../src/index.js';
import { render } from '../render.js';
import { loadIndex } from '../../src/search.js';
import { quran } from '../../src/quran.js';

const CREDIT = 'Qur\'an text: Tanzil Quran Text (Uthmani, Version 1.1), Copyright (C) 2007-2021 Tanzil Project — https://tanzil.net (CC BY 3.0)';
const args = process.argv.slice(2);
const path = args[0]?.endsWith('.txt') ? args.shift()! : join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'quran', 'quran-uthmani.txt');
if (!existsSync(path)) {
  console.log(`${path} is not there: pass the path of Tanzil's quran-uthmani.txt (https://tanzil.net/download).`);
  process.exit(0);
}

// `sura|aya|text` lines; the copyright block after them is not indexed
const verses = readFileSync(path, 'utf8')
  .split('\n')
  .map((line) => /^(\d+)\|(\d+)\|(.*)$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ id: `${m[1]}:${m[2]}`, text: m[3] }));

const t0 = performance.now();
const built = createIndex({ paragraphs: 'none' });
built.addAll(verses);
const bytes = built.serialize();
console.log(`Indexed ${verses.length} verses in ${(performance.now() - t0).toFixed(0)} ms (${(bytes.length / 1e6).toFixed(2)} MB serialized).`);
console.log(CREDIT);

// searched as a browser page would: fahras/search with the Qur'anic rules
const index = loadIndex(bytes, { quran });
const queries: [string, string][] = args.length
  ? args.map((q) => [q, ''])
  : [
      ['الصلاة', 'ٱلصَّلَوٰة: و with a dagger alef'],
      ['السماوات والأرض', 'ٱلسَّمَـٰوَٰتِ: dagger alefs'],
      ['آمنوا', 'ءَامَنُوا۟: ءا for آ'],
      ['"يا قوم اعبدوا الله"', 'a phrase across the joined vocative يَـٰقَوْمِ: يا + قوم, each with its own span'],
      ['إبراهيم', 'إِبْرَٰهِـۧمَ'],
      ['الملائكة', 'ٱلْمَلَـٰٓئِكَة'],
      ['شيئا', 'شَيْـًۭٔا: hamza on a tatweel'],
      ['ٱلرَّحْمَـٰنِ ٱلرَّحِيمِ', 'an Uthmani query pasted from a mushaf'],
    ];
for (const [q, note] of queries) {
  const results = index.search(q, { limit: 3 });
  console.log(`\n▶ ${q}${note ? `   (${note})` : ''} — ${results.length} shown`);
  for (const r of results) console.log(`  ${String(r.id).padEnd(7)} ${r.score.toFixed(2).padStart(6)}  ${render(r.snippet)}`);
}
console.log(`\n${CREDIT}`);
