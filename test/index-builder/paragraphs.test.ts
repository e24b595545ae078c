import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../src/index-builder/paragraphs.js';
import { assertProperty, report, runs } from '../helpers/runs.js';

/** A unit-by-unit reference of the 'line' / 'blank-line' splitting (without the length cut). */
function reference(text: string, mode: 'line' | 'blank-line'): { start: number; end: number }[] {
  const space = (c: number) => (/\s/.test(String.fromCharCode(c)) && c !== 0xfeff) || c === 0x85;
  const brk = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
  const out: { start: number; end: number }[] = [];
  const emit = (s: number, e: number) => {
    while (s < e && space(text.charCodeAt(s))) s++;
    while (e > s && space(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!brk(text.charCodeAt(i))) continue;
    if (mode === 'line') {
      emit(start, i);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    if (text.charCodeAt(i) === 0x0d && text.charCodeAt(j) === 0x0a) j++;
    let k = j;
    while (k < text.length && space(text.charCodeAt(k)) && !brk(text.charCodeAt(k))) k++;
    if (k < text.length && brk(text.charCodeAt(k))) {
      emit(start, i);
      while (k < text.length && space(text.charCodeAt(k))) k++;
      start = k;
      i = k - 1;
    } else i = j - 1;
  }
  emit(start, text.length);
  return out;
}

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
  it('finds every kind of line break as a unit-by-unit scan does (property)', async () => {
    const unit = fc.constantFrom('ب', ' ', '\t', '\u00a0', '\n', '\r', '\u0085', '\u2028', '\u2029', 'x');
    await assertProperty(
      fc.property(fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), fc.constantFrom('line' as const, 'blank-line' as const), (text, mode) => {
        expect(splitParagraphs(text, mode)).toEqual(reference(text, mode));
      }),
      runs(2000),
    );
    report('paragraph breaks', runs(2000));
  });
});
