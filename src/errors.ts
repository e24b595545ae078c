/**
 * The one error type fahras throws. Every failure a caller can meet carries a stable `code`
 * so programs can branch on it without parsing messages.
 */
export type FahrasErrorCode =
  /** An option or argument has a wrong type or value. */
  | 'INVALID_ARGUMENT'
  /** A document was added twice under the same id. */
  | 'DUPLICATE_ID'
  /** A document id that is not in the index. */
  | 'UNKNOWN_ID'
  /** Serialized bytes do not start with the fahras magic number. */
  | 'BAD_MAGIC'
  /** Serialized bytes were written by a format version this build cannot read. */
  | 'UNSUPPORTED_VERSION'
  /** Serialized bytes fail their checksum. */
  | 'CHECKSUM_MISMATCH'
  /** Serialized bytes end early or declare lengths beyond their end. */
  | 'TRUNCATED'
  /** Serialized bytes are structurally invalid in some other way. */
  | 'CORRUPT_INDEX'
  /** A piece of a pack could not be read (the message names it). */
  | 'MISSING_PIECE'
  /** A configured limit was exceeded. */
  | 'LIMIT_EXCEEDED';

/** Error thrown by fahras; `code` is stable across releases, `message` is for humans. */
export class FahrasError extends Error {
  readonly code: FahrasErrorCode;

  constructor(code: FahrasErrorCode, message: string) {
    super(message);
    this.name = 'FahrasError';
    this.code = code;
  }
}

/** Throws `FahrasError('INVALID_ARGUMENT', message)`: a caller passed something fahras cannot use. */
export function invalid(message: string): never {
  throw new FahrasError('INVALID_ARGUMENT', message);
}

/** A short, safe description of a value for error messages (never calls a caller's `toString`). */
export function describe(v: unknown): string {
  const t = typeof v;
  return t === 'string' ? JSON.stringify((v as string).slice(0, 40)) : v === null ? 'null' : t === 'object' || t === 'function' || t === 'symbol' ? t : String(v);
}

/** Levenshtein distance of two short names (option keys). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known name closest to `key` (Levenshtein distance), for "did you mean" in a message. */
function closestName(key: string, names: string[]): string {
  return names.reduce((a, b) => (distance(key, b) < distance(key, a) ? b : a));
}

/**
 * How a message about an unknown option key helps: with `closestName` registered it names the closest known key
 * ("did you mean 'limit'?"), else it lists the known keys. The main entry registers it ({@link useClosestNames});
 * the browser entries (fahras/search, fahras/pack) leave the distance code out of their bundles.
 */
let suggestName: typeof closestName | undefined;

/** Unknown option keys are answered with the closest known one (the main entry calls this when it loads). */
export function useClosestNames(): void {
  suggestName = closestName;
}

/**
 * `options` when it is a plain options object (not null, not an array) whose own keys are all in `known`
 * (space-separated names); otherwise throws `INVALID_ARGUMENT` naming `what` and, for an unknown key, the closest
 * known one (see {@link useClosestNames}; the known ones without it). `undefined` gives `{}`.
 */
export function checkOptions<T extends object>(options: T | undefined, known: string, what: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) invalid(`${what} must be an object`);
  const names = known.split(' ');
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) invalid(`${what}: unknown option '${key}' (${suggestName ? `did you mean '${suggestName(key, names)}'?` : `known: ${known}`})`);
  }
  return options;
}

/**
 * Throws `INVALID_ARGUMENT` with `message` when one of `values` is given (not undefined) and is not a function: the
 * opt-ins a loader takes are functions (`typos` from fahras/typos, `quran` from fahras/quran, …).
 */
export function checkFunctions(values: unknown[], message: string): void {
  for (const f of values) if (f !== undefined && typeof f !== 'function') invalid(message);
}

/** `text` when it is a string; otherwise throws `INVALID_ARGUMENT` saying that `what` takes a string. */
export function checkText(text: unknown, what: string): string {
  return typeof text === 'string' ? text : invalid(`${what} expects a string`);
}
