// Input discovery and reading for `fahras index`: text and markdown files (one document each), JSON lines
// (one document per line, optionally gzip-compressed), and directories searched recursively for those.
import { createReadStream, type Dirent, promises as fs } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FahrasDocument as IndexDocument } from '../index.js';

/** A document the CLI reads: any properties besides the id and the text. */
type FahrasDocument = IndexDocument & Record<string, unknown>;
import { CliError, fileError } from './errors.js';

/** How a file's content becomes documents. */
export type SourceKind = 'text' | 'markdown' | 'jsonl' | 'json';

/** One input file. */
export interface Source {
  /** The path as it should appear in messages. */
  path: string;
  /** Absolute path. */
  absolute: string;
  kind: SourceKind;
  /** gzip-compressed (`.gz`). */
  gzip: boolean;
  /** Size on disk in bytes (compressed size for `.gz`). */
  size: number;
  /** Id of a text or markdown document: its path relative to the directory given, or the path given. */
  id: string;
}

const KINDS: Record<string, SourceKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

/** An input a directory walk passed over or `--skip-bad` skipped, and why (the summary lists them). */
export interface Skipped {
  path: string;
  reason: string;
}

/** The kind of a file name (`undefined` for names a directory walk skips), and whether it is gzip-compressed. */
export function kindOf(name: string): { kind: SourceKind | undefined; gzip: boolean } {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const dot = base.lastIndexOf('.');
  return { kind: dot < 0 ? undefined : KINDS[base.slice(dot)], gzip };
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

async function walk(dir: string, out: string[], skipped: Skipped[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw fileError(err, dir);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.') || e.name === 'node_modules') skipped.push({ path: p, reason: e.name.startsWith('.') ? 'hidden' : 'node_modules' });
    else if (e.isDirectory()) await walk(p, out, skipped);
    else if (e.isFile()) out.push(p);
    else skipped.push({ path: p, reason: e.isSymbolicLink() ? 'a symbolic link (not followed; name it to read it)' : 'not a regular file' });
  }
}

/**
 * Expands the inputs into source files. A file named explicitly is read whatever its extension (JSON lines when it
 * ends in .jsonl/.ndjson, optionally .gz; an array of documents for .json; markdown for .md; text otherwise); a
 * directory contributes the .txt, .md, .jsonl and .ndjson files (and the .gz of JSON lines) under it; what it passes
 * over (hidden files, node_modules, other extensions, links, FIFOs) is listed in `skipped` with the reason.
 * @throws CliError when an input does not exist or a directory holds no such file.
 */
export async function collectSources(inputs: readonly string[]): Promise<{ sources: Source[]; skipped: Skipped[] }> {
  const out: Source[] = [];
  const skipped: Skipped[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch (err) {
      throw fileError(err, input);
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      await walk(input, files, skipped);
      let found = 0;
      for (const f of files) {
        const { kind, gzip } = kindOf(f);
        const reason =
          kind === undefined || kind === 'json'
            ? `not .txt, .md, .jsonl or .ndjson${kind ? ' (name a .json file to read its array of documents)' : ''}`
            : gzip && kind !== 'jsonl'
              ? 'gzip is read for JSON lines only'
              : '';
        if (reason) {
          skipped.push({ path: f, reason });
          continue;
        }
        const size = (await fs.stat(f)).size;
        out.push({ path: f, absolute: resolve(f), kind: kind as SourceKind, gzip, size, id: toPosix(relative(input, f)) });
        found++;
      }
      if (found === 0) throw new CliError(`'${input}' holds no .txt, .md or .jsonl file`);
    } else {
      const { kind, gzip } = kindOf(input);
      out.push({ path: input, absolute: resolve(input), kind: kind ?? 'text', gzip, size: st.size, id: toPosix(basename(input)) });
    }
  }
  // The same file named twice (or inside two directories given) is read once.
  const seen = new Set<string>();
  return { sources: out.filter((s) => (seen.has(s.absolute) ? false : (seen.add(s.absolute), true))), skipped };
}

/** Names of the JSON properties that hold a record's id and text. */
export interface RecordFields {
  id: string;
  text: string;
}

/** Receives each document with the number of input bytes consumed so far (for progress). */
export type DocumentSink = (doc: FahrasDocument, where: string) => void;

function markdownTitle(text: string): string | undefined {
  const m = /^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return m ? m[1] : undefined;
}

/** Longest title taken from a text file's first line, in UTF-16 units (cut at a space, with an ellipsis). */
const TITLE_LENGTH = 80;

/** A text file's title: its first non-empty line, cut at a space near {@link TITLE_LENGTH} units. */
function textTitle(text: string): string | undefined {
  const line = /^[ \t]*(\S.*?)[ \t]*$/m.exec(text)?.[1];
  if (line === undefined || line.length <= TITLE_LENGTH) return line;
  const cut = line.lastIndexOf(' ', TITLE_LENGTH);
  return `${line.slice(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH)}…`;
}

/**
 * The record of JSON lines or of a .json array as a document: an id (`fields.id`, default "id"; `fallbackId` when the
 * property is absent, an error when it is null or another type) and a text (`fields.text`, default "text"); its other
 * properties are kept as document fields.
 * @throws CliError naming `where`
 */
function toDocument(rec: unknown, fields: RecordFields, where: string, fallbackId: string): FahrasDocument {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new CliError(`${where}: a document must be a JSON object`);
  const obj = rec as Record<string, unknown>;
  const text = obj[fields.text];
  if (typeof text !== 'string') throw new CliError(`${where}: "${fields.text}" must be a string`);
  const id = Object.hasOwn(obj, fields.id) ? obj[fields.id] : fallbackId;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    throw new CliError(`${where}: "${fields.id}" must be a string or a number`);
  }
  const doc: FahrasDocument = { id, text };
  for (const k of Object.keys(obj)) {
    if (k !== fields.id && k !== fields.text && k !== 'id' && k !== 'text') Object.defineProperty(doc, k, { value: obj[k], enumerable: true, writable: true, configurable: true }); // an own property even for __proto__
  }
  return doc;
}

/** Why a file's bytes are not read as text: malformed UTF-8, or a U+0000 NULL (a binary file that happens to decode). */
const NOT_TEXT = 'not UTF-8 text (a binary file, or another encoding such as Latin-1)';

/**
 * The chunks of `stream` decoded as UTF-8, refusing malformed bytes (`TypeError`, thrown once the whole stream has
 * been read, so a damaged gzip stream reports its own error first).
 */
async function* utf8(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bad: unknown = null;
  for await (const chunk of stream) {
    if (bad) continue;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (e) {
      bad = e;
      continue;
    }
    yield text;
  }
  if (bad) throw bad;
  yield decoder.decode();
}

/**
 * Reads one source and hands each of its documents to `sink`; `onBytes` receives the count of bytes read from disk.
 * JSON lines: every non-empty line is a document (see `toDocument`; the id defaults to the file name and line
 * number); a .json file holds an array of documents (or one); text and markdown files are one document each.
 * Without `skip`, text that is not UTF-8 and malformed lines are errors; with it (`--skip-bad`), they are reported to
 * `skip` and the reading goes on (a file that is not UTF-8 is skipped from where it fails).
 * @throws CliError for unreadable files and malformed lines (with the file and line number).
 */
export async function readSource(
  src: Source,
  fields: RecordFields,
  sink: DocumentSink,
  onBytes: (n: number) => void,
  skip?: (where: string, reason: string) => void,
): Promise<void> {
  const raw = createReadStream(src.absolute);
  let failure: CliError | null = null;
  const gunzip = src.gzip ? createGunzip() : null;
  // Everything is wired before the first await, so no chunk flows before its consumer is attached. A file error
  // ends the gunzip stream too (so the reader below never waits for data that will not come).
  raw.on('error', (e) => {
    failure ??= fileError(e, src.path);
    gunzip?.destroy(e);
  });
  gunzip?.on('error', (e) => {
    failure ??= readError(e, src);
  });
  let counted = 0;
  raw.on('data', () => {
    onBytes(raw.bytesRead - counted); // bytes on disk, whatever the decoding
    counted = raw.bytesRead;
  });
  const stream = Readable.from(utf8(gunzip ? raw.pipe(gunzip) : raw));
  stream.on('error', () => {}); // its errors reach the loops below; after they stop early, it fails on the closed file
  let n = 0; // lines read
  // a bad record of a gzip stream may be the garbage of damaged compressed data: its error waits for the stream's
  let pending: CliError | null = null;
  const bad = (err: CliError, where: string): void => {
    if (skip) skip(where, err.message.slice(where.length + 2));
    else if (src.gzip) pending ??= err;
    else throw err;
  };

  try {
    if (src.kind !== 'jsonl') {
      let text = '';
      for await (const chunk of stream) text += chunk as string;
      if (failure) throw failure;
      if (text.includes('\0')) throw new TypeError(NOT_TEXT);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (src.kind === 'json') {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (err) {
          throw new CliError(`${src.path}: not valid JSON (${(err as Error).message})`);
        }
        const list = Array.isArray(value) ? value : [value];
        list.forEach((rec, i) => {
          const where = `${src.path}[${i}]`;
          let doc: FahrasDocument;
          try {
            doc = toDocument(rec, fields, where, `${src.id}:${i}`);
          } catch (err) {
            return bad(err as CliError, where);
          }
          sink(doc, where);
        });
        return;
      }
      const doc: FahrasDocument = { id: src.id, text };
      // the title results show: a markdown file's first heading, a text file's first line
      const title = src.kind === 'markdown' ? markdownTitle(text) : textTitle(text);
      if (title !== undefined) doc.title = title;
      sink(doc, src.path);
      return;
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('error', () => {}); // the same: the loop below sees its errors while it runs
    for await (const line of lines) {
      n++;
      if (failure) break;
      if (pending) continue;
      const trimmed = n === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1).trim() : line.trim();
      if (trimmed === '') continue;
      const where = `${src.path}:${n}`;
      let doc: FahrasDocument;
      try {
        let rec: unknown;
        try {
          rec = JSON.parse(trimmed);
        } catch (err) {
          throw new CliError(`${where}: not valid JSON (${(err as Error).message})`);
        }
        doc = toDocument(rec, fields, where, `${src.id}:${n}`);
      } catch (err) {
        bad(err as CliError, where);
        continue;
      }
      sink(doc, where);
    }
    if (failure) throw failure;
    if (pending) throw pending;
  } catch (err) {
    if (failure) throw failure;
    if (err instanceof CliError) throw err;
    if (err instanceof TypeError && (err.message === NOT_TEXT || (err as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')) {
      const where = n ? `${src.path}:${n + 1}` : src.path;
      if (skip) return skip(where, NOT_TEXT);
      throw new CliError(`${where}: ${NOT_TEXT}; --skip-bad skips it`);
    }
    throw readError(err, src);
  } finally {
    raw.destroy();
  }
}

/** A stream error while reading `src` as a CliError (bad gzip data, or a file-system error). */
function readError(err: unknown, src: Source): CliError {
  const code = String((err as NodeJS.ErrnoException)?.code ?? '');
  if (code.startsWith('Z_') || code === 'ERR_ZLIB_INITIALIZATION_FAILED') {
    return new CliError(`cannot read '${src.path}': not valid gzip data (${(err as Error).message})`);
  }
  return fileError(err, src.path);
}
