// The `fahras` command line: `fahras index` builds an index file from text, markdown and JSON-lines inputs,
// `fahras pack` a static pack (a directory); `fahras search` queries either. Node only (never imported by the library entry points).
import { constants as fsConstants, promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createIndex, FahrasError, type FahrasIndex, type FieldsOption, loadIndex as loadFull, type ParagraphSplit } from '../index.js';
import { threadedCompressor, writePack } from '../pack-node.js';
import { CliError, type CliIO, EXIT_USAGE, fileError, indexError, reportFailure } from './errors.js';
import { DEFAULT_LIMIT, searchCommand, type SearchCommandOptions } from './search.js';
import { terminalText } from './render.js';
import { collectSources, readSource, type Skipped } from './sources.js';
import { formatSeconds, RemainingTime } from './eta.js';
// the version of package.json (the build bundles only this field of it)
import { version as VERSION } from '../../package.json';

export type { CliIO } from './errors.js';


/**
 * The time `fahras index` spends after reading its input (the index's final form, its bytes, the file) as a share of
 * the reading time: 0.61–0.73 measured on SaudiNewsNet (50,000 documents and all 168,121, busy and quiet machine;
 * bench/NOTES.md). Both are CPU work on the same data, so the share holds as the machine's speed changes.
 */
const TAIL_SHARE = 0.65;

/** Runs below this many milliseconds show no progress bar. */
const PROGRESS_AFTER_MS = 400;

function positiveInt(name: string, max: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}`);
    }
    return n;
  };
}

/** `title:2,author` → `{ title: { boost: 2 }, author: {} }`. */
function parseFields(v: string): FieldsOption {
  const out: Record<string, { boost?: number }> = {};
  for (const part of v.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const m = /^([^:\s]+)(?::([0-9]*\.?[0-9]+))?$/.exec(item);
    if (!m) throw new InvalidArgumentError(`'${item}' is not a field name with an optional boost (e.g. title:2)`);
    out[m[1]] = m[2] === undefined ? {} : { boost: Number(m[2]) };
  }
  return out;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function formatBytes(n: number): string {
  if (n < 10_000) return `${fmt(n)} bytes`;
  if (n < 10_000_000) return `${(n / 1000).toFixed(1)} kB (${fmt(n)} bytes)`;
  return `${(n / 1e6).toFixed(1)} MB (${fmt(n)} bytes)`;
}

interface IndexCommandOptions {
  output: string;
  paragraphs: ParagraphSplit;
  preset: 'default' | 'lucene' | 'exact';
  fields?: FieldsOption;
  idField: string;
  textField: string;
  quiet?: boolean;
  json?: boolean;
  skipBad?: boolean;
}

async function indexCommand(inputs: string[], opts: IndexCommandOptions, io: CliIO): Promise<void> {
  const t0 = performance.now();
  const out = opts.output;
  // Fail before the work, not after it, when the output cannot be written.
  try {
    const st = await fs.stat(out).catch(() => null);
    if (st?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    await fs.access(dirname(out) || '.', fsConstants.W_OK);
  } catch (err) {
    throw fileError(err, (err as NodeJS.ErrnoException).code === 'EISDIR' ? out : dirname(out) || '.', 'write');
  }
  const { index, sources, skipped, total } = await buildIndex(inputs, opts, io, t0);
  const { bytes, textBytes } = index.serializeWithSizes();
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, out);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw fileError(err, out, 'write');
  }
  const stats = index.stats();
  const seconds = (performance.now() - t0) / 1000;
  if (opts.json) {
    const summary = {
      output: out,
      documents: stats.documents,
      paragraphs: stats.paragraphs,
      terms: stats.terms,
      bytes: bytes.length,
      textBytes,
      inputBytes: total,
      seconds: Number(seconds.toFixed(3)),
      skipped,
    };
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else if (!opts.quiet) {
    io.stdout.write(
      `indexed ${fmt(stats.documents)} documents, ${fmt(stats.paragraphs)} paragraphs, ${fmt(stats.terms)} terms ` +
        `from ${sources.length} file${sources.length === 1 ? '' : 's'} in ${seconds.toFixed(2)} s\n` +
        `wrote ${out}: ${formatBytes(bytes.length)}, of which stored text ${formatBytes(textBytes)}\n` +
        skippedLines(skipped),
    );
  }
}

/** `fahras pack`: the inputs of `fahras index` (or one index file) written as a static pack to a directory. */
async function packCommand(inputs: string[], opts: IndexCommandOptions, io: CliIO): Promise<void> {
  const t0 = performance.now();
  const out = opts.output;
  let index: FahrasIndex;
  let skipped: Skipped[] = [];
  // the compressing threads start while the index is built or loaded (their start is then off the pack's time)
  const threads = threadedCompressor();
  let written;
  try {
    if (inputs.length === 1 && inputs[0].endsWith('.fahras') && !(await fs.stat(inputs[0]).catch(() => null))?.isDirectory()) {
      const bytes = await fs.readFile(inputs[0]).catch((err) => Promise.reject(fileError(err, inputs[0])));
      try {
        index = loadFull(bytes);
      } catch (err) {
        throw indexError(err, inputs[0]);
      }
    } else ({ index, skipped } = await buildIndex(inputs, opts, io, t0));
    try {
      written = await writePack(index, out, { compress: threads.compress });
    } catch (err) {
      if (err instanceof FahrasError) throw new CliError(`cannot pack: ${err.message} (${err.code})`);
      throw fileError(err, out, 'write');
    }
  } finally {
    await threads.close();
  }
  const stats = index.stats();
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(3));
  if (opts.json) {
    const summary = { output: out, documents: stats.documents, paragraphs: stats.paragraphs, terms: stats.terms, files: written.files.length, bytes: written.bytes, seconds, skipped };
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else if (!opts.quiet) {
    io.stdout.write(
      `packed ${fmt(stats.documents)} documents, ${fmt(stats.paragraphs)} paragraphs, ${fmt(stats.terms)} terms in ${seconds.toFixed(2)} s\n` +
        `wrote ${out.replace(/\/*$/, '/')}: ${fmt(written.files.length)} files, ${formatBytes(written.bytes)}\n` +
        skippedLines(skipped),
    );
  }
}

/** Indexes the inputs (files, directories, JSON lines), with a progress bar on a terminal. */
async function buildIndex(inputs: string[], opts: IndexCommandOptions, io: CliIO, t0: number) {
  const out = opts.output;
  const { sources, skipped } = await collectSources(inputs);
  // the output must not replace an input (after resolving links): `-o a.jsonl` would have replaced the corpus
  const target = await fs.realpath(out).catch(() => resolve(out));
  for (const s of sources) {
    if ((await fs.realpath(s.absolute).catch(() => s.absolute)) === target) throw new CliError(`the output '${out}' is an input: name another file with -o`, EXIT_USAGE);
  }
  const total = sources.reduce((a, s) => a + s.size, 0);
  let index;
  try {
    index = createIndex({ paragraphs: opts.paragraphs, analyzer: opts.preset, fields: opts.fields });
  } catch (err) {
    if (err instanceof FahrasError) throw new CliError(err.message, EXIT_USAGE);
    throw err;
  }

  let read = 0;
  let docs = 0;
  let bar: SingleBar | null = null;
  const wantBar = !opts.quiet && io.stderr.isTTY === true;
  // the bar's module only when a bar may be drawn
  const Bar = wantBar ? (await import('cli-progress')).SingleBar : null;
  // time left from the input bytes read and the recent pace (src/cli/eta.ts), sampled from the start
  const eta = new RemainingTime(total, { afterShare: TAIL_SHARE });
  const tick = (): void => {
    if (!wantBar) return;
    eta.observe(performance.now(), read);
    if (bar === null) {
      if (performance.now() - t0 < PROGRESS_AFTER_MS || Bar === null) return;
      bar = new Bar({
        stream: io.stderr,
        format: 'indexing [{bar}] {percentage}% | {docs} documents | {mb}/{total_mb} MB | ETA {left}',
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
        fps: 8,
      });
      bar.start(Math.max(total, 1), 0, { docs: fmt(docs), mb: '0', total_mb: (total / 1e6).toFixed(1), left: '…' });
    }
    bar.update(read, { docs: fmt(docs), mb: (read / 1e6).toFixed(1), left: formatSeconds(eta.secondsLeft()) });
  };

  try {
    for (const src of sources) {
      await readSource(
        src,
        { id: opts.idField, text: opts.textField },
        (doc, where) => {
          try {
            index.add(doc);
          } catch (err) {
            if (err instanceof FahrasError) throw new CliError(`${where}: ${err.message}`);
            throw err;
          }
          if ((++docs & 255) === 0) tick();
        },
        (n) => {
          read += n;
        },
        opts.skipBad ? (path, reason) => skipped.push({ path, reason }) : undefined,
      );
      tick();
    }
  } finally {
    (bar as SingleBar | null)?.stop();
  }
  // the bar's ETA counts what follows reading too (TAIL_SHARE); the line left until the summary says so
  if (bar !== null) io.stderr.write(`read ${(total / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s; writing (about ${formatSeconds(eta.secondsAfter())})…\n`);
  return { index, sources, skipped, total };
}

/** The summary's list of what was skipped and why (the first 20, then a count). */
function skippedLines(skipped: Skipped[]): string {
  if (skipped.length === 0) return '';
  const shown = skipped.slice(0, 20).map((s) => `  ${terminalText(s.path)}: ${terminalText(s.reason)}\n`);
  const more = skipped.length > 20 ? `  … and ${fmt(skipped.length - 20)} more (--json lists them all)\n` : '';
  return `skipped ${fmt(skipped.length)}:\n${shown.join('')}${more}`;
}

/** Builds the commander program (exits are turned into exceptions; output goes to `io`). */
/** The input options `fahras index` and `fahras pack` share (the inputs they read and how, and the summary). */
function withInputOptions(command: Command): Command {
  return command
    .addOption(new Option('--paragraphs <split>', 'how texts split into paragraphs').choices(['line', 'blank-line', 'none']).default('line'))
    .addOption(new Option('--preset <name>', 'analyzer preset').choices(['default', 'lucene', 'exact']).default('default'))
    .option('--id-field <name>', 'JSON-lines property holding the document id', 'id')
    .option('--text-field <name>', 'JSON-lines property holding the text', 'text')
    .option('-q, --quiet', 'no progress bar and no summary')
    .option('--json', 'print the summary as JSON')
    .option('--skip-bad', 'skip files that are not UTF-8 text and records that are not documents (listed in the summary)');
}

export function buildProgram(io: CliIO): Command {
  const program = new Command();
  program
    .name('fahras')
    .description('Arabic full-text search: build an index file from text, then search it.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // an excluded word (-سوريا) reads as an unknown option: the message says how to pass it
      outputError: (s, write) =>
        write(`fahras: ${s.replace(/^error: /, '').trimEnd()}${/unknown option '-[^-\x00-\x7f]/.test(s) ? " (a query word starting with '-': put the query after --, e.g. fahras search index.fahras -- روسيا -سوريا)" : ''}\n`),
    });

  const indexCommandLine = program
    .command('index')
    .description('index text files, markdown, directories or JSON lines ({"id","text",...} per line, .gz too)')
    .argument('<inputs...>', 'files or directories (.txt, .md, .jsonl, .ndjson, .jsonl.gz; a .json array of documents named as a file)')
    .requiredOption('-o, --output <file>', 'the index file to write (e.g. articles.fahras)')
    .option('--fields <list>', 'extra JSON-lines properties to index, with optional boosts: title:2,author', parseFields);
  withInputOptions(indexCommandLine).action((inputs: string[], opts: IndexCommandOptions) => indexCommand(inputs, opts, io));

  const packCommandLine = program
    .command('pack')
    .description('write a static pack (a directory of pieces read as queries need them) of inputs or of an index file')
    .argument('<inputs...>', 'what fahras index takes, or one .fahras index file')
    .requiredOption('-o, --output <dir>', 'the directory to write the pack to');
  withInputOptions(packCommandLine).action((inputs: string[], opts: IndexCommandOptions) => packCommand(inputs, opts, io));

  program
    .command('search')
    .description('search an index file or a pack directory; prints ranked paragraphs with highlighted snippets')
    .argument('<index>', 'the index file (made by fahras index) or pack directory (made by fahras pack)')
    .argument('[query...]', 'the query (several words may be given unquoted); none: one query per line from standard input')
    .option('-n, --limit <n>', 'results to show', positiveInt('--limit', 1000), DEFAULT_LIMIT)
    .option('--json', 'print the results as JSON')
    .option('--prefix', 'the last word also matches as a prefix (search as you type)')
    .option('--fuzzy', 'tolerate a typo in longer words')
    .option('--group', 'one result per document (its best paragraph)')
    .option('--snippet-length <n>', 'snippet length in characters', positiveInt('--snippet-length', 10_000))
    .action((file: string, words: string[], opts: SearchCommandOptions) => searchCommand(file, words, opts, io));

  return program;
}

/**
 * Runs the command line with `argv` (the arguments after the program name) and returns the exit code.
 * Failures print one line `fahras: …` on stderr; a stack trace only with FAHRAS_DEBUG=1.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version end with exit code 0; commander already printed its one-line message otherwise.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    return reportFailure(err, io);
  }
}
