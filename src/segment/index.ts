// The segment: the frozen index model, its file format, the serializer that writes it and the reader that reads
// it, the stored-configuration checks, the term dictionary and the postings codec. The index builder (writer side)
// and the query engine (reader side) both sit on this module and never import each other.
export {
  PARAGRAPH_SPLITS,
  NO_VECTOR,
  emptyTermIndex,
  type ParagraphSplit,
  type DocumentId, type FahrasDocument, type StoredFields,
  type IndexConfig,
  type StoredRanking,
  type DocumentTable,
  type ParagraphTable,
  type FieldIndex,
  type TermVectors,
  type IndexSnapshot,
  type TermIndexData,
} from './model.js';
export { MAGIC, FORMAT_VERSION, HEADER_SIZE } from './format.js';
export { serializeSnapshot, type SerializedSizes } from './writer.js';
export { readSnapshot, statsOf, documentOf, type IndexStats } from './reader.js';
export { checkStoredConfig, isWritableConfig, STORED_DEFAULTS } from './stored-config.js';
export { findTerm, lowerBound, expandPrefix } from './dictionary.js';
export { skipsFor, SkippingPositionsCursor } from './skips.js';
