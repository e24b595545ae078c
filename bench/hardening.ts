// Hostile sizes, measured (not asserted): one very large document and a million tiny documents, at two sizes
// each so growth can be read as linear or not.  npx tsx bench/hardening.ts   (uses ../shared/corpus text)
import { createIndex } from '../src/index.js';
import { CORPUS_PATH, readCorpusSlice } from './lib/data.js';
import { writeJson } from './lib/util.js';

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

async function main(): Promise<void> {
  const slice = await readCorpusSlice(50, CORPUS_PATH);
  const paragraphs = slice.docs.map((d) => d.text);
  const out: Record<string, unknown> = {};
  // one document without a single line break: paragraphs are cut at 10,000 characters
  for (const mb of [10, 50]) {
    const parts: string[] = [];
    let bytes = 0;
    for (const p of paragraphs) {
      if (bytes >= mb * 1e6) break;
      parts.push(p);
      bytes += Buffer.byteLength(p) + 1;
    }
    const text = parts.join(' ');
    const idx = createIndex();
    const [, addMs] = time(() => idx.add({ id: 'big', text }));
    const [, freezeMs] = time(() => idx.stats());
    const [r, searchMs] = time(() => idx.search('المملكة العربية السعودية', { limit: 10 }));
    const s = idx.stats();
    console.log(`one ${mb} MB document (no line breaks): add ${addMs.toFixed(0)} ms + freeze ${freezeMs.toFixed(0)} ms, ${s.paragraphs} paragraphs, ${s.terms} terms; search ${searchMs.toFixed(1)} ms (${r.length} hits)`);
    out[`bigdoc_${mb}mb`] = { addMs, freezeMs, paragraphs: s.paragraphs, terms: s.terms, searchMs };
  }
  // many tiny documents: three words each, ids as strings
  const vocab = paragraphs.slice(0, 2000).join(' ').split(/\s+/).filter(Boolean);
  for (const n of [100_000, 1_000_000]) {
    const idx = createIndex();
    const [, addMs] = time(() => {
      for (let i = 0; i < n; i++) idx.add({ id: `d${i}`, text: `${vocab[i % vocab.length]} ${vocab[(i * 7) % vocab.length]} ${vocab[(i * 13) % vocab.length]}` });
    });
    const [, freezeMs] = time(() => idx.stats());
    const [r, searchMs] = time(() => idx.search(vocab[5], { limit: 10 }));
    const [, removeMs] = time(() => {
      for (let i = 0; i < n; i += 10) idx.remove(`d${i}`);
    });
    console.log(`${n.toLocaleString('en')} tiny documents: add ${addMs.toFixed(0)} ms + freeze ${freezeMs.toFixed(0)} ms; search ${searchMs.toFixed(1)} ms (${r.length} hits); remove every 10th ${removeMs.toFixed(0)} ms`);
    out[`tiny_${n}`] = { addMs, freezeMs, searchMs, removeMs };
  }
  writeJson('hardening.json', { date: new Date().toISOString(), ...out });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
