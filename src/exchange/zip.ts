/**
 * The .qdpx container: a zip with project.qde and sources/ (written by zip-write.ts, entries with a
 * fixed date so that the same project gives the same bytes). Reading (zip-read.ts, within a budget) is lenient about names:
 * the single *.qde at the root in any case, `sources/` or `Sources/`.
 */
import type { Archive, EntryRead } from './zip-read.js';

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
