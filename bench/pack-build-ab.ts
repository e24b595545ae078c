// The pack build of this tree against another copy of fahras (e.g. main before a change, exported with `git archive
// REV | tar -x -C /tmp/fahras-ref`), paired in one process: each tree builds the same SaudiNewsNet slice once, then
// round by round (the order alternating) each serializes it (the single file) and packs it as `writePack` does
// (node:zlib on threads, `threadedCompressor`), so a slow spell of the shared machine hits every arm alike. Reports
// wall time and the process's CPU time (every thread's, the compressing ones too) per arm, their medians, the build
// ratio (index + pack) / (index + serialize) of each tree, and whether both trees' packs have the same names (the same
// bytes).
//
//   node --expose-gc --import tsx bench/pack-build-ab.ts REF_DIR [MB=20] [--rounds 6]   (a full collection before each step)
import { performance } from 'node:perf_hooks';
import * as here from '../src/index.js';
import * as hereNode from '../src/pack-node.js';
import { readCorpusSlice } from './lib/data.js';
import { importReference, median, parseReferenceArgs } from './lib/util.js';

const args = parseReferenceArgs('node --import tsx bench/pack-build-ab.ts REF_DIR [MB] [--rounds N]', ['rounds']);
const { refDir, mb } = args;
const rounds = Number(args.flags.get('rounds') ?? 6);
const ref = await importReference<typeof here>(refDir, 'src/index.ts');
const refNode = await importReference<typeof hereNode>(refDir, 'src/pack-node.ts');
const slice = await readCorpusSlice(mb);

interface Arm {
  name: string;
  index: here.FahrasIndex;
  node: typeof hereNode;
  indexMs: number;
  names?: string;
}
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const arms: Arm[] = [];
for (const [name, lib, node] of [['ref', ref, refNode], ['this', here, hereNode]] as const) {
  gc();
  const t = performance.now();
  const index = lib.createIndex();
  index.addAll(slice.docs);
  arms.push({ name, index, node, indexMs: performance.now() - t });
}

type Step = 'serialize' | 'pack';
const wall = new Map<string, number[]>();
const cpu = new Map<string, number[]>();
const record = (key: string, ms: number, cpuMs: number) => {
  (wall.get(key) ?? wall.set(key, []).get(key)!).push(ms);
  (cpu.get(key) ?? cpu.set(key, []).get(key)!).push(cpuMs);
};
async function step(arm: Arm, what: Step): Promise<string> {
  gc();
  const c = process.cpuUsage();
  const t = performance.now();
  if (what === 'serialize') arm.index.serialize();
  else {
    // as writePack does, without the disk: threads started and ended inside the measure, zlib's CRC-32 where the
    // tree's writePack takes it
    const threads = arm.node.threadedCompressor();
    try {
      arm.names = Object.keys(await arm.index.pack({ compress: threads.compress, crc32: arm.node.nodeCrc32 })).sort().join(' ');
    } finally {
      await threads.close();
    }
  }
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  record(`${arm.name} ${what}`, ms, (used.user + used.system) / 1000);
  return `${arm.name} ${what} ${ms.toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)})`;
}

for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? arms : [...arms].reverse();
  const line: string[] = [];
  for (const arm of order) {
    for (const what of ['serialize', 'pack'] as const) line.push(await step(arm, what));
  }
  console.log(`round ${r + 1}: ${line.join(', ')}`);
}
const m = (key: string, from: Map<string, number[]>) => median(from.get(key)!);
// both trees' builders are measured once each: the ratios take the faster build for both, so that a slow spell during
// one build does not move one tree's ratio
const indexMs = Math.min(...arms.map((arm) => arm.indexMs));
for (const arm of arms) {
  const s = m(`${arm.name} serialize`, wall);
  const p = m(`${arm.name} pack`, wall);
  console.log(
    `${arm.name}: index ${arm.indexMs.toFixed(0)} ms; serialize median ${s.toFixed(0)} ms (CPU ${m(`${arm.name} serialize`, cpu).toFixed(0)}), ` +
      `pack median ${p.toFixed(0)} ms (CPU ${m(`${arm.name} pack`, cpu).toFixed(0)}); ratio (index + pack) / (index + serialize) with an index of ${indexMs.toFixed(0)} ms: ${((indexMs + p) / (indexMs + s)).toFixed(2)}`,
  );
}
console.log(`${mb} MB, ${slice.docs.length} documents, ${rounds} rounds; packs ${arms[0].names === arms[1].names ? 'have the same names (the same bytes)' : 'DIFFER'}`);
