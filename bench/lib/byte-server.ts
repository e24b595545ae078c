// A static file server on 127.0.0.1 that records every response it sends (path and body bytes), for benchmarks that
// measure what a page downloads. Pages it serves are cross-origin isolated (COOP + COEP headers), so they may call
// performance.measureUserAgentSpecificMemory(). Files never change while it runs: they are sent with a year-long,
// immutable cache lifetime, so a browser that already has one does not ask again (as from a CDN). A request for one
// byte range (`Range: bytes=a-b`, what pack readers send) gets those bytes alone (206), as static hosts answer.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** One response: the path asked for, the file sent (none for a page or a 404) and the bytes of its body. */
export interface ServedResponse {
  path: string;
  file?: string;
  bytes: number;
  status: number;
  /** A range response: the byte range sent. */
  range?: [number, number];
}

/** The byte range `[start, end)` one `Range: bytes=a-b` header (or `a-`) asks of a file of `size` bytes, or null for the whole file. */
export function requestedRange(header: string | undefined, size: number): [number, number] | null {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Math.min(size, m[2] === '' ? size : Number(m[2]) + 1);
  return start < end ? [start, end] : null;
}

export interface ByteServer {
  origin: string;
  /** Every response since the start or the last `take()`, in order. */
  served: ServedResponse[];
  /** The responses since the last call (or the start), removed from `served`. */
  take(): ServedResponse[];
  close(): Promise<void>;
}

/**
 * Serves `pages` (path → HTML text, e.g. a test page at '/') and the files under each `mounts` entry (URL prefix →
 * directory; '/e/' → '/tmp/x' serves /tmp/x/a.js at /e/a.js). Unknown paths are 404s.
 */
export function serveCounting(mounts: Record<string, string>, pages: Record<string, string> = {}): Promise<ByteServer> {
  const served: ServedResponse[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    const page = pages[path];
    if (page !== undefined) {
      const body = Buffer.from(page, 'utf8');
      served.push({ path, bytes: body.length, status: 200 });
      res.writeHead(200, { ...isolation, 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(body);
      return;
    }
    const file = resolveMounted(mounts, path);
    if (file === undefined) {
      served.push({ path, bytes: 0, status: 404 });
      res.writeHead(404, isolation).end();
      return;
    }
    const size = statSync(file).size;
    const range = requestedRange(req.headers.range, size);
    const headers = {
      ...isolation,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      'accept-ranges': 'bytes',
    };
    if (range) {
      served.push({ path, file, bytes: range[1] - range[0], status: 206, range });
      res.writeHead(206, { ...headers, 'content-length': range[1] - range[0], 'content-range': `bytes ${range[0]}-${range[1] - 1}/${size}` });
      createReadStream(file, { start: range[0], end: range[1] - 1 }).pipe(res);
      return;
    }
    served.push({ path, file, bytes: size, status: 200 });
    res.writeHead(200, { ...headers, 'content-length': size });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        served,
        take: () => served.splice(0, served.length),
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

function resolveMounted(mounts: Record<string, string>, path: string): string | undefined {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Sum of the body bytes of `responses`. */
export function totalBytes(responses: readonly ServedResponse[]): number {
  return responses.reduce((sum, r) => sum + r.bytes, 0);
}

const gzipSizes = new Map<string, number>();

/**
 * What `responses` would weigh from a host that gzips them: per file, the smaller of its size and its gzip (level 6)
 * size (files already compressed stay as they are). Computed once per file.
 */
export function gzipBytes(responses: readonly ServedResponse[]): number {
  let sum = 0;
  for (const r of responses) {
    if (r.file === undefined || r.range) {
      sum += r.bytes; // a range response: as sent (hosts do not compress them)
      continue;
    }
    let size = gzipSizes.get(r.file);
    if (size === undefined) {
      size = Math.min(r.bytes, gzipSync(readFileSync(r.file), { level: 6 }).length);
      gzipSizes.set(r.file, size);
    }
    sum += size;
  }
  return sum;
}
