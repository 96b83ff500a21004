/**
 * The .qdpx container: a zip with project.qde and sources/. Entries get a fixed date so that the
 * same project gives the same bytes. Reading is lenient about names: the single *.qde
 * at the root in any case, `sources/` or `Sources/`.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** 1 January 2000, local time as zip stores it: any fixed date would do. */
const FIXED_DATE = new Date(2000, 0, 1, 0, 0, 0);

export function packZip(entries: [string, Uint8Array][]): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of entries) zippable[name] = [data, { mtime: FIXED_DATE, level: 6 }];
  return zipSync(zippable, { mtime: FIXED_DATE });
}

export interface Archive {
  /** Entry names as stored. */
  names: string[];
  get(name: string): Uint8Array | undefined;
}

export function unpackZip(bytes: Uint8Array): Archive | { error: string } {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { error: 'not a zip file (a .qdpx project is a zip archive)' };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return { error: `the zip archive cannot be read: ${(error as Error).message}` };
  }
  const byLower = new Map<string, string>();
  for (const name of Object.keys(files)) byLower.set(name.toLowerCase(), name);
  return {
    names: Object.keys(files).filter((n) => !n.endsWith('/')),
    get: (name) => {
      const found = byLower.get(name.toLowerCase());
      return found === undefined ? undefined : files[found];
    },
  };
}

/** The project XML of an archive: `project.qde`, else the single `*.qde` at the root. */
export function findQde(archive: Archive): string | undefined {
  const root = archive.names.filter((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  return root.find((n) => n.toLowerCase() === 'project.qde') ?? (root.length === 1 ? root[0] : undefined);
}

/** The bytes behind a source path: `internal://x` or a bare name, looked up in sources/ case-insensitively. */
export function internalFile(archive: Archive, path: string): Uint8Array | undefined {
  const m = /^internal:\/\/(.+)$/i.exec(path.trim());
  if (!m && /^[a-z]+:\/\//i.test(path.trim())) return undefined;
  const name = (m ? m[1] : path.trim()).replace(/^\/+/, '');
  return archive.get(`sources/${name}`) ?? archive.get(name);
}
