// Searching a pack: the query is planned first (parsed and looked up in the dictionary pieces it needs), the
// postings of the terms it stands for are read, then the searcher every index uses scores it over a partial
// snapshot whose statistics come from the root. The paragraphs a result shows are read last: a run of the searcher
// that meets a document not read yet notes it, and the search runs again once it is read (ranking never depends on
// the documents' text, so the second run ranks the same). Results are the in-memory index's by construction.
import type { TextAnalyzer } from '../analysis/index.js';
import { FahrasError } from '../errors.js';
import { expandPrefix, findTerm } from '../segment/dictionary.js';
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
import { type PostingsRanges, EntryCursor, VarintCursor } from '../segment/postings.js';
import { Searcher, type SearcherExtras, type SearchOptions, type SearchPage, parseSearchQuery, surfaceFormsOf, wordTerms } from './search.js';
import type { ResolvedSearchOptions } from './search-options.js';

/** The stored fields a run of the searcher sees for a document not read yet (its filter never sees them). */
const NOT_READ: Record<string, unknown> = Object.freeze({});

/** A postings piece: its bytes and the blocks whose paragraph data went into the paragraph tables. */
interface PostingsPiece {
  body: Uint8Array;
  applied: Set<number>;
}

/** The union of some dictionary pieces (in term order; term ids are positions in it), as a term index without postings. */
interface Dictionary extends DictionaryPiece, TermIndexData {
  key: string;
}

/** The dictionary pieces of one term index that a query's words need. */
class DictionaryNeeds {
  readonly pieces = new Set<number>();
  constructor(readonly lists: PackTermLists) {}

  /** The piece where `term` is or would be: the last whose first term is not after it. */
  private pieceOf(term: string): number {
    const first = this.lists.dictFirst;
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (first[mid] <= term) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** The piece an exact lookup of `term` reads. */
  word(term: string): void {
    if (this.lists.dict.length) this.pieces.add(this.pieceOf(term));
  }

  /**
   * The pieces a prefix scan reads (`expandPrefix`): from the prefix's piece on, while pieces start with the prefix,
   * until the pieces after its own hold the scan's cap of terms.
   */
  prefix(prefix: string, maxExp: number): void {
    if (prefix === '' || !this.lists.dict.length) return;
    const { dictFirst, dictCounts } = this.lists;
    const cap = Math.max(maxExp * 64, 4096);
    let i = this.pieceOf(prefix);
    this.pieces.add(i);
    for (let scanned = 0; ++i < dictFirst.length && scanned < cap && dictFirst[i].startsWith(prefix); scanned += dictCounts[i]) this.pieces.add(i);
  }

  all(): void {
    for (let i = 0; i < this.lists.dict.length; i++) this.pieces.add(i);
  }
}

/** Reads and searches one pack (what `openPack` of `fahras/pack` returns wraps this). */
export class PackSearcher {
  private readonly snap: IndexSnapshot;
  private searcher: Searcher | null = null;
  /** Documents whose piece has been read (and is still cached). */
  private readonly documentsRead: Uint8Array;
  /** Documents a run of the searcher wanted and found unread. */
  private readonly missing = new Set<number>();
  private readonly dictionaries: (Dictionary | null)[] = [null, null];
  private active = 0;

  constructor(
    readonly root: PackRoot,
    private readonly store: PieceStore,
    readonly analyzer: TextAnalyzer,
    private readonly extras: SearcherExtras,
  ) {
    const nd = root.documentCount;
    const np = root.paragraphCount;
    this.documentsRead = new Uint8Array(nd);
    const lazy = <T>(values: T[], placeholder: T): T[] =>
      new Proxy(values, {
        get: (target, key) => {
          if (typeof key === 'string') {
            const d = Number(key);
            if (Number.isInteger(d) && d >= 0 && d < nd && !this.documentsRead[d]) {
              this.missing.add(d);
              return placeholder;
            }
          }
          return Reflect.get(target, key);
        },
      });
    this.snap = {
      indexConfig: root.config,
      textIndex: emptyTermIndex(),
      surfaceIndex: null,
      vectors: null,
      fieldIndexes: [],
      paragraphTable: {
        count: np,
        doc: new Uint32Array(np),
        textStart: new Uint32Array(np),
        textEnd: new Uint32Array(np),
        ordinal: new Uint32Array(np),
        tokenCount: new Uint32Array(np),
        alive: new Uint8Array(Math.max(np, 1)).fill(1),
        liveCount: np,
        totalLength: root.totalLength,
      },
      docs: {
        ids: lazy<DocumentId>([], ''),
        texts: lazy<string>([], ''),
        stored: lazy<Record<string, unknown> | undefined>([], NOT_READ),
        alive: new Uint8Array(Math.max(nd, 1)).fill(1),
        firstParagraph: new Uint32Array(nd),
        paragraphCount: new Uint32Array(nd),
        byId: new Map(),
        liveCount: nd,
      },
    };
  }

  /** The searcher of the partial snapshot: a new one when paragraph lengths were read (its length norms are cached). */
  private current(): Searcher {
    return (this.searcher ??= new Searcher(this.snap, this.analyzer, this.extras));
  }

  /** Runs a query as `SearchIndex.searchWithTotal` does on the whole index, reading the pieces it needs first. */
  async search(query: unknown, options?: SearchOptions): Promise<SearchPage> {
    const resolved = this.current().resolve(options); // the option checks `search` makes (fuzzy without typos)
    const opts = options ?? {};
    this.active++;
    try {
      const [text, surface] = await this.prepareQuery(query, resolved);
      const filter = opts.filter;
      const runOptions: SearchOptions = typeof filter === 'function' ? { ...opts, filter: (fields, id) => fields !== NOT_READ && filter(fields, id) } : opts;
      for (;;) {
        // set right before each (synchronous) run: searches running at once each have their own term indexes
        this.snap.textIndex = text;
        this.snap.surfaceIndex = surface;
        this.missing.clear();
        const results = this.current().search(query, runOptions);
        if (this.missing.size === 0) return { results, total: this.current().lastTotal };
        await this.readDocuments([...this.missing]);
      }
    } finally {
      if (--this.active === 0) this.store.trim();
    }
  }

  /** Reads the dictionary pieces and postings the query needs: its text and surface term indexes. */
  private async prepareQuery(query: unknown, resolved: ResolvedSearchOptions): Promise<[TermIndexData, TermIndexData | null]> {
    const root = this.root;
    const parsed = parseSearchQuery(query, this.analyzer, resolved);
    const { fuzzy, maxExpansions: maxExp } = resolved;
    const positive = [...parsed.must, ...parsed.should];
    const clauses = [...positive, ...parsed.not];
    const text = new DictionaryNeeds(root.text);
    const surface = root.surface && new DictionaryNeeds(root.surface);
    const ranking = resolved.ranking;
    for (const c of clauses) {
      for (const qt of c.queryTerms) {
        for (const term of wordTerms(qt, ranking.clitics)) text.word(term);
        if (qt.prefix) {
          text.prefix(qt.term, maxExp);
          if (qt.surface !== qt.term) text.prefix(qt.surface, maxExp);
        }
      }
    }
    const fuzzyWords = fuzzy > 0 ? positive.filter((c) => c.kind === 'term') : [];
    if (fuzzyWords.length) text.all(); // a typo may be anywhere in the dictionary: bounded by its size, read once
    // every clause's exact forms (an excluded quoted word needs them too)
    const surfaceWords = clauses.flatMap((c) => surfaceFormsOf(c, ranking.forms));
    if (surface) for (const word of surfaceWords) surface.word(word);
    const [textDict, surfaceDict] = await Promise.all([this.dictionary(text, 0), surface && this.dictionary(surface, 1)]);

    const ids = new Set<number>();
    const add = (id: number) => id >= 0 && ids.add(id);
    for (const c of clauses) {
      for (const qt of c.queryTerms) {
        for (const term of wordTerms(qt, ranking.clitics)) add(findTerm(textDict, term));
        if (qt.prefix) {
          for (const id of expandPrefix(textDict, qt.term, maxExp)) add(id);
          for (const id of expandPrefix(textDict, qt.surface, maxExp)) add(id);
        }
      }
    }
    for (const c of fuzzyWords) for (const id of this.extras.typos!(textDict.terms, textDict.df, c.queryTerms[0], fuzzy, maxExp)) add(id);
    const surfaceIds = new Set<number>();
    if (surfaceDict) for (const word of surfaceWords) if (findTerm(surfaceDict, word) >= 0) surfaceIds.add(findTerm(surfaceDict, word));
    return Promise.all([
      this.postings(textDict, root.text, ids, false),
      surfaceDict ? this.postings(surfaceDict, root.surface!, surfaceIds, true) : null,
    ]);
  }

  /** The union of the needed dictionary pieces of term index `which` (0: text, 1: surface), kept while the set is the same. */
  private async dictionary(needs: DictionaryNeeds, which: number): Promise<Dictionary> {
    const order = [...needs.pieces].sort((a, b) => a - b);
    const key = order.join(',');
    const last = this.dictionaries[which];
    if (last && last.key === key) return last; // the same pieces as the last query (it holds them, cached or not)
    const posts = needs.lists.post.length;
    const pieces = await Promise.all(order.map((i) => this.store.get(needs.lists.dict[i], (body) => readDictionaryPiece(body, posts))));
    const n = pieces.reduce((sum, p) => sum + p.terms.length, 0);
    const terms: string[] = [];
    const out: Dictionary = {
      ...emptyTermIndex(),
      key,
      // one array under both names: the piece's and the term index's (the dictionary lookups read termsById)
      terms,
      termsById: terms,
      df: new Uint32Array(n),
      piece: new Uint32Array(n),
      offset: new Uint32Array(n),
      length: new Uint32Array(n),
      sorted: new Uint32Array(n).map((_, i) => i),
    };
    let at = 0;
    for (const p of pieces) {
      for (const t of p.terms) out.terms.push(t);
      out.df.set(p.df, at);
      out.piece.set(p.piece, at);
      out.offset.set(p.offset, at);
      out.length.set(p.length, at);
      at += p.terms.length;
    }
    for (let i = 1; i < n; i++) if (!(out.terms[i - 1] < out.terms[i])) throw new FahrasError('CORRUPT_INDEX', 'pack dictionary pieces overlap');
    return (this.dictionaries[which] = out);
  }

  /** A term index over `dict` holding the postings of the terms `ids` (the others are empty). */
  private async postings(dict: Dictionary, lists: PackTermLists, ids: Set<number>, surface: boolean): Promise<TermIndexData> {
    const wanted = [...ids].sort((a, b) => a - b);
    const pieces = await Promise.all(
      wanted.map((id) => {
        const name = lists.post[dict.piece[id]];
        return this.store.get<PostingsPiece>(name, (body) => ({ body, applied: new Set() }));
      }),
    );
    const n = dict.terms.length;
    const docStart = new Uint32Array(n + 1);
    const posStart = new Uint32Array(n + 1);
    const blocks: { units: Uint8Array; positions: Uint8Array }[] = [];
    let unitBytes = 0;
    let positionBytes = 0;
    wanted.forEach((id, k) => {
      const piece = pieces[k];
      const start = dict.offset[id];
      const end = start + dict.length[id];
      if (end > piece.body.length) throw damagedPiece(lists.post[dict.piece[id]]);
      const block = surface ? { units: piece.body.subarray(start, end), positions: new Uint8Array(0) } : this.textBlock(piece, start, end, dict.df[id], lists.post[dict.piece[id]]);
      blocks.push(block);
      unitBytes += block.units.length;
      positionBytes += block.positions.length;
    });
    const bytes = new Uint8Array(unitBytes);
    const posBytes = new Uint8Array(positionBytes);
    let u = 0;
    let p = 0;
    for (let id = 0, k = 0; id < n; id++) {
      if (wanted[k] === id) {
        bytes.set(blocks[k].units, u);
        posBytes.set(blocks[k].positions, p);
        u += blocks[k].units.length;
        p += blocks[k].positions.length;
        k++;
      }
      docStart[id + 1] = u;
      posStart[id + 1] = p;
    }
    return { termsById: dict.terms, sorted: dict.sorted, df: dict.df, entryStart: docStart, entryBytes: bytes, positionStart: posStart, positionBytes: posBytes };
  }

  /** A text postings block: its units and positions; the first time, its paragraphs' lengths and documents go into the tables. */
  private textBlock(piece: PostingsPiece, start: number, end: number, df: number, name: PieceRef) {
    const c = new VarintCursor().reset(piece.body, start, end);
    const unitsLength = c.next();
    const positionsLength = c.next();
    const unitsStart = c.pos;
    const metaStart = unitsStart + unitsLength + positionsLength;
    if (metaStart > end) throw damagedPiece(name);
    if (!piece.applied.has(start)) {
      const paras = this.snap.paragraphTable;
      const ranges: PostingsRanges = { entryStart: Uint32Array.of(unitsStart, unitsStart + unitsLength), entryBytes: piece.body, positionStart: new Uint32Array(2), positionBytes: piece.body };
      const cursor = new EntryCursor().reset(ranges, 0, paras.count);
      const meta = new VarintCursor().reset(piece.body, metaStart, end);
      let doc = 0;
      let listed = 0;
      while (cursor.next()) {
        const u = cursor.paragraphNumber;
        const length = meta.next();
        doc += meta.next();
        if (doc >= this.root.documentCount || meta.pos > end) throw damagedPiece(name);
        if (paras.tokenCount[u] !== length) {
          paras.tokenCount[u] = length;
          this.searcher = null; // its cached length norms are stale
        }
        paras.doc[u] = doc;
        listed++;
      }
      if (listed !== df || meta.pos !== end) throw damagedPiece(name);
      piece.applied.add(start);
    }
    return {
      units: piece.body.subarray(unitsStart, unitsStart + unitsLength),
      positions: piece.body.subarray(unitsStart + unitsLength, metaStart),
    };
  }

  /** Reads the documents pieces holding documents `wanted` into the snapshot's tables. */
  private async readDocuments(wanted: number[]): Promise<void> {
    const { names, firstDoc, firstPara } = this.root.documents;
    const pieces = new Set<number>();
    for (const d of wanted) {
      let lo = 0;
      let hi = names.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (firstDoc[mid + 1] <= d) lo = mid + 1;
        else hi = mid;
      }
      pieces.add(lo);
    }
    const { docs, paragraphTable: paras } = this.snap;
    await Promise.all(
      [...pieces].map(async (k) => {
        const d0 = firstDoc[k];
        const nd = firstDoc[k + 1] - d0;
        const piece = await this.store.get<DocumentsPiece>(
          names[k],
          (body) => readDocumentsPiece(body, nd, firstPara[k + 1] - firstPara[k]),
          () => {
            for (let i = 0; i < nd; i++) {
              this.documentsRead[d0 + i] = 0;
              docs.ids[d0 + i] = docs.texts[d0 + i] = docs.stored[d0 + i] = undefined as never;
            }
          },
        );
        if (this.documentsRead[d0] && nd) return;
        let u = firstPara[k];
        for (let i = 0, p = 0; i < nd; i++) {
          const d = d0 + i;
          docs.ids[d] = piece.ids[i];
          docs.texts[d] = piece.texts[i];
          docs.stored[d] = piece.stored[i];
          docs.firstParagraph[d] = u;
          docs.paragraphCount[d] = piece.paraCount[i];
          for (let o = 0; o < piece.paraCount[i]; o++, u++, p++) {
            paras.textStart[u] = piece.start[p];
            paras.textEnd[u] = piece.end[p];
            paras.ordinal[u] = o;
          }
          this.documentsRead[d] = 1;
        }
      }),
    );
  }
}
