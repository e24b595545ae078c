// The searcher, in three steps that flow one way: plan (a parsed query's clauses → the index terms they stand for,
// found in the dictionary alone: what a pack reads the postings of), rank (candidate paragraphs scored with BM25,
// term at a time into reusable accumulators, from postings cursors the segment hands out; coordination, phrase and
// proximity evidence, document fields → top-k → the page) and present (the page's documents → results with snippets).
import type { TextAnalyzer } from '../analysis/index.js';
import type { DocumentId, IndexConfig, IndexSnapshot, StoredRanking, TermIndexData } from '../segment/model.js';
import { prefixForms } from '../stem/lucene.js';
import { cliticRemainder } from '../stem/clitics.js';
import { expandPrefix, findTerm } from '../segment/dictionary.js';
import { type Clause, type ItemReader, type ParsedQuery, parseQuery, type QueryTerm } from './parse.js';
import { EntryCursor, PositionsCursor } from '../segment/postings.js';
import type { TypoExpander } from './typos.js';
import { invalid } from '../errors.js';
import { type ResolvedSearchOptions, resolveSearchOptions } from './search-options.js';
import { type Hit, scanEnd, type Snippet, snippetFromHits } from './snippet.js';
import type { FieldHighlighter, FieldPass, FieldScorer } from './fields.js';
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
  /** @internal The positions cursor (the main entry's jumps over blocks with block tables). */
  positions?: PositionsCursor;
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
  /** Exponent of the coordination factor (matched clauses / clauses); 1 for a keyword query (`keywordProximity`). */
  coord: number;
  /** Weight of the proximity bonus; a keyword query's is `keywordProximity` when that is not 0. */
  proximity: number;
  /** Weight of prefix completions and typo neighbours relative to the exact term. */
  expansionWeight: number;
  /** Weight of the evidence that the unstemmed (surface) form the user typed occurs in the paragraph; 1 for a keyword query. */
  surface: number;
}

/**
 * Defaults chosen by bench/tune.ts on the tuning sets (TyDi QA dev, XQuAD, ARCD train split; mean MRR@10):
 * BM25 k1 0.9 / b 0.9, a mild coordination factor (documents matching more words first), surface-form and
 * proximity evidence at 0.3 / 0.25 of a term's weight. The stored choices ({@link StoredRanking}) come from the index.
 */
export const DEFAULT_RANKING: Omit<RankingParams, keyof StoredRanking> = { k1: 0.9, b: 0.9, coord: 0.3, proximity: 0.25, expansionWeight: 0.7, surface: 0.3 };

/** BM25's length normalization constants of a ranking: a paragraph's is k1·(1 − b + b·length/avgdl). */
interface LengthNorm {
  k1: number;
  b: number;
  avgdl: number;
}

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

/**
 * A query ready to rank: its clauses with the index terms each word stands for, as ids in the term indexes
 * `textIndex` and `surfaceIndex` (a pack's hold the postings of those terms only). Made by {@link Searcher.plan}.
 * @internal
 */
export interface QueryPlan {
  textIndex: TermIndexData;
  surfaceIndex: TermIndexData | null;
  /** The required clauses, then the optional ones: clause i is bit 2^i of a paragraph's mask. */
  clauses: PreparedClause[];
  /** The bits of the required clauses. */
  requiredMask: number;
  /** The excluded clauses (never typo-expanded). */
  excluded: PreparedClause[];
  /**
   * The ranking constants of the query: the search's for a question (a query holding a question word, see
   * {@link ParsedQuery}), the keyword ranking for any other query when the index has one (`keywordProximity`).
   */
  params: RankingParams;
  /** The fields opt-in's pass over the query (indexes with fields), and the highlighter of its fields it gives. */
  fieldPass?: FieldPass;
  highlightFields?: FieldHighlighter;
}

/** What ranking hands to presenting: the page's paragraph numbers, best first, with their scores. @internal */
export interface RankedPage {
  shown: number[];
  scores: number[];
}

const entryCursor = new EntryCursor();
const positionsCursor = new PositionsCursor();

/**
 * Reads one snapshot in steps that flow one way: planning (a parsed query → the index terms of its clauses), ranking
 * (the plan → the scored paragraphs of the page asked for, pulled from postings cursors) and presenting (those
 * paragraphs → results with stored fields, snippets and highlights). Its accumulators, sized to the paragraph count,
 * serve one ranking at a time.
 */
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
  /**
   * Scratch per paragraph for a word of several index terms (see `addPostings`): zeros between calls. Made when a
   * word first has several (12 bytes a paragraph: a pack of 168,541 paragraphs searched for plain words never needs it).
   */
  private part: Float64Array | null = null;
  private partParagraphs!: Int32Array;
  /** The ranking constants with the index's stored choices. */
  private readonly base: RankingParams;
  /** @internal Typo tolerance, field scoring and term-vector hits, as the entry point supplied them. */
  readonly extras: SearcherExtras;

  /**
   * @throws FahrasError `INVALID_ARGUMENT` when the index scores document fields and `extras` has no `fields`.
   */
  constructor(snap: IndexSnapshot, analyzer: TextAnalyzer, extras: SearcherExtras = {}) {
    if (snap.fieldIndexes.length && !extras.fields) invalid('scored fields need { fields } from fahras/fields');
    this.snap = snap;
    this.analyzer = analyzer;
    this.extras = extras;
    const n = Math.max(1, snap.paragraphTable.count);
    this.scores = new Float64Array(n);
    this.masks = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.touched = new Int32Array(n);
    this.base = { ...DEFAULT_RANKING, ...snap.indexConfig.ranking };
  }

  /** @internal How many paragraphs (documents, grouped by document) matched the last ranking, past its page. */
  lastTotal = 0;

  /** @internal Checks `search` options (a pack checks them before reading pieces): `fuzzy` needs typo tolerance. */
  resolve(options: SearchOptions | undefined): ResolvedSearchOptions {
    const opts = resolveSearchOptions(options, this.base);
    if (opts.fuzzy && !this.extras.typos) invalid('fuzzy needs { typos } from fahras/typos');
    opts.questions = this.snap.indexConfig.questions;
    return opts;
  }

  /**
   * @internal Finds the index terms of every clause in `textIndex` and `surfaceIndex` (their dictionaries; postings are not
   * read): the plan that ranking follows and that tells a pack which postings to read ({@link planTerms}).
   */
  plan(parsed: ParsedQuery, opts: ResolvedSearchOptions, textIndex: TermIndexData, surfaceIndex: TermIndexData | null): QueryPlan {
    const fuzzy = opts.fuzzy;
    // a query's expansions are bounded too: 4 × maxExpansions in all, shared by the words that expand
    let expanding = 0;
    for (const clause of [...parsed.must, ...parsed.should, ...parsed.not]) for (const queryTerm of clause.queryTerms) if (queryTerm.prefix || fuzzy) expanding++;
    const maxExpansions = Math.min(opts.maxExpansions, Math.ceil((4 * opts.maxExpansions) / (expanding || 1)));
    const ranking = opts.ranking;
    // the query's shape: a question keeps the search's ranking; any other query (keywords, a phrase), whose words a
    // relevant paragraph holds together, gets the keyword ranking: proximity `keywordProximity`, coordination, surface
    // weight and idf exponent 1
    const params = parsed.question || !ranking.keywordProximity ? ranking : { ...ranking, proximity: ranking.keywordProximity, coord: 1, surface: 1, idfExponent: 1 };
    const plan: QueryPlan = { textIndex, surfaceIndex, clauses: [], requiredMask: (2 ** parsed.must.length - 1) >>> 0, excluded: [], params };
    plan.clauses = [...parsed.must, ...parsed.should].map((clause) => this.prepareClause(plan, clause, maxExpansions, fuzzy));
    plan.excluded = parsed.not.map((clause) => this.prepareClause(plan, clause, maxExpansions, 0));
    return plan;
  }

  /**
   * @internal Ranking, first step: scores every paragraph the plan's clauses reach into the accumulators and returns
   * the candidates (required clauses met, nothing excluded), each scored but for the proximity bonus. The array is
   * the accumulators' own, valid until this searcher scores again.
   */
  scoreCandidates(plan: QueryPlan): Int32Array {
    const snap = this.snap;
    const paras = snap.paragraphTable;
    const N = paras.liveCount;
    // (an empty index, or a query of exclusions only, touches no paragraph)
    const total = plan.clauses.length;
    const { textIndex: text, surfaceIndex: surface, params: ranking } = plan;
    const { k1, b } = ranking;
    const avgdl = paras.totalLength / N || 1;

    // --- accumulate: term at a time, into accumulators reused across queries (a generation stamp clears them) ---
    this.gen = (this.gen + 1) >>> 0;
    if (this.gen === 0) {
      // the generation wrapped around: clear the stamps
      this.stamp.fill(0);
      this.gen = 1;
    }
    this.nTouched = 0;
    // BM25's length normalization, k1·(1 − b + b·length/avgdl), is computed per posting read: a table over every
    // paragraph cost a pack O(paragraphs) on each query that read new postings (bench/NOTES.md, coldpath)
    const norms: LengthNorm = { k1, b, avgdl };
    const minLength = ranking.minLength;
    const surfaceWeight = ranking.surface;
    const coord = new Float64Array(total + 1);
    for (let matched = 0; matched <= total; matched++) coord[matched] = (matched / total) ** ranking.coord;
    const { scores, masks, touched } = this;
    // a word's alternatives (index terms of `data`, weighted) scaled by `scale`: with `expansions` a paragraph counts
    // only its best one, and none weighs more than its share of the first when the first is the word itself
    const addWord = (data: TermIndexData, alts: Alt[], scale: number, bit: number) => {
      const weights = alts.map((alt) => bm25Idf(data.df[alt.termId], N) ** ranking.idfExponent * alt.weight * scale * (k1 + 1));
      if (ranking.expansions) {
        if (alts[0]?.weight === 1) for (let i = 1; i < weights.length; i++) weights[i] = Math.min(weights[i], weights[0] * alts[i].weight);
        this.addPostings(data, alts.map((alt) => alt.termId), weights, bit, norms);
      } else alts.forEach((alt, i) => this.addPostings(data, [alt.termId], [weights[i]], bit, norms));
    };
    // scoring is exhaustive, so the clauses are summed in query order (no bound ordering: see DESIGN.md, no pruning)
    plan.clauses.forEach((preparedClause, ci) => {
      const bit = 2 ** ci;
      if (preparedClause.clause.kind === 'term') {
        // a quoted word: its exact forms alone
        if (preparedClause.clause.queryTerms[0].exact && surface) return addWord(surface, preparedClause.surfaceAlts, 1, bit);
        addWord(text, preparedClause.words[0], 1, bit);
        // the surface form and the exact forms imply the stem: they only add to paragraphs already touched (bit 0)
        if (surfaceWeight) addWord(surface!, preparedClause.surfaceAlts, surfaceWeight, 0);
      } else {
        this.scorePhrase(text, preparedClause, bit, N, norms);
      }
    });
    // --- exclusions: the paragraphs where an excluded word or phrase occurs ---
    const excluded = plan.excluded.length ? new Set<number>() : null;
    for (const preparedClause of plan.excluded) {
      if (preparedClause.clause.queryTerms[0].exact && surface) {
        for (const alt of preparedClause.surfaceAlts) for (const cursor = entryCursor.reset(surface, alt.termId, paras.count); cursor.next(); ) excluded!.add(cursor.paragraphNumber);
      } else this.phraseMatches(text, preparedClause, (paragraph) => excluded!.add(paragraph));
    }
    // --- document fields: a title match lifts the document's matching paragraphs (and its first one) ---
    plan.fieldPass?.addEvidence(plan, excluded);

    // --- candidates: required clauses, coordination (kept in place at the front of `touched`) ---
    const requiredMask = plan.requiredMask;
    let candidates = 0;
    for (let i = 0; i < this.nTouched; i++) {
      const paragraph = touched[i];
      const mask = masks[paragraph];
      if ((mask & requiredMask) >>> 0 !== requiredMask || excluded?.has(paragraph)) continue;
      // the short-paragraph prior: a paragraph of fewer than minLength words (a byline, a caption) loses √(length / minLength)
      scores[paragraph] *= coord[popcount(mask)] * (paras.tokenCount[paragraph] < minLength ? Math.sqrt(paras.tokenCount[paragraph] / minLength) : 1);
      touched[candidates++] = paragraph;
    }
    return touched.subarray(0, candidates);
  }

  /**
   * @internal Ranking, second step: keeps the `candidates` of {@link scoreCandidates} that the filter accepts (it reads
   * their documents' stored fields), counts them (`lastTotal`), ranks them with the proximity bonus on the head and
   * cuts the page (`offset`, `limit`, `groupBy`).
   */
  selectPage(plan: QueryPlan, opts: ResolvedSearchOptions, candidates: Int32Array): RankedPage {
    const { scores } = this;
    const paras = this.snap.paragraphTable;
    const { filter, offset, byDocument } = opts;
    const want = offset + opts.limit;
    // a filter that throws drops the document
    const docs = this.snap.docs;
    if (filter) {
      candidates = candidates.filter((paragraph) => {
        const d = paras.doc[paragraph];
        try {
          return filter(docs.stored[d] ?? {}, docs.ids[d]) === true;
        } catch {
          return false;
        }
      });
    }
    const count = candidates.length;
    this.lastTotal = byDocument ? new Set(Array.from(candidates, (paragraph) => paras.doc[paragraph])).size : count;

    // --- proximity rerank of the head ---
    let ranked = topK(candidates, count, scores, Math.max(want * HEAD_FACTOR, MIN_HEAD));
    if (plan.params.proximity && plan.clauses.length > 1) {
      this.proximityBonus(plan, ranked, paras.liveCount);
      ranked = topK(ranked, ranked.length, scores, ranked.length);
    }
    if (byDocument) {
      // the best paragraph per document; documents beyond the head come from the full candidate list
      const documents = new Set<number>();
      ranked = (ranked.length >= count ? ranked : topK(candidates, count, scores, count)).filter((paragraph) => !documents.has(paras.doc[paragraph]) && documents.add(paras.doc[paragraph]));
    }
    const shown = ranked.slice(offset, want);
    return { shown, scores: shown.map((paragraph) => scores[paragraph]) };
  }

  /**
   * @internal Presenting: the results of a ranked page, with their documents' ids and stored fields and their
   * snippets (from term vectors, or the positions of the plan's terms put on the paragraph's words). Reads the
   * documents of the page only; never the accumulators.
   */
  present(plan: QueryPlan, page: RankedPage, opts: ResolvedSearchOptions): SearchResult[] {
    const { docs, paragraphTable: paras } = this.snap;
    const { snippetLength, snippets: wantSnippets } = opts;
    const paragraphs = page.shown;
    const texts = paragraphs.map((paragraph) => docs.texts[paras.doc[paragraph]].slice(paras.textStart[paragraph], paras.textEnd[paragraph]));
    // the index terms the query matched (every alternative of every positive clause), only when snippets are wanted
    const hits = wantSnippets ? this.pageHits(plan.textIndex, paragraphs, texts, new Set(plan.clauses.flatMap((preparedClause) => preparedClause.words.flat().map((alt) => alt.termId))), snippetLength) : null;
    return paragraphs.map((paragraph, i) => {
      const d = paras.doc[paragraph];
      return {
        id: docs.ids[d],
        paragraph: paras.ordinal[paragraph],
        span: [paras.textStart[paragraph], paras.textEnd[paragraph]] as [number, number],
        score: page.scores[i],
        snippet: hits === null ? { text: '', highlights: [] } : snippetFromHits(texts[i], hits[i], snippetLength),
        fields: { ...docs.stored[d] },
        fieldHighlights: plan.highlightFields?.(d),
      };
    });
  }

  /**
   * The matched words of each page paragraph (`texts[i]` is `page[i]`'s text): the positions the postings of `text`
   * store for the matched terms, put on the paragraph's token spans (no stemming or word lookups), up to
   * {@link scanEnd}. (The main entry's searcher reads them from term vectors first: query/vector-hits.ts.)
   */
  protected pageHits(text: TermIndexData, page: number[], texts: string[], ids: ReadonlySet<number>, length: number): Hit[][] {
    const sorted = Int32Array.from(page).sort();
    // per paragraph of `sorted`: token position → matched term id
    const at = Array.from(sorted, () => new Map<number, number>());
    if (page.length) {
      for (const id of ids) this.positionsIn(text, [id], sorted).forEach((positions, k) => positions!.forEach((position) => at[k].set(position, id)));
    }
    return page.map((paragraph, i) => {
      const termAt = at[sorted.indexOf(paragraph)];
      const hits: Hit[] = [];
      if (termAt.size) {
        this.analyzer.scanSpans(texts[i], (start, end, position) => {
          const id = termAt.get(position);
          // (stops after the last matched word: one hit per matched position)
          return (id !== undefined && hits.push({ start, end, key: id }) === termAt.size) || start > scanEnd(hits[0]?.start ?? 0, length);
        });
      }
      return hits;
    });
  }

  /** Starts paragraph `paragraph`'s accumulators for the query's generation (once per query). @internal */
  touch(paragraph: number): void {
    if (this.stamp[paragraph] !== this.gen) {
      this.stamp[paragraph] = this.gen;
      this.scores[paragraph] = 0;
      this.masks[paragraph] = 0;
      this.touched[this.nTouched++] = paragraph;
    }
  }

  /**
   * Adds the BM25 contributions `weights[i]·tf / (tf + norm)` of index terms `ids` of `data`, walking their entries in
   * place (no callback per posting). Several terms are alternatives of one word: a paragraph gets the best of their
   * contributions, so one counts. The others are walked first, their best kept in `part`; the first term, usually
   * the longest list, is walked last and reads `part` as it adds. With `bit` 0 (surface forms) it only adds to
   * paragraphs already touched.
   */
  private addPostings(data: TermIndexData, ids: number[], weights: number[], bit: number, { k1, b, avgdl }: LengthNorm): void {
    const several = ids.length > 1;
    if (several && !this.part) {
      this.part = new Float64Array(this.scores.length);
      this.partParagraphs = new Int32Array(this.scores.length);
    }
    const { scores, masks, stamp, touched, gen, partParagraphs } = this;
    const part = this.part!; // (read only when several)
    const { alive, tokenCount } = this.snap.paragraphTable;
    let touchedCount = this.nTouched;
    let partCount = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const cursor = entryCursor.reset(data, ids[i], this.snap.paragraphTable.count);
      const weight = weights[i];
      while (cursor.next()) {
        const paragraph = cursor.paragraphNumber;
        const tf = cursor.tf;
        if (stamp[paragraph] !== gen) {
          if (bit === 0 || !alive[paragraph]) continue;
          stamp[paragraph] = gen;
          scores[paragraph] = 0;
          masks[paragraph] = 0;
          touched[touchedCount++] = paragraph;
        }
        let contribution = (weight * tf) / (tf + k1 * (1 - b + (b * tokenCount[paragraph]) / avgdl));
        masks[paragraph] |= bit;
        // part[] is all zeros between calls: a paragraph's first entry lists it
        if (i) {
          if (part[paragraph] === 0) partParagraphs[partCount++] = paragraph;
          if (contribution > part[paragraph]) part[paragraph] = contribution;
        } else {
          if (several && part[paragraph] !== 0) {
            if (part[paragraph] > contribution) contribution = part[paragraph];
            part[paragraph] = 0;
          }
          scores[paragraph] += contribution;
        }
      }
    }
    this.nTouched = touchedCount;
    // the paragraphs only the other terms reached
    for (let k = 0; k < partCount; k++) {
      const paragraph = partParagraphs[k];
      scores[paragraph] += part[paragraph];
      part[paragraph] = 0;
    }
  }

  /** Finds the index terms a clause stands for in the plan's term indexes: the exact term, prefix completions, typo neighbours. */
  private prepareClause(plan: QueryPlan, clause: Clause, maxExpansions: number, fuzzy: number): PreparedClause {
    const { textIndex: data, params: ranking } = plan;
    const expansionWeight = ranking.expansionWeight;
    const words = clause.queryTerms.map((queryTerm) => {
      const [alts, push] = alternatives(data);
      const exact = resolveTerm(data, queryTerm.term, this.snap.indexConfig);
      push(exact, 1);
      const df = data.df[exact];
      if (queryTerm.prefix) {
        for (const id of expandPrefix(data, queryTerm.term, maxExpansions)) push(id, id === exact ? 1 : expansionWeight);
        if (queryTerm.surface !== queryTerm.term) for (const id of expandPrefix(data, queryTerm.surface, maxExpansions)) push(id, expansionWeight);
      } else if (fuzzy > 0 && clause.kind === 'term' && !(df && ranking.expansions)) {
        // a word the dictionary knows is not a typo (with `expansions`)
        for (const id of this.extras.typos!(data.termsById, data.df, queryTerm, fuzzy, maxExpansions)) push(id, expansionWeight);
      }
      return alts;
    });
    // a term clause's word in the surface index: its surface form, then its other exact forms (up to the prefixes)
    const queryTerm = clause.queryTerms[0];
    const surface = plan.surfaceIndex;
    const [forms, push] = alternatives(surface);
    if (surface) surfaceFormsOf(clause, ranking.forms).forEach((form, i) => push(findTerm(surface, form), i && !queryTerm.exact ? ranking.forms : 1));
    return { clause, words, surfaceAlts: forms };
  }

  /** Phrase clauses: BM25 of the phrase's frequency in each paragraph where its words stand at their offsets. */
  private scorePhrase(text: TermIndexData, preparedClause: PreparedClause, bit: number, N: number, { k1, b, avgdl }: LengthNorm): void {
    const { scores, masks } = this;
    const lengths = this.snap.paragraphTable.tokenCount;
    let idf = 0;
    for (const alts of preparedClause.words) idf += bm25Idf(Math.max(...alts.map((alt) => text.df[alt.termId])), N);
    this.phraseMatches(text, preparedClause, (paragraph, freq) => {
      this.touch(paragraph);
      scores[paragraph] += (idf * freq * (k1 + 1)) / (freq + k1 * (1 - b + (b * lengths[paragraph]) / avgdl));
      masks[paragraph] |= bit;
    });
  }

  /**
   * Calls `visit(paragraph, freq)` for each live paragraph where the clause's words stand at their query offsets,
   * `freq` times (a term clause is a phrase of one word: every paragraph containing it, with its term frequency).
   */
  private phraseMatches(text: TermIndexData, preparedClause: PreparedClause, visit: (paragraph: number, freq: number) => void): void {
    const paras = this.snap.paragraphTable;
    const words = preparedClause.words;
    // candidate paragraphs: the live ones containing every word (any alternative); one word (an excluded one) needs
    // no positions: its paragraphs are its matches
    let candidates: Set<number> | null = null;
    for (const alts of words) {
      const containing = new Set<number>();
      for (const alt of alts) {
        for (const cursor = entryCursor.reset(text, alt.termId, paras.count); cursor.next(); ) {
          const paragraph = cursor.paragraphNumber;
          if (!paras.alive[paragraph] || (candidates !== null && !candidates.has(paragraph))) continue;
          if (words.length === 1) visit(paragraph, cursor.tf);
          else containing.add(paragraph);
        }
      }
      candidates = containing;
      if (containing.size === 0) return;
    }
    const paragraphs = Int32Array.from(candidates as Set<number>).sort();
    // a word repeated in the phrase is read once: its positions by its alternatives' ids
    const byIds = new Map<string, (number[] | undefined)[]>();
    const positions = words.map((alts) => {
      const ids = alts.map((alt) => alt.termId).join();
      return byIds.get(ids) ?? byIds.set(ids, this.positionsIn(text, alts.map((alt) => alt.termId), paragraphs)).get(ids)!;
    });
    const offsets = preparedClause.clause.queryTerms.map((queryTerm) => queryTerm.position - preparedClause.clause.queryTerms[0].position);
    paragraphs.forEach((paragraph, k) => {
      const freq = phraseFrequency(positions.map((p) => p[k] ?? []), offsets);
      if (freq > 0) visit(paragraph, freq);
    });
  }

  /**
   * The positions of any of the terms `termIds` of `text` in each of `paragraphs` (ascending), read through the
   * block tables: `out[k]` holds those in `paragraphs[k]`, ascending (undefined where none of them occurs).
   */
  private positionsIn(text: TermIndexData, termIds: number[], paragraphs: Int32Array): (number[] | undefined)[] {
    const out: (number[] | undefined)[] = new Array(paragraphs.length);
    const count = this.snap.paragraphTable.count;
    for (const termId of termIds) {
      const cursor = (this.extras.positions ?? positionsCursor).reset(text, termId, count);
      paragraphs.forEach((paragraph, k) => {
        if (cursor.seek(paragraph)) {
          const positions = cursor.positions();
          out[k] = out[k]?.concat(positions).sort((x, y) => x - y) ?? positions;
        }
      });
    }
    return out;
  }

  /** Adds a bonus for query words that stand close together in the paragraph (to the head, `ranked`). */
  private proximityBonus(plan: QueryPlan, ranked: number[], N: number): void {
    const text = plan.textIndex;
    const paragraphs = Int32Array.from(ranked).sort();
    // positions per term clause, per paragraph of `paragraphs`
    const lists: (number[] | undefined)[][] = [];
    const weights: number[] = [];
    for (const preparedClause of plan.clauses) {
      if (preparedClause.clause.kind !== 'term') continue;
      lists.push(this.positionsIn(text, preparedClause.words[0].map((alt) => alt.termId), paragraphs));
      // the word's weight: the idf of its rarest alternative
      weights.push(Math.max(0, ...preparedClause.words[0].map((alt) => bm25Idf(text.df[alt.termId], N))));
    }
    if (lists.length < 2) return;
    for (let k = 0; k < paragraphs.length; k++) {
      let bonus = 0;
      for (let i = 0; i < lists.length; i++) {
        const first = lists[i][k];
        if (!first) continue;
        for (let j = i + 1; j < lists.length; j++) {
          const second = lists[j][k];
          if (!second) continue;
          const distance = minDistance(first, second);
          if (distance > 0 && distance <= PROXIMITY_WINDOW) bonus += Math.min(weights[i], weights[j]) / distance;
        }
      }
      this.scores[paragraphs[k]] += plan.params.proximity * bonus;
    }
  }
}

/**
 * @internal The index terms a plan reads: of the text index (every alternative of every clause, excluded ones too)
 * and of the surface index (every clause's exact forms). A pack reads the postings of these and no others.
 */
export function planTerms(plan: QueryPlan): [number[], number[]] {
  const prepared = [...plan.clauses, ...plan.excluded];
  return [prepared.flatMap((preparedClause) => preparedClause.words.flat().map((alt) => alt.termId)), prepared.flatMap((preparedClause) => preparedClause.surfaceAlts.map((alt) => alt.termId))];
}

/** @internal The query as `search` parses it (a pack reads the dictionary its words need before searching). */
export function parseSearchQuery(query: unknown, analyzer: TextAnalyzer, opts: ResolvedSearchOptions, readItem?: ItemReader): ParsedQuery {
  if (typeof query !== 'string') invalid('query must be a string');
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

/**
 * Parses and runs a query on the whole snapshot of `searcher`: plan, rank, present (a pack runs the steps itself,
 * reading pieces between them, so its bundle leaves this out). Never throws on the query string; throws
 * `FahrasError('INVALID_ARGUMENT')` when `fuzzy` is asked of a searcher made without typo tolerance.
 */
export function searchSnapshot(searcher: Searcher, query: unknown, options?: SearchOptions): SearchResult[] {
  const { snap } = searcher;
  const opts = searcher.resolve(options);
  // document fields (fields.ts): `title:word` restrictions in the query, the fields' evidence, their highlights
  const fields = searcher.extras.fields?.(searcher);
  const plan = searcher.plan(parseSearchQuery(query, searcher.analyzer, opts, fields), opts, snap.textIndex, snap.surfaceIndex);
  fields?.attach(plan);
  return searcher.present(plan, searcher.selectPage(plan, opts, searcher.scoreCandidates(plan)), opts);
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
 * The id of a query word's term in `data` (-1: none). With clitic folding, a term the dictionary lacks, or holds
 * folded (df 0), is looked up without its clitic (with `tehFolding`, or its final ت), as the builder folded it
 * (src/stem/clitics.ts).
 */
export function resolveTerm(data: TermIndexData, term: string, config: IndexConfig): number {
  const id = findTerm(data, term);
  const rest = config.cliticFolding && !(data.df[id] > 0) && cliticRemainder(term, (r) => findTerm(data, r) >= 0, config.tehFolding);
  return rest ? resolveTerm(data, rest, config) : id;
}

/** An empty list of a word's index terms in `data`, and how to add one: each term once, only terms in use. */
function alternatives(data: TermIndexData | null): [Alt[], (id: number, weight: number) => void] {
  const alts: Alt[] = [];
  return [alts, (id, weight) => data!.df[id] > 0 && !alts.some((a) => a.termId === id) && alts.push({ termId: id, weight })];
}

/** BM25 idf (the Lucene form, never negative). */
export function bm25Idf(df: number, N: number): number {
  return Math.log(1 + (N - df + 0.5) / (df + 0.5));
}

/**
 * The number of bits set in `x` (matched clauses), a loop per set bit: a candidate has a few. The branch-free form
 * was 50 B more of the search bundles, which paid for the query shape's (bench/NOTES.md, query shape: p50 +3% built,
 * ±0 loaded, at 20 MB).
 */
function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/**
 * The `k` best of the first `n` paragraph numbers of `paragraphs`, best first: by score, ties to the lower paragraph
 * number (earlier documents).
 * A min-heap in a typed array keeps the k best so far, the worst at its root; it is emptied worst first into the
 * back of the result, so no comparator is called through `Array.prototype.sort`. Exported for its tests only.
 */
export function topK(paragraphs: ArrayLike<number>, n: number, scores: Float64Array, k: number): number[] {
  const heap = new Int32Array(Math.min(k, n));
  let size = 0;
  // u ranks below v: a lower score, or the same score and a later paragraph
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
    const u = paragraphs[i];
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
