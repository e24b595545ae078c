/**
 * `fahras/node` — what only Node does with packs: write one to a directory. Its `FahrasError` is the class of
 * `fahras` itself (its build imports it from the main entry), so `instanceof` holds across the entries.
 * @packageDocumentation
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT_NAME } from './segment/pack-format.js';
import { readPackRoot } from './segment/pack-reader.js';
import type { PackOptions } from './segment/pack-writer.js';

export type { PackOptions } from './segment/pack-writer.js';
export { FahrasError, type FahrasErrorCode } from './errors.js';

/**
 * What a compressing thread runs: batches of pieces in, raw DEFLATE of each out (node:zlib, level 6, with the pack's
 * dictionary). zlib's own thread pool (`zlib.deflateRaw`) costs a handle and a round trip per piece, twice the
 * time of compressing in place on thousands of small pieces; a batch is one message each way.
 */
const COMPRESSOR = `const { parentPort } = require('node:worker_threads');
const { deflateRawSync } = require('node:zlib');
parentPort.on('message', ({ id, pieces, dictionary }) => {
  const out = pieces.map((b) => { const z = deflateRawSync(b, { dictionary }); return new Uint8Array(z.buffer, z.byteOffset, z.length); });
  parentPort.postMessage({ id, out });
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
    worker.on('message', ({ id, out }: { id: number; out: Uint8Array[] }) => {
      waiting.get(id)!(out);
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
  let batch: Batch | null = null;
  let batches = 0;
  const send = (b: Batch) => {
    if (batch === b) batch = null;
    if (b.sent) return;
    b.sent = true;
    workers[b.id % workers.length].postMessage({ id: b.id, pieces: b.pieces, dictionary: b.dictionary });
  };
  const compress = (bytes: Uint8Array, dictionary: Uint8Array): Promise<Uint8Array> => {
    if (batch && batch.dictionary !== dictionary) send(batch);
    if (!batch) {
      const id = batches++;
      const done = new Promise<Uint8Array[]>((resolve) => waiting.set(id, resolve));
      const b: Batch = (batch = { id, pieces: [], dictionary, done });
      // a batch goes when full, or once the writer stops adding pieces for this turn
      queueMicrotask(() => send(b));
    }
    const b = batch;
    const i = b.pieces.push(bytes) - 1;
    if (b.pieces.length >= BATCH) send(b);
    return b.done.then((out) => out[i]);
  };
  return { compress, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

/** What {@link writePack} needs of an index: `FahrasIndex` of `fahras` has it. */
export interface Packable {
  pack(options?: PackOptions): Promise<Record<string, Uint8Array>>;
}

/**
 * Writes the pack of `index` (see `FahrasIndex.pack`) to directory `dir` (created if needed; files already there
 * stay, so a rebuilt pack next to the old one shares its unchanged volumes). Compresses with Node's zlib, with the
 * dictionary of the pack already in `dir` when there is one (so unchanged pieces keep their bytes), else a new one.
 * Returns the names written, the root `root.fahras` first, and their total bytes.
 */
export async function writePack(index: Packable, dir: string, options: PackOptions = {}): Promise<{ files: string[]; bytes: number }> {
  const previous = await readFile(join(dir, ROOT_NAME)).then(
    (root) => readPackRoot(root).then((r) => r.dictionary),
    () => undefined, // no pack there, or one this build does not read: a new dictionary
  );
  const threads = threadedCompressor();
  let files;
  try {
    files = await index.pack({ compress: threads.compress, dictionary: previous, ...options });
  } finally {
    await threads.close();
  }
  await mkdir(dir, { recursive: true });
  const names = Object.keys(files);
  let bytes = 0;
  // pieces first, the root last: a reader never finds a root whose pieces are not there yet
  for (const name of names.slice(1)) {
    await writeFile(join(dir, name), files[name]);
    bytes += files[name].length;
  }
  await writeFile(join(dir, names[0]), files[names[0]]);
  return { files: names, bytes: bytes + files[names[0]].length };
}
