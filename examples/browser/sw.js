// fahras example: the opt-in service worker (app.js registers it with `?offline=1`). On install it caches every file
// precache.json lists (made by `npm run example:build`: the page, its scripts, seeds.fahras and the pack seeds-pack/,
// its root and every piece the root names); then it answers from the network when there is one (keeping the copy
// fresh) and from the cache when there is none. Pack volumes are named after their content, so a cached volume is
// always the right one: they are answered from the cache first. The pack reader asks for a piece as a byte range of
// its volume (`Range: bytes=a-b`): the worker cuts it from the cached volume (a 206 response), since the cache holds
// whole files only.
'use strict';

const CACHE = 'fahras-example-v1';
/** A pack volume: `<kind>-<content hash>.bin` (the root keeps its fixed name and is fetched fresh when online). */
const PIECE = /\/[a-z]+-[0-9a-z]+\.bin$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch('precache.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
      const cache = await caches.open(CACHE);
      await cache.addAll(await response.json());
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(answer(event.request, url));
});

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  if (PIECE.test(url.pathname)) {
    const cached = await cache.match(url.href);
    if (cached) return rangeOf(cached, request.headers.get('range'));
  }
  try {
    const response = await fetch(request);
    if (response.status === 200) await cache.put(request, response.clone()); // a range answer (206) is not a file to keep
    return response;
  } catch (err) {
    // no network: the cached copy (the page is cached without its query string: ?pack&q=… reloads it too)
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw err;
  }
}

/** The bytes a `Range: bytes=a-b` header asks of a cached file, as a 206 response (the whole file without one). */
async function rangeOf(response, range) {
  const m = /^bytes=(\d+)-(\d+)$/.exec(range || '');
  if (!m) return response;
  const body = await response.arrayBuffer();
  const start = Number(m[1]);
  const end = Math.min(Number(m[2]) + 1, body.byteLength);
  return new Response(body.slice(start, end), {
    status: 206,
    headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${end - 1}/${body.byteLength}` },
  });
}
