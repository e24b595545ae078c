// Searching a pack, in the order of its reads: the query is parsed; the searcher plans it (finds the index terms of
// its clauses) in the dictionary pieces read so far, which learn from its lookups the pieces the whole dictionary
// would answer them from, and plans again once those are read, until a plan needs no other piece; the postings of those terms are read,
// and with them the lengths and documents of the paragraphs they list; the searcher ranks it once, over a snapshot
// whose corpus statistics come from the root; the documents pieces of the page's paragraphs are read (with a
// `filter`, first those of every candidate, whose stored fields it reads); the searcher presents the page. So
// results are the in-memory index's by construction, and every piece is read before the step that needs it.
import type { TextAnalyzer } from '../analysis/index.js';
import { type DictionaryReads, type DocumentId, type IndexConfig, type IndexSnapshot, type TermIndexData, emptyTermIndex } from '../segment/model.js';
import {
  type DictionaryPiece,
  type DocumentsPiece,
  type PackRoot,
  type PackTermLists,
  type PieceRef,
  type PieceStore,
  damagedPiece,
  readDictionaryPiece,
  readDocument,
  readDocumentsPiece,
} from '../segment/pack-reader.js';
import { concatBytes } from '../segment/bytes.js';
import { findTerm } from '../segment/dictionary.js';
import { EntryCursor, VarintCursor, putEntry } from '../segment/postings.js';
import { type QueryPlan, Searcher, type SearcherExtras, type SearchOptions, type SearchPage, type SearchResult, parseSearchQuery, planTerms } from './search.js';

/** A paragraph's document not yet placed in its documents piece is this plus the count its postings give (textBlock). */
const UNPLACED = 2 ** 31;

/**
 * A text index's postings read for a query, with the paragraphs each read term lists (by term id), in order: a
 * surface form's ranks index its parent's (FORMAT.md, P.3). @internal
 */
interface PackPostings extends TermIndexData {
  paragraphLists: number[][];
}

/** The union of some dictionary pieces (in term order; term ids are positions in it), as a term index without postings. @internal */
interface Dictionary extends DictionaryPiece<Uint32Array>, TermIndexData {
  key: string;
}

/** The dictionary pieces of one term index that a query's lookups need (told of them by the planner's lookups). @internal */
class DictionaryNeeds implements DictionaryReads {
  readonly pieces = new Set<number>();
  constructor(readonly lists: PackTermLists) {}

  /** The piece where `term` is or would be: the last whose first term is not after it. */
  private pieceOf(term: string): number {
    return this.lists.dict.pieceFor(this.lists.volumeFirst, this.lists.dictFirst, term);
  }

  /** The piece an exact lookup of `term` reads. */
  lookup(term: string): void {
    if (this.lists.dict.length) this.pieces.add(this.pieceOf(term));
  }

  /**
   * The pieces a prefix scan reads (`expandPrefix`): from the prefix's piece on, while pieces start with the prefix,
   * until the pieces after its own hold the scan's cap of terms.
   */
  prefixScan(prefix: string, maxExpansions: number): void {
    const { dict, dictFirst, dictCounts } = this.lists;
    if (!dict.length) return;
    const cap = Math.max(maxExpansions * 64, 4096);
    let i = this.pieceOf(prefix);
    this.pieces.add(i);
    // (a piece's place decodes its volume: its first term is known then)
    for (let scanned = 0; ++i < dict.length && scanned < cap && dict.at(i) && dictFirst[i].startsWith(prefix); scanned += dictCounts[i]) this.pieces.add(i);
  }

  /** Every piece (typo neighbours scan every term). */
  everyTerm(): void {
    for (let i = 0; i < this.lists.dict.length; i++) this.pieces.add(i);
  }
}

/**
 * What a pack search reads, piece by piece, into the partial snapshot its searchers read: dictionaries, postings
 * (with the lengths and documents of the paragraphs they list) and documents.
 * @internal
 */
class PackPieces {
  private readonly dictionaries: (Dictionary | undefined)[] = [];
  /** Per paragraph, 1 + the postings piece (its number in the root's list) that gave its document, 0 before any: errors name it. */
  private readonly writers: Uint32Array;

  constructor(
    private readonly root: PackRoot,
    private readonly store: PieceStore,
    private readonly snap: IndexSnapshot,
  ) {
    this.writers = new Uint32Array(snap.paragraphTable.count);
  }

  /** The union of the needed dictionary pieces of term index `which` (0: text, 1: surface), kept while the set is the same. */
  async dictionaryOf(needs: DictionaryNeeds, which: number): Promise<Dictionary> {
    const order = [...needs.pieces].sort((a, b) => a - b);
    const key = order.join(',');
    const last = this.dictionaries[which];
    if (last && last.key === key) return last; // the same pieces as the last query (it holds them, cached or not)
    const postingsPieces = needs.lists.post.length;
    // the cache keeps a piece's bytes only (decoded, a term is a string and five table entries, several times its
    // bytes: bench/NOTES.md, packrun), checked by decoding them when read (that decoding serves the query that read
    // it); each later query that needs it decodes it again
    const read = new Map<Uint8Array, DictionaryPiece>();
    const bodies = await Promise.all(order.map((i) => this.store.get(needs.lists.dict.at(i), (body) => (read.set(body, readDictionaryPiece(body, postingsPieces)), body))));
    const pieces = bodies.map((body) => read.get(body) ?? readDictionaryPiece(body, postingsPieces));
    const terms = pieces.flatMap((piece) => piece.terms);
    const n = terms.length;
    // one table of the pieces' tables, in piece order
    const joined = (table: (piece: DictionaryPiece) => number[]) => Uint32Array.from(pieces.flatMap(table));
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
      parent: joined((piece) => piece.parent),
      sorted: Uint32Array.from(terms, (_, i) => i),
    };
    // pieces that overlap (each is in order, and the root's first terms are): the first is damaged
    for (let i = 1; i < n; i++) if (!(out.terms[i - 1] < out.terms[i])) throw damagedPiece(needs.lists.dict.at(order[0]));
    // (none, a query's first plan: not kept, so the last query's pieces are still there for its second)
    return key ? (this.dictionaries[which] = out) : out;
  }

  /**
   * A term index over `dict` holding the postings of the terms `ids` (the others are empty); a surface index's with
   * `parents`, the text index holding its forms' parents.
   */
  async postings(dict: Dictionary, lists: PackTermLists, ids: number[], parents?: Promise<PackPostings>): Promise<PackPostings> {
    const wanted = [...new Set(ids)].sort((a, b) => a - b);
    const pieces = await Promise.all(wanted.map((id) => this.store.get(lists.post.at(dict.piece[id]), (body) => body)));
    const text = await parents;
    const n = dict.terms.length;
    const entryStart = new Uint32Array(n + 1);
    const positionStart = new Uint32Array(n + 1);
    const paragraphLists: number[][] = [];
    const blocks = wanted.map((id, k) => {
      const body = pieces[k];
      const name = lists.post.at(dict.piece[id]);
      const start = dict.offset[id];
      const end = start + dict.length[id];
      if (end > body.length) throw damagedPiece(name);
      return text ? { entryBytes: surfaceEntries(body, start, end, dict, id, text, name), positionBytes: new Uint8Array(0) } : this.textBlock(body, start, end, dict.df[id], name, dict.piece[id], (paragraphLists[id] = []));
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
    return { termsById: dict.terms, sorted: dict.sorted, df: dict.df, entryStart, entryBytes, positionStart, positionBytes, paragraphLists };
  }

  /**
   * A text postings block: its entries and positions; its paragraphs go into `paragraphs`, their lengths into the
   * tables, and their documents as the postings give them, counted from their documents pieces, found when a step
   * needs them ({@link documentsOf}): finding a paragraph's documents piece decodes a volume of the root's documents
   * list, so a query reads the volumes of the paragraphs it shows, not of all it ranks (bench/NOTES.md, coldcli). Each
   * query walks its blocks again (a cached piece too): the walk hands its forms' ranks their paragraphs, where a
   * second walk per form cost a cold search about 11 ms (bench/NOTES.md, coldcli2).
   */
  private textBlock(body: Uint8Array, start: number, end: number, df: number, name: PieceRef, index: number, paragraphs: number[]) {
    const meta = new VarintCursor().reset(body, start, end);
    const entriesLength = meta.next();
    const positionsLength = meta.next();
    const entriesStart = meta.pos;
    const entriesEnd = entriesStart + entriesLength;
    const metaStart = entriesEnd + positionsLength;
    if (metaStart > end) throw damagedPiece(name);
    const paras = this.snap.paragraphTable;
    const cursor = new EntryCursor().reset({ entryStart: Uint32Array.of(entriesStart, entriesEnd), entryBytes: body }, 0, paras.count);
    meta.pos = metaStart;
    const writers = this.writers;
    // (df counts down to the entries left: none when the block ends)
    for (; cursor.next(); df--) {
      const paragraph = cursor.paragraphNumber;
      const head = meta.next(); // twice the length, plus 1 when the paragraph's document is not the plain count
      // then how many more paragraphs than documents precede it in its documents piece, zigzag-coded: without them,
      // the paragraph's document plus its piece's first paragraph less its first document (documentsOf)
      const skew = head & 1 && meta.next();
      const counted = paragraph - ((skew >>> 1) ^ -(skew & 1));
      if (!(counted >= 0 && counted < UNPLACED)) throw damagedPiece(name);
      paras.tokenCount[paragraph] = head >>> 1;
      paragraphs.push(paragraph);
      // the first block that lists a paragraph gives its document (every block would give the same: a search
      // running meanwhile may read the one placed)
      if (!writers[paragraph]) {
        paras.doc[paragraph] = counted + UNPLACED;
        writers[paragraph] = index + 1;
      }
    }
    if (df || meta.pos !== end) throw damagedPiece(name);
    return {
      entryBytes: body.subarray(entriesStart, entriesEnd),
      positionBytes: body.subarray(entriesEnd, metaStart),
    };
  }

  /**
   * The documents of `paragraphs`, placed in the paragraph table where the postings left them counted from their
   * documents pieces (textBlock), each checked to lie in its piece.
   */
  documentsOf(paragraphs: ArrayLike<number>): number[] {
    const { doc } = this.snap.paragraphTable;
    const { firstDoc, firstPara, pieceOf } = this.root.documents;
    return Array.from(paragraphs, (paragraph) => {
      if (doc[paragraph] >= UNPLACED) {
        const k = pieceOf(paragraph);
        const d = (doc[paragraph] -= UNPLACED + firstPara[k] - firstDoc[k]);
        // a document of the piece, between its first and the next piece's
        if (!(d >= firstDoc[k] && d < firstDoc[k + 1])) throw damagedPiece(this.root.text.post.at(this.writers[paragraph] - 1));
      }
      return doc[paragraph];
    });
  }

  /** Reads documents `wanted` into the snapshot's tables, from their documents pieces (each document decoded alone). */
  async readDocuments(wanted: Iterable<number>): Promise<void> {
    const { names, firstDoc, firstPara, pieceOf } = this.root.documents;
    const { docs, paragraphTable: paras } = this.snap;
    await Promise.all(
      Array.from(new Set(wanted), async (d) => {
        // the piece of document d: the last whose first document is not after d
        const k = pieceOf(d, true);
        const firstDocument = firstDoc[k];
        const name = names.at(k);
        const piece = await this.store.get<DocumentsPiece>(
          name,
          (body) => readDocumentsPiece(body, firstDoc[k + 1] - firstDocument, firstPara[k + 1] - firstPara[k]),
          () => {
            // (sparse arrays: entries deleted, not set to undefined, so they hold the cached pieces' documents only)
            for (let p = firstPara[k]; p < firstPara[k + 1]; p++) for (const table of [paras.textStart, paras.textEnd, paras.ordinal]) delete table[p];
            for (let e = firstDocument; e < firstDoc[k + 1]; e++) for (const table of [docs.ids, docs.texts, docs.stored]) delete table[e];
          },
        );
        // (a document has a text while its piece is in the tables)
        if (docs.texts[d] !== undefined) return;
        const i = d - firstDocument;
        [docs.ids[d], docs.stored[d], docs.texts[d]] = readDocument(piece, i, name);
        for (let ordinal = 0, p = piece.first[i]; p < piece.first[i + 1]; ordinal++, p++) {
          paras.textStart[firstPara[k] + p] = piece.start[p];
          paras.textEnd[firstPara[k] + p] = piece.end[p];
          paras.ordinal[firstPara[k] + p] = ordinal;
        }
      }),
    );
  }
}

/**
 * The id in `text` of the parent of surface form `id` whose parent code is 8a + b + 1 (FORMAT.md, P.3): the text term
 * `form.slice(a, length − b)` (-1 when `text` lacks it; the lookup tells a dictionary read so far the piece it needs).
 */
function parentOf(surface: Dictionary, text: TermIndexData, id: number): number {
  const code = surface.parent[id];
  const form = surface.terms[id];
  return findTerm(text, form.slice(code >> 3, form.length + 1 - (code & 7)));
}

/**
 * A surface postings block's entries: as they are, or, for a form with a parent, its ranks in the parent's entries
 * made paragraph numbers (FORMAT.md, P.3) from the paragraphs the parent's block listed (`text`, read first).
 */
function surfaceEntries(body: Uint8Array, start: number, end: number, surface: Dictionary, id: number, text: PackPostings, name: PieceRef): Uint8Array {
  if (!surface.parent[id]) return body.subarray(start, end);
  const paragraphs = text.paragraphLists[parentOf(surface, text, id)];
  // a parent named must be there, listing paragraphs (its block was read: df of them, checked then)
  if (!paragraphs?.length) throw damagedPiece(name);
  const ranks = new EntryCursor().reset({ entryStart: Uint32Array.of(start, end), entryBytes: body }, 0, paragraphs.length);
  // an entry of ranks takes a byte at least (two when tf > 1), one of paragraph numbers five at most (ten): the
  // block written again fits in five times its bytes
  const out = new Uint8Array(5 * (end - start));
  let at = 0;
  for (let previous = -1; ranks.next(); previous = paragraphs[ranks.paragraphNumber]) at = putEntry(out, at, paragraphs[ranks.paragraphNumber] - previous, ranks.tf);
  return out.subarray(0, at);
}

/** An open pack. Create one with `openPack` (`fahras/pack`). */
export class SearchPack {
  private readonly snap: IndexSnapshot;
  private readonly pieces: PackPieces;
  /** The first searcher made: it plans and presents too (neither reads the accumulators). */
  private readonly planner: Searcher;
  /** Searchers whose accumulators no ranking holds (a ranking holds its own while a filter's documents are read). */
  private readonly idle: Searcher[] = [];
  private active = 0;

  /** @internal use openPack() */
  constructor(
    private readonly root: PackRoot,
    private readonly store: PieceStore,
    private readonly queryAnalyzer: TextAnalyzer,
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
    this.idle.push((this.planner = this.newSearcher()));
  }

  private newSearcher(): Searcher {
    return new Searcher(this.snap, this.queryAnalyzer, this.extras);
  }

  /** The configuration the index was built with. */
  get config(): IndexConfig {
    return this.root.config;
  }

  /** Number of documents. */
  get documentCount(): number {
    return this.root.documentCount;
  }

  /** Bytes read through the loader so far (the root included). */
  get bytesRead(): number {
    return this.store.bytesRead;
  }

  /**
   * Ranked search, as `SearchIndex.search` of `fahras/search` on the whole index (the same results), after reading
   * the pieces the query needs. Any string is a valid query.
   * @throws FahrasError `MISSING_PIECE`, `CHECKSUM_MISMATCH` or `CORRUPT_INDEX` naming a piece that cannot be read
   * or is damaged; `INVALID_ARGUMENT` for `fuzzy` when the pack was opened without `typos`.
   */
  async search(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    return (await this.searchWithTotal(query, options)).results;
  }

  /**
   * {@link search}, with the number of matches in all pages (paragraphs, or documents with `groupBy: 'document'`),
   * as `searchWithTotal` of `fahras/search` gives it: for "N results" and paging. Reads each piece right before the
   * step that needs it.
   */
  async searchWithTotal(query: string, options?: SearchOptions): Promise<SearchPage> {
    const { root, pieces, planner } = this;
    const opts = planner.resolve(options); // the option checks `search` makes (fuzzy without typos)
    const parsed = parseSearchQuery(query, this.queryAnalyzer, opts);
    this.active++;
    try {
      const textNeeds = new DictionaryNeeds(root.text);
      const surfaceNeeds = root.surface && new DictionaryNeeds(root.surface);
      const needed = () => textNeeds.pieces.size + (surfaceNeeds?.pieces.size ?? 0);
      // a typo may be anywhere in the dictionary: bounded by its size, read once
      if (opts.fuzzy && [...parsed.must, ...parsed.should].some((clause) => clause.kind === 'term')) textNeeds.everyTerm();
      let textDictionary!: Dictionary;
      let surfaceDictionary!: Dictionary | null;
      let termsPlan!: QueryPlan;
      let textTerms!: number[];
      let surfaceTerms!: number[];
      // planned in the pieces read so far, whose lookups name the pieces they need: read, and planned again, until a
      // plan needs no other piece (the first, in none, names them all but for what depends on the terms found)
      for (let read = -1; read !== (read = needed()); ) {
        [textDictionary, surfaceDictionary] = await Promise.all([pieces.dictionaryOf(textNeeds, 0), surfaceNeeds && pieces.dictionaryOf(surfaceNeeds, 1)]);
        // (set right before planning, which is synchronous: a dictionary may serve another query's plan meanwhile)
        textDictionary.reads = textNeeds;
        if (surfaceDictionary) surfaceDictionary.reads = surfaceNeeds!;
        termsPlan = planner.plan(parsed, opts, textDictionary, surfaceDictionary);
        [textTerms, surfaceTerms] = planTerms(termsPlan);
        // the parents of the surface forms found: their pieces and postings are read too (FORMAT.md, P.3)
        for (const id of surfaceTerms) if (surfaceDictionary!.parent[id]) textTerms.push(parentOf(surfaceDictionary!, textDictionary, id));
      }
      // (read at once: the surface postings wait for the text postings only to decode; both awaited from the start, so
      // a failed read is never a rejection no one handles)
      const text = pieces.postings(textDictionary, root.text, textTerms.filter((id) => id >= 0));
      const [textIndex, surfaceIndex] = await Promise.all([text, surfaceDictionary && pieces.postings(surfaceDictionary, root.surface!, surfaceTerms, text)]);
      const plan = { ...termsPlan, textIndex, surfaceIndex };
      const searcher = this.idle.pop() ?? this.newSearcher();
      let page;
      let total;
      try {
        const candidates = searcher.scoreCandidates(plan);
        // (grouping and filtering read every candidate's document; presenting, the page's)
        const documents = (opts.filter || opts.byDocument) && pieces.documentsOf(candidates);
        if (opts.filter) await pieces.readDocuments(documents as number[]);
        page = searcher.selectPage(plan, opts, candidates);
        total = searcher.lastTotal;
      } finally {
        this.idle.push(searcher);
      }
      await pieces.readDocuments(pieces.documentsOf(page.shown));
      return { results: planner.present(plan, page, opts), total };
    } finally {
      if (--this.active === 0) this.store.trim();
    }
  }
}
