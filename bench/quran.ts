// Qur'anic orthography (#17): how close the default analysis brings Tanzil's Uthmani text to its Simple Clean
// (imla'i) text, verse by verse, with the `uthmani` rules off (the analysis of indexes built before them) and on.
//   1. Verses whose analyzed term sequences (term and position of every non-stopword) are identical, and the
//      differing word pairs that remain, most frequent first.
//   2. Known-item search: queries of 2–4 consecutive words of one text, the verse they come from as the only
//      relevant answer, MRR@10 in the other text's index against the same text's own (the ceiling).
//
//   3. Modern Standard Arabic left as it was: the tokens of a SaudiNewsNet slice whose term the rules change.
//
//   npx tsx bench/quran.ts [--queries 2000] [--pairs 40] [--msa MB (5; 0 skips)]
//
// Reads ../shared/quran (Tanzil Quran Text, Copyright (C) 2007-2021/2022 Tanzil Project, https://tanzil.net,
// CC BY 3.0: the files are read as they are, never changed). Writes bench/out/quran.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer, createIndex, type AnalyzerOptions } from '../src/index.js';
import { CORPUS_PATH, readCorpusSlice, SHARED } from './lib/data.js';
import { mulberry32 } from './lib/queries.js';
import { f3, formatTable, parseArgs, writeJson } from './lib/util.js';

/** The verse texts of a Tanzil file (`sura|aya|text` lines; the copyright block after them is skipped). */
export function readTanzil(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^\d+\|\d+\|/.test(line))
    .map((line) => line.slice(line.indexOf('|', line.indexOf('|') + 1) + 1));
}

const args = parseArgs(process.argv.slice(2), ['queries', 'pairs', 'msa']);
const dir = join(SHARED, 'quran');
if (!existsSync(join(dir, 'quran-uthmani.txt'))) {
  console.log(`${dir} is absent: nothing to measure`);
  process.exit(0);
}
const uthmani = readTanzil(join(dir, 'quran-uthmani.txt'));
const simple = readTanzil(join(dir, 'quran-simple-clean.txt'));
console.log(`Tanzil Quran Text (Uthmani; Simple Clean), Tanzil Project, https://tanzil.net: ${uthmani.length} verses`);

const SETTINGS: [string, AnalyzerOptions][] = [
  ['uthmani off (before)', { normalize: { uthmani: false } }],
  ['uthmani on (default)', {}],
];

/** Each verse as its analyzed tokens `term@position`, and as its words (surface forms by position). */
function analyzeAll(texts: string[], options: AnalyzerOptions): { terms: string[]; surfaces: Map<number, string>[] } {
  const analyzer = createAnalyzer(options);
  const terms: string[] = [];
  const surfaces: Map<number, string>[] = [];
  for (const t of texts) {
    const tokens = analyzer.analyze(t);
    terms.push(tokens.map((k) => `${k.term}@${k.position}`).join(' '));
    surfaces.push(new Map(tokens.map((k) => [k.position, k.surface])));
  }
  return { terms, surfaces };
}

/** Queries of 2–4 consecutive words of random verses (seeded), each with the verse it comes from. */
function knownItems(texts: string[], count: number, seed: number): { verse: number; query: string }[] {
  const random = mulberry32(seed);
  const out: { verse: number; query: string }[] = [];
  while (out.length < count) {
    const verse = Math.floor(random() * texts.length);
    // words: runs with a letter (pause marks, ۞ and ۩ are separate tokens in Tanzil's files)
    const words = texts[verse].split(/\s+/).filter((w) => /\p{L}/u.test(w));
    const length = 2 + Math.floor(random() * 3);
    if (words.length < length) continue;
    const from = Math.floor(random() * (words.length - length + 1));
    out.push({ verse, query: words.slice(from, from + length).join(' ') });
  }
  return out;
}

function mrr10(texts: string[], queries: { verse: number; query: string }[], options: AnalyzerOptions): number {
  const index = createIndex({ analyzer: options, paragraphs: 'none' });
  index.addAll(texts.map((text, k) => ({ id: k, text })));
  let sum = 0;
  for (const q of queries) {
    const rank = index.search(q.query, { limit: 10, snippets: false }).findIndex((h) => h.id === q.verse);
    if (rank >= 0) sum += 1 / (rank + 1);
  }
  return sum / queries.length;
}

const queryCount = Number(args.flags.get('queries') ?? 2000);
const fromSimple = knownItems(simple, queryCount, 17);
const fromUthmani = knownItems(uthmani, queryCount, 1717);
const rows: (string | number)[][] = [];
const out: Record<string, unknown> = {};
for (const [name, options] of SETTINGS) {
  const u = analyzeAll(uthmani, options);
  const s = analyzeAll(simple, options);
  let identical = 0;
  const pairs = new Map<string, number>();
  for (let v = 0; v < uthmani.length; v++) {
    if (u.terms[v] === s.terms[v]) {
      identical++;
      continue;
    }
    for (const [position, word] of u.surfaces[v]) {
      const other = s.surfaces[v].get(position) ?? '∅';
      if (other !== word) pairs.set(`${word} / ${other}`, (pairs.get(`${word} / ${other}`) ?? 0) + 1);
    }
  }
  const ceilingSimple = mrr10(simple, fromSimple, options);
  const simpleToUthmani = mrr10(uthmani, fromSimple, options);
  const ceilingUthmani = mrr10(uthmani, fromUthmani, options);
  const uthmaniToSimple = mrr10(simple, fromUthmani, options);
  rows.push([name, `${identical} / ${uthmani.length}`, f3(simpleToUthmani), f3(ceilingSimple), f3(uthmaniToSimple), f3(ceilingUthmani)]);
  const top = [...pairs].sort((a, b) => b[1] - a[1]).slice(0, Number(args.flags.get('pairs') ?? 40));
  console.log(`\n${name}: ${pairs.size} distinct differing word pairs (Uthmani / simple, by position); the most frequent:`);
  console.log(top.map(([p, n]) => `${n} ${p}`).join(' | '));
  out[name] = { identical, verses: uthmani.length, simpleToUthmani, ceilingSimple, uthmaniToSimple, ceilingUthmani, pairs: Object.fromEntries(top) };
}
console.log(`\nknown-item queries: ${queryCount} of 2–4 words from each text (verses as documents, MRR@10)`);
console.log(formatTable(['analysis', 'identical verses', 'simple q → Uthmani', 'simple q → simple', 'Uthmani q → simple', 'Uthmani q → Uthmani'], rows));
writeJson('quran.json', { date: new Date().toISOString(), queries: queryCount, results: out });

// Modern Standard Arabic: every token of a news slice, analyzed with the rules on and off
const msaMb = Number(args.flags.get('msa') ?? 5);
if (msaMb > 0 && existsSync(CORPUS_PATH)) {
  const slice = await readCorpusSlice(msaMb);
  const on = createAnalyzer();
  const off = createAnalyzer({ normalize: { uthmani: false } });
  let tokens = 0;
  let changed = 0;
  const words = new Map<string, number>();
  for (const doc of slice.docs) {
    const a = on.analyze(doc.text);
    const b = off.analyze(doc.text);
    tokens += b.length;
    const byPosition = new Map(a.map((t) => [t.position, t.term]));
    for (const t of b) {
      if (byPosition.get(t.position) === t.term) continue;
      changed++;
      const word = doc.text.slice(t.start, t.end);
      words.set(word, (words.get(word) ?? 0) + 1);
    }
    if (a.length !== b.length) changed += Math.abs(a.length - b.length);
  }
  const top = [...words].sort((x, y) => y[1] - x[1]).slice(0, 20);
  console.log(`\nModern Standard Arabic (${msaMb} MB of SaudiNewsNet): ${changed} of ${tokens} tokens change term (${words.size} distinct words): ${top.map(([w, k]) => `${k} ${w}`).join(' | ')}`);
  out.msa = { mb: msaMb, tokens, changed, words: Object.fromEntries(top) };
  writeJson('quran.json', { date: new Date().toISOString(), queries: queryCount, results: out });
}
