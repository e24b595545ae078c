// MiniSearch 7 with the Arabic normalization it lacks out of the box.
//
// MiniSearch has no Arabic analysis. Its default tokenizer (split on \p{Z}, \p{P} and newlines) already keeps Arabic
// words whole, marks included, so the setup only adds a `processTerm` doing the usual Arabic orthographic normalization
// (the same folds as Lucene's ArabicNormalizationFilter, plus alef wasla and the Qur'anic marks):
//   lower case (Latin) → remove tatweel U+0640 and the marks U+064B–U+065F, U+0670, U+06D6–U+06ED →
//   أ إ آ ٱ → ا, ى → ي, ة → ه.
// No stemming and no stop words (MiniSearch ships neither for Arabic, and writing one would be benchmarking our own
// analyzer). Search: MiniSearch's defaults (BM25+, combineWith "OR", no prefix, no fuzzy).
// Compared on tydiqa / xquad / arcd-train MRR@10 (the harness's quality script, same cleaned queries):
//   defaults 0.762 / 0.837 / 0.607 · fold 0.787 / 0.841 / 0.679 · fold + prefix 0.759 / 0.815 / 0.646 ·
//   fold + fuzzy 0.2 0.791 / 0.875 / 0.681 · fold + prefix + fuzzy 0.2 0.767 / 0.857 / 0.633.
// fold + fuzzy 0.2 scores a little higher but makes every query ~3× slower (p50 20.5 ms vs 6.7 ms on the 5 MB slice),
// and fuzzy matching is an opt-in typo tolerance in every engine here (fahras included), so the benchmark keeps it off
// for all: fold, no fuzzy.
//
// "minisearch-default" (a reference engine, quality only): `new MiniSearch({ fields: ['text'] })` with every default —
// the setup ../shared/eval/README.md measured; it is there to check this harness against the published numbers.
// Serialization: `JSON.stringify(miniSearch)` and `MiniSearch.loadJSON(json, sameOptions)`.
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { BenchDoc, Engine, EngineFactory } from './types.js';

const MARKS = /[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const ALEFS = /[\u0622\u0623\u0625\u0671]/g;

/** The term normalization given to MiniSearch (documents and queries alike). */
export function arabicFold(term: string): string | null {
  const t = term
    .toLowerCase()
    .replace(MARKS, '')
    .replace(ALEFS, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647');
  return t === '' ? null : t;
}

export const MINISEARCH_SEARCH_OPTIONS: SearchOptions = {};

function arabicOptions(): Options<BenchDoc> {
  return {
    fields: ['text'],
    idField: 'id',
    processTerm: (term) => arabicFold(term),
    searchOptions: MINISEARCH_SEARCH_OPTIONS,
  };
}

function defaultOptions(): Options<BenchDoc> {
  return { fields: ['text'], idField: 'id' };
}

class MiniSearchEngine implements Engine {
  readonly pkg = 'minisearch';
  private ms: MiniSearch<BenchDoc>;

  constructor(
    readonly name: string,
    readonly setup: string,
    private readonly options: () => Options<BenchDoc>,
  ) {
    this.ms = new MiniSearch<BenchDoc>(options());
  }

  build(docs: readonly BenchDoc[]): void {
    const ms = new MiniSearch<BenchDoc>(this.options());
    ms.addAll(docs as BenchDoc[]);
    this.ms = ms;
  }

  search(query: string, k: number): string[] {
    const hits = this.ms.search(query);
    const out: string[] = [];
    for (let i = 0; i < hits.length && out.length < k; i++) out.push(String(hits[i].id));
    return out;
  }

  serialize(): string {
    return JSON.stringify(this.ms);
  }

  load(bytes: Uint8Array | string): void {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    this.ms = MiniSearch.loadJSON<BenchDoc>(text, this.options());
  }
}

export const minisearch: EngineFactory = {
  name: 'minisearch',
  async create() {
    return new MiniSearchEngine(
      'minisearch',
      'fields ["text"], default tokenizer, processTerm = lower case + strip tatweel/harakat + fold أإآٱ→ا ى→ي ة→ه; search defaults (BM25+, OR, no prefix/fuzzy)',
      arabicOptions,
    );
  },
};

export const minisearchDefault: EngineFactory = {
  name: 'minisearch-default',
  async create() {
    return new MiniSearchEngine('minisearch-default', 'new MiniSearch({ fields: ["text"] }) all defaults (reference: the published setup)', defaultOptions);
  },
};
