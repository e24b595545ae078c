// Case counts for property and fuzz tests: the CI counts by default; `npm run fuzz` multiplies them
// (FAHRAS_FUZZ_SCALE) for the long mode. Each test logs how many cases it ran, for the notes.
export const FUZZ_SCALE = Math.max(1, Number(process.env.FAHRAS_FUZZ_SCALE ?? 1) || 1);

export function runs(n: number): number {
  return Math.round(n * FUZZ_SCALE);
}

export function report(name: string, cases: number, extra = ''): void {
  console.log(`[cases] ${name}: ${cases}${extra ? ` ${extra}` : ''}`);
}
