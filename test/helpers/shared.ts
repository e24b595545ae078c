// Locates ../shared (read-only data beside the repo). Tests that need it skip with a message when it is absent.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = process.env.FAHRAS_SHARED ?? resolve(REPO_ROOT, '..', 'shared');

/** Absolute path of a file under ../shared, or undefined (with a note on stderr) when it is missing. */
export function sharedPath(rel: string): string | undefined {
  const p = resolve(SHARED, rel);
  if (existsSync(p)) return p;
  console.warn(`[fahras tests] ${p} not found: skipping the tests that read it (they always run in CI).`);
  return undefined;
}
