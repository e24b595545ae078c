// The common interface every benchmarked search library is wrapped in.
//
// An Engine is one configured library. `build` replaces whatever it held with an index of `docs`; `search` returns doc
// ids best first (at most k, no repeats); `serialize` / `load` use the library's own export format, and `load` replaces
// the current index with the loaded one. Methods may return a Promise where the library's API is async (FlexSearch's
// export/import, Orama's insertMultiple); the harness awaits only when a Promise is returned, so a synchronous search is
// timed without an extra microtask.

export type MaybePromise<T> = T | Promise<T>;

export interface BenchDoc {
  id: string;
  text: string;
}

export interface Engine {
  /** Short stable name used in tables and JSON (e.g. "minisearch"). */
  readonly name: string;
  /** One line saying exactly how the library is configured for Arabic in this benchmark. */
  readonly setup: string;
  /** npm package whose version is reported (e.g. "flexsearch"); "fahras" for the project itself. */
  readonly pkg: string;
  build(docs: readonly BenchDoc[]): MaybePromise<void>;
  search(query: string, k: number): MaybePromise<string[]>;
  serialize?(): MaybePromise<Uint8Array | string>;
  load?(bytes: Uint8Array | string): MaybePromise<void>;
}

/** How the harness gets an engine: `create` throws (or rejects) with a reason when the engine can't be used here. */
export interface EngineFactory {
  readonly name: string;
  /**
   * true when the engine keeps the documents' text inside its index (in memory and in its export): fahras (for
   * snippets) and Orama (its documents store). Reported beside heap and index sizes, which include that text.
   */
  readonly storesText?: boolean;
  create(): Promise<Engine>;
}

/** Thrown by a factory when its engine can't run here (missing module, API not written yet, …). */
export class EngineUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'EngineUnavailable';
  }
}

/** UTF-8 byte size of a serialized index. */
export function byteSize(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
}

/** Removes repeated ids (keeping the first) and cuts at k: the metrics' own `topK`. */
export { topK as uniqueTop } from '../lib/metrics.js';

export function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}
