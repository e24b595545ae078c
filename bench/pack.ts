// Static packs against the single file, on a slice of SaudiNewsNet (#14's targets, measured in Node): pack bytes and
// files (by kind), the build (index + pack against index + serialize, taking turns), bytes read before the first
// query's results (a fresh pack per query: root + its pieces), bytes per later query (one open pack, queries in a
// row), latency of a later query whose pieces are cached, results identical to the single file's on every query,
// and how many files (volumes) and pieces change when 1% of the documents change or 1% are added at the end. Pieces are read as byte ranges of
// their volumes (the loader slices, as a static host answers a range request).
//
//   npx tsx bench/pack.ts [MB=20] [--queries 60] [--dict BYTES] [--post BYTES] [--docs BYTES] [--volume BYTES] [--out DIR]
//
// Writes bench/out/pack-<MB>.json (and the pack to --out when given).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createIndex, loadIndex, type PackOptions } from '../src/index.js';
import { nodeCrc32, threadedCompressor } from '../src/pack-node.js';
import { type ByteRange, openPack } from '../src/pack.js';
import { readPackRoot } from '../src/segment/pack-reader.js';
import { readCorpusSlice } from './lib/data.js';
import { mulberry32, sampleSpeedQueries } from './lib/queries.js';
import { median, parseArgs, percentile, writeJson } from './lib/util.js';

const args = parseArgs(process.argv.slice(2), ['queries', 'dict', 'post', 'docs', 'volume', 'out']);
const mb = Number(args.positional[0] ?? 20);
const nQueries = Number(args.flags.get('queries') ?? 60);
// as writePack compresses (fahras pack): node:zlib, level 6, with the pack's dictionary, on threads of its own, and
// zlib's CRC-32
const threads = threadedCompressor();
const options: PackOptions = { compress: threads.compress, crc32: nodeCrc32 };
if (args.flags.has('dict')) options.dictionaryPieceBytes = Number(args.flags.get('dict'));
if (args.flags.has('post')) options.postingsPieceBytes = Number(args.flags.get('post'));
if (args.flags.has('docs')) options.documentPieceBytes = Number(args.flags.get('docs'));
if (args.flags.has('volume')) options.volumeBytes = Number(args.flags.get('volume'));

const slice = await readCorpusSlice(mb);
let t = performance.now();
const index = createIndex();
index.addAll(slice.docs);
const buildMs = performance.now() - t;
console.error(`${mb} MB: ${slice.docs.length} documents, ${index.stats().paragraphs} paragraphs, built in ${(buildMs / 1000).toFixed(2)} s`);

// serialize and pack, taking turns (the build is the same for both)
const serializeMs: number[] = [];
const packMs: number[] = [];
let files: Record<string, Uint8Array> = {};
let single: Uint8Array = new Uint8Array(0);
for (let round = 0; round < 2; round++) {
  t = performance.now();
  single = index.serialize();
  serializeMs.push(performance.now() - t);
  t = performance.now();
  files = await index.pack(options);
  packMs.push(performance.now() - t);
}
const kinds: Record<string, { files: number; bytes: number }> = {};
let packBytes = 0;
for (const [name, b] of Object.entries(files)) {
  const kind = name.split(/[-.]/)[0];
  kinds[kind] ??= { files: 0, bytes: 0 };
  kinds[kind].files++;
  kinds[kind].bytes += b.length;
  packBytes += b.length;
}
const outDir = args.flags.get('out');
if (typeof outDir === 'string') {
  mkdirSync(outDir, { recursive: true });
  for (const [name, b] of Object.entries(files)) writeFileSync(join(outDir, name), b);
}

const counting = () => {
  const state = { bytes: 0, requests: 0, byKind: {} as Record<string, number> };
  const loader = async (name: string, range?: ByteRange) => {
    const whole = files[name];
    if (!whole) throw new Error('missing');
    const b = range ? whole.subarray(range.start, range.end) : whole;
    state.bytes += b.length;
    state.requests++;
    const kind = name.split(/[-.]/)[0];
    state.byKind[kind] = (state.byKind[kind] ?? 0) + b.length;
    return b;
  };
  return { state, loader };
};

const queries = sampleSpeedQueries(slice.docs, nQueries);
const reference = loadIndex(single);
const opts = { limit: 10 };
let identical = 0;
const firstBytes: number[] = [];
const firstRequests: number[] = [];
const firstMs: number[] = [];
for (const q of queries) {
  const { state, loader } = counting();
  const t0 = performance.now();
  const pack = await openPack(loader);
  const results = await pack.search(q, opts);
  firstMs.push(performance.now() - t0);
  firstBytes.push(state.bytes);
  firstRequests.push(state.requests);
  if (JSON.stringify(results) === JSON.stringify(reference.search(q, opts))) identical++;
}
const session = counting();
const pack = await openPack(session.loader, { cacheBytes: 8 << 20 });
await pack.search(queries[0], opts);
const laterBytes: number[] = [];
const laterRequests: number[] = [];
const cachedMs: number[] = [];
for (const q of queries.slice(1)) {
  const before = session.state.bytes;
  const requestsBefore = session.state.requests;
  await pack.search(q, opts);
  laterBytes.push(session.state.bytes - before);
  laterRequests.push(session.state.requests - requestsBefore);
  const t0 = performance.now();
  await pack.search(q, opts);
  cachedMs.push(performance.now() - t0);
}

/** Every piece of a pack as kind, size and CRC-32 (its last 4 bytes): what identifies its bytes. */
const pieceKeys = async (pack: Record<string, Uint8Array>) => {
  const r = await readPackRoot(pack['root.fahras']);
  const lists = [r.text.dict, r.text.post, r.surface?.dict, r.surface?.post, r.documents.names];
  return lists.flatMap((list) => Array.from({ length: list?.length ?? 0 }, (_, i) => list!.at(i)).map((p) => `${p.file.split('-')[0]} ${p.end - p.start} ${pack[p.file].subarray(p.end - 4, p.end).join('.')}`));
};
/** Of pack `after`'s files and pieces, how many pack `before` has too (files by name, pieces by their bytes). */
const keptOf = async (before: Record<string, Uint8Array>, after: Record<string, Uint8Array>) => {
  const names = Object.keys(after);
  const kept = names.filter((n) => n in before).length;
  const pieces1 = new Set(await pieceKeys(before));
  const pieces2 = await pieceKeys(after);
  const piecesKept = pieces2.filter((k) => pieces1.has(k)).length;
  return { files: names.length, kept, changed: names.length - kept, pieces: pieces2.length, piecesKept, piecesChanged: pieces2.length - piecesKept };
};
// the packs written again take the first one's dictionary, as writePack does when it writes over a pack
const dictionaryOf = async (pack: Record<string, Uint8Array>) => (await readPackRoot(pack['root.fahras'])).dictionary;

// 1% of the documents changed (a word added to each), packed again: names kept
const rng = mulberry32(7);
const changed = createIndex();
changed.addAll(slice.docs.map((d) => (rng() < 0.01 ? { ...d, text: `${d.text} تعديل` } : d)));
const rebuildOnePercent = await keptOf(files, await changed.pack({ ...options, dictionary: await dictionaryOf(files) }));

// 1% of documents added at the end (the news of a day): the pack of the first 99%, then of all
const first99 = createIndex();
first99.addAll(slice.docs.slice(0, Math.floor(slice.docs.length * 0.99)));
const files99 = await first99.pack(options);
const appendOnePercent = await keptOf(files99, await index.pack({ ...options, dictionary: await dictionaryOf(files99) }));

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const report = {
  date: new Date().toISOString(),
  mb,
  documents: slice.docs.length,
  corpusTextBytes: slice.bytes,
  paragraphs: index.stats().paragraphs,
  options: { ...options, compress: 'node:zlib deflateRawSync with the dictionary, threadedCompressor' },
  singleFileBytes: single.length,
  pack: { files: Object.keys(files).length, bytes: packBytes, ratioToText: packBytes / slice.bytes, kinds, rootBytes: files['root.fahras'].length },
  build: { indexMs: buildMs, serializeMs, packMs, ratio: (buildMs + Math.min(...packMs)) / (buildMs + Math.min(...serializeMs)) },
  queries: queries.length,
  identical,
  firstQuery: { bytesMedian: median(firstBytes), bytesP95: percentile(firstBytes, 95), requestsMedian: median(firstRequests), msMedian: median(firstMs) },
  laterQueryBytesByKind: Object.fromEntries(Object.entries(session.state.byKind).map(([k, v]) => [k, Math.round(v / queries.length)])),
  laterQuery: { bytesMedian: median(laterBytes), bytesP95: percentile(laterBytes, 95), requestsMedian: median(laterRequests), cachedMsMedian: median(cachedMs), cachedMsP95: percentile(cachedMs, 95) },
  rebuildOnePercent,
  appendOnePercent,
};
console.log(JSON.stringify(report, null, 1));
console.error(
  `pack ${kb(packBytes)} in ${report.pack.files} files (${report.pack.ratioToText.toFixed(2)}× text; single file ${kb(single.length)}), ` +
    `build ratio ${report.build.ratio.toFixed(2)}; identical ${identical}/${queries.length}; first query ${kb(report.firstQuery.bytesMedian)} (median), ` +
    `later ${kb(report.laterQuery.bytesMedian)} (median), cached ${report.laterQuery.cachedMsMedian.toFixed(2)} ms; ` +
    `1% changed: ${rebuildOnePercent.changed} of ${rebuildOnePercent.files} files new, ${rebuildOnePercent.piecesChanged} of ${rebuildOnePercent.pieces} pieces; ` +
    `1% added: ${appendOnePercent.changed} of ${appendOnePercent.files} files new, ${appendOnePercent.piecesChanged} of ${appendOnePercent.pieces} pieces`,
);
writeJson(`pack-${mb}.json`, report);
await threads.close();
