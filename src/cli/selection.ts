/**
 * The selection a command was given, checked against the opened corpus before any counting: names
 * that nothing has end the command (exit 1) with a suggestion, instead of an empty result.
 */
import { checkBy, checkFilter } from '../select/check.js';
import { documentSelected, NO_FILTER, type Filter } from '../select/filter.js';
import { ProblemsReported } from './errors.js';
import { report, reportProblems, type Session } from './session.js';

export interface ByChoice {
  name: string;
  /** Named on the command line (--by); otherwise compareBy of qda.yaml or its default. */
  explicit: boolean;
}

/** How many documents the filter lets through: what a summary line says it counted from. */
export function selectedDocuments(session: Session, filter: Filter): number {
  return session.documents.filter((d) => documentSelected(d.attributes, filter)).length;
}

/** Check `--code`, `--where`, `--speaker` and the compare-by attribute; throws when one names nothing. */
export function checkSelection(session: Session, filter: Filter = NO_FILTER, by?: ByChoice): void {
  const problems = checkFilter(
    filter,
    session.codebook.codes.map((c) => c.id),
    session.documents,
  );
  if (problems.length === 0 && by) {
    const checked = checkBy(by.name, session.documents, filter);
    if (checked.problem && by.explicit) problems.push({ ...checked.problem, message: `--by ${by.name}: ${checked.problem.message}` });
    else if (checked.problem)
      reportProblems(session.io, 'warning', [{ ...checked.problem, message: `${checked.problem.message}; every document is counted under (none)` }]);
    report(session.io, checked.missing);
  }
  if (problems.length > 0) {
    reportProblems(session.io, 'error', problems);
    throw new ProblemsReported(1);
  }
}
