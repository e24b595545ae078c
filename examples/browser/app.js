// fahras offline search example: fetches the prebuilt index (seeds.fahras, made by `fahras index`), then searches
// it as the user types. Uses the global `fahras` from fahras-search.global.js (load + search + snippets only).
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
  /** @type {{ searchWithTotal(q: string, o?: object): { results: any[], total: number } } | null} */
  let index = null;
  let lastQuery = null;
  let offset = 0;

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
  }

  function run(query, from = 0) {
    if (index === null || (query === lastQuery && from === offset)) return;
    lastQuery = query;
    offset = from;
    // Search as you type: the last word matches as a prefix until a space follows it.
    const options = { limit: LIMIT, offset, prefix: true, snippetLength: 220, groupBy: 'document' };
    const page = query.trim() === '' ? { results: [], total: 0 } : index.searchWithTotal(query, options);
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
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(input.value);
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

  async function load() {
    const t0 = performance.now();
    try {
      const response = await fetch('seeds.fahras');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      index = fahras.loadIndex(new Uint8Array(await response.arrayBuffer()));
    } catch (err) {
      const code = err && err.code ? ` (${err.code})` : '';
      status.textContent = `تعذّر تحميل الفهرس${code}: ${err && err.message ? err.message : err}. افتح الصفحة عبر خادم محلي (http://) لا من ملف.`;
      document.documentElement.dataset.state = 'error';
      return;
    }
    const s = index.stats();
    input.disabled = false;
    document.documentElement.dataset.state = 'ready';
    status.textContent = `الفهرس جاهز: ${num(s.documents)} مقالات، ${num(s.paragraphs)} فقرة (${num(Math.round(performance.now() - t0))} ملّي ثانية).`;
    const q = new URL(location.href).searchParams.get('q');
    if (q) input.value = q;
    input.focus();
    if (input.value !== '') run(input.value);
  }

  load();
})();
