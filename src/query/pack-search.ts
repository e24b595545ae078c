// Searching a pack, in the order of its reads: the query is parsed and the dictionary pieces its words need are
// read; the searcher plans it (finds the index terms of its clauses there); the postings of those terms are read,
// and with them the lengths and documents of the paragraphs they list; the searcher ranks it once, over a snapshot
// whose corpus statistics come from the root; the documents pieces of the page's paragraphs are read (with a
// `filter`, first those of every candidate, whose stored fields it reads); the searcher presents the page. So
// results are the in-memory index's by construction, and every piece is read before the step that needs it.
import type { TextAnalyzer } from '../analysis/index.js';
import { cliticRemainder } from '../stem/clitics.js';
import { type DocumentId, type IndexSnapshot, type TermIndexData, emptyTermIndex } from '../segment/model.js';
import {
  type DictionaryPiece,
  type DocumentsPiece,
  type PackRoot,
  type PackTermLists,
  type PieceRef,
  type PieceStore,
  damagedPiece,
  readDictionaryPiece,
  readDocumentsPiece,
} from '../segment/pack-reader.js';
import { concatBytes } from '../segment/bytes.js';
import { EntryCursor, VarintCursor } from '../segment/postings.js';
import type { ParsedQuery } from './parse.js';
import { Searcher, type SearcherExtras, type SearchOptions, type SearchPage, parseSearchQuery, planTerms, surfaceFormsOf } from './search.js';
import type { ResolvedSearchOptions } from './search-options.js';

/** A postings piece: its bytes and the blocks whose paragraph data went into the paragraph tables. @internal */
interface PostingsPiece {
  body: Uint8Array;
  applied: Set<number>;
}

/**
 * A dictionary piece in the cache: its bytes, and its decoded form until a query has joined it into its dictionary.
 * Only the bytes stay between queries, so the cache's count (decompressed bytes) is what it holds: decoded, a term
 * is a string and four table entries, several times its bytes (bench/NOTES.md, packrun). @internal
 */
interface CachedDictionaryPiece {
  body: Uint8Array;
  decoded?: DictionaryPiece;
}

/** The union of some dictionary pieces (in term order; term ids are positions in it), as a term index without postings. @internal */
interface Dictionary extends DictionaryPiece, TermIndexData {
  key: string;
}

/** The last index of ascending `values` whose value is at most `value` (-1 when none is): which piece holds it. */
function lastAtMost<T extends string | number>(values: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The dictionary pieces of one term index that a query's words need. @internal */
class DictionaryNeeds {
  readonly pieces = new Set<number>();
  constructor(readonly lists: PackTermLists) {}

  /** The piece where `term` is or would be: the last whose first term is not after it. */
  private pieceOf(term: string): number {
    return Math.max(0, lastAtMost(this.lists.dictFirst, term));
  }

  /** The piece an exact lookup of `term` reads. */
  lookup(term: string): void {
    if (this.lists.dictFirst.length) this.pieces.add(this.pieceOf(term));
  }

  /**
   * The pieces a prefix scan reads (`expandPrefix`): from the prefix's piece on, while pieces start with the prefix,
   * until the pieces after its own hold the scan's cap of terms.
   */
  prefixScan(prefix: string, maxExpansions: number): void {
    if (prefix === '' || !this.lists.dictFirst.length) return;
    const { dictFirst, dictCounts } = this.lists;
    const cap = Math.max(maxExpansions * 64, 4096);
    let i = this.pieceOf(prefix);
    this.pieces.add(i);
    for (let scanned = 0; ++i < dictFirst.length && scanned < cap && dictFirst[i].startsWith(prefix); scanned += dictCounts[i]) this.pieces.add(i);
  }

  all(): void {
    for (let i = 0; i < this.lists.dictFirst.length; i++) this.pieces.add(i);
  }
}

/**
 * The dictionary pieces a parsed query reads, of the text index and of the surface index: the pieces of its words'
 * terms, of its prefixes' scans, every text piece for `fuzzy`, and those of its exact forms.
 */
function dictionaryNeeds(root: PackRoot, parsed: ParsedQuery, opts: ResolvedSearchOptions): [DictionaryNeeds, DictionaryNeeds | null] {
  const { fuzzy, maxExpansions, ranking } = opts;
  const positive = [...parsed.must, ...parsed.should];
  const clauses = [...positive, ...parsed.not];
  const text = new DictionaryNeeds(root.text);
  const surface = root.surface && new DictionaryNeeds(root.surface);
  const folding = root.config.cliticFolding;
  // a word's piece, and with clitic folding those of its forms without a clitic (resolveTerm may read them)
  const need = (term: string): unknown => (text.lookup(term), folding && cliticRemainder(term, (rest) => (need(rest), false)));
  for (const clause of clauses) {
    for (const queryTerm of clause.queryTerms) {
      need(queryTerm.term);
      if (queryTerm.prefix) {
        text.prefixScan(queryTerm.term, maxExpansions);
        if (queryTerm.surface !== queryTerm.term) text.prefixScan(queryTerm.surface, maxExpansions);
      }
    }
  }
  // a typo may be anywhere in the dictionary: bounded by its size, read once
  if (fuzzy > 0 && positive.some((clause) => clause.kind === 'term')) text.all();
  // every clause's exact forms (an excluded quoted word needs them too)
  if (surface) for (const clause of clauses) for (const form of surfaceFormsOf(clause, ranking.forms)) surface.lookup(form);
  return [text, surface];
}

/**
 * What a pack search reads, piece by piece, into the partial snapshot its searchers read: dictionaries, postings
 * (with the lengths and documents of the paragraphs they list) and documents.
 * @internal
 */
class PackPieces {
  private readonly dictionaries: (Dictionary | undefined)[] = [];
  /** Set when postings brought paragraph lengths not known before (the searchers' length norms are stale). */
  lengthsChanged = false;

  constructor(
    private readonly root: PackRoot,
    private readonly store: PieceStore,
    private readonly snap: IndexSnapshot,
  ) {}

  /** The union of the needed dictionary pieces of term index `which` (0: text, 1: surface), kept while the set is the same. */
  async dictionaryOf(needs: DictionaryNeeds, which: number): Promise<Dictionary> {
    const order = [...needs.pieces].sort((a, b) => a - b);
    const key = order.join(',');
    const last = this.dictionaries[which];
    if (last && last.key === key) return last; // the same pieces as the last query (it holds them, cached or not)
    const postingsPieces = needs.lists.post.length;
    const cached = await Promise.all(
      order.map((i) => this.store.get<CachedDictionaryPiece>(needs.lists.dict[i], (body) => ({ body, decoded: readDictionaryPiece(body, postingsPieces) }))),
    );
    // (decoded when read, checked then; decoded again when a later query needs it)
    const pieces = cached.map((piece) => {
      const decoded = piece.decoded ?? readDictionaryPiece(piece.body, postingsPieces);
      piece.decoded = undefined;
      return decoded;
    });
    const terms = pieces.flatMap((piece) => piece.terms);
    const n = terms.length;
    // one table of the pieces' tables, in piece order
    const joined = (table: (piece: DictionaryPiece) => Uint32Array) => {
      const out = new Uint32Array(n);
      let at = 0;
      for (const piece of pieces) {
        out.set(table(piece), at);
        at += piece.terms.length;
      }
      return out;
    };
    const out: Dictionary = {
      ...emptyTermIndex(),
      key,
      // one array under both names: the piece's and the term index's (the dictionary lookups read termsById)
      terms,
      termsById: terms,
      df: joined((piece) => piece.df),
      piece: joined((piece) => piece.piece),
      offset: joined((piece) => piece.offset),
      length: joined((piece) => piece.length),
      sorted: Uint32Array.from(terms, (_, i) => i),
    };
    // pieces that overlap (each is in order, and the root's first terms are): the first is damaged
    for (let i = 1; i < n; i++) if (!(out.terms[i - 1] < out.terms[i])) throw damagedPiece(needs.lists.dict[order[0]]);
    return (this.dictionaries[which] = out);
  }

  /** A term index over `dict` holding the postings of the terms `ids` (the others are empty). */
  async postings(dict: Dictionary, lists: PackTermLists, ids: number[], surface: boolean): Promise<TermIndexData> {
    const wanted = [...new Set(ids)].sort((a, b) => a - b);
    const pieces = await Promise.all(wanted.map((id) => this.store.get<PostingsPiece>(lists.post[dict.piece[id]], (body) => ({ body, applied: new Set() }))));
    const n = dict.terms.length;
    const entryStart = new Uint32Array(n + 1);
    const positionStart = new Uint32Array(n + 1);
    const blocks = wanted.map((id, k) => {
      const piece = pieces[k];
      const name = lists.post[dict.piece[id]];
      const start = dict.offset[id];
      const end = start + dict.length[id];
      if (end > piece.body.length) throw damagedPiece(name);
      return surface ? { entryBytes: piece.body.subarray(start, end), positionBytes: new Uint8Array(0) } : this.textBlock(piece, start, end, dict.df[id], name);
    });
    // the wanted terms' blocks one after another; a term not wanted has none
    for (let id = 0, k = 0; id < n; id++) {
      entryStart[id + 1] = entryStart[id];
      positionStart[id + 1] = positionStart[id];
      if (wanted[k] === id) {
        entryStart[id + 1] += blocks[k].entryBytes.length;
        positionStart[id + 1] += blocks[k++].positionBytes.length;
      }
    }
    const entryBytes = concatBytes(blocks.map((block) => block.entryBytes));
    const positionBytes = concatBytes(blocks.map((block) => block.positionBytes));
    return { termsById: dict.terms, sorted: dict.sorted, df: dict.df, entryStart, entryBytes, positionStart, positionBytes };
  }

  /** A text postings block: its entries and positions; the first time, its paragraphs' lengths and documents go into the tables. */
  private textBlock(piece: PostingsPiece, start: number, end: number, df: number, name: PieceRef) {
    const header = new VarintCursor().reset(piece.body, start, end);
    const entriesLength = header.next();
    const positionsLength = header.next();
    const entriesStart = header.pos;
    const metaStart = entriesStart + entriesLength + positionsLength;
    if (metaStart > end) throw damagedPiece(name);
    if (!piece.applied.has(start)) {
      const paras = this.snap.paragraphTable;
      const cursor = new EntryCursor().reset({ entryStart: Uint32Array.of(entriesStart, entriesStart + entriesLength), entryBytes: piece.body }, 0, paras.count);
      const meta = new VarintCursor().reset(piece.body, metaStart, end);
      let doc = 0;
      let prev = 0;
      let listed = 0;
      while (cursor.next()) {
        const paragraph = cursor.paragraphNumber;
        const head = meta.next(); // twice the length, plus 1 when the document step differs from the paragraph step
        const length = head >>> 1;
        // then the difference (paragraph step − document step), zigzag-coded less 1
        const skew = head & 1 && meta.next() + 1;
        doc += paragraph - prev - ((skew >>> 1) ^ -(skew & 1));
        prev = paragraph;
        if (doc >= this.root.documentCount || meta.pos > end) throw damagedPiece(name);
        if (paras.tokenCount[paragraph] !== length) {
          paras.tokenCount[paragraph] = length;
          this.lengthsChanged = true;
        }
        paras.doc[paragraph] = doc;
        listed++;
      }
      if (listed !== df || meta.pos !== end) throw damagedPiece(name);
      piece.applied.add(start);
    }
    return {
      entryBytes: piece.body.subarray(entriesStart, entriesStart + entriesLength),
      positionBytes: piece.body.subarray(entriesStart + entriesLength, metaStart),
    };
  }

  /** Reads the documents pieces holding documents `wanted` into the snapshot's tables. */
  async readDocuments(wanted: Iterable<number>): Promise<void> {
    const { names, firstDoc, firstPara } = this.root.documents;
    // the piece of document d: the last whose first document is not after d (firstDoc ends with D, after every d)
    const pieces = new Set(Array.from(wanted, (d) => lastAtMost(firstDoc, d)));
    const { docs, paragraphTable: paras } = this.snap;
    await Promise.all(
      [...pieces].map(async (k) => {
        const firstDocument = firstDoc[k];
        const documentCount = firstDoc[k + 1] - firstDocument;
        const piece = await this.store.get<DocumentsPiece>(
          names[k],
          (body) => readDocumentsPiece(body, documentCount, firstPara[k + 1] - firstPara[k]),
          () => {
            // (sparse arrays: entries deleted, not set to undefined, so they hold the cached pieces' documents only)
            for (let p = firstPara[k]; p < firstPara[k + 1]; p++) for (const table of [paras.textStart, paras.textEnd, paras.ordinal]) delete table[p];
            for (let d = firstDocument; d < firstDocument + documentCount; d++) for (const table of [docs.ids, docs.texts, docs.stored, docs.firstParagraph, docs.paragraphCount]) delete table[d];
          },
        );
        // (a piece holds a document at least; its first has a text while the piece is in the tables)
        if (docs.texts[firstDocument] !== undefined) return;
        let paragraph = firstPara[k];
        for (let i = 0, p = 0; i < documentCount; i++) {
          const d = firstDocument + i;
          docs.ids[d] = piece.ids[i];
          docs.texts[d] = piece.texts[i];
          docs.stored[d] = piece.stored[i];
          docs.firstParagraph[d] = paragraph;
          docs.paragraphCount[d] = piece.paraCount[i];
          for (let ordinal = 0; ordinal < piece.paraCount[i]; ordinal++, paragraph++, p++) {
            paras.textStart[paragraph] = piece.start[p];
            paras.textEnd[paragraph] = piece.end[p];
            paras.ordinal[paragraph] = ordinal;
          }
        }
      }),
    );
  }
}

/** Reads and searches one pack (what `openPack` of `fahras/pack` returns wraps this). */
export class PackSearcher {
  private readonly snap: IndexSnapshot;
  private readonly pieces: PackPieces;
  /** Every searcher made; the first plans and presents (neither reads the accumulators). */
  private readonly searchers: Searcher[] = [];
  /** Searchers whose accumulators no ranking holds (a ranking holds its own while a filter's documents are read). */
  private readonly idle: Searcher[] = [];
  private active = 0;

  constructor(
    readonly root: PackRoot,
    private readonly store: PieceStore,
    readonly analyzer: TextAnalyzer,
    private readonly extras: SearcherExtras,
  ) {
    const documentCount = root.documentCount;
    const paragraphCount = root.paragraphCount;
    this.snap = {
      indexConfig: root.config,
      textIndex: emptyTermIndex(),
      surfaceIndex: null,
      vectors: null,
      fieldIndexes: [],
      paragraphTable: {
        count: paragraphCount,
        doc: new Uint32Array(paragraphCount),
        // the tables a page's paragraphs are read from: sparse, the documents read only (evicted with their pieces)
        textStart: [],
        textEnd: [],
        ordinal: [],
        tokenCount: new Uint32Array(paragraphCount),
        alive: new Uint8Array(Math.max(paragraphCount, 1)).fill(1),
        liveCount: paragraphCount,
        totalLength: root.totalLength,
      },
      docs: {
        ids: [],
        texts: [],
        stored: [],
        alive: new Uint8Array(0), // read by field scoring only, and packs have no field indexes
        firstParagraph: [],
        paragraphCount: [],
        byId: new Map<DocumentId, number>(),
        liveCount: documentCount,
      },
    };
    this.pieces = new PackPieces(root, store, this.snap);
    this.idle.push(this.newSearcher());
  }

  private newSearcher(): Searcher {
    const searcher = new Searcher(this.snap, this.analyzer, this.extras);
    this.searchers.push(searcher);
    return searcher;
  }

  /** Runs a query as `SearchIndex.searchWithTotal` does on the whole index, reading each piece before the step that needs it. */
  async search(query: unknown, options?: SearchOptions): Promise<SearchPage> {
    const { root, pieces } = this;
    const planner = this.searchers[0];
    const opts = planner.resolve(options); // the option checks `search` makes (fuzzy without typos)
    const parsed = parseSearchQuery(query, this.analyzer, opts);
    this.active++;
    try {
      const [textNeeds, surfaceNeeds] = dictionaryNeeds(root, parsed, opts);
      const [textDictionary, surfaceDictionary] = await Promise.all([pieces.dictionaryOf(textNeeds, 0), surfaceNeeds && pieces.dictionaryOf(surfaceNeeds, 1)]);
      const termsPlan = planner.plan(parsed, opts, textDictionary, surfaceDictionary);
      const [textTerms, surfaceTerms] = planTerms(termsPlan);
      const [text, surface] = await Promise.all([
        pieces.postings(textDictionary, root.text, textTerms, false),
        surfaceDictionary && pieces.postings(surfaceDictionary, root.surface!, surfaceTerms, true),
      ]);
      if (pieces.lengthsChanged) {
        pieces.lengthsChanged = false;
        for (const searcher of this.searchers) searcher.lengthsChanged();
      }
      const plan = { ...termsPlan, textIndex: text, surfaceIndex: surface };
      const paragraphDocument = this.snap.paragraphTable.doc;
      const searcher = this.idle.pop() ?? this.newSearcher();
      let page;
      let total;
      try {
        const candidates = searcher.scoreCandidates(plan);
        if (opts.filter) await pieces.readDocuments(Array.from(candidates, (paragraph) => paragraphDocument[paragraph]));
        page = searcher.selectPage(plan, opts, candidates);
        total = searcher.lastTotal;
      } finally {
        this.idle.push(searcher);
      }
      await pieces.readDocuments(page.shown.map((paragraph) => paragraphDocument[paragraph]));
      return { results: planner.present(plan, page, opts), total };
    } finally {
      if (--this.active === 0) this.store.trim();
    }
  }
}
