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
