// main-thread pack work only (compress = identity), this tree vs ref, interleaved, CPU ms
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as here from '../src/index.js';
import * as hereNode from '../src/pack-node.js';
import { readCorpusSlice } from './lib/data.js';
import { median } from './lib/util.js';
const ref = (await import(pathToFileURL(resolve(process.argv[2], 'src/index.ts')).href)) as typeof here;
const slice = await readCorpusSlice(20);
const arms = ([['ref', ref], ['this', here]] as const).map(([name, lib]) => { const index = lib.createIndex(); index.addAll(slice.docs); return { name, index, t: [] as number[] }; });
const identity = (b: Uint8Array) => Promise.resolve(b);
for (let r = 0; r < Number(process.argv[3] ?? 6); r++) {
  for (const a of r % 2 ? [...arms].reverse() : arms) {
    (globalThis as { gc?: () => void }).gc?.();
    const c = process.cpuUsage();
    await a.index.pack({ compress: identity, crc32: hereNode.nodeCrc32 });
    const u = process.cpuUsage(c);
    a.t.push((u.user + u.system) / 1000);
  }
}
for (const a of arms) console.log(a.name, median(a.t).toFixed(0), a.t.map((x) => x.toFixed(0)).join(' '));
