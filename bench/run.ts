// The whole benchmark in one command.
//
//   npx tsx bench/run.ts           # npm run bench: quality on every eval set, speed at 5 and 20 MB, bundle sizes,
//                                  #   then bench/RESULTS.md and bench/charts/*.svg (a few minutes on 2 cores)
//   npx tsx bench/run.ts --full    # npm run bench:full: the same plus the whole corpus (102 MB file, 96 MB of text)
//   npx tsx bench/run.ts --engines fahras,lunr   # a subset of engines
//
// Speed at 102 MB runs every engine on 168k paragraphs once each: expect tens of minutes.
import { performance } from 'node:perf_hooks';
import { qualityTable, runQuality } from './quality.js';
import { runReport } from './report.js';
import { runSize, sizeTable } from './size.js';
import { runSpeed, speedTable } from './speed.js';
import { isMain, listFlag, parseArgs, writeJson } from './lib/util.js';

export async function runAll(argv = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv, ['engines']);
  const full = args.flags.has('full');
  const engines = listFlag(args.flags.get('engines'));
  const sizes = full ? [5, 20, 102] : [5, 20];
  const t0 = performance.now();
  const step = async (name: string, fn: () => Promise<void>): Promise<void> => {
    const s = performance.now();
    console.log(`\n=== ${name}`);
    await fn();
    console.log(`=== ${name}: ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };

  await step('quality', async () => {
    const report = await runQuality({ engines: engines ? [...engines] : undefined });
    console.log('\n' + qualityTable(report));
    console.log(`wrote ${writeJson('quality.json', report)}`);
  });
  for (const mb of sizes) {
    await step(`speed ${mb} MB`, async () => {
      const report = await runSpeed(mb, { engines, progress: mb > 20 });
      console.log('\n' + speedTable(report));
      console.log(`wrote ${writeJson(`speed-${mb}.json`, report)}`);
    });
  }
  await step('bundle size', async () => {
    const report = await runSize();
    console.log(sizeTable(report));
    console.log(`wrote ${writeJson('size.json', report)}`);
  });
  await step('report', async () => {
    await runReport();
  });
  console.log(`\nbench done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

if (isMain(import.meta.url)) {
  runAll().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
