import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../src/index-builder/paragraphs.js';

describe('splitParagraphs', () => {
  it('splits on every line break by default and trims', () => {
    expect(splitParagraphs('  أ\nب\r\n\nج  ')).toEqual([
      { start: 2, end: 3 },
      { start: 4, end: 5 },
      { start: 8, end: 9 },
    ]);
  });
  it('splits only on blank lines in blank-line mode', () => {
    const t = 'سطر أول\nتابع\n\n  فقرة ثانية\n \nثالثة';
    expect(splitParagraphs(t, 'blank-line').map((p) => t.slice(p.start, p.end))).toEqual(['سطر أول\nتابع', 'فقرة ثانية', 'ثالثة']);
  });
  it('keeps the whole text in none mode', () => {
    expect(splitParagraphs('\n a \n b \n', 'none')).toEqual([{ start: 2, end: 7 }]);
  });
  it('cuts very long paragraphs at white space', () => {
    const t = Array.from({ length: 5000 }, () => 'كلمة').join(' ');
    const ps = splitParagraphs(t, 'line', 1000);
    expect(ps.length).toBeGreaterThan(20);
    for (const p of ps) {
      expect(p.end - p.start).toBeLessThanOrEqual(1000);
      expect(t.slice(p.start, p.end).split(' ').every((w) => w === 'كلمة')).toBe(true);
    }
  });
});
