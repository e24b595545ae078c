// Cold build time of fahras against peers, as ratios measured in the same run. Each build is its own child process
// (bench/speed-worker.ts --build-only: read the slice, build once from scratch), and the engines take turns round by
// round (the order alternating), so a slow spell of a shared machine hits every engine alike. Reports each engine's
// median and fastest cold build, the median of its per-round ratio to fahras and the ratio of the fastest builds;
// with FlexSearch in the run, also fahras' time at the pace of the issue's reference machine (where FlexSearch 0.8
// builds 20 MB in 3.6 s) by both ratios.
//
//   npx tsx bench/build-ratio.ts [MB=20] [--rounds 5] [--engines fahras,flexsearch]
//
// Writes bench/out/build-ratio-<mb>.json.
import { ENGINE_NAMES } from './engines/index.js';
import { runWorker } from './speed.js';
import { formatTable, listFlag, median, parseArgs, writeJson } from './lib/util.js';

/** FlexSearch 0.8 (default encoder) building the first 20 MB on the reference machine, ms. */
const REFERENCE_FLEXSEARCH_20MB_MS = 3600;

const args = parseArgs(process.argv.slice(2), ['rounds', 'engines']);
const mb = Number(args.positional[0] ?? 20);
const rounds = Math.max(1, Number(args.flags.get('rounds') ?? 5));
const engines = listFlag(args.flags.get('engines')) ?? ['fahras', 'flexsearch'];
for (const e of engines) if (!ENGINE_NAMES.includes(e)) throw new Error(`unknown engine ${e} (known: ${ENGINE_NAMES.join(', ')})`);
if (!engines.includes('fahras')) engines.unshift('fahras');

const ms = new Map<string, number[]>(engines.map((e) => [e, []]));
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? engines : [...engines].reverse();
  const line: string[] = [];
  for (const e of order) {
    const res = await runWorker(e, mb, 1, { extraArgs: ['--build-only'] });
    if (res.buildMs === undefined) throw new Error(`${e}: ${res.error ?? res.unavailable ?? 'no build time'}`);
    ms.get(e)!.push(res.buildMs);
    line.push(`${e} ${(res.buildMs / 1000).toFixed(2)} s`);
  }
  console.error(`round ${r + 1}/${rounds}: ${line.join(', ')}`);
}

const base = ms.get('fahras')!;
const rows = engines.map((e) => {
  const t = ms.get(e)!;
  const ratio = median(t.map((x, i) => x / base[i]));
  return { engine: e, medianMs: median(t), minMs: Math.min(...t), ratioToFahras: ratio, fastestRatio: Math.min(...t) / Math.min(...base), allMs: t };
});
console.log(`cold builds of the first ${mb} MB, ${rounds} rounds, engines taking turns`);
console.log(
  formatTable(
    ['engine', 'median s', 'fastest s', '× fahras (median of rounds)', '× fahras (fastest)'],
    rows.map((r) => [r.engine, (r.medianMs / 1000).toFixed(2), (r.minMs / 1000).toFixed(2), r.ratioToFahras.toFixed(2), r.fastestRatio.toFixed(2)]),
  ),
);
const flex = rows.find((r) => r.engine === 'flexsearch');
let scaled: { medianOfRounds: number; fastest: number } | undefined;
if (flex && mb === 20) {
  scaled = { medianOfRounds: REFERENCE_FLEXSEARCH_20MB_MS / flex.ratioToFahras, fastest: REFERENCE_FLEXSEARCH_20MB_MS / flex.fastestRatio };
  console.log(
    `fahras at the reference machine's pace (FlexSearch 3.6 s there): ${(scaled.medianOfRounds / 1000).toFixed(2)} s by the median ratio, ${(scaled.fastest / 1000).toFixed(2)} s by the fastest builds`,
  );
}
writeJson(`build-ratio-${mb}.json`, { kind: 'build-ratio', date: new Date().toISOString(), mb, rounds, rows, scaledMs: scaled });
