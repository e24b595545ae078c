// `fahras search`: answers queries from an index file (loaded whole) or a pack directory (read piece by piece). The
// entry (main.ts) imports this module alone for `fahras search PATH words…`, so a search loads the pack reader, the
// searcher and the printer, and neither commander nor the builder (bench/NOTES.md: a cold search on the 102 MB pack).
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
// (the `node` build of fahras/pack: it inflates and checks pieces with node:zlib)
import { FahrasError, openPack, type PieceLoader, type SearchOptions, type SearchResult } from '../pack-directory.js';
import { typos } from '../typos.js';
import { quran } from '../quran.js';
import { CliError, fileError, indexError, type CliIO } from './errors.js';
import { colorEnabled, renderResults, terminalText } from './render.js';

/** The options of `fahras search` (commander's names; a plain `fahras search PATH words…` takes the defaults). */
export interface SearchCommandOptions {
  limit: number;
  json?: boolean;
  prefix?: boolean;
  fuzzy?: boolean;
  group?: boolean;
  snippetLength?: number;
}

/** The results shown when `-n` is not given. */
export const DEFAULT_LIMIT = 10;

/** A searcher over an index file (loaded whole) or a pack directory (read piece by piece as queries need). */
type Search = (query: string, options: SearchOptions) => Promise<SearchResult[]>;

/** A Node Buffer's bytes as a plain Uint8Array: the readers take many views of what they read, and a Buffer's views are Buffers, slower to make. */
const plainBytes = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

/**
 * A pack directory's pieces through file descriptors kept open per volume, read synchronously by byte range (the root
 * whole): a command answers a query or a few, so blocking reads cost less than the thread pool's round trips.
 */
function volumeReader(dir: string): PieceLoader {
  const open = new Map<string, number>();
  process.once('exit', () => open.forEach((fd) => closeSync(fd)));
  return async (name, range) => {
    const path = `${dir}/${name}`;
    if (!range) return plainBytes(readFileSync(path));
    let fd = open.get(name);
    if (fd === undefined) open.set(name, (fd = openSync(path, 'r')));
    const bytes = new Uint8Array(range.end - range.start);
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, range.start));
  };
}

/**
 * Whether `err` is the search entries' refusal of an analyzer component only the main entry registers (the `lucene`
 * preset's normalizer, the Snowball stemmer, stopword lists by name: src/analysis/components.ts).
 */
const needsMainEntry = (err: unknown) => err instanceof FahrasError && err.code === 'INVALID_ARGUMENT' && err.message.endsWith("needs the main 'fahras' entry");

/**
 * Opens `path`, an index file or a pack directory. An index or pack whose analyzer needs a component of the main entry is opened again after the main entry has
 * registered them (its `createAnalyzer` does: loaded only then, so a default index's search does not load it).
 */
async function openSearch(path: string): Promise<Search> {
  try {
    return await openSearchWith(path);
  } catch (err) {
    if (!needsMainEntry(err)) throw err;
    (await import('../index.js')).createAnalyzer();
    return openSearchWith(path);
  }
}

async function openSearchWith(path: string): Promise<Search> {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw fileError(err, path);
  }
  try {
    if (st.isDirectory()) {
      // a corpus quoting the Qur'an (news does) needs its rules
      const pack = await openPack(volumeReader(path), { typos, quran });
      return (query, options) => pack.search(query, options).catch((err) => Promise.reject(indexError(err, path)));
    }
    // --fuzzy, --fields and Qur'anic indexes need the search-only entry's opt-ins
    const [{ loadIndex }, { fields }] = await Promise.all([import('../search.js'), import('../fields.js')]);
    const index = loadIndex(readFileSync(path), { typos, fields, quran });
    return async (query, options) => index.search(query, options);
  } catch (err) {
    if (err instanceof CliError || needsMainEntry(err)) throw err;
    if (!(err instanceof FahrasError)) throw fileError(err, path);
    throw indexError(err, path);
  }
}

/** Answers `words` (joined), or with none one query per line from standard input (a prompt on a terminal). */
export async function searchCommand(file: string, words: string[], opts: SearchCommandOptions, io: CliIO): Promise<void> {
  const search = await openSearch(file);
  const options: SearchOptions = {
    limit: opts.limit,
    prefix: opts.prefix === true,
    fuzzy: opts.fuzzy === true,
    groupBy: opts.group ? 'document' : 'paragraph',
  };
  if (opts.snippetLength !== undefined) options.snippetLength = opts.snippetLength;
  const answer = async (query: string) => {
    const results = await search(query, options);
    if (opts.json) io.stdout.write(`${JSON.stringify({ query, results }, null, 2)}\n`);
    else if (results.length === 0) io.stdout.write(`no results for ${query.trim() === '' ? 'an empty query' : `“${terminalText(query)}”`}\n`);
    else io.stdout.write(`${renderResults(results, colorEnabled(io.stdout, io.env))}\n`);
  };
  if (words.length) return answer(words.join(' '));
  // no query: one per line from standard input, the index opened once (a prompt on a terminal)
  const input = io.stdin ?? process.stdin;
  // (node:readline loaded only here: a search given its words never reads lines)
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input, output: input.isTTY ? io.stdout : undefined, terminal: input.isTTY === true });
  const prompt = () => input.isTTY && lines.prompt();
  lines.setPrompt('fahras> ');
  prompt();
  for await (const line of lines) {
    if (line.trim() !== '') await answer(line);
    prompt();
  }
}
