/**
 * ExProject → the files of a qda project: a markdown file per text source (front matter from
 * variables, cases and sets), codebooks/imported.yaml, codings/<user>.csv with each selection mapped to
 * the paragraph it falls in, memos from notes, and qda.yaml. Pure: texts come through `read`; what
 * cannot be carried over is counted in `leftOut`, never dropped silently. Each job has its file in
 * to-qda/.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { importCodes, slug, unique } from './codes.js';
import type { ExProject, ExTextSource } from './model.js';
import { chooseReading, describeReading, producerReading, type Reading } from './readings.js';
import { sourceAttributes, type Attributes } from './to-qda/attributes.js';
import { coderNames, type CoderOf } from './to-qda/coders.js';
import { codingsFiles } from './to-qda/codings-files.js';
import { LeftOut, type LeftOutEntry } from './to-qda/left-out.js';
import { sourceMarkdown } from './to-qda/markdown.js';
import { memoFiles } from './to-qda/memos.js';
import { selectionRows, type Row } from './to-qda/selections.js';
import { documentName, sourceText, type ReadFile } from './to-qda/source-text.js';

export { decodeText, type ReadFile } from './to-qda/source-text.js';

export interface ImportResult {
  /** Project-relative path → text. */
  files: [string, string][];
  sources: number;
  codes: number;
  /** Coder → codings written. */
  codings: Map<string, number>;
  memos: number;
  /** Reason → how many things were left out, with a few examples. */
  leftOut: Map<string, LeftOutEntry>;
  /** Readings of selection positions that were used, per source name, when not the producer's usual one. */
  readings: string[];
}

/** What every source's conversion shares. */
interface Shared {
  project: ExProject;
  read: ReadFile;
  codes: Map<string, string>;
  coderOf: CoderOf;
  attributes: Map<string, Attributes>;
  leftOut: LeftOut;
  /** Document ids and file names taken so far. */
  ids: Set<string>;
  names: Set<string>;
  rows: Map<string, Row[]>;
  readings: string[];
}

/** The project's files; `sourceName` (the archive's file name) is named in the headers. Stops at an entry refused by `read`. */
export function importProject(project: ExProject, read: ReadFile, sourceName: string): { result?: ImportResult; diagnostics: Diagnostic[] } {
  const leftOut = new LeftOut();
  const leave = leftOut.add.bind(leftOut);
  for (const [what, n] of Object.entries(project.skipped)) leave(`${what}${n === 1 ? '' : 's'} (qda reads text only)`, undefined, n);
  const header = `# Imported from ${sourceName} (${project.origin ?? 'unknown producer'}) by qda import qdpx.\n`;
  // The auto-coder's codings come in as the codings of qda-auto; terms and patterns brought back
  // would have the auto-coder find them a second time.
  const book = importCodes(project.codes, project.name, header, { matching: false });
  const files: [string, string][] = [['codebooks/imported.yaml', book.yaml]];
  const shared: Shared = {
    project,
    read,
    codes: book.ids,
    coderOf: coderNames(project.users),
    attributes: sourceAttributes(project, leave),
    leftOut,
    ids: new Set(),
    names: new Set(),
    rows: new Map(),
    readings: [],
  };
  let sources = 0;
  for (const source of project.sources) {
    const converted = convertSource(source, shared);
    if ('refused' in converted) return { diagnostics: [converted.refused] };
    if (converted.file) {
      files.push(converted.file);
      sources++;
    }
  }
  const codings = codingsFiles(shared.rows);
  files.push(...codings.files);
  const memos = memoFiles(project, book.ids, read, leave);
  if ('refused' in memos) return { diagnostics: [memos.refused] };
  files.push(...memos.files, ['qda.yaml', projectSettings(header, sources > 0)]);
  const result = {
    files,
    sources,
    codes: book.count,
    codings: codings.codings,
    memos: memos.memos,
    leftOut: leftOut.reasons,
    readings: shared.readings,
  };
  return { result, diagnostics: [] };
}

/** One text source: its markdown file, and its codings added to the rows; no file when it has no text. */
function convertSource(source: ExTextSource, shared: Shared): { file?: [string, string] } | { refused: Diagnostic } {
  const where = `«${source.name}»`;
  const leave = shared.leftOut.add.bind(shared.leftOut);
  const found = sourceText(source, shared.read);
  if ('refused' in found) return found;
  if ('missing' in found) {
    leave(found.missing, found.outside ? `${where} ${source.plainTextPath}` : where);
    leave(
      'codings in text sources without text',
      where,
      source.selections.reduce((n, s) => n + s.codings.length, 0),
    );
    return {};
  }
  const { text } = found;
  // The document id is the source's name (so that an export gives the name back, with no title
  // variable added), else the name of its text file; the markdown file gets an ASCII name.
  const id = unique(documentName(source) ?? 'source', shared.ids);
  const path = `corpus/${unique(slug(id, 60) || 'source', shared.names)}.md`;
  const fromQda = (shared.project.origin ?? '').startsWith('qda');
  const reading = sourceReading(text, source, fromQda ? { unit: 'codepoint', crlf: 2 } : producerReading(shared.project.origin), shared.readings);
  const file = sourceMarkdown(text, id, shared.attributes.get(source.guid) ?? {}, { plain: !fromQda, description: source.description });
  selectionRows(source, text, { id, path, file, reading, codes: shared.codes, coderOf: shared.coderOf, leave }, shared.rows);
  return { file: [path, file.markdown] };
}

/** The reading of a source's positions: the producer's, unless another fits clearly better (then noted). */
function sourceReading(text: string, source: ExTextSource, preferred: Reading, readings: string[]): Reading {
  const reading = chooseReading(text, source.selections, preferred);
  if (reading.unit !== preferred.unit || reading.crlf !== preferred.crlf) readings.push(`«${source.name}»: ${describeReading(reading)}`);
  return reading;
}

/** qda.yaml of the imported project; without texts it holds a codebook only. */
function projectSettings(header: string, hasTexts: boolean): string {
  const corpus = hasTexts
    ? 'corpus:\n  - corpus/**/*.md\n'
    : '# The file held no text, so this project holds a codebook only; add transcripts under corpus/ and name them here.\ncorpus: []\n';
  return `${header}${corpus}codebook: codebooks/imported.yaml\nunit: paragraph\nout: out\n`;
}
