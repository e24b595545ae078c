// The frozen index model: what a segment is once built or read, shared by the writer (index-builder/), the
// serializer and reader of the format (writer.ts, reader.ts) and the searcher (query/). Nothing here changes after
// it is handed out; the builder makes a new snapshot for every change.
import type { AnalyzerConfig } from '../analysis/index.js';

/** How documents are split into paragraphs. */
export type ParagraphSplit =
  /** Every line break ends a paragraph (default; news and JSONL corpora put one paragraph per line). */
  | 'line'
  /** Only blank lines end a paragraph (Markdown and plain-text files with wrapped lines). */
  | 'blank-line'
  /** The whole document is one paragraph. */
  | 'none';

/** Every {@link ParagraphSplit} (option resolution and the stored-config check accept these). */
export const PARAGRAPH_SPLITS: readonly ParagraphSplit[] = ['line', 'blank-line', 'none'];

/** A document id: a string or a number, returned as given. */
export type DocumentId = string | number;

/**
 * A document to index: an id and its text (a string, the only text fahras indexes), and any other properties:
 * indexed when named in the `fields` option, always stored and returned with results as `fields`. Any type with
 * these two properties is one: a plain `interface Article { id: number; title: string; text: string }` needs no
 * index signature.
 */
export interface FahrasDocument {
  id: DocumentId;
  text: string;
}

/**
 * The stored fields of a document type as results give them back: every property but `id` and `text`
 * (`Record<string, unknown>` for documents of no particular type).
 */
export type StoredFields<D extends FahrasDocument> = FahrasDocument extends D ? Record<string, unknown> : Omit<D, 'id' | 'text'>;

/**
 * Ranking choices stored with an index, so a file keeps the ranking it was written with (a file written before a
 * choice existed gets its stored default, the old ranking; a new index gets {@link RANKING}). A search's `ranking`
 * option overrides them. Numbers, 0 for off (`idfExponent`: 1).
 */
export interface StoredRanking {
  /** Weight, relative to the surface form's, of the evidence of the word's forms up to the prefixes the stemmer removes (والرياض for الرياض); 0: off. */
  forms: number;
  /** A paragraph of fewer indexed words (a byline, a caption) has its score times √(its words / minLength); 0: none. */
  minLength: number;
  /** 1: a word in the dictionary is not typo-expanded, and a paragraph counts only its best alternative of a word, an expansion's weight capped below the word's; 0: every alternative adds. */
  expansions: number;
  /**
   * Read by no build since clitic folding (`cliticFolding`, #18) replaced it: the weight a word's single-letter clitic
   * forms had as query-time alternatives (+30–45% p50 query time at 20 MB). Kept so the files that carry it (every
   * file with `ranking`, all with 0) load; a new index writes 0.
   */
  clitics: number;
  /**
   * Weight, relative to the word's, of the other forms of its stem's skeleton the index holds (src/stem/skeleton.ts:
   * مدارس for مدرسة, حليم for حلم): a few of the most frequent, read from the derivation entries of an index built
   * with `derivations` (`fahras/derivations`); with `expansions` a paragraph counts the best of a word's terms; 0: off.
   */
  derivations?: number;
  /**
   * The proximity weight of a query that holds none of the index's question words (`questions`: keywords or a
   * phrase, whose words a relevant paragraph holds together), in place of `proximity`; such a query is ranked with
   * coordination exponent, surface weight and idf exponent 1 too (the keyword ranking). A question's answer holds its
   * words apart, so a query holding a question word keeps the search's `proximity`, `coord`, `surface` and
   * `idfExponent`. 0: every query ranked as a question.
   */
  keywordProximity: number;
  /**
   * The exponent of a question's idf (BM25's term weight idf^idfExponent, surface forms too): above 1 a question's
   * rarest words (its names) weigh more against its common ones, which its answer need not repeat. A keyword query's
   * is 1 (the keyword ranking, `keywordProximity`). 1: plain BM25.
   */
  idfExponent: number;
}

/** The ranking a new index is written with. */
export const RANKING: StoredRanking = { forms: 0, minLength: 12, expansions: 1, clitics: 0, keywordProximity: 3, idfExponent: 1.4 };

/** The `derivations` weight of an index built with the `derivations` option. */
export const DERIVATION_WEIGHT = 0.4;

/** What the builder's half of `fahras/derivations` adds to: the text dictionary being written. @internal */
export interface TermsWriter {
  readonly termCount: number;
  termAt(t: number): string;
  idFor(term: string): number;
}

/**
 * `derivations` of `fahras/derivations`, opaque: with a writer and a `target` (null without clitic folding) it is the
 * builder's half, which at each freeze, after clitic folding, adds the derivation entries of the text terms not seen
 * before to the dictionary (those `target` does not fold into another term); with a query plan alone, the searcher's.
 */
export type Derivations = (...args: never[]) => void;

/** The builder's half of {@link Derivations}. @internal */
export type DerivationEntries = (writer: TermsWriter, target: Int32Array | null) => void;

/** The resolved configuration, stored in serialized indexes. */
export interface IndexConfig {
  analyzer: AnalyzerConfig;
  paragraphs: ParagraphSplit;
  maxParagraphLength: number;
  fields: { name: string; boost: number }[];
  ranking: StoredRanking;
  /**
   * Whether single-letter clitics (ب ل ك, and بال لل after a conjunction: `FOLD_PREFIXES` in
   * src/stem/clitics.ts) are folded at build time: a stem that starts with one is indexed as the stem without it
   * when the index has that stem and it is the more frequent (لذراع as ذراع). A folded term stays in the dictionary
   * with df 0, so a query word the dictionary lacks, or holds with df 0, is looked up without its clitic.
   */
  cliticFolding: boolean;
  /**
   * Whether, with `cliticFolding`, a stem ending in U+062A TEH ت that no word has as its bare form is folded the same
   * way into the stem without the ت (`cliticRemainder` in src/stem/clitics.ts): a noun's ة is written ت before a
   * pronoun suffix the stemmer removes, so مساحتها (stem مساحت) is indexed as مساحة (stem مساح); قالت, a word of
   * its own, keeps its ت. A query word the dictionary lacks, or holds with df 0, is looked up without the ت too.
   */
  tehFolding: boolean;
  /**
   * Whether the indexed text is written in Qur'anic orthography (and `analyzer.normalize.uthmani` is on): a reader
   * needs the Qur'anic rules to analyze queries as the index was analyzed (`fahras/quran` for `fahras/search` and
   * `fahras/pack`). Set by the builder when a document has such characters; it stays set.
   */
  quranic: boolean;
  /**
   * Whether paragraph lengths (BM25's, in tokens) are kept rounded down to their 4 most significant bits, exact below
   * 16 ({@link roundLength}): 8 lengths per doubling, as Lucene's one-byte norms (a few distinct lengths, which a
   * pack's postings compress well). New indexes round; files written before the key keep their exact lengths.
   */
  roundedLengths: boolean;
  /**
   * The words that make a query a question (ما متى كيف …, with their clitic forms: `QUESTION_WORDS` in
   * src/index-builder/question-words.ts), as the index's analyzer normalizes them (surface forms, stopwords or not):
   * a query holding one is ranked with the search's ranking, any other with the keyword ranking (`keywordProximity`).
   * Written by the builder, so a search bundle carries no such table; `[]` (files written before the key, which lack
   * `keywordProximity` too): no query is a question.
   */
  questions: string[];
}

/** A paragraph length as an index with `roundedLengths` keeps it: its 4 most significant bits (exact below 16). */
export function roundLength(length: number): number {
  const shift = 28 - Math.clz32(length); // bits below the top 4
  return shift < 1 ? length : (length >> shift) << shift;
}

/**
 * A table of numbers over documents or paragraphs that a searcher only reads at the page's entries: a typed array,
 * or in a pack's partial snapshot a sparse array holding the documents read (a typed array would take 4 bytes of every
 * document and paragraph of the corpus: 0.67 MB each at 102 MB).
 */
export type EntryTable = Uint32Array | number[];

/** Per-document tables. `stored` holds every property except `id` and `text`. @internal */
export interface DocumentTable {
  ids: DocumentId[];
  texts: string[];
  stored: (Record<string, unknown> | undefined)[];
  alive: Uint8Array;
  firstParagraph: EntryTable;
  paragraphCount: EntryTable;
  /** Live documents by id. */
  byId: Map<DocumentId, number>;
  liveCount: number;
}

/** Per-paragraph tables: a paragraph is `docs.texts[doc].slice(start, end)`. @internal */
export interface ParagraphTable {
  count: number;
  doc: Uint32Array;
  textStart: EntryTable;
  textEnd: EntryTable;
  ordinal: EntryTable;
  /** Indexed tokens (BM25 length). */
  tokenCount: Uint32Array;
  alive: Uint8Array;
  liveCount: number;
  totalLength: number;
}

/**
 * The text of an indexed field as a document stores it: a string, an array of strings (joined by line breaks), or
 * nothing. Field highlights are offsets in this text.
 */
export function fieldText(v: unknown): string {
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join('\n') : '';
}

/** One extra field's inverted index over documents. */
export interface FieldIndex {
  name: string;
  boost: number;
  /** @internal */
  termIndex: TermIndexData;
  /** Indexed tokens per document. */
  tokenCount: Uint32Array;
  totalLength: number;
}

/**
 * In-memory term vectors (not serialized): per paragraph, its tokens as varint triples (text term id, start − the
 * previous token's start, end − start), so snippets need no re-analysis. `off[u]`/`end[u]` delimit paragraph
 * `u`'s bytes; paragraphs without a vector (read from serialized bytes) have `off[u] === NO_VECTOR`.
 * @internal
 */
export interface TermVectors {
  vectorStart: Uint32Array;
  vectorEnd: Uint32Array;
  vectorBytes: Uint8Array;
  /** With clitic folding: per text term id in the vectors, the term it is indexed under (itself, or -1, when kept). */
  termTarget?: Int32Array;
}

/** Marks a paragraph without a term vector. */
export const NO_VECTOR = 0xffffffff;

/** Everything a reader needs, frozen. Produced by the builder and by loading serialized bytes. @internal */
export interface IndexSnapshot {
  indexConfig: IndexConfig;
  textIndex: TermIndexData;
  /** Unstemmed (surface) forms of the paragraphs' words, without positions; null when the analyzer does not stem. */
  surfaceIndex: TermIndexData | null;
  /** Term vectors of the paragraphs built in this process (null after loading until paragraphs are added). */
  vectors: TermVectors | null;
  paragraphTable: ParagraphTable;
  docs: DocumentTable;
  fieldIndexes: FieldIndex[];
}

/**
 * One inverted index in its frozen, read-only layout. Term ids are stable (order of first appearance, or sorted
 * order after loading). For term `t`, `bytes[docStart[t], docStart[t + 1])` holds its units with their term
 * frequencies and `posBytes[posStart[t], posStart[t + 1])` its positions (empty when positions are not kept),
 * encoded as src/segment/postings.ts describes.
 * @internal
 */
export interface TermIndexData {
  /** Term strings by id. */
  termsById: string[];
  /** Term ids in ascending string order (prefix lookups by binary search). */
  sorted: Uint32Array;
  /** Live document frequency (units containing the term, not counting removed ones). */
  df: Uint32Array;
  entryStart: Uint32Array;
  entryBytes: Uint8Array;
  positionStart: Uint32Array;
  positionBytes: Uint8Array;
  /**
   * @internal Set on a dictionary that holds part of its term index (a pack's pieces read so far): told of every
   * lookup, it learns which pieces the whole dictionary would answer it from (query/pack-search.ts).
   */
  reads?: DictionaryReads;
}

/**
 * What a partial dictionary is told of the lookups made in it (`findTerm`, `expandPrefix`; typo neighbours, which scan
 * every term, are asked for before planning).
 * @internal
 */
export interface DictionaryReads {
  /** An exact lookup of `term`. */
  lookup(term: string): void;
  /** A prefix scan (`expandPrefix`) of a prefix that is not empty, for at most `max` terms. */
  prefixScan(prefix: string, max: number): void;
}

export function emptyTermIndex(): TermIndexData {
  return {
    termsById: [],
    sorted: new Uint32Array(0),
    df: new Uint32Array(0),
    entryStart: new Uint32Array(1),
    entryBytes: new Uint8Array(0),
    positionStart: new Uint32Array(1),
    positionBytes: new Uint8Array(0),
  };
}

