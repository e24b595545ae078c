// fahras offline search example: fetches the prebuilt index (seeds.fahras, made by `fahras index`), then searches
// it as the user types. Uses the global `fahras` from fahras-search.global.js (load + search + snippets only).
// Pack mode (`?pack`, or `?pack=URL` of another pack): opens the pack seeds-pack/ (made by `fahras pack`) with
// openPack of fahras/pack (fahras-pack.global.js, loaded only then; its global `fahras` replaces the search-only
// one), which reads only the pieces each query needs.
// `&offline=1` registers the service worker sw.js, which precaches the page and the pack: a reload with no network
// still searches.
/* global fahras */
'use strict';

(function () {
  const input = /** @type {HTMLInputElement} */ (document.getElementById('q'));
  const form = /** @type {HTMLFormElement} */ (document.getElementById('search-form'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const list = /** @type {HTMLOListElement} */ (document.getElementById('results'));
  const pager = /** @type {HTMLElement} */ (document.getElementById('pager'));
  const prev = /** @type {HTMLButtonElement} */ (document.getElementById('prev'));
  const next = /** @type {HTMLButtonElement} */ (document.getElementById('next'));
  const pageLabel = /** @type {HTMLElement} */ (document.getElementById('page'));
  const LIMIT = 10;
  const num = (n) => n.toLocaleString('ar-EG');
  const params = new URL(location.href).searchParams;
  /** The pack's base URL in pack mode, else null (the single file seeds.fahras). */
  const packBase = params.has('pack') ? params.get('pack') || 'seeds-pack/' : null;
  /** A page of results: at once (single file) or a promise of it (pack). */
  /** @typedef {{ results: any[], total: number }} Page */
  /** @type {{ searchWithTotal(q: string, o?: object): Page | Promise<Page> } | null} */
  let index = null;
  let lastQuery = null;
  let offset = 0;
  /** Counts searches, so that a pack search answered after a later one started is not shown. */
  let searches = 0;

  function label(id) {
    return String(id).replace(/\.(txt|md)$/i, '');
  }

  function render(results, total, query) {
    const items = results.map((r, i) => {
      const li = document.createElement('li');
      li.tabIndex = -1;
      li.dataset.rank = String(i + 1);
      li.dataset.id = String(r.id);
      li.dataset.paragraph = String(r.paragraph);
      const h = document.createElement('h2');
      // <bdi>: a Latin file name keeps its own direction inside the right-to-left heading
      const doc = document.createElement('bdi');
      doc.className = 'doc';
      doc.textContent = typeof r.fields.title === 'string' ? r.fields.title : label(r.id);
      h.append(doc, ` — الفقرة ${num(r.paragraph + 1)}`);
      const p = document.createElement('p');
      p.className = 'snippet';
      p.innerHTML = fahras.toHtml(r.snippet); // escaped text with <mark> around the highlights
      li.setAttribute('aria-label', `${i + 1}: ${doc.textContent}`);
      li.append(h, p);
      return li;
    });
    list.replaceChildren(...items);
    // one result per article (its best paragraph), the number of matching articles, and pages of LIMIT
    if (query.trim() === '') status.textContent = 'اكتب كلمة للبحث.';
    else if (total === 0) status.textContent = `لا نتائج لـ«${query.trim()}».`;
    else status.textContent = `${num(total)} ${total === 1 ? 'مقالة' : 'مقالات'} لـ«${query.trim()}»، الأفضل أولاً.`;
    const pages = Math.ceil(total / LIMIT);
    pager.hidden = pages <= 1;
    prev.disabled = offset === 0;
    next.disabled = offset + LIMIT >= total;
    pageLabel.textContent = `الصفحة ${num(offset / LIMIT + 1)} من ${num(pages)}`;
    if (packBase !== null && index !== null) status.textContent += ` قُرئ من الحزمة حتى الآن ${num(Math.ceil(index.bytesRead / 1024))} ك.ب.`;
  }

  async function run(query, from = 0) {
    if (index === null || (query === lastQuery && from === offset)) return;
    lastQuery = query;
    offset = from;
    const search = ++searches;
    // Search as you type: the last word matches as a prefix until a space follows it.
    const options = { limit: LIMIT, offset, prefix: true, snippetLength: 220, groupBy: 'document' };
    let page;
    try {
      page = query.trim() === '' ? { results: [], total: 0 } : await index.searchWithTotal(query, options);
    } catch (err) {
      // a pack piece that cannot be read (no network, damaged): say so, keep the page usable
      if (search !== searches) return;
      lastQuery = null;
      status.textContent = `تعذّر البحث${err && err.code ? ` (${err.code})` : ''}: ${err && err.message ? err.message : err}`;
      return;
    }
    if (search !== searches) return; // a later search has started: its results will show
    render(page.results, page.total, query);
    const url = new URL(location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    history.replaceState(null, '', url);
  }

  function items() {
    return /** @type {HTMLElement[]} */ (Array.from(list.children));
  }

  input.addEventListener('input', () => run(input.value));
  prev.addEventListener('click', () => run(input.value, Math.max(0, offset - LIMIT)));
  next.addEventListener('click', () => run(input.value, offset + LIMIT));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await run(input.value);
    items()[0]?.focus();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items().length > 0) {
      e.preventDefault();
      items()[0].focus();
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = items();
    const at = all.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (at < 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = at + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1].focus();
    } else if (e.key === 'Escape') {
      input.focus();
    }
  });

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
  }

  /** Opens the pack at packBase with fahras/pack; returns the status line. */
  async function openPack(t0) {
    await loadScript('fahras-pack.global.js');
    index = await fahras.openPack(new URL(packBase, location.href).href);
    return `الحزمة جاهزة: ${num(index.documentCount)} مقالات، قُرئ منها ${num(Math.ceil(index.bytesRead / 1024))} ك.ب (${num(Math.round(performance.now() - t0))} ملّي ثانية).`;
  }

  /** The footer names the pack and the command that made it instead of seeds.fahras. */
  function describePack() {
    const code = (text, ltr) => {
      const c = document.createElement('code');
      c.textContent = text;
      if (ltr) c.dir = 'ltr';
      return c;
    };
    document.getElementById('source').replaceChildren(
      'الحزمة ', code(packBase, true), ' مبنيّة مسبقاً بالأمر ', code('fahras pack corpus/seeds', true),
      '، ويُقرأ منها بـ', code('openPack', true), ' ما يحتاجه كل بحث فقط.',
    );
  }

  /** Fetches seeds.fahras whole; returns the status line. */
  async function loadFile(t0) {
    const response = await fetch('seeds.fahras');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    index = fahras.loadIndex(new Uint8Array(await response.arrayBuffer()));
    const s = index.stats();
    return `الفهرس جاهز: ${num(s.documents)} مقالات، ${num(s.paragraphs)} فقرة (${num(Math.round(performance.now() - t0))} ملّي ثانية).`;
  }

  /** Opt-in (`offline=1`): the service worker that precaches the page and the pack; says when it is done. */
  async function keepOffline() {
    const offline = document.getElementById('offline');
    if (!('serviceWorker' in navigator)) {
      offline.textContent = 'لا يدعم هذا المتصفح العمل دون اتصال.';
      return;
    }
    try {
      await navigator.serviceWorker.register('sw.js');
      await navigator.serviceWorker.ready;
      document.documentElement.dataset.offline = 'ready';
      offline.textContent = 'الصفحة والحزمة محفوظتان للعمل دون اتصال.';
    } catch (err) {
      offline.textContent = `تعذّر الحفظ للعمل دون اتصال: ${err && err.message ? err.message : err}`;
    }
  }

  async function load() {
    const t0 = performance.now();
    let ready;
    try {
      ready = packBase !== null ? await openPack(t0) : await loadFile(t0);
    } catch (err) {
      const code = err && err.code ? ` (${err.code})` : '';
      status.textContent = `تعذّر تحميل الفهرس${code}: ${err && err.message ? err.message : err}. افتح الصفحة عبر خادم محلي (http://) لا من ملف.`;
      document.documentElement.dataset.state = 'error';
      return;
    }
    input.disabled = false;
    document.documentElement.dataset.state = 'ready';
    document.documentElement.dataset.mode = packBase !== null ? 'pack' : 'file';
    if (packBase !== null) describePack();
    status.textContent = ready;
    const q = params.get('q');
    if (q) input.value = q;
    input.focus();
    if (input.value !== '') run(input.value);
  }

  load();
  if (params.get('offline') === '1') keepOffline();
})();
