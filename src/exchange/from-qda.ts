/**
 * A qda project → ExProject and the text files of its sources, a document at a time (ExportBuilder;
 * qdpx-write.ts writes what it gives as it comes). Each document's body (front matter
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
  // Text is copied in runs between what is left out or changed, not a character at a time.
  let run = from;
  const flush = (end: number) => {
    if (end > run) out.push(source.slice(run, end));
  };
  for (let i = from; i < source.length; i++) {
    map[i - from] = j;
    while (next < comments.length && comments[next][1] <= i) next++;
    if (next < comments.length && i >= comments[next][0]) {
      flush(i);
      run = i + 1;
      continue;
    }
    if (source.charCodeAt(i) === 13) {
      flush(i);
      run = i + 1;
      if (source.charCodeAt(i + 1) === 10) continue; // CRLF: the LF that follows stands for both
      out.push('\n');
    }
    j++;
  }
  flush(source.length);
  map[source.length - from] = j;
  return { text: out.join(''), at: (offset) => map[Math.min(Math.max(offset - from, 0), source.length - from)] };
}

function excerptName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60).trimEnd()}…` : flat;
}

/**
 * The export a document at a time: `add` converts one document to its source element and text
 * (which the caller writes and lets go); kept here are only the users, variables and counts that
 * the project needs at the end (`project`).
 */
export class ExportBuilder {
  private readonly users = new Map<string, ExUser>();
  private readonly known: Set<string>;
  private readonly order: Map<string, number>;
  private readonly variables = new Set<string>();
  private readonly qda: string;
  sources = 0;
  selections = 0;
  /** Codings whose code the codebook lacks (left out). */
  unknownCodes = 0;

  constructor(private readonly input: ExportInput) {
    this.qda = this.user(AUTO_CODER);
    this.known = new Set(input.codebook.codes.map((c) => c.id));
    this.order = new Map(input.codebook.codes.map((c, i) => [c.id, i]));
  }

  /** One document as a TextSource, its text and the text's file name in sources/. */
  add(coded: CodedDocument): { source: ExTextSource; text: string; file: string } {
    const { document } = coded;
    const guid = guidFor('source', document.id);
    const { text, at } = exportedText(document);
    const index = new LineIndex(text);
    const position = (offset: number) => index.codePoint(at(offset));
    const source: ExTextSource = {
      guid,
      name: document.id,
      plainTextPath: `internal://${guid}.txt`,
      user: this.qda,
      selections: this.selectionsOf(coded, position),
      codings: [],
      notes: [],
      values: [],
    };
    for (const [key, value] of Object.entries(document.attributes)) {
      this.variables.add(key);
      const values: ExVariableValue[] = (Array.isArray(value) ? value : [value]).map((v) => ({ variable: guidFor('variable', key), value: v }));
      source.values.push(...values);
    }
    this.sources++;
    return { source, text, file: `${guid}.txt` };
  }

  /** Every coding as a selection over its segment, in segment, codebook and coder order, each once. */
  private selectionsOf(coded: CodedDocument, position: (offset: number) => number): ExSelection[] {
    const { document } = coded;
    const segments = new Map(coded.segments.map((s) => [s.ordinal, s]));
    const order = this.order;
    const codings = [...coded.codings].sort(
      (a, b) => a.segment - b.segment || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0) || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0),
    );
    const seen = new Set<string>();
    const out: ExSelection[] = [];
    for (const coding of codings) {
      const segment = segments.get(coding.segment);
      if (!segment) continue;
      if (!this.known.has(coding.code)) {
        this.unknownCodes++;
        continue;
      }
      const key = `${document.id}\u0000${coding.segment}\u0000${coding.code}\u0000${coding.coder}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const by = this.user(coding.coder);
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
      out.push(selection);
      this.selections++;
    }
    return out;
  }

  /** The project around the sources: users, codes, variables and the memos as notes. */
  project(): Omit<ExProject, 'sources'> {
    const { input, known } = this;
    const notes: ExNote[] = [];
    const notesByCode = new Map<string, string[]>();
    for (const memo of [...input.memos].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const guid = guidFor('note', memo.path);
      const note: ExNote = { guid, name: memo.title ?? basename(memo.path).replace(/\.(md|markdown|txt)$/i, ''), content: memo.text, user: this.qda };
      const about = Object.entries(memo.attributes).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
      if (about.length > 0) note.description = about.join('\n');
      notes.push(note);
      if (memo.code && known.has(memo.code)) notesByCode.set(memo.code, [...(notesByCode.get(memo.code) ?? []), guid]);
    }
    const users = [...this.users.values()].sort((a, b) => (a.name === AUTO_CODER ? -1 : b.name === AUTO_CODER ? 1 : a.name < b.name ? -1 : 1));
    return {
      name: input.name,
      origin: input.origin,
      creatingUser: this.qda,
      users,
      codes: exchangeCodes(input.codebook, input.language, notesByCode),
      variables: [...this.variables].sort().map((name) => ({ guid: guidFor('variable', name), name, type: 'Text' })),
      cases: [],
      notes,
      sets: [],
      skipped: {},
    };
  }

  private user(name: string): string {
    let u = this.users.get(name);
    if (!u) this.users.set(name, (u = { guid: guidFor('user', name), name }));
    return u.guid;
  }
}
