// The work of `qda search`; its options are declared in ../commands/search.ts.
import { join } from 'node:path';
import { displayPath } from '../../corpus/project.js';
import { codeCorpus } from '../../corpus/pipeline.js';
import { diagnostic, hasErrors } from '../../diagnostics/diagnostic.js';
import { csvLines } from '../../formatters/csv.js';
import { searchCsv, searchJson, searchMarkdown, totalsLine, type SearchInfo } from '../../formatters/search.js';
import { exists, isDirectory, readText } from '../../io/files.js';
import { ensureDir, resolvePath } from '../../io/write.js';
import { lockedWrite } from '../locked-write.js';
import { INLINE_CODER } from '../../manual/apply.js';
import { mergeSidecar, sidecarCsv } from '../../manual/review.js';
import { parseSidecar, type ManualRow } from '../../manual/sidecar.js';
import { closest } from '../../codebook/suggest.js';
import { hitRows } from '../../search/code-as.js';
import { SearchCollector, type SearchResult } from '../../search/collect.js';
import { QueryMatcher } from '../../search/match.js';
import { parseQuery } from '../../search/query.js';
import { AUTO_CODER } from '../../coding/auto-code.js';
import { codeSelected } from '../../select/filter.js';
import { inputProblem, ProblemsReported, usage } from '../errors.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { checkSelection } from '../selection.js';
import { openSession, report, type Session } from '../session.js';

export interface SearchFlags extends CorpusFlags, FilterFlags {
  format: 'md' | 'csv' | 'json';
  out?: string;
  excel?: boolean;
  width: number;
  by?: string;
  codeAs?: string;
}

export function searchAction(query: string, paths: string[], flags: SearchFlags, io: Io): void {
  const parsed = parseQuery(query);
  if ('problem' in parsed) {
    const { column, message, hint } = parsed.problem;
    throw usage(`query, column ${column}: ${message}\n  ${query}\n  ${' '.repeat(column - 1)}^`, hint);
  }
  const codeAs = flags.codeAs;
  if (codeAs !== undefined) checkCoder(flags.coder);
  const filter = filterFrom(flags);
  // --coder names the new coder for --code-as, not a selection of codings to count.
  const { coder: target, ...rest } = flags;
  const corpusFlags = codeAs === undefined ? flags : rest;
  const collector = new SearchCollector(new QueryMatcher(parsed.parsed), { filter, width: flags.width, anchors: codeAs !== undefined });
  // Without --code nothing is coded: the survey reads each document once and the search runs on it.
  const coding = filter.codes.length > 0;
  const session = openSession(paths, corpusFlags, io, {
    ...(flags.out ? { output: flags.out } : {}),
    ...(coding
      ? {}
      : { survey: { frequencies: false, visit: (document, segments, { language, skip }) => collector.add(document, segments, language, skip) } }),
  });
  const by = flags.by ?? session.project.settings.compareBy;
  checkSelection(session, filter, { name: by, explicit: flags.by !== undefined });
  if (codeAs !== undefined) checkCode(session, codeAs);
  if (coding) {
    const skip = new Set(session.corpus.skipSpeakers.map((s) => s.toLowerCase()));
    for (const coded of codeCorpus(session.files, session.compiled, session.corpus)) {
      const inside = new Set(coded.codings.filter((c) => codeSelected(c.code, filter)).map((c) => c.segment));
      collector.add(coded.document, coded.segments, coded.language, skip, (s) => inside.has(s.ordinal));
    }
  }
  const result = collector.result(by);
  const info: SearchInfo = { query, by, unit: session.project.settings.unit, width: flags.width };
  if (codeAs !== undefined) codeHits(session, result, codeAs, target!, query, flags.quiet);
  const text =
    flags.format === 'json'
      ? searchJson(result, info)
      : flags.format === 'csv'
        ? searchCsv(result, { excel: flags.excel })
        : searchMarkdown(result, info);
  writeOutput(io, flags.out, [text]);
  summaryLine(io, flags.quiet, totalsLine(result));
}

function checkCoder(coder: string | undefined): void {
  if (coder === undefined)
    throw usage('--code-as needs --coder NAME: whose codings the hits become', 'e.g. --code-as organisation.roles --coder ana');
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(coder) || coder === AUTO_CODER || coder === INLINE_CODER)
    throw usage(`--coder "${coder}" cannot name a codings file`, 'use letters, digits, - and _; qda and inline are taken');
}

function checkCode(session: Session, code: string): void {
  const ids = session.codebook.codes.map((c) => c.id);
  if (ids.includes(code)) return;
  const guess = closest(code, ids);
  throw inputProblem(`--code-as: unknown code "${code}"${guess ? `; did you mean ${guess}?` : ''}`, 'use a code id of the codebook');
}

/** Adds the hit paragraphs to codings/CODER.csv (written whole, or not at all), as review import does. */
function codeHits(session: Session, result: SearchResult, code: string, coder: string, query: string, quiet?: boolean): void {
  const { io } = session;
  const folder = join(session.project.root, 'codings');
  const target = join(folder, `${coder}.csv`);
  for (const other of ['yaml', 'yml'].map((ext) => join(folder, `${coder}.${ext}`)))
    if (exists(other, io.cwd))
      throw inputProblem(
        `${displayPath(other, io.cwd)} already holds decisions of ${coder}`,
        'add these to that file by hand, or choose another --coder; nothing was written',
      );
  const rows = hitRows(result.hits, code, coder, query, target);
  let fresh: ManualRow[] = [];
  ensureDir(resolvePath(io.cwd, folder));
  // Read, merge and write under one lock, as review import does: a concurrent writer keeps its rows.
  lockedWrite(resolvePath(io.cwd, target), displayPath(target, io.cwd), () => {
    const existing =
      exists(target, io.cwd) && !isDirectory(target, io.cwd) ? parseSidecar(target, readText(target, io.cwd)) : { rows: [], diagnostics: [] };
    if (hasErrors(existing.diagnostics)) {
      report(io, [
        ...existing.diagnostics,
        diagnostic('error', target, 'search/target', 'the existing codings file has errors; nothing was written'),
      ]);
      throw new ProblemsReported(1);
    }
    // A decision already in the file (an add, or a reject someone made) stays as it is.
    const key = (r: { document: string; anchor: string; code: string }) => `${r.document}\u0000${r.anchor}\u0000${r.code}`;
    const known = new Set(existing.rows.map(key));
    fresh = rows.filter((r) => !known.has(key(r)));
    return csvLines(sidecarCsv(mergeSidecar(existing.rows, fresh)), { store: true });
  });
  summaryLine(
    io,
    quiet,
    `${count(rows.length, 'paragraph')} with a hit: ${fresh.length} coded ${code} for ${coder} in ${displayPath(target, io.cwd)}${rows.length > fresh.length ? `, ${rows.length - fresh.length} already decided there` : ''}`,
  );
}
