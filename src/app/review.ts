/**
 * `review export` and `review import`: auto-codes checked in a spreadsheet. Export gives the items of
 * the sheet (every auto coding, or with `next` the paragraphs where the model is least sure); import
 * reads the decisions back, checked against the corpus, into the coder's codings file, all or none.
 */
import { join } from 'node:path';
import { localise, type Code } from '../codebook/types.js';
import { codeCorpus, rowsFor, type CodedDocument } from '../corpus/pipeline.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attributeColumns } from '../formatters/codings-csv.js';
import { csvLines } from '../formatters/csv.js';
import { exists, isDirectory, readText } from '../io/files.js';
import { ensureDir, resolvePath } from '../io/write.js';
import { reviewedSegments } from '../learn/examples.js';
import { MostUncertain, uncertainSegments, type Uncertain } from '../learn/uncertain.js';
import { mergeSidecar, readReviewSheet, reviewItem, reviewItems, sidecarCsv, type ReviewItem } from '../manual/review.js';
import { parseSidecar, type ManualRow } from '../manual/sidecar.js';
import { attributeKeys } from './code.js';
import { lockedWrite, type LockedWriter } from './locked-write.js';
import { outputLanguage, type OpenedCorpus } from './corpus.js';
import { inputProblem, usage } from './errors.js';
import type { Outcome } from './outcome.js';

export interface ReviewExportRequest {
  /** Only the N paragraphs nobody has decided on where the model is least sure, most uncertain first. */
  next?: number;
}

export interface ReviewSheet {
  /** The attribute columns after `path`: the key in the front matter and the column's name. */
  attributes: { key: string; column: string }[];
  /** A sheet of --next: each item says the model's probability and examples. */
  uncertain: boolean;
  /** The items document by document; coded as they are read, so read them once. */
  documents: Iterable<ReviewItem[]>;
  /** Items and paragraphs read so far from `documents`. */
  counts: { items: number; paragraphs: number };
  /** The model asked (--next). */
  model?: string;
}

export function reviewExport(opened: OpenedCorpus, request: ReviewExportRequest = {}): Outcome<ReviewSheet> {
  if (request.next !== undefined) return { result: reviewNext(opened, request.next), diagnostics: [] };
  const attributes = attributeColumns(attributeKeys(opened));
  const codes = codeMap(opened);
  const language = outputLanguage(opened);
  const counts = { items: 0, paragraphs: 0 };
  // The sheet shows what the auto-coder found, before anyone's decisions.
  const corpus = { ...opened.corpus, manual: undefined };
  const documents = function* () {
    for (const coded of codeCorpus(opened.files, opened.compiled, corpus)) {
      const items = reviewItems(
        coded,
        attributes.map((a) => a.key),
        codes,
        language,
      );
      counts.items += items.length;
      counts.paragraphs += new Set(items.map((i) => `${i.document}\u0000${i.anchor}`)).size;
      yield items;
    }
  };
  return { result: { attributes, uncertain: false, documents: documents(), counts }, diagnostics: [] };
}

/** `next`: the paragraphs where the model is least sure (learn/uncertain.ts), one item per code in question. */
function reviewNext(opened: OpenedCorpus, n: number): ReviewSheet {
  const predictor = opened.corpus.model;
  if (!predictor)
    throw usage(
      '--next needs a model to say where it is unsure: name one with --model FILE or model: in qda.yaml',
      'train one with qda learn --out models/NAME.json',
    );
  const attributes = attributeColumns(attributeKeys(opened));
  const keys = attributes.map((a) => a.key);
  const codes = codeMap(opened);
  const language = outputLanguage(opened);
  // The codebook's own codings, before the model and people's decisions: the model is asked here.
  const corpus = { ...opened.corpus, manual: undefined, model: undefined };
  const kept = new MostUncertain<Uncertain & { items: ReviewItem[] }>(n);
  for (const coded of codeCorpus(opened.files, opened.compiled, corpus)) {
    const found = openQuestions(opened, coded, codes, predictor);
    const auto = (segment: number, code: string) => coded.codings.find((c) => c.segment === segment && c.code === code)?.evidence ?? [];
    kept.add(
      found.map((u) => ({
        ...u,
        items: u.questions.map((q) => {
          const item = reviewItem(coded, u.segment, q.code, q.coding?.evidence ?? auto(u.segment, q.code), keys, codes, language);
          item.uncertain = q.probability === undefined ? { examples: q.examples } : { probability: q.probability, examples: q.examples };
          return item;
        }),
      })),
    );
  }
  const chosen = kept.result();
  const items = chosen.flatMap((u) => u.items);
  return { attributes, uncertain: true, documents: [items], counts: { items: items.length, paragraphs: chosen.length }, model: predictor.model.name };
}

function openQuestions(
  opened: OpenedCorpus,
  coded: CodedDocument,
  codes: Map<string, Code>,
  predictor: NonNullable<OpenedCorpus['corpus']['model']>,
): Uncertain[] {
  const reviewed = new Set(
    reviewedSegments(coded.document, coded.segments, rowsFor(opened.corpus, coded.document.id), [], codes).map((r) => r.segment),
  );
  const open = (o: number) => !reviewed.has(o) && !coded.skipped.has(o) && !coded.furniture.has(o);
  return uncertainSegments(coded.document.id, coded.segments, coded.codings, coded.language, predictor, open);
}

export interface ReviewImportRequest {
  /** The filled-in sheet, relative to the corpus's folder. */
  sheet: string;
  /** Whose decisions these are: they go to codings/CODER.csv. */
  coder: string;
}

export interface ReviewImportResult {
  coder: string;
  /** The codings file written, as the paths of the project name it. */
  target: string;
  /** The decisions read from the sheet. */
  decisions: ManualRow[];
  /** The label of the first decision's code in the output language, to show as an example. */
  example?: string;
}

/** Wrong usage of review import, found before the corpus is opened: a coder name that cannot name a file, a sheet that is not there. */
export function checkReviewImport(request: ReviewImportRequest, cwd: string): void {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(request.coder) || request.coder === 'qda' || request.coder === 'inline')
    throw usage(`--coder "${request.coder}" cannot name a codings file`, 'use letters, digits, - and _; qda and inline are taken');
  if (!exists(request.sheet, cwd)) throw inputProblem(`review sheet ${request.sheet} not found`);
}

/**
 * Reads the sheet's decisions and lays them over the coder's codings file under its lock (`write`,
 * by default `lockedWrite`). A sheet with any bad row, or a codings file with errors, gives its
 * diagnostics and writes nothing.
 */
export function reviewImport(opened: OpenedCorpus, request: ReviewImportRequest, write: LockedWriter = lockedWrite): Outcome<ReviewImportResult> {
  checkReviewImport(request, opened.cwd);
  const { cwd } = opened;
  const codes = codeMap(opened);
  const documents = new Map<string, { text: string; segments: CodedDocument['segments'] }>();
  for (const coded of codeCorpus(opened.files, opened.compiled, { ...opened.corpus, manual: undefined }))
    documents.set(coded.document.id, { text: coded.document.text, segments: coded.segments });
  const imported = readReviewSheet(request.sheet, readText(request.sheet, cwd), request.coder, documents, codes);
  if (hasErrors(imported.diagnostics)) return { diagnostics: sortDiagnostics([...imported.diagnostics]) };
  const folder = join(opened.project.root, 'codings');
  const target = join(folder, `${request.coder}.csv`);
  ensureDir(resolvePath(cwd, folder));
  try {
    // Read, merge and write under one lock: two imports at once each keep the other's rows.
    write(resolvePath(cwd, target), target, () => {
      const existing = exists(target, cwd) && !isDirectory(target, cwd) ? parseSidecar(target, readText(target, cwd)) : { rows: [], diagnostics: [] };
      if (hasErrors(existing.diagnostics))
        throw new BrokenTarget([
          ...existing.diagnostics,
          diagnostic('error', target, 'review/target', 'the existing codings file has errors; nothing was imported'),
        ]);
      return csvLines(sidecarCsv(mergeSidecar(existing.rows, imported.rows)), { store: true });
    });
  } catch (error) {
    if (error instanceof BrokenTarget) return { diagnostics: sortDiagnostics(error.diagnostics) };
    throw error;
  }
  const result: ReviewImportResult = { coder: request.coder, target, decisions: imported.rows };
  const first = imported.rows[0];
  if (first) result.example = localise(codes.get(first.code)?.label, outputLanguage(opened), opened.codebook.language) ?? first.code;
  return { result, diagnostics: sortDiagnostics([...imported.diagnostics]) };
}

/** Thrown inside the lock to leave the file as it is. */
class BrokenTarget extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('the codings file has errors');
  }
}

const codeMap = (opened: OpenedCorpus) => new Map(opened.codebook.codes.map((c) => [c.id, c]));
