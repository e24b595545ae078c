// Errors the command line reports as one line on stderr (no stack trace) with a non-zero exit code.
// (FahrasError from the pack facade, which a search loads anyway: the main entry would bring the builder along.)
import { FahrasError } from '../pack.js';

/** Where the command line writes, and its environment (tests and embedders pass their own). */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Where `fahras search` without a query reads queries (default process.stdin). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Exit code of a run that failed (missing file, damaged index, bad input). */
export const EXIT_FAILURE = 1;
/** Exit code of a command line that could not be understood (unknown option, missing argument, bad value). */
export const EXIT_USAGE = 2;

/** A failure to report to the user as it is: `message` is the whole line after `fahras: `. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Describes a Node file-system error on `path` in a few words. */
export function fileError(err: unknown, path: string, action: 'read' | 'write' = 'read'): CliError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'ENOTDIR'
          ? 'a part of the path is not a directory'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ENOSPC'
              ? 'no space left on the device'
              : ((err as Error)?.message ?? String(err));
  return new CliError(`cannot ${action} '${path}': ${reason}`);
}

/** Describes why an index file could not be loaded, from the FahrasError the reader threw. */
export function indexError(err: unknown, path: string): CliError {
  if (!(err instanceof FahrasError)) return new CliError(`cannot load '${path}': ${(err as Error)?.message ?? String(err)}`);
  switch (err.code) {
    case 'BAD_MAGIC':
      return new CliError(`'${path}' is not a fahras index (${err.code})`);
    case 'UNSUPPORTED_VERSION':
      return new CliError(`'${path}' uses an unsupported index format: ${err.message} (${err.code})`);
    case 'TRUNCATED':
    case 'CHECKSUM_MISMATCH':
    case 'CORRUPT_INDEX':
      return new CliError(`'${path}' is a damaged fahras index: ${err.message} (${err.code}); build it again with 'fahras index'`);
    default:
      return new CliError(`cannot load '${path}': ${err.message} (${err.code})`);
  }
}

/**
 * Reports a failure of a command as one line `fahras: …` on stderr and returns the exit code: a CliError as it is,
 * anything else as unexpected (its stack trace only with FAHRAS_DEBUG=1).
 */
export function reportFailure(err: unknown, io: CliIO): number {
  if (err instanceof CliError) {
    io.stderr.write(`fahras: ${err.message}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`fahras: unexpected error: ${message.split('\n')[0]}${io.env.FAHRAS_DEBUG ? '' : ' (FAHRAS_DEBUG=1 shows details)'}\n`);
  if (io.env.FAHRAS_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return EXIT_FAILURE;
}
