// Analysis throughput: normalize + tokenize + stem (the default analyzer, and each stemmer) over the first N MB
// (UTF-8 bytes of text, default 20) of ../shared/corpus/saudinewsnet.jsonl.gz, on one core; plus the min+gzip
// size of the analysis code alone as a browser bundle.
//   npx tsx bench/analysis.ts [MB]
import { join } from 'node:path';
import { createAnalyzer, type AnalyzerOptions } from '../src/index.js';
import { CORPUS_PATH, readCorpusSlice, REPO_ROOT } from './lib/data.js';
import { median, writeJson } from './lib/util.js';
import { bundleSize } from './size.js';

async function main(): Promise<void> {
  const mb = Number(process.argv[2] ?? 20);
  const slice = await readCorpusSlice(mb, CORPUS_PATH).catch((e: Error) => {
    console.log(`corpus not available (${e.message.split('\n')[0]}); nothing to measure`);
    return null;
  });
  if (!slice) return;
  const texts = slice.docs.map((d) => d.text);
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0);
  const configs: [string, AnalyzerOptions | 'default' | 'lucene' | 'exact'][] = [
    ['default (fahras normalize + Lucene stemmer + stopwords)', 'default'],
    ['default with Snowball stemmer', { stemmer: 'snowball' }],
    ['exact (normalize + tokenize only)', 'exact'],
    ['lucene (Lucene ArabicAnalyzer chain)', 'lucene'],
  ];
  const rows: { config: string; mbPerS: number; tokens: number; ms: number }[] = [];
  for (const [name, cfg] of configs) {
    const times: number[] = [];
    let tokens = 0;
    for (let run = 0; run < 5; run++) {
      const analyzer = createAnalyzer(cfg); // a fresh analyzer each run: its word tables start empty
      tokens = 0;
      const t0 = performance.now();
      for (const t of texts) analyzer.scanWords(t, (w) => void (analyzer.termOf(w) >= 0 && tokens++));
      times.push(performance.now() - t0);
    }
    const ms = median(times.slice(1)); // the first run warms the JIT
    rows.push({ config: name, mbPerS: bytes / 1e6 / (ms / 1000), tokens, ms });
  }
  console.log(`analysis throughput on ${(bytes / 1e6).toFixed(1)} MB (${texts.length} records), median of 4 runs after warm-up`);
  for (const r of rows) console.log(`  ${r.config.padEnd(58)} ${r.mbPerS.toFixed(1).padStart(6)} MB/s  ${r.tokens} tokens  ${r.ms.toFixed(0)} ms`);
  const src = join(REPO_ROOT, 'src', 'index.ts');
  const size = await bundleSize(
    `import { normalize, tokenize, createAnalyzer, luceneNormalize, luceneStem, snowballStem } from ${JSON.stringify(src)}; console.log(normalize, tokenize, createAnalyzer, luceneNormalize, luceneStem, snowballStem);`,
  );
  console.log(`analysis code alone (normalize, tokenize, createAnalyzer, stemmers): ${size.minBytes} B min, ${size.gzipBytes} B min+gzip`);
  writeJson('analysis.json', { date: new Date().toISOString(), mb: bytes / 1e6, rows, size });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
