/** Problems for people: `file:line:col: severity: message [rule]`, then what to do, indented. */
import type { Chalk } from './colour.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { visibleControls } from './text.js';

export function formatDiagnostic(d: Diagnostic, colour: Chalk): string {
  // A problem of what was asked (no file) reads `error: message`, then what to do.
  // File names and quoted text are the user's: no escape sequence or newline reaches the terminal.
  const hint = d.hint ? `\n  ${colour.dim(visibleControls(d.hint))}` : '';
  if (d.file === '') return `${severity(d, colour)}: ${visibleControls(d.message)}${hint}`;
  const file = visibleControls(d.file);
  const place = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
  return `${colour.bold(place)}: ${severity(d, colour)}: ${visibleControls(d.message)} ${colour.dim(`[${d.rule}]`)}${hint}`;
}

const severity = (d: Diagnostic, colour: Chalk) =>
  d.severity === 'error' ? colour.red('error') : d.severity === 'warning' ? colour.yellow('warning') : colour.blue('info');
