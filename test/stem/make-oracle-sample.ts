/**
 * Rebuilds test/fixtures/oracle-sample.tsv, the committed slice of ../shared/oracles/arabic-stemmer-oracle.tsv
 * that test/stem/*.test.ts always check (even where ../shared is absent).
 *
 *   npx tsx test/stem/make-oracle-sample.ts
 *
 * Deterministic: rows are visited in the order of a fixed hash of the word, and a row is taken while it brings a
 * feature value that still has fewer examples than wanted (kinds of input: harakat, Qur'anic marks, alef wasla,
 * tatweel, Persian letters, decomposed hamza, presentation forms, digits; every word length; every Lucene prefix
 * and suffix outcome; how Snowball changed the start and the end of the word; first and last letters). The rest
 * of the budget is filled in hash order. The output keeps the oracle's header and its row order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT, SHARED } from '../helpers/shared.js';

const TARGET_ROWS = 3000;
const oraclePath = resolve(SHARED, 'oracles/arabic-stemmer-oracle.tsv');
const outPath = resolve(REPO_ROOT, 'test/fixtures/oracle-sample.tsv');

const lines = readFileSync(oraclePath, 'utf8').split('\n');
const header = lines[0];
const rows = lines.slice(1).filter((l) => l.length > 0);

/** FNV-1a over UTF-16 units: a fixed, platform-independent order. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function has(word: string, test: (c: number) => boolean): boolean {
  for (let i = 0; i < word.length; i++) if (test(word.charCodeAt(i))) return true;
  return false;
}

/** Kinds of input, each wanted many times. */
const KINDS: readonly [string, (c: number) => boolean][] = [
  ['harakat', (c) => c >= 0x064b && c <= 0x0652], // U+064B fathatan … U+0652 sukun
  ['quranic', (c) => (c >= 0x0653 && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed)], // maddah, superscript alef, annotation marks
  ['wasla', (c) => c === 0x0671], // U+0671 ALEF WASLA ٱ
  ['tatweel', (c) => c === 0x0640], // U+0640 TATWEEL ـ
  ['persian', (c) => c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06a9 || c === 0x06af || c === 0x06cc || c === 0x06a4], // پ چ ژ ک گ ی ڤ
  ['nfd-hamza', (c) => c === 0x0654 || c === 0x0655], // U+0654 / U+0655 combining hamza above / below
  ['presentation', (c) => (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)], // presentation forms A and B
  ['lam-alef', (c) => c >= 0xfef5 && c <= 0xfefc], // lam-alef ligatures
  ['digits', (c) => (c >= 0x0660 && c <= 0x0669) || (c >= 0x30 && c <= 0x39)],
  ['hamza-carrier', (c) => c >= 0x0622 && c <= 0x0626], // آ أ ؤ إ ئ
  ['alef-maksura', (c) => c === 0x0649], // ى
  ['teh-marbuta', (c) => c === 0x0629], // ة
];

/**
 * Feature values of one row in two tiers: tier 1 (kinds of input, lengths, Lucene outcomes, Snowball amounts) is
 * filled first; tier 2 (how Snowball changed the start and the end, first and last letters) gets what is left.
 * A value is given with how many examples of it are wanted.
 */
function features(row: string, tier: 1 | 2): [string, number][] {
  const [word, norm, lstem, snow] = row.split('\t');
  const f: [string, number][] = [];
  let bare = ''; // the word without harakat and tatweel, to compare with Snowball's output
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 0x064b && c <= 0x0652) || c === 0x0640)) bare += word[i];
  }
  if (tier === 1) {
    for (const [name, test] of KINDS) if (has(word, test)) f.push([`kind:${name}`, 40]);
    f.push([`len:${Math.min(word.length, 18)}`, word.length <= 2 ? 25 : 15]);
    // Lucene: which prefix and which suffixes came off (the stem is a substring of the normalized word).
    let p = 0;
    while (p <= 3 && norm.substr(p, lstem.length) !== lstem) p++;
    f.push([`lucene-prefix:${norm.slice(0, p)}`, 10]);
    f.push([`lucene-suffix:${norm.slice(p + lstem.length)}`, 5]);
    f.push([`snow-removed:${bare.length - snow.length}`, 10]);
    f.push([`snow-final-hamza:${snow.endsWith('\u0621')}`, 20]);
  } else {
    const headSame = bare.slice(0, 2) === snow.slice(0, 2);
    const tailSame = bare.slice(-2) === snow.slice(-2);
    f.push([`snow-head:${headSame ? '=' : bare.slice(0, 2) + '>' + snow.slice(0, 1)}`, 1]);
    f.push([`snow-tail:${tailSame ? '=' : bare.slice(-2) + '>' + snow.slice(-1)}`, 1]);
    f.push([`first:${word[0]}`, 3]);
    f.push([`last:${word[word.length - 1]}`, 3]);
  }
  return f;
}

const order = rows.map((r, i) => ({ i, h: hash(r.split('\t')[0]) })).sort((a, b) => a.h - b.h || a.i - b.i);
const counts = new Map<string, number>();
const chosen = new Set<number>();
function take(i: number): void {
  chosen.add(i);
  for (const tier of [1, 2] as const) for (const [v] of features(rows[i], tier)) counts.set(v, (counts.get(v) ?? 0) + 1);
}
for (const tier of [1, 2] as const) {
  for (const { i } of order) {
    if (chosen.size >= TARGET_ROWS) break;
    if (chosen.has(i)) continue;
    if (features(rows[i], tier).some(([v, want]) => (counts.get(v) ?? 0) < want)) take(i);
  }
  console.log(`after tier ${tier}: ${chosen.size} rows`);
}
const covered = chosen.size;
for (const { i } of order) {
  if (chosen.size >= TARGET_ROWS) break;
  chosen.add(i);
}

const picked = [...chosen].sort((a, b) => a - b).map((i) => rows[i]);
writeFileSync(outPath, [header, ...picked].join('\n') + '\n');
console.log(`${outPath}: ${picked.length} rows (${covered} chosen for coverage, ${counts.size} feature values)`);
