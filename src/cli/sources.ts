// Input discovery and reading for `fahras index`: text and markdown files (one document each), JSON lines
// (one document per line, optionally gzip-compressed), and directories searched recursively for those.
import { createReadStream, type Dirent, promises as fs } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { FahrasDocument } from '../index.js';
import { CliError, fileError } from './errors.js';

/** How a file's content becomes documents. */
export type SourceKind = 'text' | 'markdown' | 'jsonl';

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
};

/** The kind of a file name (`undefined` for names a directory walk skips), and whether it is gzip-compressed. */
export function kindOf(name: string): { kind: SourceKind | undefined; gzip: boolean } {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const dot = base.lastIndexOf('.');
  return { kind: dot < 0 ? undefined : KINDS[base.slice(dot)], gzip };
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

async function walk(dir: string, out: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw fileError(err, dir);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

/**
 * Expands the inputs into source files. A file named explicitly is read whatever its extension (JSON lines when it
 * ends in .jsonl/.ndjson, optionally .gz; markdown for .md; text otherwise); a directory contributes the .txt, .md,
 * .jsonl and .ndjson files (and their .gz) under it, hidden files and node_modules excluded.
 * @throws CliError when an input does not exist or a directory holds no such file.
 */
export async function collectSources(inputs: readonly string[]): Promise<Source[]> {
  const out: Source[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch (err) {
      throw fileError(err, input);
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      await walk(input, files);
      let found = 0;
      for (const f of files) {
        const { kind, gzip } = kindOf(f);
        if (kind === undefined || (gzip && kind !== 'jsonl')) continue;
        const size = (await fs.stat(f)).size;
        out.push({ path: f, absolute: resolve(f), kind, gzip, size, id: toPosix(relative(input, f)) });
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
  return out.filter((s) => (seen.has(s.absolute) ? false : (seen.add(s.absolute), true)));
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

/**
 * Reads one source and hands each of its documents to `sink`; `onBytes` receives the count of bytes read from disk.
 * JSON lines: every non-empty line is an object with an id (`fields.id`, default "id"; the file name and line number
 * when absent) and a text (`fields.text`, default "text"); its other properties are kept as document fields.
 * @throws CliError for unreadable files and malformed lines (with the file and line number).
 */
export async function readSource(src: Source, fields: RecordFields, sink: DocumentSink, onBytes: (n: number) => void): Promise<void> {
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
  const stream = gunzip ? raw.pipe(gunzip) : raw;
  stream.setEncoding('utf8');

  try {
    if (src.kind !== 'jsonl') {
      let text = '';
      for await (const chunk of stream) text += chunk as string;
      if (failure) throw failure;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const doc: FahrasDocument = { id: src.id, text };
      if (src.kind === 'markdown') {
        const title = markdownTitle(text);
        if (title !== undefined) doc.title = title;
      }
      sink(doc, src.path);
      return;
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (failure) break;
      const trimmed = n === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1).trim() : line.trim();
      if (trimmed === '') continue;
      const where = `${src.path}:${n}`;
      let rec: unknown;
      try {
        rec = JSON.parse(trimmed);
      } catch (err) {
        throw new CliError(`${where}: not valid JSON (${(err as Error).message})`);
      }
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new CliError(`${where}: a line must be a JSON object`);
      const obj = rec as Record<string, unknown>;
      const text = obj[fields.text];
      if (typeof text !== 'string') throw new CliError(`${where}: "${fields.text}" must be a string`);
      const id = obj[fields.id] ?? `${src.id}:${n}`;
      if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
        throw new CliError(`${where}: "${fields.id}" must be a string or a number`);
      }
      const doc: FahrasDocument = { id, text };
      for (const k of Object.keys(obj)) {
        if (k !== fields.id && k !== fields.text && k !== 'id' && k !== 'text') Object.defineProperty(doc, k, { value: obj[k], enumerable: true, writable: true, configurable: true }); // an own property even for __proto__
      }
      sink(doc, where);
    }
    if (failure) throw failure;
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (failure) throw failure;
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
