// Two arms of one tree measured against each other in one process (an option on and off): the run's inputs and the
// builds taking turns. bench/fold-ab.ts (clitic folding), bench/derivation.ts (the derivations opt-in).
import { type CorpusSlice, readCorpusSlice } from './data.js';
import { sampleSpeedQueries } from './queries.js';
import { median, type ParsedArgs, parseArgs } from './util.js';

/** The inputs of an arms run `SCRIPT [MB=20] [--rounds 4] [--runs 3] [--queries 500]`: the slice and its speed queries. */
export async function armsRunInputs(argv: readonly string[]): Promise<{ args: ParsedArgs; mb: number; rounds: number; runs: number; slice: CorpusSlice; queries: string[] }> {
  const args = parseArgs(argv, ['rounds', 'runs', 'queries']);
  const mb = Number(args.positional[0] ?? 20);
  const slice = await readCorpusSlice(mb);
  const queries = sampleSpeedQueries(slice.docs, Number(args.flags.get('queries') ?? 500));
  return { args, mb, rounds: Number(args.flags.get('rounds') ?? 4), runs: Number(args.flags.get('runs') ?? 3), slice, queries };
}

/** Something that builds an index of the documents it is given (an arm of an A/B build). */
export interface BuildArm<T> {
  build(): T;
  /** The index's term count (frozen on the first call). */
  terms(index: T): number;
  serialize(index: T): Uint8Array;
}

/** A fahras index as it comes from a tree's `createIndex` (this tree's or a reference's). */
interface AnyIndex {
  addAll(docs: Iterable<{ id: string | number; text: string }>): void;
  stats(): { terms: number };
  serialize(): Uint8Array;
}

/** The arm that builds `createIndex(options)` of `docs`. */
export function indexArm<O, T extends AnyIndex>(createIndex: (options: O) => T, options: O, docs: readonly { id: string | number; text: string }[]): BuildArm<T> {
  return {
    build: () => {
      const index = createIndex(options);
      index.addAll(docs);
      return index;
    },
    terms: (index) => index.stats().terms,
    serialize: (index) => index.serialize(),
  };
}

/**
 * Builds each arm `rounds` times, taking turns (the order flips every round) after a collection when `global.gc` is
 * exposed, and prints the build CPU medians of the two arms, their median ratio (second / first arm), index bytes and terms. Returns
 * each arm's last index and its bytes.
 */
export function buildTakingTurns<T>(arms: readonly BuildArm<T>[], rounds: number, label: string): { built: T[]; bytes: Uint8Array[] } {
  const gc = (globalThis as { gc?: () => void }).gc;
  const buildMs: number[][] = [[], []];
  const built: T[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const a of r % 2 ? [1, 0] : [0, 1]) {
      gc?.();
      const t0 = process.cpuUsage();
      const index = arms[a].build();
      arms[a].terms(index); // freezes
      const used = process.cpuUsage(t0);
      buildMs[a].push((used.user + used.system) / 1000);
      built[a] = index;
    }
  }
  const ratios = buildMs[1].map((v, i) => v / buildMs[0][i]);
  console.log(`${label}, ${rounds} rounds: build CPU median off ${median(buildMs[0]).toFixed(0)} ms, on ${median(buildMs[1]).toFixed(0)} ms; median ratio on/off ${median(ratios).toFixed(3)}`);
  const bytes = built.map((b, a) => arms[a].serialize(b));
  console.log(`index bytes: off ${bytes[0].length}, on ${bytes[1].length} (${((bytes[1].length / bytes[0].length - 1) * 100).toFixed(1)}%); terms off ${arms[0].terms(built[0])}, on ${arms[1].terms(built[1])}`);
  return { built, bytes };
}
