// The work of `qda merge`; its options are declared in ../commands/merge.ts.
import { join } from 'node:path';
import { comparedLabels } from '../../agreement/coders.js';
import { documentConsensus, type ConsensusCounts } from '../../agreement/consensus.js';
import { documentDecisions } from '../../agreement/decisions.js';
import { readResolutions, type Resolution } from '../../agreement/resolutions.js';
import { AUTO_CODER } from '../../coding/auto-code.js';
import { displayPath } from '../../corpus/project.js';
import { codeCorpus } from '../../corpus/pipeline.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { csvLines } from '../../formatters/csv.js';
import { exists, readText } from '../../io/files.js';
import { ensureDir, resolvePath } from '../../io/write.js';
import { lockedWrite } from '../locked-write.js';
import { INLINE_CODER } from '../../manual/apply.js';
import { sidecarCsv } from '../../manual/review.js';
import type { ManualRow } from '../../manual/sidecar.js';
import { inputProblem, ProblemsReported, usage } from '../errors.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { summaryLine } from '../output.js';
import { openSession, report } from '../session.js';
import { checkCoders } from '../../app/agree.js';

export interface MergeFlags extends CorpusFlags {
  paths?: string[];
  into: string;
  prefer?: string;
  resolutions?: string;
  force?: boolean;
}

export function mergeAction(coders: string[], flags: MergeFlags, io: Io): void {
  checkUsage(coders, flags, io);
  const session = openSession(flags.paths ?? [], { ...flags, unit: 'paragraph' }, io);
  const rows = session.corpus.manual?.rows ?? [];
  checkCoders(coders, rows);
  const folder = join(session.project.root, 'codings');
  const target = join(folder, `${flags.into}.csv`);
  const shown = displayPath(target, io.cwd);
  for (const other of ['yaml', 'yml'].map((ext) => join(folder, `${flags.into}.${ext}`)))
    if (exists(other, io.cwd))
      throw inputProblem(`${displayPath(other, io.cwd)} already holds decisions of ${flags.into}`, 'choose another --into name; nothing was written');
  if (exists(target, io.cwd) && !flags.force)
    throw inputProblem(`${shown} already exists`, 'give --force to replace it, or choose another --into name; nothing was written');

  const codes = new Map(session.codebook.codes.map((c) => [c.id, c]));
  const read = flags.resolutions
    ? readResolutions(flags.resolutions, readText(flags.resolutions, io.cwd), coders, codes)
    : { resolutions: new Map<string, Resolution>(), diagnostics: [] };
  const problems: Diagnostic[] = [...read.diagnostics];
  const mine = rows.filter((r) => coders.includes(r.coder));
  const labels = comparedLabels(session.codebook.codes, 'code', mine);
  const options = { coders, into: flags.into, resolutions: read.resolutions, ...(flags.prefer ? { prefer: coders.indexOf(flags.prefer) } : {}) };
  const counts: ConsensusCounts = { agreed: 0, single: 0, resolved: 0 };
  const consensus: ManualRow[] = [];
  const used = new Set<string>();
  const units = new Set<string>();
  for (const coded of codeCorpus(session.files, session.compiled, { ...session.corpus, manual: undefined })) {
    const { decisions, conflicts } = documentDecisions(coded, coders, mine);
    problems.push(...conflicts);
    const done = documentConsensus(decisions, labels, options, counts);
    for (const row of done.rows) consensus.push(row);
    problems.push(...done.problems);
    done.used.forEach((k) => used.add(k));
    done.units.forEach((k) => units.add(k));
  }
  problems.push(...needless(read.resolutions, used, units, new Set(session.documents.map((d) => d.id)), coders));
  if (problems.length > 0) {
    report(io, problems);
    const open = problems.filter((p) => p.rule === 'merge/unresolved').length;
    if (open > 0)
      io.stderr.write(
        `${open} conflicts have no resolution: fill in the decision column of qda agree ${coders.join(' ')} --conflicts --format csv --out FILE and give --resolutions FILE, or give --prefer CODER\n`,
      );
    io.stderr.write(`nothing written to ${shown}\n`);
    throw new ProblemsReported(1);
  }
  ensureDir(resolvePath(io.cwd, folder));
  lockedWrite(resolvePath(io.cwd, target), shown, () => {
    // Checked again under the lock: another run may have written it meanwhile.
    if (exists(target, io.cwd) && !flags.force)
      throw inputProblem(`${shown} already exists`, 'give --force to replace it, or choose another --into name; nothing was written');
    return csvLines(sidecarCsv(consensus), { store: true });
  });
  summaryLine(
    io,
    flags.quiet,
    `wrote ${consensus.length} decisions of ${flags.into} to ${shown}: ${counts.agreed} agreed, ${counts.single} of one coder only, ${counts.resolved} resolved`,
  );
}

function checkUsage(coders: string[], flags: MergeFlags, io: Io): void {
  if (coders.length < 2) throw usage('name two or more coders to merge', 'e.g. qda merge ana bram --into consensus');
  if (coders.includes(AUTO_CODER))
    throw usage('the auto-coder qda proposes codes; merge combines the decisions people made', 'name coders of codings/ or inline');
  if (new Set(coders).size < coders.length) throw usage('a coder is named twice');
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(flags.into) || flags.into === AUTO_CODER || flags.into === INLINE_CODER)
    throw usage(`--into "${flags.into}" cannot name a codings file`, 'use letters, digits, - and _; qda and inline are taken');
  if (coders.includes(flags.into))
    throw usage(`--into ${flags.into} would replace the decisions of a coder being merged`, 'choose a new name, e.g. consensus');
  if (flags.prefer !== undefined && !coders.includes(flags.prefer)) throw usage(`--prefer ${flags.prefer} is not one of ${coders.join(', ')}`);
  if (flags.resolutions !== undefined && !exists(flags.resolutions, io.cwd)) throw inputProblem(`${flags.resolutions} not found`);
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
