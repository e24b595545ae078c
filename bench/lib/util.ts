// Small helpers shared by the bench scripts: output folder, argument parsing, tables, number formatting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './data.js';

export const BENCH_DIR = join(REPO_ROOT, 'bench');
export const OUT_DIR = join(BENCH_DIR, 'out');

export function writeJson(name: string, value: unknown): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, name);
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
  return path;
}

/** true when the module at `metaUrl` is the script node was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && (metaUrl === pathToFileURL(entry).href || metaUrl === pathToFileURL(`${entry}.ts`).href);
}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** `--name value`, `--name=value` and bare `--flag`; everything else positional. */
export function parseArgs(argv: readonly string[], valued: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (valued.includes(a.slice(2)) && i + 1 < argv.length) flags.set(a.slice(2), argv[++i]);
      else flags.set(a.slice(2), true);
    } else positional.push(a);
  }
  return { flags, positional };
}

/** The arguments of an A/B script run as `SCRIPT REF_DIR [MB] [--flag N…]`: the reference tree (another checkout of
 * this repository), the corpus slice in MB (default 20) and the flags; `usage` is thrown when REF_DIR is missing. */
export function parseReferenceArgs(usage: string, valued: readonly string[]): ParsedArgs & { refDir: string; mb: number } {
  const args = parseArgs(process.argv.slice(2), valued);
  const refDir = args.positional[0];
  if (!refDir) throw new Error(`usage: ${usage}`);
  return { ...args, refDir, mb: Number(args.positional[1] ?? 20) };
}

/** The module `file` (such as 'src/index.ts') of the reference tree at `refDir`, typed as the caller's own. */
export async function importReference<T>(refDir: string, file: string): Promise<T> {
  return (await import(pathToFileURL(resolve(refDir, file)).href)) as T;
}

export function listFlag(v: string | true | undefined): string[] | undefined {
  return typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** Plain-text table with right-aligned numeric columns. */
export function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+0-9.×x%()\s—n/a]*$/.test(String(r[c]))));
  const fmt = (r: string[]): string =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c] - [...cell].length);
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join('  ');
  return [fmt(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

export const f3 = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(3));
export const mbOf = (bytes: number): number => bytes / 1_000_000;
