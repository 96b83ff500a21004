/**
 * The selection a command was given, checked against the opened corpus before any counting (see
 * app/corpus.ts): names that nothing has end the command (exit 1) with a suggestion.
 */
import { checkSelection as check, selectedDocuments, type ByChoice } from '../app/corpus.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { reported, type Session } from './session.js';

export { selectedDocuments, type ByChoice };

/** Check `--code`, `--where`, `--speaker` and the compare-by attribute; throws when one names nothing. */
export function checkSelection(session: Session, filter: Filter = NO_FILTER, by?: ByChoice): void {
  reported(session.io, { result: true, diagnostics: check(session, filter, by) });
}
