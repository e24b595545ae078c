// Runs the fahras CLI from source in a child process (node --import tsx src/cli/main.ts …).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/shared.js';

export const CLI = join(REPO_ROOT, 'src', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `fahras …args`; colour variables are cleared unless `env` sets them. */
export function fahras(args: string[], env: Record<string, string> = {}): CliRun {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  delete base.FAHRAS_DEBUG;
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asserts the shape of a failure: one line on stderr, starting with "fahras: ", no stack trace. */
export function oneLineError(r: CliRun): string {
  const lines = r.stderr.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${r.stderr}`);
  if (!lines[0].startsWith('fahras: ')) throw new Error(`expected "fahras: …", got: ${lines[0]}`);
  if (/\n\s+at /.test(r.stderr)) throw new Error(`stack trace on stderr:\n${r.stderr}`);
  return lines[0];
}
