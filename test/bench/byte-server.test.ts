// The benchmarks' counting server: every response recorded with its bytes, pages cross-origin isolated, files cached
// as immutable, nothing outside a mounted folder served; the gzip equivalent of what was sent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ByteServer, gzipBytes, serveCounting, totalBytes } from '../../bench/lib/byte-server.js';

/** The status of a GET sent with its path exactly as written. */
function rawStatus(url: string): Promise<number | undefined> {
  return new Promise((ok, fail) => get(url, (res) => ok(res.resume().statusCode)).on('error', fail));
}

describe('serveCounting', () => {
  let server: ByteServer;
  const dir = mkdtempSync(join(tmpdir(), 'fahras-bytes-'));
  writeFileSync(join(dir, 'a.js'), 'x'.repeat(1000));
  writeFileSync(join(dir, 'b.bin'), new Uint8Array([1, 2, 3]));
  writeFileSync(join(tmpdir(), 'outside.js'), 'secret');

  beforeAll(async () => {
    server = await serveCounting({ '/e/': dir }, { '/': '<p>صفحة</p>' });
  });
  afterAll(() => server.close());

  it('records each response and its body bytes', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await page.text()).toBe('<p>صفحة</p>');
    const script = await fetch(`${server.origin}/e/a.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await script.text()).length).toBe(1000);
    expect((await fetch(`${server.origin}/e/b.bin`)).headers.get('content-type')).toBe('application/octet-stream');
    expect((await fetch(`${server.origin}/e/../outside.js`)).status).toBe(404);
    expect(await rawStatus(`${server.origin}/e/..%2foutside.js`)).toBe(404); // decodes to /e/../outside.js
    const served = server.take();
    expect(served.map((r) => [r.path, r.bytes, r.status])).toEqual([
      ['/', Buffer.byteLength('<p>صفحة</p>'), 200],
      ['/e/a.js', 1000, 200],
      ['/e/b.bin', 3, 200],
      ['/outside.js', 0, 404],
      ['/e/../outside.js', 0, 404],
    ]);
    expect(totalBytes(served)).toBe(Buffer.byteLength('<p>صفحة</p>') + 1003);
    expect(server.take()).toEqual([]);
    // a thousand x's gzip to a few dozen bytes; three bytes stay three (never more than was sent)
    expect(gzipBytes(served.slice(1, 2))).toBeLessThan(100);
    expect(gzipBytes(served.slice(2, 3))).toBe(3);
  });
});
