// Constants of the serialized index format (described in DESIGN.md, "Index format").

/** The first four bytes of every serialized fahras index: ASCII "FHRS". */
export const MAGIC = [0x46, 0x48, 0x52, 0x53] as const;
/** The format version this build writes and reads. */
export const FORMAT_VERSION = 1;
/** Bytes before the payload: magic (4), version (u16), flags (u16), payload length (u32), CRC-32 of the payload (u32). */
export const HEADER_SIZE = 16;
