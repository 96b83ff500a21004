/**
 * What an application function gives back: its result, and every problem found on the way as a
 * Diagnostic, in the order to show them. No terminal is involved; the caller decides what to print.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Outcome<T> {
  /** Absent when an error diagnostic stopped the work. */
  result?: T;
  diagnostics: Diagnostic[];
}

/** Problems of what was asked rather than of a file (an unknown --code, say) have no file: ''. */
export const REQUEST = '';

export const failed = <T>(diagnostics: Diagnostic[]): Outcome<T> => ({ diagnostics });

/** Stops with the diagnostics when one is an error; otherwise runs `then` and adds its diagnostics after them. */
export function unlessErrors<T>(diagnostics: Diagnostic[], then: () => Outcome<T>): Outcome<T> {
  if (hasErrors(diagnostics)) return { diagnostics };
  const next = then();
  return { ...next, diagnostics: [...diagnostics, ...next.diagnostics] };
}
