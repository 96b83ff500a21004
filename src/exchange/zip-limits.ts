/**
 * The limits of reading a zip (zip-read.ts), apart from the reader: the command line shows them in
 * its help, and loading the inflater for that would cost every command its start-up time.
 */
const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export interface ZipLimits {
  /** Bytes one entry may inflate to. */
  entry: number;
  /** Bytes all the entries read may inflate to together. */
  archive: number;
  /** Inflated size over compressed size an entry may reach once it is larger than RATIO_FROM. */
  ratio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { entry: 256 * MiB, archive: 512 * MiB, ratio: 100 };
/** The highest limit an option may set: more cannot be read as one text. */
export const MAX_ZIP_LIMIT = GiB;
/** Small entries are not held to the ratio: a short repetitive file compresses very well. */
export const RATIO_FROM = MiB;
