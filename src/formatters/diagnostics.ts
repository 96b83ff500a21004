/** Problems for people: `file:line:col: severity: message [rule]`, then what to do, indented. */
import type { Chalk } from './colour.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export function formatDiagnostic(d: Diagnostic, colour: Chalk): string {
  // A problem of what was asked (no file) reads `error: message`, then what to do.
  if (d.file === '') return `${severity(d, colour)}: ${d.message}${d.hint ? `\n  ${colour.dim(d.hint)}` : ''}`;
  const place = d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  const hint = d.hint ? `\n  ${colour.dim(d.hint)}` : '';
  return `${colour.bold(place)}: ${severity(d, colour)}: ${d.message} ${colour.dim(`[${d.rule}]`)}${hint}`;
}

const severity = (d: Diagnostic, colour: Chalk) =>
  d.severity === 'error' ? colour.red('error') : d.severity === 'warning' ? colour.yellow('warning') : colour.blue('info');
