// Entry point of the `fahras` command (dist/cli.js, built with a shebang). See program.ts.
import { run } from './program.js';

// A reader that closes the pipe early (`fahras search … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
