// fahras itself, through its public API (src/index.ts):
//   createIndex(options?) → index with add({ id, text }), addAll(docs), search(query, { limit }) → results
//   [{ id, paragraph, score, snippet, fields }] best first, serialize(): Uint8Array; loadIndex(bytes) → index.
// Setup: `createIndex()` with its default preset, `addAll(docs)`, `search(query, { limit: k })`. Results are per
// paragraph, so ids are de-duplicated keeping the first (best) paragraph of each document; when that leaves fewer than
// k documents and the engine returned a full page, the search is repeated with a larger limit.
// The module is imported at run time so that the harness runs (reporting "fahras: not available (reason)") while
// src/index.ts is missing or incomplete.
import { EngineUnavailable, uniqueTop, type BenchDoc, type Engine, type EngineFactory } from './types.js';

interface FahrasResult {
  id: string | number;
  paragraph?: number;
  score?: number;
}

interface FahrasIndex {
  add(doc: { id: string; text: string }): unknown;
  addAll?(docs: { id: string; text: string }[]): unknown;
  search(query: string, options?: { limit?: number }): FahrasResult[];
  serialize(): Uint8Array;
}

interface FahrasModule {
  createIndex(options?: unknown): FahrasIndex;
  loadIndex(bytes: Uint8Array): FahrasIndex;
}

/** Kept in a variable so the type checker does not require src/index.ts to exist. */
const FAHRAS_ENTRY = '../../src/index.js';

async function importFahras(): Promise<FahrasModule> {
  let mod: Partial<FahrasModule>;
  try {
    mod = (await import(/* @vite-ignore */ FAHRAS_ENTRY)) as Partial<FahrasModule>;
  } catch (err) {
    throw new EngineUnavailable(`cannot import src/index.ts: ${(err as Error).message.split('\n')[0]}`);
  }
  const missing = (['createIndex', 'loadIndex'] as const).filter((n) => typeof mod[n] !== 'function');
  if (missing.length > 0) throw new EngineUnavailable(`src/index.ts does not export ${missing.join(', ')} yet`);
  return mod as FahrasModule;
}

class FahrasEngine implements Engine {
  readonly name = 'fahras';
  readonly pkg = 'fahras';
  readonly setup =
    'createIndex() default preset; addAll(docs); search(q, { limit: k }) with its defaults (snippets built for every hit), paragraph hits de-duplicated per document';
  private index: FahrasIndex;

  constructor(private readonly mod: FahrasModule) {
    this.index = mod.createIndex();
  }

  build(docs: readonly BenchDoc[]): void {
    const index = this.mod.createIndex();
    const plain = docs as BenchDoc[];
    if (typeof index.addAll === 'function') index.addAll(plain);
    else for (const d of plain) index.add(d);
    this.index = index;
  }

  search(query: string, k: number): string[] {
    let limit = k;
    for (;;) {
      const hits = this.index.search(query, { limit });
      const ids = uniqueTop(
        hits.map((h) => String(h.id)),
        k,
      );
      if (ids.length >= k || hits.length < limit || limit >= k * 64) return ids;
      limit *= 4;
    }
  }

  serialize(): Uint8Array {
    return this.index.serialize();
  }

  load(bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    this.index = this.mod.loadIndex(data);
  }
}

export const fahras: EngineFactory = {
  name: 'fahras',
  storesText: true,
  async create() {
    const mod = await importFahras();
    let engine: FahrasEngine;
    try {
      engine = new FahrasEngine(mod);
    } catch (err) {
      throw new EngineUnavailable(`createIndex() failed: ${(err as Error).message.split('\n')[0]}`);
    }
    return engine;
  },
};
