// The packs section of bench/RESULTS.md: written into the file in place (replacing its earlier version, or before the
// bundle sizes), one table row per engine with pending engines marked, medians of the measured lists.
import { describe, expect, it } from 'vitest';
import { packsRows, type PacksReport, upsertSection } from '../../bench/packs-report.js';

describe('upsertSection', () => {
  const md = '# title\n\n## A\n\na\n\n## Packs\n\nold\n\n## Bundle size\n\nb\n';
  it('replaces the section up to the next heading', () => {
    expect(upsertSection(md, '## Packs', '## Packs\n\nnew\n', '## Bundle size')).toBe('# title\n\n## A\n\na\n\n## Packs\n\nnew\n\n## Bundle size\n\nb\n');
  });
  it('inserts it before the given heading when absent, or at the end', () => {
    expect(upsertSection('# t\n\n## Bundle size\n', '## Packs', '## Packs\n', '## Bundle size')).toBe('# t\n\n## Packs\n\n## Bundle size\n');
    expect(upsertSection('# t\n', '## Packs', '## Packs\n', '## Bundle size')).toBe('# t\n\n## Packs\n');
  });
  it('replaces a last section to the end of the file', () => {
    expect(upsertSection('# t\n\n## Packs\n\nold\n', '## Packs', '## Packs\n\nnew\n', '## Bundle size')).toBe('# t\n\n## Packs\n\nnew\n');
  });
});

describe('packsRows', () => {
  it('gives medians per engine and marks a pending engine', () => {
    const report: PacksReport = {
      kind: 'packs',
      date: '2026-12-07T00:00:00Z',
      chromium: '1',
      pagefind: '1.6.0',
      queries: 3,
      freshPages: 3,
      queriesFingerprint: 'x',
      slices: [
        {
          mb: 20,
          docs: 22378,
          textBytes: 20e6,
          engines: [
            { engine: 'pagefind', version: '1.6.0', buildMs: 20_000, files: 3, outputBytes: 19.1e6, firstBytes: [400e3, 444e3, 500e3], firstGzipBytes: [1, 2, 3], firstMs: [90, 100, 300], laterBytes: [1, 87e3, 90e3], laterMs: [40, 50, 60], cachedMs: [1, 2, 3], memoryBytes: 3.4e6, mrr10: 0.9, found10: 1 },
            { engine: 'fahras-pack', pending: 'pending: not landed' },
          ],
        },
      ],
    };
    const [pagefind, pack] = packsRows(report);
    expect(pagefind.slice(0, 9)).toEqual(['first 20 MB (22,378 paragraphs)', 'Pagefind 1.6.0', '20.0 s', '19.1 MB in 3 files', '444 KB (0.0 KB gzip)', '100 ms', '87 KB, 50.0 ms', '2.00 ms', '3.4 MB']);
    expect(pack.slice(0, 3)).toEqual(['', 'fahras pack', 'pending']);
  });
});
