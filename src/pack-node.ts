/**
 * `fahras/node` — what only Node does with packs: write one to a directory. Its `FahrasError` is the class of
 * `fahras` itself (its build imports it from the main entry), so `instanceof` holds across the entries.
 * @packageDocumentation
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { ROOT_NAME } from './segment/pack-format.js';
import { readPackRoot } from './segment/pack-reader.js';
import type { PackOptions } from './segment/pack-writer.js';

export type { PackOptions } from './segment/pack-writer.js';
export { FahrasError, type FahrasErrorCode } from './errors.js';

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
  // zlib at once, piece by piece: on thousands of small pieces, its thread pool (zlib.deflateRaw) took twice as long
  const compress = async (b: Uint8Array, dictionary: Uint8Array) => new Uint8Array(deflateRawSync(b, { dictionary }));
  const files = await index.pack({ compress, dictionary: previous, ...options });
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
