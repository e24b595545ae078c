// FlexSearch 0.8 engines.
//
// "flexsearch": `new Index()` with every default (encoder = FlexSearch's default Encoder: Unicode NFKD normalize +
// lower case, split on anything not \p{L}\p{N}; tokenize "strict", resolution 9, no context), searched with
// `{ limit: k, suggest: true }` so that documents matching only some query words are returned (without suggest, a
// multi-word query returns only documents containing every word) — the setup ../shared/eval/README.md calls
// "FlexSearch 0.8 default (suggest)". Documents are added under their position (FlexSearch is fastest with numeric
// ids); the position → id array is part of the serialized index.
//
// "flexsearch+fahras": the same Index and search options with fahras' FlexSearch encoder (the `fahras/flexsearch`
// adapter) as `encoder`. It is reported "not available" until that adapter exists in this checkout.
//
// Serialization: FlexSearch's own `index.export((key, data) => …)` (one JSON string per key) collected with the id
// array into one JSON document; loading runs `index.import(key, data)` for every key, in order.
import { Encoder, Index, type IndexOptions } from 'flexsearch';
import { EngineUnavailable, uniqueTop, type BenchDoc, type Engine, type EngineFactory } from './types.js';

interface Serialized {
  ids: string[];
  parts: [string, string][];
}


class FlexSearchEngine implements Engine {
  readonly pkg = 'flexsearch';
  private index: Index;
  private ids: string[] = [];

  constructor(
    readonly name: string,
    readonly setup: string,
    private readonly makeOptions: () => IndexOptions | undefined,
  ) {
    this.index = this.fresh();
  }

  private fresh(): Index {
    const opts = this.makeOptions();
    return opts === undefined ? new Index() : (new Index(opts) as unknown as Index);
  }

  build(docs: readonly BenchDoc[]): void {
    const index = this.fresh();
    const ids = new Array<string>(docs.length);
    for (let i = 0; i < docs.length; i++) {
      ids[i] = docs[i].id;
      index.add(i, docs[i].text);
    }
    this.index = index;
    this.ids = ids;
  }

  search(query: string, k: number): string[] {
    const hits = this.index.search(query, { limit: k, suggest: true }) as unknown as number[];
    return uniqueTop(
      hits.map((n) => this.ids[n]),
      k,
    );
  }

  serialize(): string {
    const parts: [string, string][] = [];
    // With a synchronous handler FlexSearch 0.8 exports synchronously (it chains only when the handler returns a Promise).
    void this.index.export((key: string, data: string) => {
      parts.push([key, data]);
    });
    const out: Serialized = { ids: this.ids, parts };
    return JSON.stringify(out);
  }

  load(bytes: Uint8Array | string): void {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    const data = JSON.parse(text) as Serialized;
    const index = this.fresh();
    for (const [key, part] of data.parts) index.import(key, part);
    this.index = index;
    this.ids = data.ids;
  }
}

export const flexsearchDefault: EngineFactory = {
  name: 'flexsearch',
  async create() {
    return new FlexSearchEngine(
      'flexsearch',
      'new Index() all defaults (default Encoder, tokenize "strict"); search(q, { limit, suggest: true })',
      () => undefined,
    );
  },
};

/** Where the `fahras/flexsearch` adapter may live: the source subpath first, then the package's own export. */
const ADAPTER_CANDIDATES = ['../../src/flexsearch.js', '../../src/adapters/flexsearch.js', 'fahras/flexsearch'];
/** Export names accepted for the adapter's encoder: a factory function or an options object / Encoder. */
const ADAPTER_EXPORTS = [
  'createFlexSearchEncoder',
  'createEncoder',
  'fahrasEncoder',
  'arabicEncoder',
  'flexsearchEncoder',
  'encoderOptions',
  'encoder',
  'default',
];

type EncoderLike = ConstructorParameters<typeof Encoder>[0] | Encoder;

async function loadFahrasEncoder(): Promise<{ from: string; make: () => EncoderLike }> {
  const reasons: string[] = [];
  for (const spec of ADAPTER_CANDIDATES) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
    } catch (err) {
      const code = (err as { code?: string }).code;
      // A missing module is the expected "not written yet"; anything else (a syntax or runtime error) is reported.
      if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
        reasons.push(`${spec.replace('../../', '')}: ${(err as Error).message.split('\n')[0]}`);
      }
      continue;
    }
    for (const name of ADAPTER_EXPORTS) {
      const v = mod[name];
      if (v === undefined || v === null) continue;
      if (typeof v === 'function') {
        // A class (an Encoder subclass) or a factory returning Encoder options / an Encoder.
        const fn = v as (...a: unknown[]) => EncoderLike;
        const isClass = /^class\b/.test(Function.prototype.toString.call(v));
        return {
          from: `${spec} ${name}`,
          make: isClass ? () => new (v as new () => Encoder)() : () => fn(),
        };
      }
      if (typeof v === 'object') return { from: `${spec} ${name}`, make: () => v as EncoderLike };
    }
    reasons.push(`${spec.replace('../../', '')}: no encoder export (${ADAPTER_EXPORTS.join(', ')})`);
  }
  throw new EngineUnavailable(
    reasons.length > 0
      ? `fahras/flexsearch adapter unusable: ${reasons.join('; ')}`
      : 'no fahras/flexsearch adapter yet (looked for src/flexsearch.ts, src/adapters/flexsearch.ts, fahras/flexsearch)',
  );
}

export const flexsearchFahras: EngineFactory = {
  name: 'flexsearch+fahras',
  async create() {
    const { from, make } = await loadFahrasEncoder();
    const toEncoder = (): Encoder => {
      const e = make();
      return e instanceof Encoder || typeof (e as Encoder).encode === 'function'
        ? (e as Encoder)
        : new Encoder(e as ConstructorParameters<typeof Encoder>[0]);
    };
    return new FlexSearchEngine(
      'flexsearch+fahras',
      `new Index({ encoder: fahras' FlexSearch encoder (${from}) }), tokenize "strict"; search(q, { limit, suggest: true })`,
      () => ({ encoder: toEncoder() }) as IndexOptions,
    );
  },
};
