// The CLI against hostile inputs (issue 15): documents whose text drives a terminal, an output that is an input,
// inputs it cannot read (other extensions, links, FIFOs, hidden files, Latin-1 and binary text, a damaged .gz),
// .json arrays of documents, and query words that start with '-'. Apart from main.test.ts so neither file keeps a
// test worker busy for a minute (each run is a child process).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../src/index.js';
import { SEEDS_DIR } from '../helpers/seeds.js';
import { fahras, oneLineError } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fahras-cli-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile inputs (issue 15, items 4–6)', () => {
  it('human output drops what drives a terminal (OSC title, clear screen, OSC 8 links, bidi overrides); --json stays exact', () => {
    const evil = join(dir, 'evil.jsonl');
    const id = 'evil\u001b]0;pwned\u0007\u001b[2J';
    const title = 'عنوان\u202eمقلوب\u2066';
    writeFileSync(evil, `${JSON.stringify({ id, title, text: 'روسيا \u001b]8;;http://x\u0007رابط\u001b]8;;\u0007 \u009b2J' })}\n`);
    const out = join(dir, 'evil.fahras');
    expect(fahras(['index', evil, '-o', out, '-q']).code).toBe(0);
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const r = fahras(['search', out, 'روسيا'], env);
      expect(r.code).toBe(0);
      // with colour, only the renderer's own SGR sequences (ESC [ … m) remain
      expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(r.stdout).toContain('evil]0;pwned[2J');
    }
    const j = JSON.parse(fahras(['search', out, 'روسيا', '--json']).stdout) as { results: { id: string; fields: { title: string } }[] };
    expect(j.results[0].id).toBe(id);
    expect(j.results[0].fields.title).toBe(title);
  });

  it('refuses an output that is one of the inputs, named or through a link, and leaves the input whole', () => {
    const corpus = join(dir, 'corpus.jsonl');
    const body = '{"id":1,"text":"نص"}\n';
    writeFileSync(corpus, body);
    symlinkSync(corpus, join(dir, 'corpus-link.jsonl'));
    for (const o of [corpus, join(dir, 'corpus-link.jsonl'), join(dir, '.', 'corpus.jsonl')]) {
      const r = fahras(['index', corpus, '-o', o]);
      expect(r.code).toBe(2);
      expect(oneLineError(r)).toMatch(/is an input/);
    }
    expect(fahras(['index', dir, '-o', corpus]).code).toBe(2); // inside a directory given
    expect(readFileSync(corpus, 'utf8')).toBe(body);
  });

  it('lists what a directory walk skips and why; undecodable text is an error, or skipped and listed with --skip-bad', () => {
    const d = join(dir, 'mixed');
    mkdirSync(d);
    writeFileSync(join(d, 'ok.txt'), 'مرحبا بالعالم');
    writeFileSync(join(d, '.hidden.txt'), 'مخفي');
    writeFileSync(join(d, 'a.pdf'), 'x');
    writeFileSync(join(d, 't.txt.gz'), gzipSync('نص'));
    writeFileSync(join(d, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9])); // café in Latin-1
    writeFileSync(join(d, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    symlinkSync(join(d, 'ok.txt'), join(d, 'link.txt'));
    execFileSync('mkfifo', [join(d, 'fifo.txt')]);
    const out = join(dir, 'mixed.fahras');
    const r = fahras(['index', d, '-o', out]);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/binary\.txt: not UTF-8 text .*--skip-bad/);
    const s = fahras(['index', d, '-o', out, '--skip-bad', '--json']);
    expect(s.code).toBe(0);
    const summary = JSON.parse(s.stdout) as { documents: number; skipped: { path: string; reason: string }[] };
    expect(summary.documents).toBe(1);
    const why = Object.fromEntries(summary.skipped.map((x) => [x.path.slice(d.length + 1), x.reason]));
    expect(Object.keys(why).sort()).toEqual(['.hidden.txt', 'a.pdf', 'binary.txt', 'fifo.txt', 'latin1.txt', 'link.txt', 't.txt.gz']);
    expect(why['latin1.txt']).toMatch(/not UTF-8/);
    expect(why['link.txt']).toMatch(/symbolic link/);
    const h = fahras(['index', d, '-o', out, '--skip-bad']);
    expect(h.stdout).toMatch(/skipped 7:\n/);
    expect(h.stdout).toContain('t.txt.gz: gzip is read for JSON lines only');
  });

  it('reads a .json array as documents; a null id is an error; a damaged .gz reports its gzip error', () => {
    const arr = join(dir, 'docs.json');
    writeFileSync(arr, JSON.stringify([{ id: 'x', text: 'المكتبة الوطنية', title: 'عنوان' }, { id: 'y', text: 'الجامعة' }]));
    const out = join(dir, 'arr.fahras');
    expect(fahras(['index', arr, '-o', out, '-q']).code).toBe(0);
    expect(loadIndex(readFileSync(out)).search('الوطنية').map((r) => [r.id, r.fields])).toEqual([['x', { title: 'عنوان' }]]);
    const nul = join(dir, 'null.jsonl');
    writeFileSync(nul, '{"id":null,"text":"نص"}\n');
    expect(oneLineError(fahras(['index', nul, '-o', out]))).toMatch(/null\.jsonl:1: "id" must be a string or a number/);
    // one flipped byte in the compressed data: garbage lines come out before zlib's check fails at the end
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, text: `نص رقم ${i} للتجربة` })).join('\n');
    const gz = gzipSync(lines);
    gz[gz.length >> 1] ^= 0x10;
    writeFileSync(join(dir, 'flip.jsonl.gz'), gz);
    const r = fahras(['index', join(dir, 'flip.jsonl.gz'), '-o', out]);
    expect(r.code).toBe(1);
    expect(oneLineError(r)).toMatch(/flip\.jsonl\.gz': not valid gzip data/);
  });

  it('a query word starting with - works after --, and the error without it says so', () => {
    const seeds = join(dir, 'seeds.fahras');
    expect(fahras(['index', SEEDS_DIR, '-o', seeds, '-q']).code).toBe(0);
    const r = fahras(['search', seeds, 'سوريا', '-روسيا']);
    expect(r.code).toBe(2);
    expect(oneLineError(r)).toMatch(/put the query after --/);
    const ok = fahras(['search', seeds, '--json', '--', 'سوريا', '-روسيا']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).query).toBe('سوريا -روسيا');
  });
});
