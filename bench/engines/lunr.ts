// lunr 2.3.9 with lunr-languages' Arabic support.
//
// Setup (the way lunr-languages documents it): `require('lunr-languages/lunr.stemmer.support')(lunr)`,
// `require('lunr-languages/lunr.ar')(lunr)`, then in the builder `this.use(lunr.ar)`, ref "id", one field "text".
// lunr.ar replaces the English pipeline with trimmer-ar (trims characters outside U+0621–U+065B, U+0671, U+0640 at
// word ends), stopWordFilter-ar (lunr-languages' Arabic stop list) and stemmer-ar (a light stemmer: removes tatweel and
// harakat, folds alef forms and ؤ/ئ, strips 2–4 letter prefixes, suffixes and final ة, then matches a root pattern);
// the search pipeline is stemmer-ar. Tokenizer: lunr's default (split on whitespace and hyphens).
// Search: `index.search(query)` — every term optional (OR), lunr's BM25 scoring. The cleaned query contains none of
// lunr's query-syntax characters, so it is read as plain words.
// Serialization: `JSON.stringify(index)` and `lunr.Index.load(JSON.parse(json))` (lunr.ar must be registered first).
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrAr from 'lunr-languages/lunr.ar.js';
import type { BenchDoc, Engine, EngineFactory } from './types.js';

let registered = false;
function arabicPlugin(): lunr.Builder.Plugin {
  if (!registered) {
    stemmerSupport(lunr);
    lunrAr(lunr);
    registered = true;
  }
  return (lunr as unknown as { ar: lunr.Builder.Plugin }).ar;
}

class LunrEngine implements Engine {
  readonly name = 'lunr';
  readonly pkg = 'lunr';
  readonly setup =
    'lunr.stemmer.support + lunr.ar plugin (trimmer-ar, stopWordFilter-ar, stemmer-ar; query pipeline stemmer-ar); ref "id", field "text"; index.search(q) (OR, BM25)';
  private index: lunr.Index | undefined;
  private readonly plugin = arabicPlugin();

  build(docs: readonly BenchDoc[]): void {
    const plugin = this.plugin;
    this.index = lunr(function () {
      this.use(plugin);
      this.ref('id');
      this.field('text');
      for (const d of docs) this.add(d);
    });
  }

  search(query: string, k: number): string[] {
    if (!this.index || query.trim() === '') return [];
    let hits: lunr.Index.Result[];
    try {
      hits = this.index.search(query);
    } catch {
      return []; // a lunr.QueryParseError; cleaned queries never raise one
    }
    const out: string[] = [];
    for (let i = 0; i < hits.length && out.length < k; i++) out.push(hits[i].ref);
    return out;
  }

  serialize(): string {
    return JSON.stringify(this.index);
  }

  load(bytes: Uint8Array | string): void {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    this.index = lunr.Index.load(JSON.parse(text) as object);
  }
}

export const lunrEngine: EngineFactory = {
  name: 'lunr',
  async create() {
    return new LunrEngine();
  },
};
