/**
 * papaparse, required on first use. Imported as an ES module, its one 2,000-line CommonJS file was
 * first scanned for the names it exports, about 8 ms of CPU on every run; required, it loads in
 * about 1 ms, and only in a run that reads a CSV (a sidecar, a sheet, a key).
 */
import { createRequire } from 'node:module';
import type PapaType from 'papaparse';

let loaded: typeof PapaType | undefined;

export function papa(): typeof PapaType {
  return (loaded ??= createRequire(import.meta.url)('papaparse') as typeof PapaType);
}
