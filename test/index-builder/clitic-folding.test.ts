// Clitic folding at build time (the `cliticFolding` option, src/index-builder/builder.ts foldClitics): a stem with a
// clitic the corpus confirms is indexed under the stem without it; the query side looks a word up without its clitic
// when the dictionary holds it folded (df 0) or not at all.
import { describe, expect, it } from 'vitest';
import { createIndex, loadIndex, type SearchResult } from '../../src/index.js';
import { loadIndex as loadForSearch } from '../../src/search.js';
import { openPack } from '../../src/pack.js';

const ids = (r: SearchResult[]) => r.map((h) => h.id).sort();
const highlighted = (r: SearchResult[]) => r.map((h) => h.snippet.highlights.map(([s, e]) => h.snippet.text.slice(s, e)).join(' '));

const DOCS = [
  { id: 'arm', text: 'أصيب اللاعب في ذراع اليد اليمنى خلال التدريب.' },
  { id: 'arm2', text: 'كسر في ذراع الحارس أبعده عن المباراة.' },
  { id: 'arm3', text: 'خضع لعلاج لذراع الحارس المصاب.' },
  { id: 'period', text: 'استمرت المفاوضات فترة طويلة قبل الاتفاق.' },
  { id: 'period2', text: 'انتهى العمل بفترة قياسية.' },
  { id: 'period3', text: 'مرت فترة قصيرة على القرار.' },
  { id: 'book', text: 'قرأ الطالب كتاب التاريخ في المكتبة.' },
  { id: 'repent', text: 'تاب الرجل عن ذنبه.' },
  { id: 'school', text: 'تحدث المدير عن المدرسة الجديدة.' },
  { id: 'school2', text: 'احتفل الطلاب في المدرسة القديمة.' },
  { id: 'school3', text: 'وبالمدرسة مكتبة كبيرة.' },
  // teh folding (below)
  { id: 'area', text: 'تبلغ مساحة الجزيرة ألف كيلومتر مربع.' },
  { id: 'area2', text: 'زادت مساحة الحديقة بعد التوسعة.' },
  { id: 'area3', text: 'أيسلندا دولة جزرية مساحتها الكلية مئة ألف كيلومتر.' },
  { id: 'said', text: 'قالت الوزارة إن العمل مستمر.' },
  { id: 'said2', text: 'قال الوزير إن العمل مستمر.' },
  { id: 'said3', text: 'قال المتحدث إن الاجتماع انتهى.' },
  { id: 'said4', text: 'وقالتها الوزيرة بوضوح.' },
];

describe('clitic folding at build time', () => {
  const index = createIndex();
  index.addAll(DOCS);

  it('is on for a new index that stems, off without stemming or when asked', () => {
    expect(index.config.cliticFolding).toBe(true);
    expect(createIndex({ analyzer: 'exact' }).config.cliticFolding).toBe(false);
    expect(createIndex({ cliticFolding: false }).config.cliticFolding).toBe(false);
    expect(() => createIndex({ cliticFolding: 'yes' as unknown as boolean })).toThrow(/cliticFolding/);
  });

  it('indexes a clitic form under the more frequent stem without it: each finds the other', () => {
    expect(ids(index.search('ذراع'))).toEqual(['arm', 'arm2', 'arm3']);
    expect(ids(index.search('لذراع'))).toEqual(['arm', 'arm2', 'arm3']);
    expect(index.search('لذراع')[0].id).toBe('arm3'); // the exact form first
    expect(ids(index.search('فترة'))).toEqual(['period', 'period2', 'period3']);
    expect(ids(index.search('المدرسة'))).toEqual(['school', 'school2', 'school3']); // وبالمدرسة: و, then بال
    const off = createIndex({ cliticFolding: false });
    off.addAll(DOCS);
    expect(ids(off.search('ذراع'))).toEqual(['arm', 'arm2']);
  });

  it('keeps a word whose first letter belongs to it: كتاب and تاب stay apart', () => {
    expect(ids(index.search('كتاب'))).toEqual(['book']);
    expect(ids(index.search('تاب'))).toEqual(['repent']);
  });

  it('finds a clitic form of a word the corpus never wrote with it (بذراع)', () => {
    expect(ids(index.search('بذراع'))).toEqual(['arm', 'arm2', 'arm3']);
  });

  it('keeps a quoted word to its exact forms', () => {
    expect(ids(index.search('"ذراع"'))).toEqual(['arm', 'arm2']);
  });

  it('highlights the clitic form in snippets, built and loaded', () => {
    const built = index.search('ذراع');
    expect(highlighted(built.filter((r) => r.id === 'arm3'))).toEqual(['لذراع']);
    expect(loadIndex(index.serialize()).search('ذراع')).toEqual(built);
  });

  it('answers the same loaded through both entries and from a pack', async () => {
    const bytes = index.serialize();
    const files = await index.pack({ dictionaryPieceBytes: 64, postingsPieceBytes: 64, documentPieceBytes: 64 });
    const pack = await openPack(async (name) => files[name]);
    for (const q of ['ذراع', 'لذراع', 'بذراع', 'بفترة', 'المدرسة', 'كتاب', '"ذراع"', 'ذراع الحارس']) {
      const expected = index.search(q);
      expect(loadIndex(bytes).search(q), q).toEqual(expected);
      expect(loadForSearch(bytes).search(q), q).toEqual(expected);
      expect(await pack.search(q), q).toEqual(expected);
    }
  });

  it('keeps the folding of a loaded index when documents are added and removed', () => {
    const loaded = loadIndex(index.serialize());
    loaded.add({ id: 'arm4', text: 'تمرين لذراع قوية.' });
    expect(ids(loaded.search('ذراع'))).toEqual(['arm', 'arm2', 'arm3', 'arm4']);
    loaded.remove('arm3');
    const fresh = createIndex();
    fresh.addAll([...DOCS.filter((d) => d.id !== 'arm3'), { id: 'arm4', text: 'تمرين لذراع قوية.' }]);
    const view = (ix: typeof index) => ix.search('ذراع الحارس').map((r) => `${r.id}:${r.score.toFixed(9)}`);
    expect(view(loaded)).toEqual(view(fresh));
  });
});

// `tehFolding`: a noun's ة is written ت before a pronoun suffix (مساحتها), which the stemmer removes and leaves the ت.
describe('teh folding at build time', () => {
  const index = createIndex();
  index.addAll(DOCS);

  it('is on with clitic folding, off when asked, and needs clitic folding', () => {
    expect(index.config.tehFolding).toBe(true);
    expect(createIndex({ cliticFolding: false }).config.tehFolding).toBe(false);
    expect(createIndex({ analyzer: 'exact' }).config.tehFolding).toBe(false);
    expect(createIndex({ tehFolding: false }).config.tehFolding).toBe(false);
    expect(() => createIndex({ cliticFolding: false, tehFolding: true })).toThrow(/tehFolding/);
    expect(() => createIndex({ tehFolding: 1 as unknown as boolean })).toThrow(/tehFolding/);
  });

  it('indexes a suffixed ة form under the stem without its ت: مساحة finds مساحتها and the other way', () => {
    expect(ids(index.search('مساحة'))).toEqual(['area', 'area2', 'area3']);
    expect(ids(index.search('مساحتها'))).toEqual(['area', 'area2', 'area3']);
    expect(index.search('مساحتها')[0].id).toBe('area3'); // the exact form first
    expect(highlighted(index.search('مساحة').filter((r) => r.id === 'area3'))).toEqual(['مساحتها']);
    const off = createIndex({ tehFolding: false });
    off.addAll(DOCS);
    expect(ids(off.search('مساحة'))).toEqual(['area', 'area2']);
  });

  it('keeps the ت of a word that is written bare: قالت stays apart from قال', () => {
    expect(ids(index.search('قالت'))).toEqual(['said', 'said4']);
    expect(ids(index.search('قال'))).toEqual(['said2', 'said3']);
  });

  it('looks a suffixed form the corpus never wrote up without its ت (مساحته)', () => {
    expect(ids(index.search('مساحته'))).toEqual(['area', 'area2', 'area3']);
  });

  it('answers the same loaded through both entries and from a pack; a file without the key keeps its terms', async () => {
    const bytes = index.serialize();
    const files = await index.pack({ dictionaryPieceBytes: 64, postingsPieceBytes: 64, documentPieceBytes: 64 });
    const pack = await openPack(async (name) => files[name]);
    for (const q of ['مساحة', 'مساحتها', 'مساحته', 'قالت', 'قال', '"مساحة"', 'مساحة الجزيرة']) {
      const expected = index.search(q);
      expect(loadIndex(bytes).search(q), q).toEqual(expected);
      expect(loadForSearch(bytes).search(q), q).toEqual(expected);
      expect(await pack.search(q), q).toEqual(expected);
    }
    const before = createIndex({ tehFolding: false });
    before.addAll(DOCS);
    const loaded = loadIndex(before.serialize());
    expect(loaded.config.tehFolding).toBe(false);
    expect(ids(loaded.search('مساحتها'))).toEqual(['area3']);
    expect(ids(loaded.search('مساحته'))).toEqual(['area3']); // the same stem, مساحت
  });
});
