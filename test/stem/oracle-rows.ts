// Reading the stemmer oracle (../shared/oracles/arabic-stemmer-oracle.tsv or the committed sample
// test/fixtures/oracle-sample.tsv) and comparing one column against our implementation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { REPO_ROOT, sharedPath } from '../helpers/shared.js';

export const ORACLE_HEADER = 'word\tlucene_norm\tlucene_stem\tsnowball';

/** The committed sample: always present. */
export const SAMPLE_PATH = resolve(REPO_ROOT, 'test/fixtures/oracle-sample.tsv');

/** The full oracle under ../shared, or undefined (with a note) when ../shared is absent. */
export const FULL_ORACLE_PATH: string | undefined = sharedPath('oracles/arabic-stemmer-oracle.tsv');

export interface OracleRow {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
  readonly word: string;
  readonly luceneNorm: string;
  readonly luceneStem: string;
  readonly snowball: string;
}

/** Parses an oracle TSV, checking the header and that every row has exactly four fields. */
export function readOracle(path: string): OracleRow[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines[0] !== ORACLE_HEADER) throw new Error(`${path}: unexpected header ${JSON.stringify(lines[0])}`);
  const rows: OracleRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l === '' && i === lines.length - 1) break; // final newline
    const f = l.split('\t');
    if (f.length !== 4) throw new Error(`${path}:${i + 1}: expected 4 tab-separated fields, got ${f.length}`);
    rows.push({ line: i + 1, word: f[0], luceneNorm: f[1], luceneStem: f[2], snowball: f[3] });
  }
  return rows;
}

/** Code points of a string, for messages: "U+0627 U+0644". */
export function codePoints(s: string): string {
  return Array.from(s, (ch) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');
}

export interface ColumnResult {
  readonly checked: number;
  readonly agree: number;
  /** The first 20 disagreements, one line each. */
  readonly examples: readonly string[];
}

/**
 * Runs `actual` on `input(row)` for every row and compares with `expected(row)`.
 * Keeps a count and the first 20 disagreements with their line, input, code points and both outputs.
 */
export function compareColumn(
  rows: readonly OracleRow[],
  input: (r: OracleRow) => string,
  expected: (r: OracleRow) => string,
  actual: (s: string) => string,
): ColumnResult {
  let agree = 0;
  const examples: string[] = [];
  for (const r of rows) {
    const inp = input(r);
    const want = expected(r);
    const got = actual(inp);
    if (got === want) agree++;
    else if (examples.length < 20)
      examples.push(`line ${r.line}: ${inp} [${codePoints(inp)}] expected ${want} got ${got} [${codePoints(got)}]`);
  }
  return { checked: rows.length, agree, examples };
}

/** A failure message: "k of n rows disagree", then the first 20. Empty when all agree. */
export function report(column: string, res: ColumnResult): string {
  if (res.agree === res.checked) return '';
  return (
    `${column}: ${res.checked - res.agree} of ${res.checked} rows disagree (${res.agree} agree); first ${res.examples.length}:\n` +
    res.examples.join('\n')
  );
}

/**
 * The oracle tests of one stemmer: every row of the committed sample (always runs) and every row of the full
 * file in ../shared (skipped with a message when it is absent).
 */
export function describeOracle(name: string, check: (rows: readonly OracleRow[]) => void): void {
  describe(`${name} oracle`, () => {
    it('agrees on every row of the committed sample (test/fixtures/oracle-sample.tsv)', () => {
      const rows = readOracle(SAMPLE_PATH);
      expect(rows.length).toBeGreaterThanOrEqual(2500);
      check(rows);
    });
    it.skipIf(FULL_ORACLE_PATH === undefined)('agrees on all 279,912 rows of ../shared/oracles/arabic-stemmer-oracle.tsv', () => {
      const rows = readOracle(FULL_ORACLE_PATH as string);
      expect(rows.length).toBe(279_912);
      check(rows);
    });
  });
}
