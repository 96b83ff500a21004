/**
 * A qda project → ExProject and the text files of its sources. Each document's body (front matter
 * left out) is exported as UTF-8 with LF line ends; every coding becomes a PlainTextSelection over its
 * segment with one Coding, positions in code points into that text (end exclusive), so that every
 * producer's reading agrees (docs/exchange.md, Offsets).
 */
import { basename } from 'node:path';
import type { Codebook } from '../codebook/types.js';
import type { Memo } from '../corpus/memos.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import { LineIndex } from '../position/line-index.js';
import { codeGuid, exchangeCodes } from './codes.js';
import { guidFor } from './guid.js';
import type { ExNote, ExProject, ExSelection, ExTextSource, ExUser, ExVariableValue } from './model.js';

export const AUTO_CODER = 'qda';

export interface ExportInput {
  name: string;
  origin: string;
  codebook: Codebook;
  language: string;
  memos: Memo[];
}

export interface ExportedProject {
  project: ExProject;
  /** File name in sources/ → text. */
  files: [string, string][];
  selections: number;
  /** Codings whose code the codebook lacks (left out). */
  unknownCodes: number;
}

/** The body of a document as exported (inline coding comments left out), and where each of its UTF-16 offsets lands in it. */
export function exportedText(document: CodedDocument['document']): { text: string; at: (offset: number) => number } {
  const source = document.text;
  let from = document.bodyStart;
  const lead = /^(?:[ \t]*(?:\r\n|\r|\n))*/.exec(source.slice(from));
  if (lead) from += lead[0].length;
  const map = new Int32Array(source.length - from + 1);
  const out: string[] = [];
  // Inline coding comments are qda's markup, not text: other programs get the codings as selections.
  // In a plain-text document there is no markup, so nothing is taken out.
  const comments: [number, number][] = [...(document.plain ? [] : source.slice(from).matchAll(/[ \t]*<!--\s*qda:[^]*?-->/g))].map((m) => [
    from + m.index,
    from + m.index + m[0].length,
  ]);
  let next = 0;
  let j = 0;
  for (let i = from; i < source.length; i++) {
    map[i - from] = j;
    while (next < comments.length && comments[next][1] <= i) next++;
    if (next < comments.length && i >= comments[next][0]) continue;
    const c = source[i];
    if (c === '\r') {
      if (source[i + 1] === '\n') continue; // CRLF: the LF that follows stands for both
      out.push('\n');
    } else out.push(c);
    j++;
  }
  map[source.length - from] = j;
  return { text: out.join(''), at: (offset) => map[Math.min(Math.max(offset - from, 0), source.length - from)] };
}

function excerptName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60).trimEnd()}…` : flat;
}

export function buildExport(input: ExportInput, documents: Iterable<CodedDocument>): ExportedProject {
  const users = new Map<string, ExUser>();
  const user = (name: string) => {
    let u = users.get(name);
    if (!u) users.set(name, (u = { guid: guidFor('user', name), name }));
    return u.guid;
  };
  const qda = user(AUTO_CODER);
  const known = new Set(input.codebook.codes.map((c) => c.id));
  const order = new Map(input.codebook.codes.map((c, i) => [c.id, i]));
  const variables = new Set<string>();
  const sources: ExTextSource[] = [];
  const files: [string, string][] = [];
  let selections = 0;
  let unknownCodes = 0;

  for (const coded of documents) {
    const { document } = coded;
    const guid = guidFor('source', document.id);
    const { text, at } = exportedText(document);
    const index = new LineIndex(text);
    const position = (offset: number) => index.codePoint(at(offset));
    const segments = new Map(coded.segments.map((s) => [s.ordinal, s]));
    const source: ExTextSource = {
      guid,
      name: document.id,
      plainTextPath: `internal://${guid}.txt`,
      user: qda,
      selections: [],
      codings: [],
      notes: [],
      values: [],
    };
    const codings = [...coded.codings].sort(
      (a, b) => a.segment - b.segment || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0) || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0),
    );
    const seen = new Set<string>();
    for (const coding of codings) {
      const segment = segments.get(coding.segment);
      if (!segment) continue;
      if (!known.has(coding.code)) {
        unknownCodes++;
        continue;
      }
      const key = `${document.id}\u0000${coding.segment}\u0000${coding.code}\u0000${coding.coder}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const by = user(coding.coder);
      const selection: ExSelection = {
        guid: guidFor('selection', key),
        name: excerptName(segment.text),
        start: position(segment.range.start),
        end: position(segment.range.end),
        user: by,
        codings: [{ guid: guidFor('coding', key), code: codeGuid(coding.code), user: by }],
      };
      if (coding.source === 'auto' && coding.evidence.length > 0)
        selection.description = `auto-coded by qda; matched: ${[...new Set(coding.evidence.map((e) => e.text))].join(', ')}`;
      source.selections.push(selection);
      selections++;
    }
    for (const [key, value] of Object.entries(document.attributes)) {
      variables.add(key);
      const values: ExVariableValue[] = (Array.isArray(value) ? value : [value]).map((v) => ({ variable: guidFor('variable', key), value: v }));
      source.values.push(...values);
    }
    sources.push(source);
    files.push([`${guid}.txt`, text]);
  }

  const notes: ExNote[] = [];
  const notesByCode = new Map<string, string[]>();
  for (const memo of [...input.memos].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const guid = guidFor('note', memo.path);
    const note: ExNote = { guid, name: memo.title ?? basename(memo.path).replace(/\.(md|markdown|txt)$/i, ''), content: memo.text, user: qda };
    const about = Object.entries(memo.attributes).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
    if (about.length > 0) note.description = about.join('\n');
    notes.push(note);
    if (memo.code && known.has(memo.code)) notesByCode.set(memo.code, [...(notesByCode.get(memo.code) ?? []), guid]);
  }

  const sortedUsers = [...users.values()].sort((a, b) => (a.name === AUTO_CODER ? -1 : b.name === AUTO_CODER ? 1 : a.name < b.name ? -1 : 1));
  const project: ExProject = {
    name: input.name,
    origin: input.origin,
    creatingUser: qda,
    users: sortedUsers,
    codes: exchangeCodes(input.codebook, input.language, notesByCode),
    variables: [...variables].sort().map((name) => ({ guid: guidFor('variable', name), name, type: 'Text' })),
    cases: [],
    sources,
    notes,
    sets: [],
    skipped: {},
  };
  return { project, files, selections, unknownCodes };
}
