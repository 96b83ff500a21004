/**
 * The corpus run: files → Documents → Segments → Codings, one document at a time, so that only
 * aggregates are held for the whole corpus. `surveyCorpus` is the cheap first pass that finds every
 * problem before any output is written.
 */
import { sharedCopies } from '../ingest/own-text.js';
import { collectWhenGrown } from './heap.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import { LANGUAGES } from '../codebook/types.js';
import { autoCodeAll, PatternTimeout } from '../coding/auto-code.js';
import type { Coding } from '../coding/coding.js';
import { stemmerFor } from '../match/stem.js';
import type { ClusterScore, ScoringOptions } from '../scoring/decide.js';
import { DEFAULT_SCORING } from '../scoring/decide.js';
import { FrequencyCounter, NO_FREQUENCIES, type Frequencies } from '../scoring/frequencies.js';
import type { WordTable } from '../match/words.js';
import { RunStore } from '../match/run-store.js';
import { makeScorer, scoreDocument, type Scorer } from '../scoring/score.js';
import { specificity } from '../scoring/specificity.js';
import { furniture, type Furniture } from '../scoring/statement.js';
import { addAll, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { segmentDocument, type Document, type Segment, type Unit } from '../ingest/document.js';
import { loadDocument, type FileEncoding } from './load.js';
import { formatSize, MAX_FILE_SIZE } from './size.js';
import type { Code } from '../codebook/types.js';
import { anchorsOf, applyManual, type Selection } from '../manual/apply.js';
import type { ManualRow } from '../manual/sidecar.js';
import type { Predictor } from '../learn/predict.js';

export interface CorpusOptions {
  /** One encoding for every file, or the encoding of each file (see corpus/encodings.ts). */
  encoding: string | ((path: string) => FileEncoding);
  unit: Unit;
  /** Language for documents that do not name one; defaults to the codebook's. */
  language?: string;
  /** Speaker labels or roles whose segments are not coded (e.g. `interviewer`). */
  skipSpeakers: string[];
  /** Reads a file's bytes; the pipeline itself does no I/O. */
  read: (path: string) => Uint8Array;
  /** A file's size in bytes, to refuse one larger than `maxFileSize` before reading it. */
  size?: (path: string) => number;
  /** The largest file read, in bytes (MAX_FILE_SIZE when not given). */
  maxFileSize?: number;
  /** Codings made by people (sidecar rows), and which codings an analysis counts. */
  manual?: { rows: ManualRow[]; selection: Selection };
  /** The codebook's codes, to check hand-made codings against. */
  codes?: Map<string, Code>;
  /** Only part of the project is read: hand-made codings of documents outside it are not its concern. */
  partial?: boolean;
  /** A learned model that decides the codes it knows (src/learn/predict.ts). */
  model?: Predictor;
  /** Documents the survey already read and cut into segments, taken (and forgotten) by the coding pass. */
  parsed?: Map<string, { document: Document; segments: Segment[] }>;
  /** Threshold, secondary share and whether to code furniture; the defaults when not given. */
  scoring?: ScoringOptions;
  /** Word frequencies of the corpus per language, counted by the survey. */
  frequencies?: Map<string, Frequencies>;
  /** The table the coding pass scans the words of a language with (CompiledCodebook.wordTable): the survey counts with it and keeps the words of the segments it keeps. */
  wordTable?: (language: string) => WordTable;
  /**
   * Where the coding pass keeps the words it scans of each segment, one batch at a time (as it does
   * for a model), for a reader of the coded documents that needs their words (the report's word
   * counter) to take instead of scanning them again. Not given to worker threads: without it there, the reader scans.
   */
  runs?: RunStore;
  /** Word frequencies of the background sample of a language. */
  background?: (language: string) => Frequencies;
  /** Pseudonymises each text as it is read (`--redact KEY`), so that no output holds an original. */
  redact?: (path: string, text: string) => string;
}

/** How much text the survey keeps for the coding pass, in characters; beyond it files are read again. */
const KEEP_PARSED = 32_000_000;
/**
 * The largest corpus, in bytes, of which the survey keeps documents for the coding pass. Kept
 * documents take some 3 bytes of memory a character (90 MB for KEEP_PARSED) while the survey's own
 * memory is largest; of a larger corpus they are a small part of the reading saved.
 */
const KEEP_CORPUS = 256 * 1024 * 1024;

/** Characters of text the survey of a corpus of this many bytes keeps for the coding pass, in one thread or shared among several. */
export function keptCharacters(bytes: number): number {
  return bytes <= KEEP_CORPUS ? KEEP_PARSED : 0;
}

export interface DocumentInfo {
  id: string;
  path: string;
  attributes: Document['attributes'];
  segments: number;
  /** Speaker labels and roles of its segments that get coded, each once. */
  speakers: string[];
  /** Speaker labels and roles of its segments left uncoded (skipSpeakers), each once. */
  skippedSpeakers: string[];
}

export interface CodedDocument {
  document: Document;
  language: string;
  segments: Segment[];
  /** Ordinals of segments left uncoded because of their speaker. */
  skipped: Set<number>;
  /** Segments left uncoded because they are not statements (titles, captions, references, ...). */
  furniture: Map<number, Furniture>;
  /** Scores of the clusters with evidence in each auto-coded segment, highest first. */
  clusters: Map<number, ClusterScore[]>;
  codings: Coding[];
}

/**
 * What a command that does not code asks of the survey: no word frequencies (only scoring needs
 * them), and each sound document handed to `visit` as it is read, so that one pass does its work.
 */
export interface SurveyHooks {
  frequencies?: boolean;
  /** False when no coding pass follows in this thread (worker threads code): nothing is kept for one. */
  keep?: boolean;
  visit?: (document: Document, segments: Segment[], context: VisitContext) => void;
  /** Shown every document read, with its segments (one whose id another has too included), whatever else is done with it. */
  each?: (document: Document, segments: Segment[]) => void;
  /**
   * The same work as plain data, for worker threads to do for later parts of the files
   * (src/corpus/survey-threads.ts), and how to add what each found to what `visit` gathered.
   */
  threads?: { job: unknown; absorb: (parts: unknown) => void };
  /**
   * The word frequencies are counted into these counters, per language, instead of counters of the
   * call's own (and the result's are left empty): for a thread that surveys several parts of the files.
   */
  counters?: Map<string, FrequencyCounter>;
}

export interface VisitContext {
  language: string;
  /** Speaker labels and roles (lower case) whose segments are not coded. */
  skip: Set<string>;
}

/** Read and parse every file once, without coding: all problems, and what each document holds. */
export function surveyCorpus(
  files: string[],
  options: CorpusOptions,
  hooks: SurveyHooks = {},
): {
  documents: DocumentInfo[];
  diagnostics: Diagnostic[];
  parsed: Map<string, { document: Document; segments: Segment[] }>;
  frequencies: Map<string, Frequencies>;
} {
  const documents: DocumentInfo[] = [];
  const counters = hooks.counters ?? new Map<string, FrequencyCounter>();
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const composedIds = new Map<string, string>();
  // Small corpora are read once: the survey keeps what it parsed for the coding pass.
  const parsed = new Map<string, { document: Document; segments: Segment[] }>();
  let kept = 0;
  const sizes = files.map((path) => options.size?.(path) ?? 0);
  const budget = hooks.keep !== false ? keptCharacters(sizes.reduce((a, b) => a + b, 0)) : 0;
  const limit = options.maxFileSize ?? MAX_FILE_SIZE;
  for (const [i, path] of files.entries()) {
    const size = sizes[i];
    collectWhenGrown(options.size ? size : undefined);
    if (size > limit) {
      diagnostics.push(
        diagnostic(
          'error',
          path,
          'file/too-large',
          `file is ${formatSize(size)}, more than the ${formatSize(limit)} qda reads in one file`,
          undefined,
          `split it into smaller transcripts, or raise the limit with --max-file-size ${formatSize(Math.ceil(size / 1e6) * 1e6)}`,
        ),
      );
      continue;
    }
    const loaded = loadDocument(path, options.read(path), encodingOf(options, path), options.redact);
    addAll(diagnostics, loaded.diagnostics);
    const document = loaded.document;
    if (!document) continue;
    const first = ids.get(document.id);
    if (first !== undefined) {
      hooks.each?.(document, segmentDocument(document, options.unit));
      diagnostics.push(
        diagnostic(
          'error',
          path,
          'document/duplicate-id',
          `document id "${document.id}" is also the id of ${first}`,
          { line: 1, column: 1 },
          'give one of them its own `id:` in the front matter',
        ),
      );
      continue;
    }
    ids.set(document.id, path);
    // café typed on one system and copied from another can be two byte sequences (NFC, NFD) that
    // look alike; codings made for one would not find the other.
    const composed = document.id.normalize('NFC');
    const lookalike = composedIds.get(composed);
    if (lookalike !== undefined)
      diagnostics.push(
        diagnostic(
          'warning',
          path,
          'document/unicode-duplicate',
          `document id "${document.id}" looks the same as the id of ${lookalike} but is written with other Unicode code points (NFC and NFD)`,
          { line: 1, column: 1 },
          'rename one of the files, or give one its own `id:` in the front matter',
        ),
      );
    else composedIds.set(composed, path);
    const segments = segmentDocument(document, options.unit);
    hooks.each?.(document, segments);
    if (segments.length === 0)
      diagnostics.push(diagnostic('warning', path, 'document/no-text', 'document has no text to code', undefined, 'add text below the front matter'));
    addAll(diagnostics, checkManual(document, segments, rowsFor(options, document.id), options.codes));
    const skip = new Set(options.skipSpeakers.map((s) => s.toLowerCase()));
    addAll(diagnostics, lookalikeSpeakers(path, segments));
    documents.push({
      id: document.id,
      path,
      attributes: document.attributes,
      segments: segments.length,
      ...speakerNames(segments, skip),
    });
    const language = documentLanguage(document, options.language ?? 'nl');
    const keep = !hooks.visit && kept + document.text.length <= budget;
    if (hooks.frequencies !== false) {
      let counter = counters.get(language);
      if (!counter) counters.set(language, (counter = new FrequencyCounter(stemmerFor(language), options.wordTable?.(language))));
      // The words of a kept segment are kept too, for the coding pass to match without scanning it again.
      const keepWords = keep && options.wordTable !== undefined;
      for (const segment of segments) counter.add(segment.text, keepWords ? segment : undefined);
    }
    if (hooks.visit) hooks.visit(document, segments, { language, skip });
    else if (keep) {
      kept += document.text.length;
      parsed.set(path, { document, segments });
    }
  }
  addAll(diagnostics, unknownDocuments(options, ids));
  const frequencies = new Map<string, Frequencies>(hooks.counters ? [] : [...counters].map(([language, c]) => [language, c.result()]));
  return { documents, diagnostics, parsed, frequencies };
}

/** Hand-made codings of documents that are not in the corpus (none when only part of it is read). */
export function unknownDocuments(options: CorpusOptions, ids: { has(id: string): boolean }): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const row of options.partial ? [] : (options.manual?.rows ?? [])) {
    if (!ids.has(row.document)) {
      found.push(
        diagnostic(
          'warning',
          row.file,
          'codings/document',
          `no document with id "${row.document}" in the corpus`,
          { line: row.line, column: 1 },
          'check the id, or remove the row',
        ),
      );
    }
  }
  return found;
}

/** Speaker labels and roles of the segments that get coded and of those left uncoded, each once, in order of first use. */
function speakerNames(segments: Segment[], skip: Set<string>): { speakers: string[]; skippedSpeakers: string[] } {
  const coded = new Set<string>();
  const skipped = new Set<string>();
  for (const s of segments) {
    const names = isSkipped(s, skip) ? skipped : coded;
    if (s.speaker !== undefined) names.add(s.speaker);
    if (s.speakerRole !== undefined) names.add(s.speakerRole);
  }
  return { speakers: [...coded].map(keptName), skippedSpeakers: [...skipped].map(keptName) };
}

/** The same speakers and roles come back in document after document: one copy of each is kept (about 110 bytes a transcript, 15 MB for 139,055). */
const keptName = sharedCopies();

/** Speaker labels of one document that look the same but differ in Unicode normalisation (NFC, NFD): two speakers to qda. */
function lookalikeSpeakers(path: string, segments: Segment[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const warned = new Set<string>();
  const found: Diagnostic[] = [];
  // A label met before can say nothing new: it was the first of its form, or warned about already.
  const met = new Set<string>();
  for (const s of segments) {
    if (s.speaker === undefined || met.has(s.speaker)) continue;
    met.add(s.speaker);
    const key = s.speaker.normalize('NFC');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, s.speaker);
    else if (first !== s.speaker && !warned.has(key)) {
      warned.add(key);
      found.push(
        diagnostic(
          'warning',
          path,
          'speaker/unicode-duplicate',
          `speaker "${s.speaker}" looks the same as speaker "${first}" but is written with other Unicode code points (NFC and NFD); they count as two speakers`,
          { line: s.lines.start, column: 1 },
          'write the name the same way on every line (retype it, or save the file as NFC)',
        ),
      );
    }
  }
  return found;
}

/** Code each file in turn. Files with problems are passed over (the survey reported them). */
export function* codeCorpus(files: string[], compiled: CompiledCodebook, options: CorpusOptions): Generator<CodedDocument> {
  const skip = new Set(options.skipSpeakers.map((s) => s.toLowerCase()));
  const scoring = options.scoring ?? DEFAULT_SCORING;
  const scorers = new Map<string, Scorer>();
  const scorerFor = (language: string) => {
    let scorer = scorers.get(language);
    if (!scorer) {
      const specific = specificity(options.background?.(language) ?? NO_FREQUENCIES, options.frequencies?.get(language) ?? NO_FREQUENCIES);
      scorers.set(language, (scorer = makeScorer(compiled, stemmerFor(language), specific, scoring)));
    }
    return scorer;
  };
  // With a model, the words the coding pass scans are kept for its rows (one batch at a time).
  const runs = options.runs ?? (options.model ? new RunStore() : undefined);
  for (const batch of loadBatches(files, compiled, options)) {
    runs?.reset();
    const coded = codeBatch(batch, compiled, runs);
    for (const [k, { path, document, language, segments }] of batch.entries()) {
      const skipped = new Set<number>();
      const notStatements = new Map<number, Furniture>();
      const { candidates, headings } = coded[k];
      const inputs = segments.map((segment, i) => {
        if (isSkipped(segment, skip)) skipped.add(segment.ordinal);
        const kind = scoring.codeAll ? undefined : furniture(segment);
        if (kind) notStatements.set(segment.ordinal, kind);
        const codable = !skipped.has(segment.ordinal) && kind === undefined;
        return { segment, candidates: candidates[i], codable };
      });
      const scored = scoreDocument(
        inputs,
        (title) => headings.get(title) ?? codeSegments([headingSegment(document.id, title)], compiled, language, path)[0],
        scorerFor(language),
      );
      const codable = (ordinal: number) => !skipped.has(ordinal) && !notStatements.has(ordinal);
      const found = options.model
        ? options.model.codeDocument(segments, scored.codings, language, codable, runs && { table: compiled.wordTable(language), runs })
        : scored.codings;
      const manual = options.manual;
      const final = manual
        ? applyManual(document.text, segments, found, rowsFor(options, document.id), compiled.byId, manual.selection).codings
        : found;
      yield { document, language, segments, skipped, furniture: notStatements, clusters: scored.clusters, codings: final };
    }
    // The runs of a long document's batch are let go now rather than with the next batch, or at the end of the run.
    runs?.reset();
  }
}

/** A document read and segmented, waiting in a batch to be coded. */
interface Loaded {
  path: string;
  document: Document;
  language: string;
  segments: Segment[];
}

/**
 * Text coded in one call to the pattern worker: each call costs a message to it and back, so the
 * documents are coded in batches of about this many characters (a document per call was 6,000
 * messages for 10 MB, counting the headings).
 */
const BATCH_CHARACTERS = 64 * 1024;

/** The files' documents in file order, grouped into batches of about BATCH_CHARACTERS. */
function* loadBatches(files: string[], compiled: CompiledCodebook, options: CorpusOptions): Generator<Loaded[]> {
  let batch: Loaded[] = [];
  let characters = 0;
  for (const path of files) {
    const known = options.parsed?.get(path);
    options.parsed?.delete(path); // taken once, so that its memory goes with the document
    const document = known?.document ?? loadDocument(path, options.read(path), encodingOf(options, path), options.redact).document;
    if (!document) continue;
    const language = documentLanguage(document, options.language ?? compiled.codebook.language);
    const segments = known?.segments ?? segmentDocument(document, options.unit);
    batch.push({ path, document, language, segments });
    characters += document.text.length;
    if (characters >= BATCH_CHARACTERS) {
      yield batch;
      batch = [];
      characters = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The auto codings of every segment of a batch, and of the heading titles of its sections: one
 * call per language, the segments of a document first and its titles after them, in file order.
 */
function codeBatch(batch: Loaded[], compiled: CompiledCodebook, runs?: RunStore): { candidates: Coding[][]; headings: Map<string, Coding[]> }[] {
  const result = batch.map(() => ({ candidates: [] as Coding[][], headings: new Map<string, Coding[]>() }));
  for (const language of new Set(batch.map((b) => b.language))) {
    const segments: Segment[] = [];
    /** Per segment of the call: its document in the batch, and the title it stands for (a heading). */
    const owner: { k: number; title?: string }[] = [];
    batch.forEach(({ document, language: l, segments: own }, k) => {
      if (l !== language) return;
      for (const segment of own) {
        segments.push(segment);
        owner.push({ k });
      }
      for (const title of new Set(own.flatMap((s) => s.section))) {
        segments.push(headingSegment(document.id, title));
        owner.push({ k, title });
      }
    });
    let coded: Coding[][];
    try {
      const table = compiled.wordTable(language);
      coded = autoCodeAll(segments, compiled, language, runs && ((segment, words) => runs.keep(segment, words, table.generation)));
    } catch (error) {
      if (error instanceof PatternTimeout) error.path = batch[owner[segments.indexOf(error.segment)]?.k ?? 0].path;
      throw error;
    }
    coded.forEach((codings, i) => {
      const { k, title } = owner[i];
      if (title === undefined) result[k].candidates.push(codings);
      else result[k].headings.set(title, codings);
    });
  }
  return result;
}

/** A heading's title as a segment of its own, for matching its words. */
export function headingSegment(documentId: string, title: string): Segment {
  return {
    documentId,
    ordinal: 0,
    section: [],
    range: { start: 0, end: title.length },
    lines: { start: 1, end: 1 },
    text: title,
    paragraphs: [],
  };
}

export function isSkipped(segment: Segment, skip: Set<string>): boolean {
  if (skip.size === 0) return false;
  return (
    (segment.speaker !== undefined && skip.has(segment.speaker.toLowerCase())) || (segment.speakerRole !== undefined && skip.has(segment.speakerRole))
  );
}

export function documentLanguage(document: Document, fallback: string): string {
  const value = document.attributes.language;
  return typeof value === 'string' && LANGUAGES.includes(value as never) ? value : fallback;
}

export function encodingOf(options: CorpusOptions, path: string): string | FileEncoding {
  return typeof options.encoding === 'string' ? options.encoding : options.encoding(path);
}

/** The sidecar rows of one document, in file order (a list shared by every caller: read it, do not change it). */
export function rowsFor(options: CorpusOptions, id: string): ManualRow[] {
  const rows = options.manual?.rows;
  if (!rows || rows.length === 0) return [];
  return byDocument(rows).get(id) ?? [];
}

/**
 * Sidecar rows grouped by document, once per list of rows: every document asks for its own, and
 * searching all rows for each one made a corpus of 10,000 documents with 5,000 rows take seconds.
 */
const grouped = new WeakMap<ManualRow[], { length: number; byId: Map<string, ManualRow[]> }>();
function byDocument(rows: ManualRow[]): Map<string, ManualRow[]> {
  let known = grouped.get(rows);
  if (!known || known.length !== rows.length) {
    const byId = new Map<string, ManualRow[]>();
    for (const row of rows) {
      const list = byId.get(row.document);
      if (list) list.push(row);
      else byId.set(row.document, [row]);
    }
    grouped.set(rows, (known = { length: rows.length, byId }));
  }
  return known.byId;
}

/** Hand-made codings of one document: unknown codes are errors, codings whose paragraph is gone warnings. */
function checkManual(document: Document, segments: Segment[], rows: ManualRow[], codes: Map<string, Code> | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!codes) return out;
  const unknown = (code: string) => `unknown code "${code}"`;
  for (const s of segments) {
    for (const p of s.paragraphs) {
      for (const inline of p.inline ?? []) {
        for (const code of [...inline.add, ...inline.reject]) {
          if (!codes.has(code))
            out.push(
              diagnostic(
                'error',
                document.path,
                'codings/unknown-code',
                unknown(code),
                document.lines.point(inline.offset),
                'use a code id of the codebook',
              ),
            );
        }
      }
    }
  }
  if (rows.length === 0) return out;
  const anchors = anchorsOf(document.text, segments);
  for (const row of rows) {
    if (!codes.has(row.code))
      out.push(
        diagnostic('error', row.file, 'codings/unknown-code', unknown(row.code), { line: row.line, column: 1 }, 'use a code id of the codebook'),
      );
    else if (!anchors.has(row.anchor)) {
      const was = row.text ? ` ("${row.text.slice(0, 50)}")` : '';
      out.push(
        diagnostic(
          'warning',
          row.file,
          'codings/stale',
          `the paragraph this ${row.code} coding of ${row.document} points to has changed or is gone${was}; the coding is not applied`,
          { line: row.line, column: 1 },
          'code the paragraph again, or delete the row',
        ),
      );
    }
  }
  return out;
}

/** Auto codings of a document's segments; a pattern that runs too long is reported with the file. */
function codeSegments(segments: Segment[], compiled: CompiledCodebook, language: string, path: string): Coding[][] {
  try {
    return autoCodeAll(segments, compiled, language);
  } catch (error) {
    if (error instanceof PatternTimeout) error.path = path;
    throw error;
  }
}
