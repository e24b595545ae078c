// Entry point of the `fahras` command (dist/cli.cjs, built with a shebang). A plain search (`fahras search PATH`, with
// query words or none, and no option) loads only what searching needs (search.ts: the pack reader, the searcher, the
// printer); anything else runs the whole command line (program.ts: commander, the builder, the pack writer). The
// command is one CommonJS file (tsup.config.ts): Node loads it and its lazily imported modules without the ES module
// loader, which cost a cold search 15–20 ms (bench/NOTES.md, coldcli3); so no top-level await here.
import type { CliIO } from './errors.js';

// A reader that closes the pipe early (`fahras search … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const argv = process.argv.slice(2);
const io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** The command line a plain search is: `search`, a path, then words; nothing commander would read as an option. */
const plainSearch = argv[0] === 'search' && argv.length > 1 && argv.every((arg) => !arg.startsWith('-'));

async function main(): Promise<number> {
  if (!plainSearch) return (await import('./program.js')).run(argv, io);
  const [{ DEFAULT_LIMIT, searchCommand }, { reportFailure }] = await Promise.all([import('./search.js'), import('./errors.js')]);
  return searchCommand(argv[1], argv.slice(2), { limit: DEFAULT_LIMIT }, io).then(
    () => 0,
    (err: unknown) => reportFailure(err, io),
  );
}

void main().then((code) => {
  process.exitCode = code;
});
