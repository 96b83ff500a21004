/**
 * ExProject → the files of a qda project: a markdown file per text source (front matter from
 * variables, cases and sets), codebooks/imported.yaml, codings/<user>.csv with each selection mapped to
 * the paragraph it falls in, memos from notes, and qda.yaml. Pure: texts come through `read`; what
 * cannot be carried over is counted in `leftOut`, never dropped silently.
 */
import { stringify } from 'yaml';
import { csvLines } from '../formatters/csv.js';
import { readDocument, segmentDocument, type Segment } from '../ingest/document.js';
import { anchorOf } from '../manual/anchor.js';
import { importCodes, parseDescription, slug, unique } from './codes.js';
import { allCodes, type ExNote, type ExProject, type ExSelection, type ExTextSource } from './model.js';
import { chooseReading, describeReading, positionTable, producerReading, resolveSpan, type Reading } from './offsets.js';

export interface ImportResult {
  /** Project-relative path → text. */
  files: [string, string][];
  sources: number;
  codes: number;
  /** Coder → codings written. */
  codings: Map<string, number>;
  memos: number;
  /** Reason → how many things were left out, with a few examples. */
  leftOut: Map<string, { count: number; examples: string[] }>;
  /** Readings of selection positions that were used, per source name, when not the producer's usual one. */
  readings: string[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a file in the archive, BOM removed; undefined when it is not UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

interface Row {
  document: string;
  anchor: string;
  code: string;
  note: string;
  line: number;
  text: string;
}

export function importProject(project: ExProject, read: (path: string) => Uint8Array | undefined, sourceName: string): ImportResult {
  const leftOut = new Map<string, { count: number; examples: string[] }>();
  const leave = (reason: string, example?: string, n = 1) => {
    if (n <= 0) return;
    const entry = leftOut.get(reason) ?? { count: 0, examples: [] };
    entry.count += n;
    if (example && entry.examples.length < 3) entry.examples.push(example);
    leftOut.set(reason, entry);
  };
  for (const [what, n] of Object.entries(project.skipped)) leave(`${what}${n === 1 ? '' : 's'} (qda reads text only)`, undefined, n);

  const files: [string, string][] = [];
  const book = importCodes(
    project.codes,
    project.name,
    `# Imported from ${sourceName} (${project.origin ?? 'unknown producer'}) by qda import qdpx.\n`,
    // The auto-coder's codings come in as the codings of qda-auto; terms and patterns brought back
    // would have the auto-coder find them a second time.
    { matching: false },
  );
  files.push(['codebooks/imported.yaml', book.yaml]);

  // Coders: one per user, with a file-safe name. `qda` and `inline` name qda's own coders (the auto-coder
  // and transcript comments), so an imported user of that name becomes a coder of its own.
  const coderNames = new Set<string>(['qda', 'inline']);
  const coders = new Map<string, string>();
  const own = (name: string) => (name === 'qda' ? 'qda-auto' : name === 'inline' ? 'inline-imported' : name);
  for (const u of project.users) if (!coders.has(u.guid)) coders.set(u.guid, unique(own(slug(u.name, 40) || 'user'), coderNames));
  const coderOf = (guid: string | undefined) => {
    if (guid && coders.has(guid)) return coders.get(guid)!;
    const name = coders.get('') ?? unique('imported', coderNames);
    coders.set('', name);
    return name;
  };

  const attributes = sourceAttributes(project, leave);
  const docNames = new Set<string>();
  const fileNames = new Set<string>();
  const fromQda = (project.origin ?? '').startsWith('qda');
  const rows = new Map<string, Row[]>();
  const codings = new Map<string, number>();
  const readings: string[] = [];
  let sources = 0;
  const docIds = new Map<string, string>();

  for (const source of project.sources) {
    const codingCount = source.selections.reduce((n, s) => n + s.codings.length, 0);
    const where = `«${source.name}»`;
    const found = sourceText(source, read);
    if ('missing' in found) {
      leave(found.missing, found.outside ? `${where} ${source.plainTextPath}` : where);
      leave('codings in text sources without text', where, codingCount);
      continue;
    }
    const { text } = found;
    sources++;
    // The document id is the source's name (so that an export gives the name back, with no title
    // variable added), else the name of its text file; the markdown file gets an ASCII name.
    const id = unique(documentName(source) ?? 'source', docNames);
    const file = unique(slug(id, 60) || 'source', fileNames);
    docIds.set(source.guid, id);
    const preferred = fromQda ? { unit: 'codepoint' as const, crlf: 2 as const } : producerReading(project.origin);
    const reading: Reading = chooseReading(text, source.selections, preferred);
    if (reading.unit !== preferred.unit || reading.crlf !== preferred.crlf) readings.push(`${where}: ${describeReading(reading)}`);
    const table = positionTable(text, reading);
    const own = attributes.get(source.guid) ?? {};
    const front: Record<string, unknown> = { id };
    // Text from another program is plain text; qda's own export is markdown and stays so.
    if (!fromQda) front.plain = true;
    if (source.description && own.description === undefined) front.description = source.description;
    Object.assign(front, own);
    const body = markdownBody(text);
    const head = `---\n${stringify(front, { lineWidth: 0 })}---\n\n`;
    const path = `corpus/${file}.md`;
    const markdown = `${head}${body.text}`;
    files.push([path, markdown]);
    const { document } = readDocument(path, markdown);
    const segments = segmentDocument(document, 'paragraph');

    leave('codings of a whole source (qda codes paragraphs)', where, source.codings.length);
    for (const selection of source.selections) {
      if (selection.codings.length === 0) {
        leave('selections without a code (annotations)', where);
        continue;
      }
      if (selection.written !== undefined) {
        leave('codings whose selection positions are not whole numbers', `${where} ${selection.written}`, selection.codings.length);
        continue;
      }
      const span = resolveSpan(table, selection);
      const at = `${where} ${selection.start}–${selection.end}`;
      if (!span) {
        leave('codings whose selection lies outside its text', at, selection.codings.length);
        continue;
      }
      const hit = paragraphOf(segments, head.length + body.at(span.start), head.length + body.at(span.end), markdown);
      if (hit.kind !== 'one') {
        leave(
          hit.kind === 'none' ? 'codings outside any paragraph (e.g. on a heading)' : 'codings whose selection spans several paragraphs',
          at,
          selection.codings.length,
        );
        continue;
      }
      const segment = hit.segment;
      const selected = text.slice(span.start, span.end);
      for (const coding of selection.codings) {
        const code = book.ids.get(coding.code);
        if (!code) {
          leave('codings of a code the codebook lacks', at);
          continue;
        }
        const coder = coderOf(coding.user ?? selection.user ?? source.user);
        const list = rows.get(coder) ?? [];
        list.push({
          document: id,
          anchor: anchorOf(segment.text),
          code,
          note: noteFor(selection, selected, segment),
          line: segment.lines.start,
          text: segment.text.replace(/\s+/g, ' ').trim().slice(0, 80),
        });
        rows.set(coder, list);
      }
    }
  }

  for (const [coder, list] of [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const unique = dedupe(list);
    codings.set(coder, unique.length);
    const table = [
      ['document', 'anchor', 'code', 'decision', 'note', 'line', 'text'],
      ...unique.map((r) => [r.document, r.anchor, r.code, 'add', r.note, r.line, r.text]),
    ];
    files.push([`codings/${coder}.csv`, csvLines(table, { store: true })]);
  }

  const memoNames = new Set<string>();
  const noteCode = new Map<string, string>();
  for (const code of allCodes(project.codes)) for (const n of code.notes) if (book.ids.has(code.guid)) noteCode.set(n, book.ids.get(code.guid)!);
  let memos = 0;
  for (const note of project.notes) {
    const text = noteText(note, read);
    if (text === undefined) {
      leave('notes whose text file is missing', `«${note.name}»`);
      continue;
    }
    memos++;
    const front: Record<string, unknown> = {};
    if (note.name) front.title = note.name;
    const code = noteCode.get(note.guid);
    if (code) front.code = code;
    const about = aboutLines(note.description);
    if (about) Object.assign(front, about);
    else if (note.description) front.description = note.description;
    const name = unique(slug(note.name, 60) || 'note', memoNames);
    files.push([`memos/${name}.md`, `---\n${stringify(front, { lineWidth: 0 })}---\n\n${text.replace(/\r\n?/g, '\n').trim()}\n`]);
  }
  files.push([
    'qda.yaml',
    `# Imported from ${sourceName} (${project.origin ?? 'unknown producer'}) by qda import qdpx.\n${
      sources > 0
        ? 'corpus:\n  - corpus/**/*.md\n'
        : '# The file held no text, so this project holds a codebook only; add transcripts under corpus/ and name them here.\ncorpus: []\n'
    }codebook: codebooks/imported.yaml\nunit: paragraph\nout: out\n`,
  ]);
  return { files, sources, codes: book.count, codings, memos, leftOut, readings };
}

/** Document attributes from the source's own values, from cases that name it, and from sets. */
function sourceAttributes(
  project: ExProject,
  leave: (reason: string, example?: string, n?: number) => void,
): Map<string, Record<string, string | string[]>> {
  const names = new Map(project.variables.map((v) => [v.guid, v.name]));
  const out = new Map<string, Record<string, string | string[]>>();
  const add = (source: string, key: string, value: string, dedupe = true) => {
    const k = RESERVED_KEYS.has(key) ? `${key}-attribute` : key;
    const attrs = out.get(source) ?? {};
    const old = attrs[k];
    if (old === undefined) attrs[k] = value;
    else if (Array.isArray(old)) {
      if (!dedupe || !old.includes(value)) old.push(value);
    } else if (!dedupe || old !== value) attrs[k] = [old, value];
    out.set(source, attrs);
  };
  for (const s of project.sources)
    for (const v of s.values) if (v.value !== undefined) add(s.guid, names.get(v.variable) ?? 'variable', v.value, false);
  for (const c of project.cases) {
    if (c.sources.length === 0) {
      leave('cases that name no source', c.name ? `«${c.name}»` : undefined);
      continue;
    }
    for (const s of c.sources) {
      if (c.name) add(s, 'case', c.name);
      for (const v of c.values) if (v.value !== undefined) add(s, names.get(v.variable) ?? 'variable', v.value);
    }
  }
  for (const set of project.sets) {
    if (set.sources.length === 0) {
      if (set.codes.length > 0 || set.notes.length > 0) leave('sets of codes or notes (code groups)', `«${set.name}»`);
      continue;
    }
    const pair = /^([^:]{1,60}):\s*(.+)$/.exec(set.name);
    for (const s of set.sources) {
      if (pair) add(s, pair[1].trim(), pair[2].trim());
      else add(s, 'sets', set.name);
    }
  }
  // A single value in `sets` stays a list, so that documents compare alike.
  for (const attrs of out.values()) if (typeof attrs.sets === 'string') attrs.sets = [attrs.sets];
  return out;
}

/** A path to a file outside the archive (`relative://`, `absolute://`, `file://`…): never read. */
export const OUTSIDE = /^(?!internal:)[a-z][a-z0-9+.-]*:\/\//i;

/** The text of a source, or why there is none. */
/** Front-matter keys that tell qda how to read a file: a variable of that name gets `-attribute` added. */
const RESERVED_KEYS = new Set(['id', 'speakers', 'narration', 'plain']);

/** A source's name when it can be a document id (one line, not too long), else its text file's name. */
function documentName(source: ExTextSource): string | undefined {
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

function sourceText(source: ExTextSource, read: (path: string) => Uint8Array | undefined): { text: string } | { missing: string; outside?: true } {
  const path = source.plainTextPath;
  if (path) {
    if (OUTSIDE.test(path.trim())) return { missing: 'text sources that refer outside the archive', outside: true };
    const bytes = read(path);
    if (!bytes) return { missing: 'text sources whose text file is missing' };
    const text = decodeText(bytes);
    return text === undefined ? { missing: 'text sources whose text file is not UTF-8' } : { text };
  }
  if (source.content === undefined) return { missing: 'text sources without text' };
  return { text: source.content.replace(/^\uFEFF/, '') };
}

function noteText(note: ExNote, read: (path: string) => Uint8Array | undefined): string | undefined {
  if (note.content !== undefined) return note.content;
  if (note.plainTextPath) {
    const bytes = read(note.plainTextPath);
    return bytes ? decodeText(bytes) : undefined;
  }
  return '';
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

function noteFor(selection: ExSelection, selected: string, segment: Segment): string {
  const flat = selected.replace(/\s+/g, ' ').trim();
  const whole = segment.text.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  if (flat && flat !== whole) parts.push(`selection: "${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}"`);
  if (selection.description && !selection.description.startsWith('auto-coded by qda')) parts.push(selection.description.replace(/\s+/g, ' ').trim());
  return parts.join('; ');
}

function dedupe(rows: Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.document}\u0000${r.anchor}\u0000${r.code}`;
    const old = seen.get(key);
    if (!old) seen.set(key, r);
    else if (r.note && old.note !== r.note) old.note = old.note ? `${old.note}; ${r.note}` : r.note;
  }
  return [...seen.values()].sort(
    (a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) || a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The body of the markdown file for a plain text, and where each offset of the text lands in it.
 * Text that already separates paragraphs by blank lines (as qda's own export) is kept; in other plain
 * text every line is a paragraph, so each line becomes one (a blank line is put between).
 */
export function markdownBody(text: string): { text: string; at: (offset: number) => number } {
  const lines: { start: number; end: number }[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  let adjacent = 0;
  let filled = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].end === lines[i].start) continue;
    filled++;
    if (i + 1 < lines.length && lines[i + 1].end > lines[i + 1].start) adjacent++;
  }
  const separator = filled > 1 && adjacent >= filled / 2 ? '\n\n' : '\n';
  const starts: number[] = [];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = text.slice(lines[i].start, lines[i].end);
    if (i > 0) {
      const blank = line.trim() === '' || text.slice(lines[i - 1].start, lines[i - 1].end).trim() === '';
      const sep = blank ? '\n' : separator;
      out.push(sep);
      length += sep.length;
    }
    starts.push(length);
    out.push(line);
    length += line.length;
  }
  const body = `${out.join('').trimEnd()}\n`;
  return {
    text: body,
    at: (offset) => {
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (lines[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return Math.min(starts[lo] + Math.min(offset - lines[lo].start, lines[lo].end - lines[lo].start), body.length);
    },
  };
}

/** The one paragraph a range (white space trimmed) overlaps, or why there is none. */
function paragraphOf(segments: Segment[], start: number, end: number, text: string): { kind: 'one'; segment: Segment } | { kind: 'none' | 'many' } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const hits = segments.filter((s) => (end > start ? s.range.start < end && s.range.end > start : s.range.start <= start && start <= s.range.end));
  if (hits.length === 1) return { kind: 'one', segment: hits[0] };
  return { kind: hits.length === 0 ? 'none' : 'many' };
}
