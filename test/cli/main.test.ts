// The fahras CLI end to end, as a user runs it: index the seed articles, JSON lines (plain and gzip) and markdown,
// search with plain, coloured and JSON output, and fail with one clear line for each kind of bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../src/index.js';
import { SEEDS_DIR } from '../helpers/seeds.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { CLI, fahras, oneLineError } from './helpers.js';

let dir: string;
let seeds: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fahras-cli-'));
  seeds = join(dir, 'seeds.fahras');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fahras index', () => {
  it('--version prints the version of package.json', () => {
    const r = fahras(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
  it('indexes a directory of text files and prints a summary', () => {
    const r = fahras(['index', SEEDS_DIR, '-o', seeds]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^indexed 5 documents, [\d,]+ paragraphs, [\d,]+ terms from 5 files in [\d.]+ s\n/);
    expect(r.stdout).toMatch(new RegExp(`wrote .*seeds\\.fahras: .*bytes`));
    const index = loadIndex(readFileSync(seeds));
    expect(index.stats().documents).toBe(5);
    expect(index.has('000_80ba48aa351a0c6d.txt')).toBe(true);
    // the summary's counts are the index's
    const paragraphs = index.stats().paragraphs.toLocaleString('en-US');
    expect(r.stdout).toContain(`${paragraphs} paragraphs`);
  });

  it('indexes JSON lines (gzip too) with extra fields, and prints a JSON summary', () => {
    const lines = [
      { id: 'a', title: 'المكتبة الوطنية', text: 'افتتحت المَكْتَبَةُ أبوابها للقراء.', year: 2020 },
      { id: 'b', title: 'الطقس', text: 'أمطار غزيرة على المدينة.\nورياح قوية في المساء.' },
      { text: 'سطر بلا معرف' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const gz = join(dir, 'docs.jsonl.gz');
    writeFileSync(gz, gzipSync(`${lines}\n\n`));
    const out = join(dir, 'docs.fahras');
    const r = fahras(['index', gz, '-o', out, '--fields', 'title:2', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, number>;
    expect(summary).toMatchObject({ documents: 3, paragraphs: 4 });
    expect(summary.bytes).toBe(readFileSync(out).length);

    const s = fahras(['search', out, 'الوطنيه', '--json']);
    expect(s.code).toBe(0);
    const { results } = JSON.parse(s.stdout) as { results: { id: string; fields: Record<string, unknown> }[] };
    expect(results[0].id).toBe('a');
    expect(results[0].fields).toEqual({ title: 'المكتبة الوطنية', year: 2020 });
    // a record without an id is named after its file and line
    const t = JSON.parse(fahras(['search', out, 'معرف', '--json']).stdout) as { results: { id: string }[] };
    expect(t.results.map((x) => x.id)).toEqual(['docs.jsonl.gz:3']);
  });

  it('reads markdown and keeps its first heading as the title', () => {
    const md = join(dir, 'note.md');
    writeFileSync(md, '# دليل القارئ\n\nتفتح المكتبة أبوابها صباحاً.\n');
    const out = join(dir, 'md.fahras');
    expect(fahras(['index', md, '-o', out, '--paragraphs', 'blank-line', '-q']).stdout).toBe('');
    const s = fahras(['search', out, 'المكتبه']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('note.md ¶2  دليل القارئ');
  });
});

describe('fahras search', () => {
  it('ranks paragraphs and marks highlights with brackets when the output is not a terminal', () => {
    const r = fahras(['search', seeds, 'مقاتلين', 'ايرانيين', '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6); // 3 results × (heading + snippet)
    expect(lines[0]).toMatch(/^1\. 000_80ba48aa351a0c6d\.txt ¶\d+ {2}\S.*…? {2}\(score [\d.]+\)$/); // a text file's first line is its title
    // the highlight is on the original spelling (with its hamza), not on what was typed
    expect(lines[1]).toContain('[إيرانيين]');
    expect(lines[1]).toContain('[مقاتلين]');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('uses colour with FORCE_COLOR, and never with NO_COLOR', () => {
    const colored = fahras(['search', seeds, 'مقاتلين ايرانيين', '-n', '1'], { FORCE_COLOR: '1' });
    expect(colored.stdout).toContain('\x1b[1;33mإيرانيين\x1b[0m');
    expect(colored.stdout).not.toContain('[إيرانيين]');
    const plain = fahras(['search', seeds, 'مقاتلين ايرانيين', '-n', '1'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain.stdout).toContain('[إيرانيين]');
    expect(plain.stdout).not.toContain('\x1b[');
  });

  it('prints JSON results whose highlights point at the original words', () => {
    const r = fahras(['search', seeds, 'الغاره الروسيه', '--json', '-n', '5']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      query: string;
      results: { id: string; paragraph: number; score: number; snippet: { text: string; highlights: [number, number][] } }[];
    };
    expect(out.query).toBe('الغاره الروسيه');
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < out.results.length; i++) expect(out.results[i - 1].score).toBeGreaterThanOrEqual(out.results[i].score);
    const words = out.results.flatMap((x) => x.snippet.highlights.map(([s, e]) => x.snippet.text.slice(s, e)));
    expect(words.some((w) => /^(ال)?غار(ة|ات)$/.test(w))).toBe(true);
    expect(words.some((w) => w === 'الروسية')).toBe(true);
  });

  it('matches the last word as a prefix with --prefix, and says so when nothing matches', () => {
    const none = fahras(['search', seeds, 'مقات']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('no results for “مقات”\n');
    const some = fahras(['search', seeds, 'مقات', '--prefix', '-n', '3']);
    expect(some.code).toBe(0);
    expect(some.stdout).toMatch(/^1\. /);
    expect(some.stdout).toMatch(/\[[^\]]*مقا[^\]]*\]/);
  });

  it('tolerates a typo with --fuzzy (the search-only loader gets typo tolerance)', () => {
    // العسكري with an alef too many (a typo ending in ت, الغارت, now meets الغارات without it: tehFolding)
    const exact = fahras(['search', seeds, 'العسكاري']);
    expect([exact.code, exact.stderr, exact.stdout]).toEqual([0, '', 'no results for “العسكاري”\n']);
    const r = fahras(['search', seeds, 'العسكاري', '--fuzzy', '-n', '3']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^1\. /);
  });

  it('gives one result per document with --group', () => {
    const r = JSON.parse(fahras(['search', seeds, 'سوريا', '--group', '--json', '-n', '10']).stdout) as { results: { id: string }[] };
    const ids = r.results.map((x) => x.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('fahras errors: one line on stderr, non-zero exit, no stack trace', () => {
  it('a missing index file', () => {
    const r = fahras(['search', join(dir, 'missing.fahras'), 'x']);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/cannot read '.*missing\.fahras': no such file or directory/);
  });

  it('a missing input', () => {
    const r = fahras(['index', join(dir, 'nothing-here'), '-o', join(dir, 'x.fahras')]);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/cannot read '.*nothing-here': no such file or directory/);
    expect(existsSync(join(dir, 'x.fahras'))).toBe(false);
  });

  it('a damaged index (checksum), a truncated one, and a file that is not an index', () => {
    const bytes = readFileSync(seeds);
    const damaged = Uint8Array.from(bytes);
    damaged[damaged.length >> 1] ^= 0xff;
    writeFileSync(join(dir, 'damaged.fahras'), damaged);
    writeFileSync(join(dir, 'short.fahras'), bytes.subarray(0, bytes.length - 100));
    const a = fahras(['search', join(dir, 'damaged.fahras'), 'سوريا']);
    expect(a.code).toBe(1);
    expect(oneLineError(a)).toMatch(/damaged\.fahras' is a damaged fahras index: .*\(CHECKSUM_MISMATCH\)/);
    const b = fahras(['search', join(dir, 'short.fahras'), 'سوريا']);
    expect(b.code).toBe(1);
    expect(oneLineError(b)).toContain('(TRUNCATED)');
    const c = fahras(['search', join(SEEDS_DIR, '000_80ba48aa351a0c6d.txt'), 'سوريا']);
    expect(c.code).toBe(1);
    expect(oneLineError(c)).toMatch(/is not a fahras index \(BAD_MAGIC\)/);
  });

  it('an index written by an unsupported format version', () => {
    const bytes = Uint8Array.from(readFileSync(seeds));
    bytes[4] = 99; // u16 version after the magic
    writeFileSync(join(dir, 'future.fahras'), bytes);
    const r = fahras(['search', join(dir, 'future.fahras'), 'سوريا']);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/unsupported index format: .*version 99.*\(UNSUPPORTED_VERSION\)/);
  });

  it('bad arguments exit with 2', () => {
    for (const args of [['search'], ['search', seeds, 'x', '--limit', 'many'], ['index', SEEDS_DIR], ['frobnicate'], ['index', SEEDS_DIR, '-o', join(dir, 'p.fahras'), '--paragraphs', 'pages']]) {
      const r = fahras(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLineError(r);
    }
  });

  it('a malformed JSON line, with its file and line number; a duplicate id', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":1,"text":"نص"}\n{"id":2,"text":\n');
    const r = fahras(['index', bad, '-o', join(dir, 'bad.fahras')]);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/bad\.jsonl:2: not valid JSON/);
    const dup = join(dir, 'dup.jsonl');
    writeFileSync(dup, '{"id":1,"text":"نص"}\n{"id":1,"text":"آخر"}\n');
    const d = fahras(['index', dup, '-o', join(dir, 'dup.fahras')]);
    expect(d.code).toBe(1);
    expect(oneLineError(d)).toMatch(/dup\.jsonl:2: .*already indexed/);
    expect(existsSync(join(dir, 'dup.fahras'))).toBe(false);
  });

  it('data that is not gzip in a .gz file, and an output directory that does not exist', () => {
    const gz = join(dir, 'fake.jsonl.gz');
    writeFileSync(gz, '{"id":1,"text":"x"}\n');
    const r = fahras(['index', gz, '-o', join(dir, 'fake.fahras')]);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/fake\.jsonl\.gz': not valid gzip data/);
    const w = fahras(['index', SEEDS_DIR, '-o', join(dir, 'no', 'such', 'dir', 'x.fahras')]);
    expect(w.code).toBe(1);
    expect(oneLineError(w)).toMatch(/cannot write '.*dir': no such file or directory/);
  });
});

describe('fahras pack', () => {
  it('packs inputs or an index file into a directory; search over it prints what the index file gives', () => {
    const pack = join(dir, 'seeds-pack');
    const r = fahras(['pack', SEEDS_DIR, '-o', pack]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^packed 5 documents, [\d,]+ paragraphs, [\d,]+ terms in [\d.]+ s\nwrote .*seeds-pack\/: [\d,]+ files, /);
    expect(existsSync(join(pack, 'root.fahras'))).toBe(true);
    if (!existsSync(seeds)) fahras(['index', SEEDS_DIR, '-o', seeds]);
    for (const args of [['الغاره الروسيه'], ['مقاتلين', '--fuzzy', '--group'], ['المعار', '--prefix', '-n', '3']]) {
      const a = fahras(['search', pack, ...args, '--json']);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(fahras(['search', seeds, ...args, '--json']).stdout);
    }
    // a plain search (no option: the entry loads only the search module) prints what the full command line prints
    for (const target of [pack, seeds]) expect(fahras(['search', target, 'الغاره', 'الروسيه']).stdout).toBe(fahras(['search', target, 'الغاره', 'الروسيه', '-n', '10']).stdout);
    // from an index file: the same pieces under the same names
    const again = fahras(['pack', seeds, '-o', join(dir, 'seeds-pack-2'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ documents: 5 });
    expect(fahras(['search', join(dir, 'seeds-pack-2'), 'ادلب']).stdout).toBe(fahras(['search', pack, 'ادلب']).stdout);
  });

  it('searches an index file and a pack of text quoting the Qur\'an (an index in Qur\'anic orthography)', () => {
    // news quoting a verse in Uthmani script: the index records Qur'anic orthography, and search loads the rules
    const input = join(dir, 'quoted.jsonl');
    writeFileSync(input, [{ id: 'a', text: 'قال الخطيب: ٱلصَّلَوٰةَ عماد الدين' }, { id: 'b', text: 'افتتحت المكتبة الوطنية أبوابها' }].map((d) => JSON.stringify(d)).join('\n') + '\n');
    const file = join(dir, 'quoted.fahras');
    const pack = join(dir, 'quoted-pack');
    expect(fahras(['index', input, '-o', file, '-q']).code).toBe(0);
    expect(fahras(['pack', input, '-o', pack, '-q']).code).toBe(0);
    expect(loadIndex(readFileSync(file)).config.quranic).toBe(true);
    for (const target of [file, pack]) {
      const r = fahras(['search', target, 'الصلاة', '--json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).results[0]).toMatchObject({ id: 'a' });
    }
  });

  it('searches an index file and a pack built with --preset lucene (a chain only the main entry carries) as the main entry does', () => {
    const file = join(dir, 'lucene.fahras');
    const pack = join(dir, 'lucene-pack');
    expect(fahras(['index', SEEDS_DIR, '-o', file, '--preset', 'lucene', '-q']).code).toBe(0);
    expect(fahras(['pack', file, '-o', pack, '-q']).code).toBe(0);
    const expected = loadIndex(readFileSync(file)).search('المعارضة السورية', { limit: 3 }).map((r) => r.id);
    expect(expected.length).toBe(3);
    for (const target of [file, pack]) {
      const r = fahras(['search', target, 'المعارضة', 'السورية', '-n', '3', '--json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).results.map((x: { id: string }) => x.id)).toEqual(expected);
    }
  });

  it('without a query, search reads one query per line from standard input', () => {
    const pack = join(dir, 'seeds-pack');
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'search', pack, '-n', '1', '--json'], { cwd: REPO_ROOT, input: 'الغاره الروسيه\n\nادلب\n', encoding: 'utf8' });
    expect(r.status).toBe(0);
    const answers = r.stdout.split(/\n(?=\{)/).map((s) => JSON.parse(s) as { query: string });
    expect(answers.map((a) => a.query)).toEqual(['الغاره الروسيه', 'ادلب']);
  });

  it('a missing or damaged piece is one line naming it (its volume), exit 1', () => {
    const pack = join(dir, 'seeds-pack');
    const piece = readdirSync(pack).find((n) => n.startsWith('dict-'))!;
    const bytes = readFileSync(join(pack, piece));
    rmSync(join(pack, piece));
    const words = ['الغاره', 'ادلب', 'سوريا', 'روسيا', 'المعارضه', 'جسر', 'مقاتلين', 'ايران', 'حلب', 'دمشق'];
    const missing = words.map((w) => fahras(['search', pack, w])).find((x) => x.code !== 0)!;
    expect(oneLineError(missing)).toMatch(new RegExp(`${piece}.*MISSING_PIECE`));
    for (let i = 0; i < bytes.length; i += 64) bytes[i] ^= 1; // every piece of the volume
    writeFileSync(join(pack, piece), bytes);
    const damaged = words.map((w) => fahras(['search', pack, w])).find((x) => x.code !== 0)!;
    expect(oneLineError(damaged)).toMatch(new RegExp(`${piece}.*CHECKSUM_MISMATCH`));
  });
});
