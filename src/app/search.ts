/**
 * `search`: every hit of a query in an opened corpus, with its context and place, and the counts per
 * value of an attribute; `codeHits` then adds the hit paragraphs to a coder's codings file. Without
 * `--code` nothing is coded: the search runs as the corpus is read (see searchPass).
 */
import { join } from 'node:path';
import { closest } from '../codebook/suggest.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { displayPath } from '../corpus/project.js';
import { surveyCorpus, type SurveyHooks } from '../corpus/pipeline.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { csvLines } from '../formatters/csv.js';
import { exists, isDirectory, readText } from '../io/files.js';
import { ensureDir, resolvePath } from '../io/write.js';
import { INLINE_CODER } from '../manual/apply.js';
import { mergeSidecar, sidecarCsv } from '../manual/review.js';
import { parseSidecar, type ManualRow } from '../manual/sidecar.js';
import { hitRows } from '../search/code-as.js';
import { SearchCollector, type CollectorParts, type SearchResult as Found } from '../search/collect.js';
import { QueryMatcher } from '../search/match.js';
import { parseQuery, type ParsedQuery } from '../search/query.js';
import { codeSelected, NO_FILTER, type Filter } from '../select/filter.js';
import { checkSelection, codedDocuments, type OpenedCorpus, type Progress } from './corpus.js';
import { lockedWrite, type LockedWriter } from './locked-write.js';
import { failed, REQUEST, unlessErrors, type Outcome } from './outcome.js';

export interface SearchRequest {
  /** Terms as in a codebook (word, word*, *word, "a phrase", /pattern/i) with AND, OR, NOT, NEAR/n and ( ). */
  query: string;
  /** Count hits per value of this attribute, or `document`, or `speaker`. Default: compareBy of the project. */
  by?: string;
  /** Whether `by` was the user's choice: a name that no document has is then an error, not a warning. */
  byExplicit?: boolean;
  /** Characters of context on either side of a hit. Default 40. */
  width?: number;
  /** The code the hits are to get (codeHits): checked against the codebook first, and each hit gets the anchor of its paragraph. */
  codeAs?: string;
  filter?: Filter;
}

export interface SearchResult {
  found: Found;
  query: string;
  by: string;
  unit: string;
  width: number;
}

/** The search run while the corpus is opened: pass `survey` to openCorpus, then the pass to search(). */
export interface SearchPass {
  survey?: SurveyHooks;
  collector?: SearchCollector;
}

/** What cannot be asked: a query that does not parse, with its column; the command line says it before opening the corpus. */
export interface RequestProblem {
  message: string;
  hint?: string;
}

const WIDTH = 40;

export function queryProblem(query: string): RequestProblem | undefined {
  const parsed = parseQuery(query);
  if (!('problem' in parsed)) return undefined;
  const { column, message, hint } = parsed.problem;
  return { message: `query, column ${column}: ${message}\n  ${query}\n  ${' '.repeat(column - 1)}^`, hint };
}

/** A coder whose codings the hits become must name a codings file of its own. */
export function coderProblem(coder: string | undefined): RequestProblem | undefined {
  if (coder === undefined)
    return { message: '--code-as needs --coder NAME: whose codings the hits become', hint: 'e.g. --code-as organisation.roles --coder ana' };
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(coder) || coder === AUTO_CODER || coder === INLINE_CODER)
    return { message: `--coder "${coder}" cannot name a codings file`, hint: 'use letters, digits, - and _; qda and inline are taken' };
  return undefined;
}

const usageError = (p: RequestProblem) => diagnostic('error', REQUEST, 'options/usage', p.message, undefined, p.hint);

function collector(request: SearchRequest, query: ParsedQuery): SearchCollector {
  return new SearchCollector(new QueryMatcher(query), {
    filter: request.filter ?? NO_FILTER,
    width: request.width ?? WIDTH,
    anchors: request.codeAs !== undefined,
  });
}

const coding = (request: SearchRequest) => (request.filter ?? NO_FILTER).codes.length > 0;

/** The survey hooks that search each document as openCorpus reads it; none when the corpus must be coded (--code) or the query is bad. */
export function searchPass(request: SearchRequest): SearchPass {
  const parsed = parseQuery(request.query);
  if ('problem' in parsed || coding(request)) return {};
  const c = collector(request, parsed.parsed);
  const job: SearchJob = { kind: 'search', request };
  return {
    collector: c,
    survey: {
      frequencies: false,
      visit: (document, segments, { language, skip }) => c.add(document, segments, language, skip),
      threads: { job, absorb: (parts) => c.absorb(parts as CollectorParts) },
    },
  };
}

/** The search of searchPass as plain data, for a worker thread (src/app/survey-job.ts). */
export interface SearchJob {
  kind: 'search';
  request: SearchRequest;
}

export function searchJobHooks(job: SearchJob): { hooks: SurveyHooks; take: () => CollectorParts } {
  const pass = searchPass(job.request);
  return { hooks: pass.survey!, take: () => pass.collector!.take() };
}

export function search(opened: OpenedCorpus, request: SearchRequest, progress?: Progress, pass?: SearchPass): Outcome<SearchResult> {
  const parsed = parseQuery(request.query);
  if ('problem' in parsed) return failed([usageError(queryProblem(request.query)!)]);
  const filter = request.filter ?? NO_FILTER;
  const by = request.by ?? opened.project.settings.compareBy;
  return unlessErrors(checkSelection(opened, filter, { name: by, explicit: request.byExplicit ?? request.by !== undefined }), () => {
    const unknown = request.codeAs === undefined ? undefined : unknownCode(opened, request.codeAs);
    if (unknown) return failed([unknown]);
    let found = pass?.collector;
    if (coding(request)) {
      found = collector(request, parsed.parsed);
      const skip = new Set(opened.corpus.skipSpeakers.map((s) => s.toLowerCase()));
      for (const coded of codedDocuments(opened, undefined, progress)) {
        const inside = new Set(coded.codings.filter((c) => codeSelected(c.code, filter)).map((c) => c.segment));
        found.add(coded.document, coded.segments, coded.language, skip, (s) => inside.has(s.ordinal));
      }
    } else if (!found) {
      // Opened without searchPass: the documents are read once more.
      const c = (found = collector(request, parsed.parsed));
      surveyCorpus(opened.files, opened.corpus, {
        frequencies: false,
        visit: (document, segments, { language, skip }) => c.add(document, segments, language, skip),
      });
    }
    const result = { found: found.result(by), query: request.query, by, unit: opened.project.settings.unit, width: request.width ?? WIDTH };
    return { result, diagnostics: [] };
  });
}

export interface CodeHitsRequest {
  code: string;
  coder: string;
}

export interface CodeHitsResult {
  /** The codings file, as given to the file system and as messages show it. */
  target: string;
  shown: string;
  /** One row per paragraph with a hit. */
  rows: ManualRow[];
  /** The rows that were new to the file; the others were decided there already. */
  added: ManualRow[];
}

/**
 * Adds the hit paragraphs (of a search with `codeAs`) to codings/CODER.csv as `add` rows, written whole or
 * not at all by `write` (by default under the file's lock, so that a concurrent writer keeps its rows).
 */
export function codeHits(
  opened: OpenedCorpus,
  searched: SearchResult,
  request: CodeHitsRequest,
  write: LockedWriter = lockedWrite,
): Outcome<CodeHitsResult> {
  const { code, coder } = request;
  const problem = coderProblem(coder);
  if (problem) return failed([usageError(problem)]);
  const unknown = unknownCode(opened, code);
  if (unknown) return failed([unknown]);
  const cwd = opened.cwd;
  const folder = join(opened.project.root, 'codings');
  const target = join(folder, `${coder}.csv`);
  for (const other of ['yaml', 'yml'].map((ext) => join(folder, `${coder}.${ext}`)))
    if (exists(other, cwd))
      return failed([
        diagnostic(
          'error',
          REQUEST,
          'search/target',
          `${displayPath(other, cwd)} already holds decisions of ${coder}`,
          undefined,
          'add these to that file by hand, or choose another --coder; nothing was written',
        ),
      ]);
  const rows = hitRows(searched.found.hits, code, coder, searched.query, target);
  let added: ManualRow[] = [];
  let problems: Diagnostic[] | undefined;
  const shown = displayPath(target, cwd);
  ensureDir(resolvePath(cwd, folder));
  try {
    write(resolvePath(cwd, target), shown, () => {
      const existing = exists(target, cwd) && !isDirectory(target, cwd) ? parseSidecar(target, readText(target, cwd)) : { rows: [], diagnostics: [] };
      if (hasErrors(existing.diagnostics)) {
        problems = sortDiagnostics([
          ...existing.diagnostics,
          diagnostic('error', target, 'search/target', 'the existing codings file has errors; nothing was written'),
        ]);
        throw NOT_WRITTEN;
      }
      // A decision already in the file (an add, or a reject someone made) stays as it is.
      const key = (r: { document: string; anchor: string; code: string }) => `${r.document}\u0000${r.anchor}\u0000${r.code}`;
      const known = new Set(existing.rows.map(key));
      added = rows.filter((r) => !known.has(key(r)));
      return csvLines(sidecarCsv(mergeSidecar(existing.rows, added)), { store: true });
    });
  } catch (error) {
    if (error !== NOT_WRITTEN) throw error;
    return failed(problems!);
  }
  return { result: { target, shown, rows, added }, diagnostics: [] };
}

/** Thrown out of the locked write to leave the file as it was. */
const NOT_WRITTEN = new Error('not written');

function unknownCode(opened: OpenedCorpus, code: string): Diagnostic | undefined {
  const ids = opened.codebook.codes.map((c) => c.id);
  if (ids.includes(code)) return undefined;
  const guess = closest(code, ids);
  const message = `--code-as: unknown code "${code}"${guess ? `; did you mean ${guess}?` : ''}`;
  return diagnostic('error', REQUEST, 'selection/unknown', message, undefined, 'use a code id of the codebook');
}
