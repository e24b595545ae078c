// The index writer: documents → paragraphs → analyzed tokens → postings, handed out as frozen snapshots
// (src/segment/model.ts). It never imports the query side.
export { IndexBuilder, resolveIndexConfig, type IndexOptions, type FahrasDocument, type FieldsOption } from './builder.js';
export { addDerivationEntries } from './derivations.js';
export { PostingsWriter } from './postings.js';
export { splitParagraphs, forEachParagraph, type ParagraphSpan } from './paragraphs.js';
