// Build time of this tree against another copy of fahras (e.g. main before a change, exported with `git archive
// REV | tar -x -C /tmp/fahras-ref`), paired: both build the same SaudiNewsNet slice in one process, taking turns
// round by round with the order alternating, so a slow spell of the shared machine hits both alike. Times are the
// process's CPU time (user + system) during the build, which waiting for a busy machine's cores does not count.
// Reports each round's times, the median of the per-round ratios this / ref and the medians of both.
//
//   node --expose-gc --import tsx bench/build-ab.ts REF_DIR [MB=20] [--rounds 8]   (a full collection before each build)
import * as here from '../src/index.js';
import { readCorpusSlice } from './lib/data.js';
import { importReference, median, parseReferenceArgs } from './lib/util.js';

const args = parseReferenceArgs('npx tsx bench/build-ab.ts REF_DIR [MB] [--rounds N]', ['rounds']);
const { refDir, mb } = args;
const rounds = Number(args.flags.get('rounds') ?? 8);
const ref = await importReference<typeof here>(refDir, 'src/index.ts');
const slice = await readCorpusSlice(mb);
const arms: [string, typeof here][] = [
  ['ref', ref],
  ['this', here],
];
const times = new Map<string, number[]>(arms.map(([name]) => [name, []]));
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? arms : [...arms].reverse();
  const round = new Map<string, number>();
  for (const [name, lib] of order) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = process.cpuUsage();
    const index = lib.createIndex();
    index.addAll(slice.docs);
    const used = process.cpuUsage(t);
    round.set(name, (used.user + used.system) / 1000);
    times.get(name)!.push(round.get(name)!);
  }
  ratios.push(round.get('this')! / round.get('ref')!);
  console.log(`round ${r + 1}: ref ${round.get('ref')!.toFixed(0)} ms, this ${round.get('this')!.toFixed(0)} ms (${order[0][0]} first)`);
}
console.log(`${mb} MB, ${slice.docs.length} documents, ${rounds} rounds: median CPU ref ${median(times.get('ref')!).toFixed(0)} ms, this ${median(times.get('this')!).toFixed(0)} ms; median ratio this/ref ${median(ratios).toFixed(3)}`);
