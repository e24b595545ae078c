// Bundle-size check (`npm run size`, run by CI through .ci/extra; it fails when a bundle is over its limit).
// Sizes are min+gzip as a browser app gets them, measured on the built files in dist/ (run `npm run build` first).
//
// The budget for analysis + index loading + search + snippets is 10 kB (BUDGET below), and the search-only
// bundles are held to it. What keeps them there is in DESIGN.md (bundle size): typo tolerance and document-field
// scoring are opt-ins (fahras/typos, fahras/fields), the search entry runs the analysis chain without word tables
// and reads positions without block tables.
const BUDGET = '10 kB';
// NOT MET (2026-12-07): the search bundles measure 12,780 B (ESM) / 12,653 B (IIFE), 2.78 kB over the issue budget
// (#13, #14) after this session's ranking (#15, #18: clause merging, exact forms, short-paragraph prior, clitic
// alternatives), forward-compatible stored config and pack hooks; the limit is the measured size so CI guards against
// further growth. Cutting back to BUDGET without changing results is open work (bench/NOTES.md, 2026-12-07 diet).
// Since then: suggest an opt-in (fahras/suggest), the searcher in plan/rank/present steps pulling from cursors:
// 12,473 B (ESM) / 12,335 B (IIFE); the Qur'anic-orthography check on load about +70 B. Diet (bench/NOTES.md, diet 2):
// the library build's syntax minified, 12,573 → 12,421 B (ESM; IIFE 12,385). Diet 3 (bench/NOTES.md: the option-key
// hint registered by the main entry, shorter messages, internal members marked): 12,242 B (IIFE 12,202). Bundle helper
// (bench/NOTES.md, bundle: the stemmers' affixes as strings, a module cursor marked pure; with coldpath's pack work):
// 12,050 B (IIFE 12,033); the planner's dictionary lookups telling a pack which pieces they need (+14 B here, −55 B on
// fahras/pack): 12,054 B (IIFE 12,048), still 2.05 kB over BUDGET; analysis data in the index and terser measured,
// not taken.
// The derivations opt-in (#18, fahras/derivations): the reader takes the stored defaults as an argument, so the main
// entry reads `ranking.derivations` and the search entries refuse it as an unknown key: 12,097 → 12,103 B (IIFE
// 12,066 → 12,081 B); limit 12.11 kB.
// A question's idf exponent (#18, `ranking.idfExponent`: the stored key, the keyword ranking's 1, the exponent in the
// BM25 weight; TyDi MRR@10 .872 → .878, ARCD train .791 → .794, the tuning mean +.0024, news unchanged): +16 B here
// (12,097 → 12,113 B; IIFE 12,066 → 12,084 B) with 5 B found (the coordination's Math.pow as **); merged with the
// derivations opt-in: 12,105 → 12,122 B (IIFE 12,081 → 12,102 B); limit raised by what it costs (bench/NOTES.md, the
// question ranking).
// The snippet pass of a loaded index (#18, helper snippetscan: `Tokenizer.scanSpans`, word spans without folding,
// the tokenizer only for the pieces the table does not know as plain words; loaded p50 −10–11% at 20 MB against
// main, bench/NOTES.md): about +140 B, less 28 B found (the analyzer's chain calls scanRaw itself, `scan` moved to
// the main entry's Tokenizer; bestRun's best kept by plain assignments; a surrogate tested by c >> 11; statsOf's
// optional chain): 12,122 → 12,234 B (IIFE 12,102 → 12,204 B), limit raised by what it costs.
// The cold CLI search (#14 item 6, helper coldcli2: documents decoded one at a time, a dictionary list a volume at a
// time) moved the build's shortened internal names (no code of this bundle changed; the same minified length, other
// one-letter names): 12,234 → 12,235 B (IIFE 12,204 → 12,204 B).
// Teh folding (#18, `tehFolding`: the stored key's default and the query word's lookup without its final ت; MRR@10
// tuning mean .8679 → .8708, news unchanged; bench/NOTES.md, session 12, answer types and failures): 12,235 → 12,269 B
// (IIFE 12,204 → 12,237 B), limit raised by that cost.
// Budget helper, session 12 (#14; bench/NOTES.md, the budgets: what the search entries carried for others): the
// Qur'anic rules' hooks into the opt-in's subclasses (−216 B, IIFE −205), shorter messages (−33 / −34), block tables
// (−38 / −36) and term-vector snippets (−44 / −40) into the main entry's subclasses, normalization options resolved
// by the public Tokenizer only (−41 / −47), EntryCursor without a block (−3 / −5): 12,235 → 11,860 B (IIFE 12,204 →
// 11,837 B) measured before teh folding; with it 11,895 B (IIFE 11,869 B; main had 12,269 / 12,237), still 1.9 kB
// over BUDGET.
// checkFunctions (the opt-ins' check shared with openPack, see PACK_LIMIT): 11,895 → 11,897 B (IIFE 11,873).
const SEARCH_LIMIT = '11.897 kB';
// Raised from 25 kB: the main entry grew with the packs writer, the Qur'anic rules, clitics and index validation.
// Session 7: pack formats 2–3's writer, build-time clitic folding and the Qur'anic-orthography flag: 31,070 B;
// field restrictions and field highlights (#16, src/query/fields.ts, about +850 B): 32,025 B; the Qur'anic flag's
// comparison of analyses (a document in Qur'anic orthography analyzed without the rules too): 32,160 B; the library
// build's syntax minified: 31,911 B (IIFE 31,727 B). Bundle helper (the stemmers' affixes as strings): 31,843 B
// (IIFE 31,634 B). Pack format 6 (rounded lengths) and the pack writer's work: 31,900 B. The pack piece sizes'
// number check restored (a numeric string passed): 31,910 B, limit 31.95 kB (no budget of the issues bounds this
// entry; the guard keeps it from growing unseen). The query shape (#18: the question words the builder writes into
// the index, the keyword proximity; the search bundles paid for their part with a popcount loop): 32,128 B (IIFE
// 31,963 B), limit 32.15 kB. Pack format 7 (#14: the writer codes each surface form's postings as ranks in its
// parent's, finding the parents by analysis and decoding each parent's list once; −1.31 MB of pack at 20 MB, 0.616× →
// 0.551× the text, −6.87 MB at 102 MB): 32,141 → 32,464 B (IIFE 31,973 → 32,289 B), about 270 B of it the writer,
// the rest the shared build's shortened names moving; limit 32.47 kB (bench/NOTES.md, pack format 7).
// Pack format 8 (the root's lists by volume, the writer's half): 32,521 B, limit 32.53 kB.
// The derivations opt-in (#18: the builder's and loadIndex's option, the searcher's hook, the stored default; the
// skeletons and the searcher's half are in fahras/derivations): 32,525 → 32,745 B (IIFE 32,345 → 32,553 B), limit
// 32.75 kB.
// A question's idf exponent (#18; see SEARCH_LIMIT): 32,739 → 32,762 B (IIFE 32,553 → 32,581 B).
// The loaded index's snippet pass (scanSpans, see SEARCH_LIMIT): 32,762 → 32,856 B (IIFE 32,581 → 32,689 B).
// The cold CLI search's pack reader moved the shortened names (no code of this entry changed; see SEARCH_LIMIT):
// 32,856 → 32,860 B (IIFE 32,689 → 32,689 B).
// Teh folding (see SEARCH_LIMIT; the builder's decision and the `tehFolding` option too): 32,860 → 32,967 B (IIFE
// 32,689 → 32,803 B).
// Budget helper, session 12 (see SEARCH_LIMIT): what the search entries shed went into subclasses this entry carries
// beside the base classes (QuranicCharMap and QuranicTokenizer with their generic steps +214 B, SkippingPositionsCursor
// +52, VectorSearcher +18, the public Tokenizer's option resolution +12; the messages −14): 32,860 → 33,145 B (IIFE
// 32,689 → 32,970 B) before teh folding; with it 33,268 B (IIFE 33,090 B); limit raised by what the search entries' −375 B
// cost here.
const FULL_LIMIT = '33.268 kB';
// Typo tolerance (`fahras/typos`, the `fuzzy` option) is an opt-in of the search-only entry, measured apart.
const TYPOS_LIMIT = '0.6 kB';
// Document-field scoring (`fahras/fields`) likewise, measured with the search entry it adds to.
// (NOT MET: 10.6 kB was the budget, 13,107 B measured, see SEARCH_LIMIT.) With `title:word` restrictions and field
// highlights (#16) the opt-in is 1,120 B over fahras/search (was 0.34 kB): 13,668 B with it (12,548 B alone).
// The library build's syntax minified: 13,523 B. Diet 3: 13,347 B. Bundle helper: 13,163 B.
// Pack format 8 moved the build's shortened internal names (no code of this bundle changed): 13,211 B.
// The derivations opt-in's reader argument (see SEARCH_LIMIT): 13,226 B.
// A question's idf exponent (#18; see SEARCH_LIMIT): 13,219 → 13,234 B.
// The loaded index's snippet pass (scanSpans, see SEARCH_LIMIT): 13,234 → 13,342 B.
// Teh folding (see SEARCH_LIMIT): 13,339 → 13,373 B.
// Budget helper, session 12 (see SEARCH_LIMIT): 13,339 → 12,985 B before teh folding, 13,022 B with it.
// checkFunctions (shared with openPack's option check, see PACK_LIMIT) and the build's shortened names: 13,022 → 13,031 B.
const WITH_FIELDS_LIMIT = '13.031 kB';
// Qur'anic orthography (`fahras/quran`) likewise (diet 3: 13,859 → 13,687 B; bundle helper: 13,511 B).
// The loaded index's snippet pass (scanSpans, see SEARCH_LIMIT): 13,587 → 13,697 B.
// Teh folding (see SEARCH_LIMIT): 13,691 → 13,729 B.
// Budget helper, session 12: the Qur'anic rules' hooks left fahras/search for subclasses in this opt-in (QuranicCharMap,
// QuranicTokenizer; fahras/quran is the function that registers them), 13,691 → 13,939 B (+248 B, the price of
// −216 B on fahras/search without it); with the session's other cuts (see SEARCH_LIMIT) 13,776 B before teh folding,
// 13,808 B with it (main had 13,729 B), limit raised by it.
// checkFunctions (shared with openPack's option check, see PACK_LIMIT) and the build's shortened names: 13,808 → 13,815 B.
const WITH_QURAN_LIMIT = '13.815 kB';
// Completions for search as you type (`fahras/suggest`) likewise (diet 3: 12,744 → 12,578 B; bundle helper: 12,379 B).
// Pack format 7: 12,398 → 12,410 B with no code of this bundle changed but `Searcher.search` made a function (+3 B):
// the library build shortens internal names by their use over all entries, and the pack writer and reader's new
// code moved them (fahras/search 12,068 → 12,084 B likewise); limit 12.41 kB.
// Pack format 8 moved the build's shortened internal names (no code of this bundle changed): 12,419 B.
// The derivations opt-in's reader argument (see SEARCH_LIMIT): 12,431 B.
// A question's idf exponent (#18; see SEARCH_LIMIT): 12,431 → 12,447 B.
// The loaded index's snippet pass (scanSpans, see SEARCH_LIMIT): 12,447 → 12,557 B.
// The cold CLI search's pack reader moved the shortened names (no code of this bundle changed): 12,558 B.
// Teh folding (see SEARCH_LIMIT): 12,558 → 12,593 B.
// Budget helper, session 12 (see SEARCH_LIMIT): 12,558 → 12,191 B before teh folding, 12,227 B with it.
// checkFunctions (shared with openPack's option check, see PACK_LIMIT) and the build's shortened names: 12,227 → 12,233 B.
const WITH_SUGGEST_LIMIT = '12.233 kB';
// fahras/pack: load a static pack piece by piece + search + snippets (the budget).
const PACK_BUDGET = '12 kB';
// NOT MET (2026-12-07): 15,295 B (ESM) / 15,124 B (IIFE) measured, 3.3 kB over the issue budget (#14); the limit is
// the measured size so CI guards against further growth. Pack format 2 (pieces read as byte ranges of volumes, the
// loader's range argument, Node reading ranges with file handles) and searchWithTotal: 15,400 / 15,237 B. The pack
// ranks with the searcher's own steps, once (no second run, no Proxy over the documents tables): 15,263 / 15,095 B.
// Format 3 (the CRC-32 inside each piece, the zigzag document step): 15,235 / 15,071 B.
// The Qur'anic-orthography check on open (openPack's `quran`): about +80 B. The library build's syntax minified:
// 15,345 → 15,218 B (ESM; IIFE 15,192 B). Diet 3 (the search entry's cuts, one byte-array join, internal members
// marked): 15,038 B (IIFE 15,007 B); with the CLI's volume reader and the piece lists as two arrays: 15,057 / 15,044 B;
// the <script> builds without Node's `process` (the directory loader folds away): IIFE 14,880 B. Bundle helper
// (bench/NOTES.md, bundle): the directory loader only in the `node` condition's build of fahras/pack
// (src/pack-directory.ts), so the ESM a browser bundler resolves leaves it out too: 15,077 → 14,954 B (IIFE 14,922 B);
// the stemmers' affixes as strings and coldpath's reader: 14,780 B (IIFE 14,764 B); the planner naming a query's
// dictionary pieces (no second walk over the query): 14,725 B (IIFE 14,731 B), 2.73 kB over PACK_BUDGET. Pack format 7
// (#14: surface postings as ranks in their parent's, the reader's part +265 B in a one-entry build) with −224 B found
// in the pack reader (the directory path test in the node build, `Searcher.search` a function the pack leaves out,
// SearchPack the pack searcher itself, every piece compressed, lengths as values, dictionary and documents pieces as
// arrays, dictionary pieces cached as bytes only): 14,793 → 14,839 B (IIFE 14,772 → 14,840 B), limit 14.85 kB
// (bench/NOTES.md, pack format 7). Pack format 8 (#14 item 6, the lead's decision: the root's piece lists a block per
// volume, decoded when a query first needs one of its pieces; a paragraph's document placed only for the paragraphs
// a step reads): 14,839 → 15,109 B (IIFE 14,840 → 15,144 B) for 17–29 ms less CPU in a cold `fahras search` on the
// 102 MB pack (its root read in 10–21 ms instead of 23–32) and no decoding of the 11,887 documents pieces' list at a
// browser's first query; limit 15.15 kB (bench/NOTES.md, the cold CLI search again).
// A question's idf exponent (#18; see SEARCH_LIMIT): 15,134 → 15,147 B (IIFE 15,149 → 15,165 B).
// The snippet pass without folding (scanSpans, see SEARCH_LIMIT; a pack keeps no term vectors): 15,147 → 15,251 B
// (IIFE 15,165 → 15,265 B).
// The cold CLI search (#14 item 6, helper coldcli2; bench/NOTES.md): surface ranks read from the paragraphs the
// parent's block listed (−43 B), each document of a documents piece decoded when a step reads it (+49 B), a dictionary
// list decoded a volume at a time (−7 B), its documents pieces' fields with public names the build does not shorten
// (the shortened ones moved the other bundles' names by up to 9 B): 15,251 → 15,259 B (IIFE 15,265 → 15,265 B), within
// the limit.
// Teh folding (see SEARCH_LIMIT): 15,259 → 15,292 B (IIFE 15,265 → 15,292 B).
// Budget helper, session 12 (see SEARCH_LIMIT): the Qur'anic hooks (−187 B, IIFE −210), messages (−33 / −29), block
// tables (−46 / −41), term-vector snippets (−31 / −43), the tokenizer's option resolution (−48 / −41), EntryCursor
// without a block (−5 / −6): 15,259 → 14,909 B (IIFE 15,265 → 14,895 B) before teh folding; with it 14,944 B (IIFE
// 14,928 B; main had 15,292 / 15,292), 2.94 kB over PACK_BUDGET.
// openPack checks its options as loadIndex does (the contract: a programmer's mistake is a FahrasError; `{ quran: 5 }`
// or `null` options were a TypeError): the options object and its keys, the opt-ins and inflate/crc32 as functions
// (one helper, checkFunctions, serves loadIndex too): 14,944 → 15,047 B (IIFE 14,928 → 15,015 B).
const PACK_LIMIT = '15.047 kB';

module.exports = [
  {
    name: `fahras/search: load + search + snippets, ESM as a bundler imports it (budget ${BUDGET})`,
    path: 'dist/search.js',
    import: '{ loadIndex, toHtml }',
    gzip: true,
    limit: SEARCH_LIMIT,
  },
  {
    name: `dist/fahras-search.global.js: load + search + snippets, IIFE for a <script> tag (budget ${BUDGET})`,
    path: 'dist/fahras-search.global.js',
    gzip: true,
    limit: SEARCH_LIMIT,
  },
  {
    name: `fahras/pack: open a static pack + search + snippets, ESM as a bundler imports it (budget ${PACK_BUDGET})`,
    path: 'dist/pack.js',
    import: '{ openPack, toHtml }',
    gzip: true,
    limit: PACK_LIMIT,
  },
  {
    name: `dist/fahras-pack.global.js: open a static pack + search + snippets, IIFE for a <script> tag (budget ${PACK_BUDGET})`,
    path: 'dist/fahras-pack.global.js',
    gzip: true,
    limit: PACK_LIMIT,
  },
  {
    name: 'fahras/typos: typo tolerance for fahras/search (opt-in), ESM',
    path: 'dist/typos.js',
    import: '{ typos }',
    gzip: true,
    limit: TYPOS_LIMIT,
  },
  {
    name: 'dist/fahras-typos.global.js: typo tolerance, IIFE for a <script> tag after fahras-search.global.js',
    path: 'dist/fahras-typos.global.js',
    gzip: true,
    limit: TYPOS_LIMIT,
  },
  {
    name: 'fahras/search + fahras/fields (document-field scoring, opt-in for indexes built with fields), ESM',
    import: { 'dist/search.js': '{ loadIndex, toHtml }', 'dist/fields.js': '{ fields }' },
    gzip: true,
    limit: WITH_FIELDS_LIMIT,
  },
  {
    name: "fahras/search + fahras/quran (Qur'anic orthography, opt-in for Qur'anic text), ESM",
    import: { 'dist/search.js': '{ loadIndex, toHtml }', 'dist/quran.js': '{ quran }' },
    gzip: true,
    limit: WITH_QURAN_LIMIT,
  },
  {
    name: 'fahras/search + fahras/suggest (completions for search as you type, opt-in), ESM',
    import: { 'dist/search.js': '{ loadIndex, toHtml }', 'dist/suggest.js': '{ suggest }' },
    gzip: true,
    limit: WITH_SUGGEST_LIMIT,
  },
  {
    name: 'fahras: everything (build, serialize, load, search), ESM',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: FULL_LIMIT,
  },
  {
    name: 'dist/fahras.global.js: everything, IIFE',
    path: 'dist/fahras.global.js',
    gzip: true,
    limit: FULL_LIMIT,
  },
];
