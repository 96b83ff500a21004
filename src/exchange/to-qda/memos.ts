/** The notes of an imported project as memo files: memos/<name>.md, front matter from the note's title, code and description. */
import { stringify } from 'yaml';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseDescription, slug, unique } from '../codes.js';
import { allCodes, type ExProject } from '../model.js';
import type { Leave } from './left-out.js';
import { noteText, type ReadFile } from './source-text.js';

export function memoFiles(
  project: ExProject,
  codes: Map<string, string>,
  read: ReadFile,
  leave: Leave,
): { files: [string, string][]; memos: number } | { refused: Diagnostic } {
  const files: [string, string][] = [];
  const names = new Set<string>();
  const noteCode = new Map<string, string>();
  for (const code of allCodes(project.codes)) for (const n of code.notes) if (codes.has(code.guid)) noteCode.set(n, codes.get(code.guid)!);
  for (const note of project.notes) {
    const found = noteText(note, read);
    if ('refused' in found) return found;
    if (found.text === undefined) {
      leave('notes whose text file is missing', `«${note.name}»`);
      continue;
    }
    const front: Record<string, unknown> = {};
    if (note.name) front.title = note.name;
    const code = noteCode.get(note.guid);
    if (code) front.code = code;
    const about = aboutLines(note.description);
    if (about) Object.assign(front, about);
    else if (note.description) front.description = note.description;
    const name = unique(slug(note.name, 60) || 'note', names);
    files.push([`memos/${name}.md`, `---\n${stringify(front, { lineWidth: 0 })}---\n\n${found.text.replace(/\r\n?/g, '\n').trim()}\n`]);
  }
  return { files, memos: files.length };
}

/** A note's description as front matter when every line is `key: value` (as qda exports it). */
function aboutLines(description: string | undefined): Record<string, string> | undefined {
  if (!description) return undefined;
  const lines = description.split('\n').filter((l) => l.trim() !== '');
  const out: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Za-z][\w-]{0,40}):\s+(.+)$/.exec(line.trim());
    if (!m || ['title', 'code', 'id'].includes(m[1])) return undefined;
    out[m[1]] = m[2];
  }
  return parseDescription(description).id ? undefined : out;
}
