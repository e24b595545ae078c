/**
 * `fahras/node` — what only Node does with packs: write one to a directory. Its `FahrasError` is the class of
 * `fahras` itself (its build imports it from the main entry), so `instanceof` holds across the entries.
 * @packageDocumentation
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as zlib from 'node:zlib';
import { concatBytes } from './segment/bytes.js';
import { ROOT_NAME } from './segment/pack-format.js';
import { readPackRoot } from './segment/pack-reader.js';
import type { PackOptions } from './segment/pack-writer.js';

export type { PackOptions } from './segment/pack-writer.js';
export { FahrasError, type FahrasErrorCode } from './errors.js';

/**
 * What a compressing thread runs: batches of pieces in, raw DEFLATE of each out (node:zlib, level 6, with the pack's
 * dictionary). zlib's own thread pool (`zlib.deflateRaw`) costs a handle and a round trip per piece, twice the
 * time of compressing in place on thousands of small pieces; a batch is one message each way, its pieces one after
 * another in one buffer that is transferred, not copied (a message of many small arrays costs a copy and an
 * allocation per array on both threads; zlib's result is a view of its 16 KiB output buffer, which a message would
 * copy whole). A dictionary comes once, with the first batch that uses it.
 */
const COMPRESSOR = `const { parentPort } = require('node:worker_threads');
const { deflateRawSync } = require('node:zlib');
const dictionaries = new Map();
parentPort.on('message', ({ id, bytes, lengths, key, dictionary }) => {
  if (dictionary) dictionaries.set(key, dictionary);
  let at = 0;
  const out = lengths.map((n) => deflateRawSync(bytes.subarray(at, (at += n)), { dictionary: dictionaries.get(key) }));
  const joined = new Uint8Array(out.reduce((sum, z) => sum + z.length, 0));
  at = 0;
  for (const z of out) joined.set(z, (at += z.length) - z.length);
  parentPort.postMessage({ id, bytes: joined, lengths: out.map((z) => z.length) }, [joined.buffer]);
});`;

/** Pieces per message to a compressing thread. */
const BATCH = 64;

/**
 * A compressor for `FahrasIndex.pack` that runs node:zlib on threads of its own (as many as the machine has cores,
 * at most 4), taking pieces in batches while the writer cuts the next ones; `close` ends the threads.
 * @internal
 */
export function threadedCompressor(): { compress: NonNullable<PackOptions['compress']>; close: () => Promise<void> } {
  const workers = Array.from({ length: Math.min(4, Math.max(1, availableParallelism())) }, () => new Worker(COMPRESSOR, { eval: true }));
  const waiting = new Map<number, (out: Uint8Array[]) => void>();
  for (const worker of workers) {
    worker.on('message', ({ id, bytes, lengths }: { id: number; bytes: Uint8Array; lengths: number[] }) => {
      let at = 0;
      waiting.get(id)!(lengths.map((n) => bytes.subarray(at, (at += n))));
      waiting.delete(id);
    });
  }
  interface Batch {
    id: number;
    pieces: Uint8Array[];
    dictionary: Uint8Array;
    done: Promise<Uint8Array[]>;
    sent?: boolean;
  }
  // an open batch per dictionary (the writer compresses postings without it, between dictionary pieces)
  const open = new Map<Uint8Array, Batch>();
  // a number per dictionary, and the numbers each thread has
  const keys = new Map<Uint8Array, number>();
  const known = workers.map(() => new Set<number>());
  let batches = 0;
  const send = (b: Batch) => {
    if (open.get(b.dictionary) === b) open.delete(b.dictionary);
    if (b.sent) return;
    b.sent = true;
    const to = b.id % workers.length;
    let key = keys.get(b.dictionary);
    if (key === undefined) keys.set(b.dictionary, (key = keys.size));
    // (a copy of the dictionary: a view would take its whole buffer along)
    const dictionary = known[to].has(key) ? undefined : (known[to].add(key), b.dictionary.slice());
    const bytes = concatBytes(b.pieces); // (a buffer of its own: transferable)
    workers[to].postMessage({ id: b.id, bytes, lengths: b.pieces.map((piece) => piece.length), key, dictionary }, [bytes.buffer as ArrayBuffer]);
  };
  const compress = (bytes: Uint8Array, dictionary: Uint8Array): Promise<Uint8Array> => {
    let b = open.get(dictionary);
    if (!b) {
      const id = batches++;
      const done = new Promise<Uint8Array[]>((resolve) => waiting.set(id, resolve));
      const batch: Batch = { id, pieces: [], dictionary, done };
      open.set(dictionary, (b = batch));
      // a batch goes when full, or once the writer stops adding pieces for this turn
      queueMicrotask(() => send(batch));
    }
    const i = b.pieces.push(bytes) - 1;
    if (b.pieces.length >= BATCH) send(b);
    return b.done.then((out) => out[i]);
  };
  return { compress, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

/**
 * node:zlib's CRC-32 (Node 20.15, 22.2 and later; the same as `PackOptions.crc32`'s default), else none.
 * @internal
 */
export const nodeCrc32 = (zlib as { crc32?: (bytes: Uint8Array) => number }).crc32;

/** What {@link writePack} needs of an index: `FahrasIndex` of `fahras` has it. */
export interface Packable {
  pack(options?: PackOptions): Promise<Record<string, Uint8Array>>;
}

/**
 * Writes the pack of `index` (see `FahrasIndex.pack`) to directory `dir` (created if needed; files already there
 * stay, so a rebuilt pack next to the old one shares its unchanged volumes). Compresses with Node's zlib on threads
 * of its own (unless `options.compress` is given), with the dictionary of the pack already in `dir` when there is one
 * (so unchanged pieces keep their bytes), else a new one.
 * Returns the names written, the root `root.fahras` first, and their total bytes.
 */
export async function writePack(index: Packable, dir: string, options: PackOptions = {}): Promise<{ files: string[]; bytes: number }> {
  const previous = await readFile(join(dir, ROOT_NAME)).then(
    (root) => readPackRoot(root).then((r) => r.dictionary),
    () => undefined, // no pack there, or one this build does not read: a new dictionary
  );
  // threads of its own unless the caller brings a compressor (the CLI starts its threads before it builds the index)
  const threads = options.compress ? undefined : threadedCompressor();
  let files;
  try {
    // zlib's CRC-32 (Node 20.15 and later) where there is one: the JavaScript loop's byte at a time took 75 ms of a
    // 20 MB pack's build (the pieces' checksums and the volumes' names)
    files = await index.pack({ compress: threads?.compress, dictionary: previous, crc32: nodeCrc32, ...options });
  } finally {
    await threads?.close();
  }
  await mkdir(dir, { recursive: true });
  const names = Object.keys(files);
  // pieces first, the root last: a reader never finds a root whose pieces are not there yet
  await Promise.all(names.slice(1).map((name) => writeFile(join(dir, name), files[name])));
  await writeFile(join(dir, names[0]), files[names[0]]);
  return { files: names, bytes: names.reduce((sum, name) => sum + files[name].length, 0) };
}
