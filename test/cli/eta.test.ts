// The CLI's time left (src/cli/eta.ts) on synthetic timelines: no real clock, the samples carry their times.
import { describe, expect, it } from 'vitest';
import { formatSeconds, RemainingTime } from '../../src/cli/eta.js';

const MB = 1e6;

/**
 * Replays an indexing run as the CLI samples it: the input is read in 64 kB chunks at `pace(ms)` bytes per ms, and
 * between two chunks the documents of the chunk are indexed, each 256 of them a sample at the same byte count (the
 * burst the old bar averaged over updates). Calls `check(ms, done, estimator)` after every sample.
 */
function replay(total: number, pace: (ms: number) => number, check: (ms: number, done: number, eta: RemainingTime) => void): void {
  const eta = new RemainingTime(total);
  let ms = 0;
  let done = 0;
  while (done < total) {
    const chunk = Math.min(65536, total - done);
    const chunkMs = chunk / pace(ms);
    done += chunk;
    // the chunk's documents: a few samples spread over the chunk's time, all at the chunk's byte count
    for (let k = 1; k <= 4; k++) {
      eta.observe(ms + (chunkMs * k) / 4, done);
      check(ms + (chunkMs * k) / 4, done, eta);
    }
    ms += chunkMs;
  }
}

describe('RemainingTime', () => {
  it('says nothing during the warm-up, then the time left at a steady pace within 5%', () => {
    // 100 MB at 1 MB/s: 100 s in all
    let checked = 0;
    replay(100 * MB, () => MB / 1000, (ms, done, eta) => {
      const left = eta.secondsLeft();
      if (ms < 1000) return expect(left).toBeUndefined();
      // (the warm-up counts from the first sample, a chunk after the start)
      if (ms < 1100) return;
      const truth = (100 * MB - done) / (MB / 1000) / 1000;
      expect(Math.abs(left! - truth)).toBeLessThanOrEqual(0.05 * truth + 0.5);
      checked++;
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('waits for 1% of the work however long it takes', () => {
    const eta = new RemainingTime(100 * MB);
    eta.observe(0, 0);
    eta.observe(5000, 0.5 * MB);
    expect(eta.secondsLeft()).toBeUndefined();
    eta.observe(10000, MB);
    expect(eta.secondsLeft()).toBeCloseTo(990, -1);
  });

  it('follows a run that slows down as its index grows (within 10% three time constants after)', () => {
    // 1 MB/s for the first 50 MB, then 0.5 MB/s: the old estimate (the first pace) would be half the truth
    const pace = (ms: number) => (ms < 50_000 ? MB / 1000 : MB / 2000);
    replay(100 * MB, pace, (ms, done, eta) => {
      if (ms < 50_000 + 9000) return;
      const truth = (100 * MB - done) / (MB / 2000) / 1000;
      expect(Math.abs(eta.secondsLeft()! - truth)).toBeLessThanOrEqual(0.1 * truth + 0.5);
    });
  });

  it('rises during a pause and comes back after it', () => {
    const eta = new RemainingTime(100 * MB);
    for (let s = 0; s <= 20; s++) eta.observe(s * 1000, s * MB);
    const before = eta.secondsLeft()!;
    expect(before).toBeCloseTo(80, 0);
    // two seconds without progress (a garbage collection, a slow disk): the pace drops, the estimate rises, bounded
    eta.observe(22_000, 20 * MB);
    const during = eta.secondsLeft()!;
    expect(during).toBeGreaterThan(before);
    expect(during).toBeLessThan(3 * before);
    // the pace is back: 15 s later the estimate is the steady one again, within 5%
    for (let s = 23; s <= 37; s++) eta.observe(s * 1000, (s - 2) * MB);
    expect(Math.abs(eta.secondsLeft()! - 65)).toBeLessThan(0.05 * 65);
  });

  it('counts samples at one instant once time has passed', () => {
    const eta = new RemainingTime(10 * MB, { warmupMs: 0, warmupShare: 0 });
    eta.observe(0, 0);
    for (let k = 0; k < 100; k++) eta.observe(0, MB);
    expect(eta.secondsLeft()).toBeUndefined();
    eta.observe(1000, MB);
    expect(eta.secondsLeft()).toBeCloseTo(9, 5);
  });
});

describe('RemainingTime with work after the measured part', () => {
  it('adds afterShare of the whole measured time, and gives it alone once the measured part is done', () => {
    const eta = new RemainingTime(100 * MB, { afterShare: 0.5 });
    for (let s = 0; s <= 40; s++) eta.observe(s * 1000, s * MB);
    // 60 s of reading left, then half of the 100 s of reading: 110 s
    expect(eta.secondsLeft()).toBeCloseTo(110, 0);
    for (let s = 41; s <= 100; s++) eta.observe(s * 1000, s * MB);
    expect(eta.secondsLeft()).toBeCloseTo(50, 0);
    expect(eta.secondsAfter()).toBeCloseTo(50, 0);
  });
});

describe('formatSeconds', () => {
  it('writes seconds, minutes and hours, and … when unknown', () => {
    expect([undefined, Infinity, 0.4, 45, 185, 3725].map(formatSeconds)).toEqual(['…', '…', '0s', '45s', '3m05s', '1h02m']);
  });
});
