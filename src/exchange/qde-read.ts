/**
 * project.qde text → ExProject, leniently: namespace-agnostic, GUIDs compared without
 * braces and case, colours and booleans in any of the forms producers write. What qda cannot carry
 * over (PDF, picture, audio and video sources, graphs, links) is counted in `skipped`.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normaliseGuid } from './guid.js';
import type { ExCase, ExCode, ExCoding, ExNote, ExProject, ExSelection, ExSet, ExTextSource, ExVariableValue } from './model.js';
import { attr, child, children, childText, parseXml, textOf, type XmlNode } from './xml-read.js';

/** The project of a project.qde; `file` names it in the diagnostics. */
export function readQde(text: string, file: string): { project?: ExProject; diagnostics: Diagnostic[] } {
  const parsed = parseXml(text, file, 'qdpx/xml');
  if ('diagnostics' in parsed) return parsed;
  const root = parsed.root.Project?.[0];
  if (!root)
    return {
      diagnostics: [
        diagnostic(
          'error',
          file,
          'qdpx/xml',
          'the XML is not a REFI-QDA project: its root element is not <Project>',
          undefined,
          'give a .qdpx or .qde exported as a REFI-QDA project',
        ),
      ],
    };
  const skipped: Record<string, number> = {};
  const skip = (what: string, n = 1) => {
    if (n > 0) skipped[what] = (skipped[what] ?? 0) + n;
  };
  const project: ExProject = {
    name: attr(root, 'name') ?? 'project',
    users: children(child(root, 'Users'), 'User').map((u) => ({ guid: guid(attr(u, 'guid')), name: attr(u, 'name') ?? attr(u, 'id') ?? 'user' })),
    codes: readCodes(child(child(root, 'CodeBook'), 'Codes')),
    variables: children(child(root, 'Variables'), 'Variable').map((v) => ({
      guid: guid(attr(v, 'guid')),
      name: attr(v, 'name') ?? 'variable',
      type: attr(v, 'typeOfVariable') ?? 'Text',
    })),
    cases: children(child(root, 'Cases'), 'Case').map(readCase),
    sources: [],
    notes: children(child(root, 'Notes'), 'Note').map(readNote),
    sets: children(child(root, 'Sets'), 'Set').map(readSet),
    skipped,
  };
  const origin = attr(root, 'origin');
  if (origin) project.origin = origin;
  const creator = attr(root, 'creatingUserGUID');
  if (creator) project.creatingUser = guid(creator);
  const description = childText(root, 'Description');
  if (description) project.description = description;

  const sources = child(root, 'Sources');
  for (const s of children(sources, 'TextSource')) project.sources.push(readTextSource(s));
  for (const pdf of children(sources, 'PDFSource')) {
    skip('PDF source');
    skip('PDF region selection', children(pdf, 'PDFSelection').length);
    for (const rep of children(pdf, 'Representation')) skip('PDF text-representation selection', children(rep, 'PlainTextSelection').length);
  }
  for (const p of children(sources, 'PictureSource')) {
    skip('picture source');
    skip('picture selection', children(p, 'PictureSelection').length);
  }
  for (const kind of ['Audio', 'Video'] as const) {
    for (const m of children(sources, `${kind}Source`)) {
      skip(`${kind.toLowerCase()} source`);
      skip(`${kind.toLowerCase()} selection`, children(m, `${kind}Selection`).length);
      for (const t of children(m, 'Transcript')) skip('transcript selection', children(t, 'TranscriptSelection').length);
    }
  }
  skip('link', children(child(root, 'Links'), 'Link').length);
  skip('graph', children(child(root, 'Graphs'), 'Graph').length);
  return { project, diagnostics: [] };
}

function guid(value: string | undefined): string {
  return normaliseGuid(value);
}

/** The code tree under a <Codes> element (project or codebook). */
export function readCodes(codes: XmlNode | undefined): ExCode[] {
  return children(codes, 'Code').map((c) => {
    const code: ExCode = {
      guid: guid(attr(c, 'guid')),
      name: attr(c, 'name') ?? '',
      isCodable: !/^(false|0)$/i.test((attr(c, 'isCodable') ?? 'true').trim()),
      notes: children(c, 'NoteRef').map((n) => guid(attr(n, 'targetGUID'))),
      children: readCodes(c),
    };
    const color = parseColour(attr(c, 'color'));
    if (color) code.color = color;
    const description = childText(c, 'Description');
    if (description) code.description = description;
    return code;
  });
}

/** `#RRGGBB`, `#RGB`, `#RRGGBBAA` (alpha dropped) or `rgb(r, g, b)` → `#rrggbb`; anything else: none. */
export function parseColour(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^#?([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(v);
  if (m) return `#${m[1].toLowerCase()}`;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toLowerCase();
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,[^)]*)?\)$/i.exec(v);
  if (m) return `#${[m[1], m[2], m[3]].map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('')}`;
  return undefined;
}

function readCodings(node: XmlNode): ExCoding[] {
  const out: ExCoding[] = [];
  for (const c of children(node, 'Coding')) {
    const ref = attr(child(c, 'CodeRef'), 'targetGUID');
    if (!ref) continue;
    const coding: ExCoding = { guid: guid(attr(c, 'guid')), code: guid(ref) };
    const user = attr(c, 'creatingUser');
    if (user) coding.user = guid(user);
    out.push(coding);
  }
  return out;
}

function readValues(node: XmlNode): ExVariableValue[] {
  return children(node, 'VariableValue').flatMap((v) => {
    const ref = attr(child(v, 'VariableRef'), 'targetGUID');
    if (!ref) return [];
    const value: ExVariableValue = { variable: guid(ref) };
    for (const kind of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
      const t = textOf(child(v, kind));
      if (t !== undefined && t.trim() !== '') value.value = t.trim();
    }
    return [value];
  });
}

function readTextSource(s: XmlNode): ExTextSource {
  const source: ExTextSource = {
    guid: guid(attr(s, 'guid')),
    name: attr(s, 'name') ?? '',
    selections: children(s, 'PlainTextSelection').map((p) => {
      const start = attr(p, 'startPosition');
      const end = attr(p, 'endPosition');
      const selection: ExSelection = {
        guid: guid(attr(p, 'guid')),
        start: wholeNumber(start),
        end: wholeNumber(end),
        codings: readCodings(p),
      };
      if (Number.isNaN(selection.start) || Number.isNaN(selection.end)) selection.written = `${start ?? '(none)'}–${end ?? '(none)'}`;
      const name = attr(p, 'name');
      if (name) selection.name = name;
      const user = attr(p, 'creatingUser');
      if (user) selection.user = guid(user);
      const description = childText(p, 'Description');
      if (description) selection.description = description;
      return selection;
    }),
    codings: readCodings(s),
    notes: children(s, 'NoteRef').map((n) => guid(attr(n, 'targetGUID'))),
    values: readValues(s),
  };
  return withText(s, source);
}

/** A position: digits only (`1e3` or `12.7` is no position, not 1 or 12); NaN otherwise. */
function wholeNumber(value: string | undefined): number {
  return value !== undefined && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : Number.NaN;
}

function readNote(n: XmlNode): ExNote {
  return withText(n, { guid: guid(attr(n, 'guid')), name: attr(n, 'name') ?? '' });
}

/** What text sources and notes share: where the text is (file or inline), who made it, a description. */
function withText<T extends ExNote>(node: XmlNode, target: T): T {
  const path = attr(node, 'plainTextPath');
  if (path) target.plainTextPath = path;
  const content = textOf(child(node, 'PlainTextContent'));
  if (content !== undefined) target.content = content;
  const user = attr(node, 'creatingUser');
  if (user) target.user = guid(user);
  const description = childText(node, 'Description');
  if (description) target.description = description;
  return target;
}

function readCase(c: XmlNode): ExCase {
  const out: ExCase = {
    guid: guid(attr(c, 'guid')),
    values: readValues(c),
    sources: children(c, 'SourceRef').map((r) => guid(attr(r, 'targetGUID'))),
  };
  const name = attr(c, 'name');
  if (name) out.name = name;
  return out;
}

export function readSet(s: XmlNode): ExSet {
  // A project's MemberCode has targetGUID, a codebook's has guid.
  const ref = (n: XmlNode) => guid(attr(n, 'targetGUID') ?? attr(n, 'guid'));
  const set: ExSet = {
    guid: guid(attr(s, 'guid')),
    name: attr(s, 'name') ?? '',
    codes: children(s, 'MemberCode').map(ref),
    sources: children(s, 'MemberSource').map(ref),
    notes: children(s, 'MemberNote').map(ref),
  };
  const description = childText(s, 'Description');
  if (description) set.description = description;
  return set;
}
