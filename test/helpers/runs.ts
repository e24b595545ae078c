import fc from 'fast-check';
// Case counts for property and fuzz tests: the CI counts by default; `npm run fuzz` multiplies them
// (FAHRAS_FUZZ_SCALE) for the long mode. Each test logs how many cases it ran, for the notes.
export const FUZZ_SCALE = Math.max(1, Number(process.env.FAHRAS_FUZZ_SCALE ?? 1) || 1);

export function runs(n: number): number {
  return Math.round(n * FUZZ_SCALE);
}

export function report(name: string, cases: number, extra = ''): void {
  console.log(`[cases] ${name}: ${cases}${extra ? ` ${extra}` : ''}`);
}

/**
 * Runs a fast-check property `numRuns` times in chunks, yielding to the event loop between chunks, so the long
 * mode (`npm run fuzz`) never blocks a test worker for minutes (vitest's worker RPC times out after 60 s).
 */
export async function assertProperty(property: Parameters<typeof fc.assert>[0], numRuns: number, chunk = 2000): Promise<void> {
  for (let done = 0; done < numRuns; done += chunk) {
    fc.assert(property, { numRuns: Math.min(chunk, numRuns - done) });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Yields to the event loop (for long hand-written fuzz loops). */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
