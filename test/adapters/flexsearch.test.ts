// The fahras/flexsearch adapter: FlexSearch 0.8 with fahras' encoder finds spelling variants and vocalized forms
// that its default encoder misses (both sides are asserted, so the test fails if either stops being true).
import { Document, Encoder, Index } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import { createFlexSearchEncoder, flexsearchEncoderOptions } from '../../src/adapters/flexsearch.js';
import { seedDocuments } from '../helpers/seeds.js';

const DOCS = [
  'افتتحت المَكْتَبَةُ الوطنيةُ أبوابها للقرّاء.', // 0: vocalized, ة, hamza on أبوابها
  'قال إنّ الحكومة ستعلن القرار غداً.', // 1: إ with shadda, ة
  'وصلت الطائرة إلى مطار المدينة مساء أمس.', // 2: إلى (ى), ة, أ
  'The quick brown fox jumps over the lazy dog.', // 3: Latin text keeps working
];

function build(encoder?: Encoder): Index {
  const index = encoder === undefined ? new Index() : new Index({ encoder });
  DOCS.forEach((text, i) => index.add(i, text));
  return index;
}

const search = (index: Index, q: string): number[] => index.search(q, { suggest: true }) as unknown as number[];

// [query, the document it must find, why the default encoder misses it]
const CASES: [string, number, string][] = [
  ['المكتبة', 0, 'the text is vocalized: المَكْتَبَةُ'],
  ['المكتبه', 0, 'ه for ة, and the text is vocalized'],
  ['مكتبة', 0, 'the article ال is attached in the text'],
  ['الحكومه', 1, 'ه for ة'],
  ['ان الحكومه', 1, 'hamza-less alef and ه for ة'],
  ['المدينه', 2, 'ه for ة'],
  ['امس', 2, 'hamza-less alef: أمس (NFKD even splits the default\'s words at hamza)'],
  ['ابوابها', 0, 'hamza-less alef: أبوابها'],
  ['القراء', 0, 'the text has a shadda: القرّاء'],
];

describe('fahras/flexsearch', () => {
  const plain = build();
  const fahras = build(createFlexSearchEncoder());

  for (const [q, doc, why] of CASES) {
    it(`finds document ${doc} for ${q} (${why}); the default encoder does not`, () => {
      expect(search(plain, q)).not.toContain(doc);
      expect(search(fahras, q)).toContain(doc);
    });
  }

  it('still finds exact Arabic and Latin words', () => {
    expect(search(fahras, 'مطار')).toEqual([2]);
    expect(search(fahras, 'QUICK fox')).toEqual([3]);
  });

  it('drops Arabic stopwords, so a query of particles finds nothing', () => {
    expect(search(fahras, 'إلى في')).toEqual([]);
  });

  it('encodes vocalized and unvocalized spellings to the same terms', () => {
    const enc = createFlexSearchEncoder();
    expect(enc.encode('الْمَكْتَبَةُ')).toEqual(enc.encode('المكتبه'));
    expect(enc.encode('والمكتبات')).toEqual(enc.encode('مكتبة'));
    expect(enc.encode('')).toEqual([]);
  });

  it('gives plain EncoderOptions too, and honours the analyzer preset', () => {
    const exact = new Encoder(flexsearchEncoderOptions({ analyzer: 'exact' }));
    expect(exact.encode('المَكْتَبَةُ')).toEqual(['المكتبه']); // normalized, not stemmed
    const index = new Index({ encoder: exact });
    index.add(1, 'المَكْتَبَةُ');
    expect(index.search('المكتبة')).toEqual([1]);
    expect(index.search('مكتبة')).toEqual([]);
  });

  it('works in a Document index over the seed articles', () => {
    const docs = seedDocuments();
    const index = new Document({ document: { id: 'id', index: [{ field: 'text', encoder: createFlexSearchEncoder() }] } });
    for (const d of docs) index.add(d);
    // إيرانيين in the text, written without hamza and with no diacritics in the query
    const hits = index.search('مقاتلين ايرانيين', { suggest: true }).flatMap((r) => r.result);
    const expected = docs.filter((d) => d.text.includes('إيرانيين')).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(0);
    for (const id of expected) expect(hits).toContain(id);
  });
});
