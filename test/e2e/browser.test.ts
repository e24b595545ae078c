// End to end: the offline search page (examples/browser) in a real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core). The page is served from 127.0.0.1; the query is typed key by key with other
// spellings than the text (no hamza on ألمانيا, ه for ة in مؤسسة حكومية, no shadda in يخطّطون), and the first
// result must be the paragraph that has them, its <mark>s around the original words, marks included.
// Saves a screenshot to test-output/browser-search.png. Pack mode (`?pack`): the same search through openPack, reading
// the pack's root and some of its pieces, never the single file (screenshot test-output/browser-pack.png); with the
// opt-in service worker (`&offline=1`), a reload after the server is gone still searches. Skips when Chromium is not
// installed.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestedRange } from '../../bench/lib/byte-server.js';
import { buildExample, EXAMPLE_DIR } from '../../examples/browser/build.js';
import { REPO_ROOT } from '../helpers/shared.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`test/e2e/browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

const SCREENSHOT = join(REPO_ROOT, 'test-output', 'browser-search.png');
const QUERY = 'يخططون لفتح ممثليات في المانيا مؤسسه حكوميه';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.fahras': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static file server for examples/browser on 127.0.0.1 (random port); records every path asked for. */
function serve(root: string, requested: string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !TYPES[extname(file)]) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    const range = requestedRange(req.headers.range, body.length);
    if (range) {
      // pack pieces are byte ranges of their volume files
      const headers = { 'content-type': TYPES[extname(file)], 'cache-control': 'no-store', 'content-range': `bytes ${range[0]}-${range[1] - 1}/${body.length}` };
      res.writeHead(206, headers).end(body.subarray(...range));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)], 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

/** Types QUERY and checks the first result: the paragraph that has the words, marks on the original spellings. */
async function expectQueryFound(page: Page): Promise<void> {
  await page.locator('#q').pressSequentially(QUERY, { delay: 5 });
  // The page renders each prefix typed before QUERY too, and an earlier one may already show the same first result:
  // wait until the status line names the whole query, so what follows reads QUERY's results.
  await expect.poll(() => page.textContent('#status'), { timeout: 30_000 }).toContain(`«${QUERY}»`);
  const first = page.locator('#results li').first();
  await expect.poll(() => first.getAttribute('data-id')).toBe('001_879cb52311c03942.txt');
  expect(await first.getAttribute('data-paragraph')).toBe('7'); // the 8th line of the article
  const marks = await first.locator('mark').allTextContents();
  expect(marks).toContain('يخطّطون'); // typed يخططون: the mark keeps both shaddas
  expect(marks).toContain('ألمانيا'); // typed المانيا
  expect(marks).toContain('مؤسسة'); // typed مؤسسه
  expect(marks).toContain('حكومية'); // typed حكوميه
  const html = await first.locator('p.snippet').innerHTML();
  expect(html).toContain('<mark>يخطّطون</mark>');
  expect(await page.textContent('#status')).toMatch(/^[٠-٩]+ (مقالة|مقالات) لـ/); // one result per article, with their number
  expect(await first.locator('.doc').textContent()).toMatch(/^صرح مسؤول أميركي/); // the article's title (its first line), not its file name
  expect(new URL(page.url()).searchParams.get('q')).toBe(QUERY);
}

describe.skipIf(!HAVE_CHROMIUM)('browser example (headless Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let page: Page;
  const requested: string[] = [];
  const offsite: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    buildExample();
    ({ server, origin } = await serve(EXAMPLE_DIR, requested));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 900, height: 1000 }, locale: 'ar' });
    page.on('request', (r) => {
      if (!r.url().startsWith(`${origin}/`)) offsite.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  it('loads the prebuilt index with fetch, right to left, ready for typing', async () => {
    await page.goto(`${origin}/`);
    await page.locator('html[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    // accessible names and roles
    await expect(page.getByRole('search').count()).resolves.toBe(1);
    await expect(page.getByLabel('كلمات البحث').count()).resolves.toBe(1);
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
    expect(await page.textContent('#status')).toContain('الفهرس جاهز');
    // the search box has the focus
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    expect(requested).toContain('/seeds.fahras');
  });

  it('finds the paragraph as the user types another spelling, highlighting the original words', async () => {
    await expectQueryFound(page);

    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('matches the last word as a prefix while it is being typed', async () => {
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('ممثلي', { delay: 5 });
    await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(0);
    const marks = await page.locator('#results mark').allTextContents();
    expect(marks.some((m) => m.includes('ممثلي'))).toBe(true);
  });

  it('is keyboard friendly: Enter and arrows move through results, Escape returns to the box', async () => {
    await page.locator('#q').fill(QUERY);
    await page.locator('#q').press('Enter');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.rank ?? document.activeElement?.id);
    await expect.poll(focused).toBe('1');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('2');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('q');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('1');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('q');
  });

  it('asked nothing of the network beyond its own files, and logged no error', () => {
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
    expect(requested).not.toContain('/favicon.ico');
    expect(requested).toEqual(
      expect.arrayContaining(['/', '/app.js', '/fahras-search.global.js', '/seeds.fahras', '/style.css']),
    );
  });
});

describe.skipIf(!HAVE_CHROMIUM)('browser example in pack mode (headless Chromium)', () => {
  let browser: Browser;
  const requested: string[] = [];
  const problems: string[] = [];
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    buildExample();
    ({ server, origin } = await serve(EXAMPLE_DIR, requested));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'ar' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  }

  it('opens the pack with openPack and finds the paragraph, reading pieces of the pack only', async () => {
    const page = await newPage();
    await page.goto(`${origin}/?pack`);
    await page.locator('html[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('html', 'data-mode')).toBe('pack');
    expect(await page.textContent('#status')).toContain('الحزمة جاهزة');
    await expectQueryFound(page);
    expect(await page.textContent('#status')).toContain('قُرئ من الحزمة');
    // the number of matching articles (searchWithTotal of the pack): all of them fit on the first page here
    const total = (await page.textContent('#status'))!.match(/^[٠-٩]+/)![0];
    expect(Number(total.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)))).toBe(await page.locator('#results li').count());
    expect(await page.textContent('#source')).toContain('fahras pack corpus/seeds');
    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'browser-pack.png'), fullPage: false });
    expect(requested).toContain('/fahras-pack.global.js');
    expect(requested).toContain('/seeds-pack/root.fahras');
    const pieces = requested.filter((p) => p.startsWith('/seeds-pack/') && p !== '/seeds-pack/root.fahras');
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.every((p) => /^\/seeds-pack\/[a-z]+-[0-9a-z]+\.bin$/.test(p))).toBe(true);
    expect(requested).not.toContain('/seeds.fahras');
    expect(requested).not.toContain('/sw.js'); // the service worker is opt-in
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('with the opt-in service worker, reloads and searches after the server is gone', async () => {
    const page = await newPage();
    await page.goto(`${origin}/?pack&offline=1`);
    await page.locator('html[data-offline="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.textContent('#offline')).toContain('دون اتصال');
    expect(requested).toContain('/sw.js');
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    expect((await fetch(`${origin}/`).catch(() => undefined))?.status).toBeUndefined(); // the server is down
    await page.reload();
    await page.locator('html[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('html', 'data-mode')).toBe('pack');
    await expectQueryFound(page);
    // another query (a prefix): its pieces too come from the service worker's cache
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('ممثلي', { delay: 5 });
    await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
