export {
  IndexBuilder,
  resolveIndexConfig,
  type IndexOptions,
  type IndexConfig,
  type IndexSnapshot,
  type FahrasDocument,
  type DocumentId,
  type FieldsOption,
  type DocumentTable,
  type ParagraphTable,
  type FieldIndex,
} from './builder.js';
export { PostingsWriter, lowerBound, type TermIndexData } from './postings.js';
export { serializeSnapshot, type SerializedSizes } from './serialize.js';
export { splitParagraphs, forEachParagraph, type ParagraphSplit, type ParagraphSpan } from './paragraphs.js';
export { isWritableConfig } from './stored-config.js';
