/**
 * `merge`: a consensus of two or more coders as a new coder file, codings/INTO.csv: the units they
 * agree on, the units only one decided, and a resolution for each conflict (from a filled-in conflicts
 * sheet, or the preferred coder). Conflicts left open come back as diagnostics and nothing is written.
 * Anchors are paragraphs: open the corpus with unit paragraph.
 */
import { join } from 'node:path';
import { comparedLabels } from '../agreement/coders.js';
import { documentConsensus, type ConsensusCounts } from '../agreement/consensus.js';
import { documentDecisions } from '../agreement/decisions.js';
import { readResolutions, type Resolution } from '../agreement/resolutions.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { displayPath } from '../corpus/project.js';
import { codeCorpus } from '../corpus/pipeline.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { csvLines } from '../formatters/csv.js';
import { exists, readText } from '../io/files.js';
import { ensureDir, resolvePath } from '../io/write.js';
import { INLINE_CODER } from '../manual/apply.js';
import { sidecarCsv } from '../manual/review.js';
import type { ManualRow } from '../manual/sidecar.js';
import { checkCoders } from './agree.js';
import type { OpenedCorpus } from './corpus.js';
import { inputProblem, usage } from './errors.js';
import { lockedWrite, type LockedWriter } from './locked-write.js';
import type { Outcome } from './outcome.js';

export interface MergeRequest {
  /** Two or more coders: names of files in codings/, or inline. */
  coders: string[];
  /** The consensus coder: codings/INTO.csv is written. */
  into: string;
  /** Settle every conflict the resolutions leave open with this coder's decision. */
  prefer?: string;
  /** The conflicts sheet of qda agree --conflicts with the decision column filled in. */
  resolutions?: string;
  /** Replace codings/INTO.csv when it exists. */
  force?: boolean;
}

export interface MergeResult {
  into: string;
  /** The file written, as the user's paths name it. */
  target: string;
  /** The consensus, one decision per unit and code. */
  decisions: ManualRow[];
  counts: ConsensusCounts;
}

/** Wrong usage, found before the corpus is opened: coders named twice or not at all, an --into that cannot be a file. */
export function checkMerge(request: MergeRequest, cwd: string): void {
  const { coders, into, prefer, resolutions } = request;
  if (coders.length < 2) throw usage('name two or more coders to merge', 'e.g. qda merge ana bram --into consensus');
  if (coders.includes(AUTO_CODER))
    throw usage('the auto-coder qda proposes codes; merge combines the decisions people made', 'name coders of codings/ or inline');
  if (new Set(coders).size < coders.length) throw usage('a coder is named twice');
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(into) || into === AUTO_CODER || into === INLINE_CODER)
    throw usage(`--into "${into}" cannot name a codings file`, 'use letters, digits, - and _; qda and inline are taken');
  if (coders.includes(into)) throw usage(`--into ${into} would replace the decisions of a coder being merged`, 'choose a new name, e.g. consensus');
  if (prefer !== undefined && !coders.includes(prefer)) throw usage(`--prefer ${prefer} is not one of ${coders.join(', ')}`);
  if (resolutions !== undefined && !exists(resolutions, cwd)) throw inputProblem(`${resolutions} not found`);
}

/** The consensus file of `into` in the project, as the user's paths name it. */
export function mergeTarget(opened: OpenedCorpus, into: string): string {
  return displayPath(join(opened.project.root, 'codings', `${into}.csv`), opened.cwd);
}

export function merge(opened: OpenedCorpus, request: MergeRequest, write: LockedWriter = lockedWrite): Outcome<MergeResult> {
  checkMerge(request, opened.cwd);
  const { coders, into, cwd } = { ...request, cwd: opened.cwd };
  const rows = opened.corpus.manual?.rows ?? [];
  checkCoders(coders, rows);
  const folder = join(opened.project.root, 'codings');
  const target = join(folder, `${into}.csv`);
  const shown = mergeTarget(opened, into);
  for (const other of ['yaml', 'yml'].map((ext) => join(folder, `${into}.${ext}`)))
    if (exists(other, cwd))
      throw inputProblem(`${displayPath(other, cwd)} already holds decisions of ${into}`, 'choose another --into name; nothing was written');
  const taken = () => {
    if (exists(target, cwd) && !request.force)
      throw inputProblem(`${shown} already exists`, 'give --force to replace it, or choose another --into name; nothing was written');
  };
  taken();

  const codes = new Map(opened.codebook.codes.map((c) => [c.id, c]));
  const read = request.resolutions
    ? readResolutions(request.resolutions, readText(request.resolutions, cwd), coders, codes)
    : { resolutions: new Map<string, Resolution>(), diagnostics: [] };
  const problems: Diagnostic[] = [...read.diagnostics];
  const mine = rows.filter((r) => coders.includes(r.coder));
  const labels = comparedLabels(opened.codebook.codes, 'code', mine);
  const options = { coders, into, resolutions: read.resolutions, ...(request.prefer ? { prefer: coders.indexOf(request.prefer) } : {}) };
  const counts: ConsensusCounts = { agreed: 0, single: 0, resolved: 0 };
  const consensus: ManualRow[] = [];
  const used = new Set<string>();
  const units = new Set<string>();
  for (const coded of codeCorpus(opened.files, opened.compiled, { ...opened.corpus, manual: undefined })) {
    const { decisions, conflicts } = documentDecisions(coded, coders, mine);
    problems.push(...conflicts);
    const done = documentConsensus(decisions, labels, options, counts);
    for (const row of done.rows) consensus.push(row);
    problems.push(...done.problems);
    done.used.forEach((k) => used.add(k));
    done.units.forEach((k) => units.add(k));
  }
  problems.push(...needless(read.resolutions, used, units, new Set(opened.documents.map((d) => d.id)), coders));
  if (problems.length > 0) return { diagnostics: sortDiagnostics(problems) };
  ensureDir(resolvePath(cwd, folder));
  write(resolvePath(cwd, target), shown, () => {
    // Checked again under the lock: another run may have written it meanwhile.
    taken();
    return csvLines(sidecarCsv(consensus), { store: true });
  });
  return { result: { into, target: shown, decisions: consensus, counts }, diagnostics: [] };
}

/** Resolutions that settled nothing: their unit is gone, or the coders do not differ on it. */
function needless(
  resolutions: Map<string, Resolution>,
  used: Set<string>,
  units: Set<string>,
  documents: Set<string>,
  coders: string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, r] of resolutions) {
    if (used.has(key)) continue;
    const [document, anchor, code] = key.split('\u0000');
    const message = !documents.has(document)
      ? `no document with id "${document}"`
      : !units.has(`${document}\u0000${anchor}`)
        ? `the paragraph ${anchor} of ${document} has changed since the conflicts were listed`
        : `${coders.join(' and ')} do not differ on ${code} here; there is nothing to resolve`;
    out.push(
      diagnostic(
        'error',
        r.file,
        'merge/resolutions',
        `row ${r.line}: ${message}`,
        { line: r.line, column: 1 },
        'list the conflicts again and resolve those',
      ),
    );
  }
  return out;
}
