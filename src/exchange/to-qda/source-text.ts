/**
 * The texts of an imported project: of a source (a file in the archive or inline), of a note, and
 * the name a source's document gets. A text is read only from inside the archive, never from a path
 * that points outside it.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ExNote, ExTextSource } from '../model.js';

/** The bytes behind a path in the archive, why they are refused, or undefined when there is no such file. */
export type ReadFile = (path: string) => { bytes: Uint8Array } | { refused: Diagnostic } | undefined;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a file in the archive, BOM removed; undefined when it is not UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** A path to a file outside the archive (`relative://`, `absolute://`, `file://`…): never read. */
export const OUTSIDE = /^(?!internal:)[a-z][a-z0-9+.-]*:\/\//i;

export type SourceText = { text: string } | { missing: string; outside?: true } | { refused: Diagnostic };

/** The text of a source, or why there is none. */
export function sourceText(source: ExTextSource, read: ReadFile): SourceText {
  const path = source.plainTextPath;
  if (path) {
    if (OUTSIDE.test(path.trim())) return { missing: 'text sources that refer outside the archive', outside: true };
    const found = read(path);
    if (!found) return { missing: 'text sources whose text file is missing' };
    if ('refused' in found) return found;
    const text = decodeText(found.bytes);
    return text === undefined ? { missing: 'text sources whose text file is not UTF-8' } : { text };
  }
  if (source.content === undefined) return { missing: 'text sources without text' };
  return { text: source.content.replace(/^\uFEFF/, '') };
}

/** The text of a note: inline, from its file, '' when it has neither; undefined when its file is missing. */
export function noteText(note: ExNote, read: ReadFile): { text?: string } | { refused: Diagnostic } {
  if (note.content !== undefined) return { text: note.content };
  if (!note.plainTextPath) return { text: '' };
  const found = read(note.plainTextPath);
  if (!found) return {};
  if ('refused' in found) return found;
  return { text: decodeText(found.bytes) };
}

/** A source's name when it can be a document id (one line, not too long), else its text file's name. */
export function documentName(source: ExTextSource): string | undefined {
  const usable = (s: string | undefined) => {
    const t = s?.replace(/\s+/g, ' ').trim();
    return t && t.length <= 100 && !/[\u0000-\u001f\u007f]/.test(t) ? t : undefined;
  };
  const file = source.plainTextPath
    ?.replace(/^[a-z]+:\/\//i, '')
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '');
  return usable(source.name) ?? usable(file);
}
