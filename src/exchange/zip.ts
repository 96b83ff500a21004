/**
 * The .qdpx container: a zip with project.qde and sources/. Entries get a fixed date so that the
 * same project gives the same bytes. Reading (zip-read.ts, within a budget) is lenient about names:
 * the single *.qde at the root in any case, `sources/` or `Sources/`.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Archive, EntryRead } from './zip-read.js';

/** 1 January 2000, local time as zip stores it: any fixed date would do. */
const FIXED_DATE = new Date(2000, 0, 1, 0, 0, 0);

export function packZip(entries: [string, Uint8Array][]): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of entries) zippable[name] = [data, { mtime: FIXED_DATE, level: 6 }];
  return zipSync(zippable, { mtime: FIXED_DATE });
}

/** The project XML of an archive: `project.qde`, else the single `*.qde` at the root. */
export function findQde(archive: Archive): string | undefined {
  const root = archive.names.filter((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  return root.find((n) => n.toLowerCase() === 'project.qde') ?? (root.length === 1 ? root[0] : undefined);
}

/** The bytes behind a source path: `internal://x` or a bare name, looked up in sources/ case-insensitively. */
export function internalFile(archive: Archive, path: string): EntryRead | undefined {
  const m = /^internal:\/\/(.+)$/i.exec(path.trim());
  if (!m && /^[a-z]+:\/\//i.test(path.trim())) return undefined;
  const name = (m ? m[1] : path.trim()).replace(/^\/+/, '');
  return archive.get(`sources/${name}`) ?? archive.get(name);
}
