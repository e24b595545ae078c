// The time left of a run whose work follows its input bytes (`fahras index` and `fahras pack` reading their inputs):
// remaining bytes / the recent throughput. The throughput is smoothed over seconds (an exponential moving average
// over time, not over updates), so bursts of updates (a chunk read, then many documents indexed at once) and pauses
// (a garbage collection, the next file opened) neither freeze nor swing the estimate, and a run that slows down as
// its index grows is followed within a few seconds. No clock inside: the caller passes the time of each sample, so
// tests replay synthetic timelines.

/** The estimator's constants. */
export interface EtaOptions {
  /** Time constant of the throughput's smoothing, in ms (default 3,000: a change of pace shows within seconds). */
  smoothingMs?: number;
  /** No estimate before this many ms of samples (default 1,000): the first chunks read say little about the pace. */
  warmupMs?: number;
  /** No estimate before this share of the work is done (default 0.01). */
  warmupShare?: number;
  /**
   * Work after the measured part that the samples cannot see, as a share of the measured part's time (default 0):
   * `fahras index` builds the index's final form and writes it after reading its input (see `TAIL_SHARE` in
   * src/cli/program.ts).
   */
  afterShare?: number;
}

/** Time left from samples of (time, work done) against a known total. */
export class RemainingTime {
  private readonly totalWork: number;
  private readonly smoothingMs: number;
  private readonly warmupMs: number;
  private readonly warmupShare: number;
  private readonly afterShare: number;
  private firstMs = -1;
  private lastMs = 0;
  private lastDone = 0;
  /**
   * Smoothed throughput in work units per ms, an average that starts at 0: divided by 1 − e^(−elapsed/τ) it is the
   * average over the time so far while that is short, and the recent pace later (the start-up bias corrected).
   */
  private rate = 0;

  constructor(total: number, options: EtaOptions = {}) {
    this.totalWork = Math.max(0, total);
    this.smoothingMs = options.smoothingMs ?? 3000;
    this.warmupMs = options.warmupMs ?? 1000;
    this.warmupShare = options.warmupShare ?? 0.01;
    this.afterShare = options.afterShare ?? 0;
  }

  /** Records that `done` units of work are done at time `ms` (times and amounts never decrease). */
  observe(ms: number, done: number): void {
    if (this.firstMs < 0) {
      this.firstMs = this.lastMs = ms;
      this.lastDone = done;
      return;
    }
    const dt = ms - this.lastMs;
    // samples at one instant (a burst of updates) wait until time has passed: their work counts then
    if (dt <= 0) return;
    const instant = Math.max(0, done - this.lastDone) / dt;
    // the weight of this interval grows with its length: 1 − e^(−dt/τ) (an average over time, not over samples)
    const weight = 1 - Math.exp(-dt / this.smoothingMs);
    this.rate += weight * (instant - this.rate);
    this.lastMs = ms;
    this.lastDone = done;
  }

  /** Seconds left, or undefined while the pace is not known yet (warm-up, or nothing done). */
  secondsLeft(): number | undefined {
    const elapsed = this.lastMs - this.firstMs;
    const rate = this.rate / (1 - Math.exp(-elapsed / this.smoothingMs));
    if (!(rate > 0) || elapsed < this.warmupMs || this.lastDone < this.warmupShare * this.totalWork) return undefined;
    const left = Math.max(0, this.totalWork - this.lastDone) / rate / 1000;
    return left + this.afterShare * (elapsed / 1000 + left);
  }

  /** The estimated time of the work after the measured part, once that is done (`afterShare` × its time). */
  secondsAfter(): number {
    return (this.afterShare * (this.lastMs - this.firstMs)) / 1000;
  }
}

/** A time left for a progress line: `…` when unknown, then `45s`, `3m05s`, `1h02m`. */
export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '…';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
