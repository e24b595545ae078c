// The searcher: parsed query → candidate paragraphs scored with BM25 (term-at-a-time into reusable
// accumulators), coordination, phrase and proximity evidence, document fields → top-k → snippets.
import type { TextAnalyzer } from '../analysis/index.js';
import { type DocumentId, type IndexSnapshot, RANKING, type StoredRanking, type TermIndexData } from '../segment/model.js';
import { prefixForms } from '../stem/lucene.js';
import { cliticForms } from '../stem/clitics.js';
import { expandPrefix, findTerm } from '../segment/dictionary.js';
import { type Clause, type ItemReader, type ParsedQuery, parseQuery, type QueryTerm } from './parse.js';
import { forEachPositions, forEachEntry, EntryCursor } from '../segment/postings.js';
import type { skipsFor } from '../segment/skips.js';
import type { TypoExpander } from './typos.js';
import { invalid } from '../errors.js';
import { type ResolvedSearchOptions, resolveSearchOptions } from './search-options.js';
import { type Hit, scanEnd, type Snippet, snippetFromHits } from './snippet.js';
import type { HitSource } from './vector-hits.js';
import type { FieldScorer } from './fields.js';
import { HEAD_FACTOR, MIN_HEAD, PROXIMITY_WINDOW } from './limits.js';

/**
 * What an entry point adds to the searcher: typo tolerance (`fuzzy`), document-field scoring (indexes built with
 * `fields`), matched words from term vectors (indexes built in this process) and block tables (positions read by
 * jumping over blocks of long postings instead of decoding them; results are the same). The main entry passes all
 * that apply; `fahras/search` passes what `loadIndex(bytes, { typos, fields })` was given, and no block tables.
 */
export interface SearcherExtras {
  typos?: TypoExpander;
  fields?: FieldScorer;
  /** @internal */
  hitSource?: HitSource;
  /** @internal */
  skips?: typeof skipsFor;
}

/** Options of `search`. Every field is optional. */
export interface SearchOptions {
  /** Results to return (default 10, at most 1,000). */
  limit?: number;
  /** Results to skip first, for paging (default 0). */
  offset?: number;
  /** `'paragraph'` (default): one result per paragraph; `'document'`: the best paragraph of each document. */
  groupBy?: 'paragraph' | 'document';
  /** Search-as-you-type: the last word, when not followed by a space, matches as a prefix. */
  prefix?: boolean;
  /** Typo tolerance on words of 5+ letters: `true` (1 edit; 2 edits from 9 letters) or a maximum distance. */
  fuzzy?: boolean | number;
  /** Snippet length in characters (default 160). */
  snippetLength?: number;
  /** Build snippets (default true); with `false` each result's snippet is empty and search is faster. */
  snippets?: boolean;
  /** BM25 parameters (defaults k1 = 0.9, b = 0.9). */
  bm25?: { k1?: number; b?: number };
  /** Keep only documents for which this returns true (receives the stored fields and the id). */
  filter?: (fields: Readonly<Record<string, unknown>>, id: DocumentId) => boolean;
  /** Most index terms one prefix or fuzzy word expands to (default 50). */
  maxExpansions?: number;
  /** Characters of the query considered (default 1,000). */
  maxQueryLength?: number;
  /** Query clauses kept (default 32). */
  maxClauses?: number;
  /** Advanced: ranking constants for this query (see {@link RankingParams}). */
  ranking?: Partial<RankingParams>;
}

export type { SuggestOptions } from './suggest.js';

/** A page of results and how many there are in all (see `searchWithTotal`). */
export interface SearchPage<F extends object = Record<string, unknown>> {
  /** The results of the page (`limit` from `offset`). */
  results: SearchResult<F>[];
  /** How many paragraphs match the query (documents with `groupBy: 'document'`), all pages together. */
  total: number;
}

/** One search hit. */
export interface SearchResult<F extends object = Record<string, unknown>> {
  /** The document id given to `add`. */
  id: DocumentId;
  /** Ordinal of the paragraph in its document (0-based). */
  paragraph: number;
  /** `[start, end)` of the paragraph in the document's original text. */
  span: [number, number];
  /** Relevance score (higher is better; comparable within one query). */
  score: number;
  /** The best window of the paragraph, with highlights on the original text. */
  snippet: Snippet;
  /** The document's stored fields (every property given to `add` except `id` and `text`). */
  fields: F;
  /**
   * In an index with scored fields (`fields` of `createIndex`): per field, the `[start, end)` ranges of the query's
   * words in the field's text as stored (`fields.title`, diacritics intact; an array of strings joined by line
   * breaks), ascending; `{}` when no field holds them. Absent in indexes without scored fields.
   */
  fieldHighlights?: Record<string, [number, number][]>;
}

/**
 * Ranking constants (tuned on TyDi QA, XQuAD and the ARCD train split; see bench/eval.ts). Those of
 * {@link StoredRanking} are stored with an index: a search uses the index's unless `ranking` overrides them.
 */
export interface RankingParams extends StoredRanking {
  k1: number;
  b: number;
  /** Exponent of the coordination factor (matched clauses / clauses). */
  coord: number;
  /** Weight of the proximity bonus. */
  proximity: number;
  /** Weight of prefix completions and typo neighbours relative to the exact term. */
  expansionWeight: number;
  /** Weight of the evidence that the unstemmed (surface) form the user typed occurs in the paragraph. */
  surface: number;
}

/**
 * Defaults chosen by bench/tune.ts on the tuning sets (TyDi QA dev, XQuAD, ARCD train split; mean MRR@10):
 * BM25 k1 0.9 / b 0.9, a mild coordination factor (documents matching more words first), surface-form and
 * proximity evidence at 0.3 / 0.25 of a term's weight.
 */
export const DEFAULT_RANKING: RankingParams = { k1: 0.9, b: 0.9, coord: 0.3, proximity: 0.25, expansionWeight: 0.7, surface: 0.3, ...RANKING };

/** @internal */
export interface Alt {
  termId: number;
  weight: number;
}

/** @internal */
export interface PreparedClause {
  clause: Clause;
  /** Alternatives for each word of the clause (a term clause has one word). */
  words: Alt[][];
  /** A term clause's word in the surface index: its surface form, then its exact forms up to the prefixes (`forms`). */
  surfaceAlts: Alt[];
}

const entryCursor = new EntryCursor();

/** Reads one snapshot; holds reusable accumulators sized to its paragraph count. */
export class Searcher {
  readonly snap: IndexSnapshot;
  readonly analyzer: TextAnalyzer;
  /** @internal */
  readonly scores: Float64Array;
  /** @internal */
  readonly masks: Uint32Array;
  private readonly stamp: Uint32Array;
  /** @internal */
  readonly touched: Int32Array;
  /** @internal */
  nTouched = 0;
  private gen = 0;
  private norms: Float64Array | null = null;
  private normsKey = '';
  /** Scratch per paragraph for a word of several index terms (see `addPostings`): zeros between calls. */
  private readonly part: Float64Array;
  private readonly partUnits: Int32Array;
  /** The ranking constants with the index's stored choices. */
  private readonly base: RankingParams;
  /** Typo tolerance, field scoring and term-vector hits, as the entry point supplied them. */
  private readonly extras: SearcherExtras;
  /** The ranking constants of the query being run (set at the start of `search`). */
  private params = DEFAULT_RANKING;

  /**
   * @throws FahrasError `INVALID_ARGUMENT` when the index scores document fields and `extras` has no `fields`.
   */
  constructor(snap: IndexSnapshot, analyzer: TextAnalyzer, extras: SearcherExtras = {}) {
    if (snap.fieldIndexes.length && !extras.fields) invalid('scored fields need loadIndex(bytes, { fields }) from fahras/fields');
    this.snap = snap;
    this.analyzer = analyzer;
    this.extras = extras;
    const n = Math.max(1, snap.paragraphTable.count);
    this.scores = new Float64Array(n);
    this.masks = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.touched = new Int32Array(n);
    this.part = new Float64Array(n);
    this.partUnits = new Int32Array(n);
    this.base = { ...DEFAULT_RANKING, ...snap.indexConfig.ranking };
  }

  /**
   * Parses and runs a query. Never throws on the query string; throws `FahrasError('INVALID_ARGUMENT')` when `fuzzy`
   * is asked of a searcher made without typo tolerance.
   */
  search(query: unknown, options?: SearchOptions): SearchResult[] {
    const opts = this.resolve(options);
    const { limit, offset, fuzzy } = opts;
    this.lastTotal = 0;
    const snap = this.snap;
    // document fields (fields.ts): `title:word` restrictions in the query, the fields' evidence, their highlights
    const fieldPass = this.extras.fields?.(this);
    const parsed = parseSearchQuery(query, this.analyzer, opts, fieldPass?.readItem);
    const paras = snap.paragraphTable;
    const N = paras.liveCount;
    if (N === 0) return [];
    const ranking = (this.params = opts.ranking);
    const text = snap.textIndex;
    // a query's expansions are bounded too: 4 × maxExpansions in all, shared by the words that expand
    let expanding = 0;
    for (const c of [...parsed.must, ...parsed.should, ...parsed.not]) for (const t of c.queryTerms) if (t.prefix || fuzzy) expanding++;
    const maxExp = Math.min(opts.maxExpansions, Math.ceil((4 * opts.maxExpansions) / (expanding || 1)));
    const { k1, b } = ranking;
    const avgdl = paras.totalLength / N || 1;

    const total = parsed.must.length + parsed.should.length;
    if (total === 0) return [];
    const prepared = [...parsed.must, ...parsed.should].map((c) => this.prepareClause(text, c, maxExp, fuzzy));
    const mustMask = (2 ** parsed.must.length - 1) >>> 0;

    // --- accumulate: term at a time, into accumulators reused across queries (a generation stamp clears them) ---
    this.gen = (this.gen + 1) >>> 0;
    if (this.gen === 0) {
      // the generation wrapped around: clear the stamps
      this.stamp.fill(0);
      this.gen = 1;
    }
    this.nTouched = 0;
    const norms = this.normsFor(k1, b, avgdl);
    const minLength = ranking.minLength;
    const sw = ranking.surface;
    const coord = new Float64Array(total + 1);
    for (let m = 0; m <= total; m++) coord[m] = Math.pow(m / total, ranking.coord);
    const want = offset + limit;
    const { scores, masks, touched } = this;
    // a word's alternatives (index terms of `data`, weighted) scaled by `scale`: with `expansions` a paragraph counts
    // only its best one, and none weighs more than its share of the first when the first is the word itself
    const addWord = (data: TermIndexData, alts: Alt[], scale: number, bit: number) => {
      const ws = alts.map((a) => bm25Idf(data.df[a.termId], N) * a.weight * scale * (k1 + 1));
      if (ranking.expansions) {
        if (alts[0]?.weight === 1) for (let i = 1; i < ws.length; i++) ws[i] = Math.min(ws[i], ws[0] * alts[i].weight);
        this.addPostings(data, alts.map((a) => a.termId), ws, bit, norms);
      } else alts.forEach((a, i) => this.addPostings(data, [a.termId], [ws[i]], bit, norms));
    };
    // scoring is exhaustive, so the clauses are summed in query order (no bound ordering: see DESIGN.md, no pruning)
    prepared.forEach((preparedClause, ci) => {
      const bit = 2 ** ci;
      if (preparedClause.clause.kind === 'term') {
        const surface = snap.surfaceIndex;
        // a quoted word: its exact forms alone
        if (preparedClause.clause.queryTerms[0].exact && surface) return addWord(surface, preparedClause.surfaceAlts, 1, bit);
        addWord(text, preparedClause.words[0], 1, bit);
        // the surface form and the exact forms imply the stem: they only add to paragraphs already touched (bit 0)
        if (sw > 0) addWord(surface!, preparedClause.surfaceAlts, sw, 0);
      } else {
        this.scorePhrase(preparedClause, bit, N, k1, norms);
      }
    });
    // --- exclusions: the paragraphs where an excluded word or phrase occurs ---
    const excluded = parsed.not.length ? new Set<number>() : null;
    for (const c of parsed.not) {
      const preparedClause = this.prepareClause(text, c, maxExp, 0);
      if (c.queryTerms[0].exact && snap.surfaceIndex) for (const a of preparedClause.surfaceAlts) forEachEntry(snap.surfaceIndex, a.termId, paras.count, (u) => excluded!.add(u));
      else this.phraseMatches(preparedClause, (u) => excluded!.add(u));
    }
    // --- document fields: a title match lifts the document's matching paragraphs (and its first one) ---
    const fieldHighlights = fieldPass?.addEvidence(prepared, ranking, parsed.not, excluded, maxExp);

    // --- candidates: required clauses, coordination, filter (kept in place at the front of `touched`) ---
    const docs = snap.docs;
    const filter = opts.filter;
    let nCand = 0;
    for (let i = 0; i < this.nTouched; i++) {
      const u = touched[i];
      const m = masks[u];
      if ((m & mustMask) >>> 0 !== mustMask || excluded?.has(u) || (filter && !accepts(filter, docs, paras.doc[u]))) continue;
      // the short-paragraph prior: a paragraph of fewer than minLength words (a byline, a caption) loses √(length / minLength)
      scores[u] *= coord[popcount(m)] * (paras.tokenCount[u] < minLength ? Math.sqrt(paras.tokenCount[u] / minLength) : 1);
      touched[nCand++] = u;
    }
    if (nCand === 0) return [];
    this.lastTotal = opts.byDocument ? new Set(Array.from(touched.subarray(0, nCand), (u) => paras.doc[u])).size : nCand;

    // --- proximity rerank of the head ---
    let ranked = topK(touched, nCand, scores, Math.max(want * HEAD_FACTOR, MIN_HEAD));
    if (ranking.proximity > 0 && total > 1) {
      this.proximityBonus(prepared, ranked, N);
      ranked = topK(ranked, ranked.length, scores, ranked.length);
    }
    if (opts.byDocument) {
      // the best paragraph per document; documents beyond the head come from the full candidate list
      ranked = bestPerDocument(ranked.length >= nCand ? ranked : topK(touched, nCand, scores, nCand), paras.doc, want);
    }
    const page = ranked.slice(offset, want);

    // --- results with snippets ---
    const { snippetLength, snippets: wantSnippets } = opts;
    const ptexts = page.map((u) => (wantSnippets ? docs.texts[paras.doc[u]].slice(paras.textStart[u], paras.textEnd[u]) : ''));
    // the index terms the query matched (every alternative of every positive clause), only when snippets are wanted
    const hits = wantSnippets ? this.pageHits(page, ptexts, new Set(prepared.flatMap((preparedClause) => preparedClause.words.flat().map((a) => a.termId))), snippetLength) : null;
    return page.map((u, i) => {
      const d = paras.doc[u];
      return {
        id: docs.ids[d],
        paragraph: paras.ordinal[u],
        span: [paras.textStart[u], paras.textEnd[u]] as [number, number],
        score: scores[u],
        snippet: hits === null ? { text: '', highlights: [] } : snippetFromHits(ptexts[i], hits[i], snippetLength),
        fields: { ...(docs.stored[d] ?? {}) },
        fieldHighlights: fieldHighlights?.(d),
      };
    });
  }

  /** @internal How many paragraphs (documents, grouped by document) matched the last search, past its page. */
  lastTotal = 0;

  /** @internal Checks `search` options (a pack checks them before reading pieces): `fuzzy` needs typo tolerance. */
  resolve(options: SearchOptions | undefined): ResolvedSearchOptions {
    const opts = resolveSearchOptions(options, this.base);
    if (opts.fuzzy && !this.extras.typos) invalid('fuzzy needs loadIndex(bytes, { typos }) from fahras/typos');
    return opts;
  }

  /** BM25 length normalization `tf + k1·(1 − b + b·len/avgdl)`'s constant part per paragraph, cached per (k1, b). */
  private normsFor(k1: number, b: number, avgdl: number): Float64Array {
    const key = `${k1}/${b}/${avgdl}`;
    if (this.norms && this.normsKey === key) return this.norms;
    const plen = this.snap.paragraphTable.tokenCount;
    const out = new Float64Array(this.scores.length);
    for (let u = 0; u < this.snap.paragraphTable.count; u++) out[u] = k1 * (1 - b + (b * plen[u]) / avgdl);
    this.normsKey = key;
    return (this.norms = out);
  }

  /**
   * The matched words of each page paragraph (`texts[i]` is `page[i]`'s text): from its term vector when it has
   * one (built in this process), otherwise from the positions the postings store for the matched terms, put on
   * the paragraph's token spans (no stemming or word lookups: an index loaded from bytes), up to {@link scanEnd}.
   */
  private pageHits(page: number[], texts: string[], ids: ReadonlySet<number>, length: number): Hit[][] {
    const out = page.map((u) => this.extras.hitSource?.(u, ids, length) ?? null);
    const rest = Int32Array.from(page.filter((_, i) => out[i] === null)).sort();
    // per paragraph of `rest` (ascending): token position → matched term id
    const at = Array.from(rest, () => new Map<number, number>());
    if (rest.length) {
      for (const id of ids) {
        this.positions(id, rest, (k, ps) => {
          for (const p of ps) at[k].set(p, id);
        });
      }
    }
    return out.map((h, i) => {
      if (h !== null) return h;
      const m = at[rest.indexOf(page[i])];
      const found: Hit[] = [];
      if (m.size) {
        let left = m.size;
        this.analyzer.scanSpans(texts[i], (start, end, position) => {
          const id = m.get(position);
          if (id !== undefined) found.push({ start, end, key: id });
          return (id !== undefined && --left === 0) || start > scanEnd(found[0]?.start ?? 0, length);
        });
      }
      return found;
    });
  }

  /** Starts paragraph `u`'s accumulators for the query's generation (once per query). @internal */
  touch(u: number): void {
    if (this.stamp[u] !== this.gen) {
      this.stamp[u] = this.gen;
      this.scores[u] = 0;
      this.masks[u] = 0;
      this.touched[this.nTouched++] = u;
    }
  }

  /**
   * Adds the BM25 contributions `ws[i]·tf / (tf + norm)` of index terms `ids` of `data`, walking their unit entries in
   * place (no callback per posting). Several terms are alternatives of one word: a paragraph gets the best of their
   * contributions, so one counts. The others are walked first, their best kept in `part`; the first term, usually
   * the longest list, is walked last and reads `part` as it adds. With `bit` 0 (surface forms) it only adds to
   * paragraphs already touched.
   */
  private addPostings(data: TermIndexData, ids: number[], ws: number[], bit: number, norms: Float64Array): void {
    const { scores, masks, stamp, touched, gen, part, partUnits } = this;
    const alive = this.snap.paragraphTable.alive;
    let n = this.nTouched;
    let m = 0;
    const several = ids.length > 1;
    for (let i = ids.length - 1; i >= 0; i--) {
      const cur = entryCursor.reset(data, ids[i], this.snap.paragraphTable.count);
      const w = ws[i];
      while (cur.next()) {
        const u = cur.paragraphNumber;
        const tf = cur.tf;
        if (stamp[u] !== gen) {
          if (bit === 0 || !alive[u]) continue;
          stamp[u] = gen;
          scores[u] = 0;
          masks[u] = 0;
          touched[n++] = u;
        }
        let v = (w * tf) / (tf + norms[u]);
        masks[u] |= bit;
        // part[] is all zeros between calls: a unit's first entry lists it
        if (i) {
          if (part[u] === 0) partUnits[m++] = u;
          if (v > part[u]) part[u] = v;
        } else {
          if (several && part[u] !== 0) {
            if (part[u] > v) v = part[u];
            part[u] = 0;
          }
          scores[u] += v;
        }
      }
    }
    this.nTouched = n;
    // the paragraphs only the other terms reached
    for (let k = 0; k < m; k++) {
      const u = partUnits[k];
      scores[u] += part[u];
      part[u] = 0;
    }
  }

  /** Finds the index terms a clause stands for: the exact term, prefix completions, typo neighbours. */
  private prepareClause(data: TermIndexData, clause: Clause, maxExp: number, fuzzy: number): PreparedClause {
    const w = this.params.expansionWeight;
    const words = clause.queryTerms.map((qt) => {
      const [alts, push] = alternatives(data);
      // a word restricted to a field (`title:word`) has no text terms: fields.ts scores it
      if (qt.field) return alts;
      const [term, ...clitics] = wordTerms(qt, this.params.clitics);
      const exact = findTerm(data, term);
      push(exact, 1);
      // single-letter clitic forms the corpus confirms: the one with the clitic is the rarer (see stem/clitics.ts)
      const df = data.df[exact] ?? 0;
      for (const f of clitics) {
        const id = findTerm(data, f);
        if (id >= 0 && (f.length < term.length ? data.df[id] > df : data.df[id] < df)) push(id, this.params.clitics);
      }
      if (qt.prefix) {
        for (const id of expandPrefix(data, qt.term, maxExp)) push(id, id === exact ? 1 : w);
        if (qt.surface !== qt.term) for (const id of expandPrefix(data, qt.surface, maxExp)) push(id, w);
      } else if (fuzzy > 0 && clause.kind === 'term' && !(df && this.params.expansions)) {
        // a word the dictionary knows is not a typo (with `expansions`)
        for (const id of this.extras.typos!(data.termsById, data.df, qt, fuzzy, maxExp)) push(id, w);
      }
      return alts;
    });
    // a term clause's word in the surface index: its surface form, then its other exact forms (up to the prefixes)
    const qt = clause.queryTerms[0];
    const surface = this.snap.surfaceIndex;
    const [forms, push] = alternatives(surface);
    if (surface && !qt.field) surfaceFormsOf(clause, this.params.forms).forEach((f, i) => push(findTerm(surface, f), i && !qt.exact ? this.params.forms : 1));
    return { clause, words, surfaceAlts: forms };
  }

  /** Phrase clauses: BM25 of the phrase's frequency in each paragraph where its words stand at their offsets. */
  private scorePhrase(preparedClause: PreparedClause, bit: number, N: number, k1: number, norms: Float64Array): void {
    const { scores, masks } = this;
    let idf = 0;
    for (const alts of preparedClause.words) idf += bm25Idf(Math.max(...alts.map((a) => this.snap.textIndex.df[a.termId])), N);
    this.phraseMatches(preparedClause, (u, freq) => {
      this.touch(u);
      scores[u] += (idf * freq * (k1 + 1)) / (freq + norms[u]);
      masks[u] |= bit;
    });
  }

  /**
   * Calls `visit(u, freq)` for each live paragraph where the clause's words stand at their query offsets, `freq`
   * times (a term clause is a phrase of one word: every paragraph containing it, with its term frequency).
   */
  private phraseMatches(preparedClause: PreparedClause, visit: (u: number, freq: number) => void): void {
    const paras = this.snap.paragraphTable;
    if (preparedClause.words.length === 1) {
      // one word (an excluded one): its paragraphs, without positions
      for (const a of preparedClause.words[0]) forEachEntry(this.snap.textIndex, a.termId, paras.count, (u, tf) => paras.alive[u] && visit(u, tf));
      return;
    }
    // a word repeated in the phrase is read once: its positions by its alternatives' ids
    const byIds = new Map<string, (number[] | undefined)[]>();
    const ids = (alts: Alt[]) => alts.map((a) => a.termId).join();
    // candidate units: those containing every word (any alternative)
    let cands: Set<number> | null = null;
    for (const alts of preparedClause.words) {
      if (byIds.has(ids(alts))) continue;
      byIds.set(ids(alts), []);
      const s = new Set<number>();
      for (const a of alts) {
        forEachEntry(this.snap.textIndex, a.termId, paras.count, (u) => {
          if (paras.alive[u] && (cands === null || cands.has(u))) s.add(u);
        });
      }
      cands = s;
      if (s.size === 0) return;
    }
    const units = Int32Array.from(cands as Set<number>).sort();
    byIds.clear();
    const pos = preparedClause.words.map((alts) => byIds.get(ids(alts)) ?? byIds.set(ids(alts), this.positionsIn(alts, units)).get(ids(alts))!);
    const offsets = preparedClause.clause.queryTerms.map((t) => t.position - preparedClause.clause.queryTerms[0].position);
    units.forEach((u, k) => {
      const freq = phraseFrequency(pos.map((p) => p[k] ?? []), offsets);
      if (freq > 0) visit(u, freq);
    });
  }

  /**
   * The positions of any of `alts` in each of `units` (ascending unit ids), read through the block tables:
   * `out[k]` holds those in `units[k]`, ascending (undefined where none of them occurs).
   */
  private positionsIn(alts: Alt[], units: Int32Array): (number[] | undefined)[] {
    const out: (number[] | undefined)[] = new Array(units.length);
    for (const a of alts) this.positions(a.termId, units, (k, ps) => (out[k] = out[k]?.concat(ps).sort((x, y) => x - y) ?? ps));
    return out;
  }

  /** `forEachPositions` of text term `t` over `units` (ascending), through its block table. */
  private positions(t: number, units: Int32Array, visit: (k: number, positions: number[]) => void): void {
    const text = this.snap.textIndex;
    const count = this.snap.paragraphTable.count;
    forEachPositions(text, t, count, this.extras.skips?.(text, t, count, text.df[t]) ?? null, units, visit);
  }

  /** Adds a bonus for query words that stand close together in the paragraph (to the head, `ranked`). */
  private proximityBonus(prepared: PreparedClause[], ranked: number[], N: number): void {
    const units = Int32Array.from(ranked).sort();
    // positions per term clause, per unit of `units`
    const lists: (number[] | undefined)[][] = [];
    const weights: number[] = [];
    for (const preparedClause of prepared) {
      if (preparedClause.clause.kind !== 'term') continue;
      lists.push(this.positionsIn(preparedClause.words[0], units));
      // the word's weight: the idf of its rarest alternative
      weights.push(Math.max(0, ...preparedClause.words[0].map((a) => bm25Idf(this.snap.textIndex.df[a.termId], N))));
    }
    if (lists.length < 2) return;
    const lambda = this.params.proximity;
    for (let k = 0; k < units.length; k++) {
      let bonus = 0;
      for (let i = 0; i < lists.length; i++) {
        const a = lists[i][k];
        if (!a) continue;
        for (let j = i + 1; j < lists.length; j++) {
          const c = lists[j][k];
          if (!c) continue;
          const dist = minDistance(a, c);
          if (dist > 0 && dist <= PROXIMITY_WINDOW) bonus += Math.min(weights[i], weights[j]) / dist;
        }
      }
      this.scores[units[k]] += lambda * bonus;
    }
  }
}

/** @internal The query as `search` parses it (a pack reads the dictionary its words need before searching). */
export function parseSearchQuery(query: unknown, analyzer: TextAnalyzer, opts: ResolvedSearchOptions, readItem?: ItemReader): ParsedQuery {
  if (typeof query !== 'string') invalid('search: the query must be a string');
  return parseQuery(query, analyzer, opts, readItem);
}

/**
 * How often the words of a phrase stand at their `offsets` from the first: `lists[i]` holds word i's positions,
 * ascending. One pointer per word walks its list once (a linear merge; a repeated word made `includes` quadratic).
 * Exported for its tests only.
 */
export function phraseFrequency(lists: number[][], offsets: number[]): number {
  const at = new Int32Array(lists.length);
  let freq = 0;
  for (const p0 of lists[0]) {
    let ok = true;
    for (let i = 1; i < lists.length && ok; i++) {
      const ps = lists[i];
      while (ps[at[i]] < p0 + offsets[i]) at[i]++;
      ok = ps[at[i]] === p0 + offsets[i];
    }
    if (ok) freq++;
  }
  return freq;
}

/** The least distance between a position of `a` and one of `b` (both ascending): a linear merge. Exported for its tests only. */
export function minDistance(a: number[], b: number[]): number {
  let best = Infinity;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const d = a[i] - b[j];
    best = Math.min(best, Math.abs(d));
    if (d < 0) i++;
    else j++;
  }
  return best;
}

/** Whether the user's filter keeps document `d` (a filter that throws drops it). */
function accepts(filter: NonNullable<SearchOptions['filter']>, docs: IndexSnapshot['docs'], d: number): boolean {
  try {
    return filter(docs.stored[d] ?? {}, docs.ids[d]) === true;
  } catch {
    return false;
  }
}

/**
 * The surface forms a clause looks up in the surface index (the searcher, and a pack reading what a query needs): a
 * term clause's surface form, then, when quoted or with `forms`, its other exact forms (up to the prefixes).
 */
export function surfaceFormsOf(clause: Clause, forms: number): string[] {
  const qt = clause.queryTerms[0];
  return clause.kind !== 'term' || qt.prefix ? [] : qt.exact || forms ? [qt.surface, ...prefixForms(qt.surface)] : [qt.surface];
}

/**
 * The index terms a query word looks up by name (the searcher, and a pack reading what a query needs): its term, then,
 * with `clitics`, its single-letter clitic forms (not for a prefix or a quoted word).
 */
export function wordTerms(qt: QueryTerm, clitics: number): string[] {
  return clitics && !qt.prefix && !qt.exact ? [qt.term, ...cliticForms(qt.term)] : [qt.term];
}

/** An empty list of a word's index terms in `data`, and how to add one: each term once, only terms in use. */
function alternatives(data: TermIndexData | null): [Alt[], (id: number, weight: number) => void] {
  const alts: Alt[] = [];
  return [alts, (id, weight) => id >= 0 && data!.df[id] > 0 && !alts.some((a) => a.termId === id) && alts.push({ termId: id, weight })];
}

/** BM25 idf (the Lucene form, never negative). */
export function bm25Idf(df: number, N: number): number {
  return Math.log(1 + (N - df + 0.5) / (df + 0.5));
}

/** The number of bits set in `x` (matched clauses), branch-free: a loop per set bit was 5% slower per query. */
function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The `k` best of the first `n` units of `units`, best first: by score, ties to the lower unit (earlier documents).
 * A min-heap in a typed array keeps the k best so far, the worst at its root; it is emptied worst first into the
 * back of the result, so no comparator is called through `Array.prototype.sort`. Exported for its tests only.
 */
export function topK(units: ArrayLike<number>, n: number, scores: Float64Array, k: number): number[] {
  const heap = new Int32Array(Math.min(k, n));
  let size = 0;
  // u ranks below v: a lower score, or the same score and a later unit
  const below = (u: number, v: number) => scores[u] < scores[v] || (scores[u] === scores[v] && u > v);
  const siftDown = (u: number, end: number) => {
    let j = 0;
    for (let c = 1; c < end; c = 2 * j + 1) {
      if (c + 1 < end && below(heap[c + 1], heap[c])) c++;
      if (!below(heap[c], u)) break;
      heap[j] = heap[c];
      j = c;
    }
    heap[j] = u;
  };
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (size < heap.length) {
      let j = size++;
      for (let p = (j - 1) >> 1; j > 0 && below(u, heap[p]); p = (j - 1) >> 1) {
        heap[j] = heap[p];
        j = p;
      }
      heap[j] = u;
    } else if (scores[heap[0]] < scores[u] || (scores[heap[0]] === scores[u] && heap[0] > u)) siftDown(u, size); // below(heap[0], u), inline: the hot loop
  }
  const out = new Array<number>(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = heap[0];
    siftDown(heap[end], end);
  }
  return out;
}

function bestPerDocument(ranked: number[], docOf: Uint32Array, k: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const u of ranked) {
    const d = docOf[u];
    if (seen.has(d)) continue;
    seen.add(d);
    out.push(u);
    if (out.length >= k) break;
  }
  return out;
}
