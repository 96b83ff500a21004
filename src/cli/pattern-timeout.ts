// The message for a codebook pattern that the time budget stopped.
import type { PatternTimeout } from '../coding/auto-code.js';
import { displayPath } from '../corpus/project.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export function patternTimeoutDiagnostic(error: PatternTimeout, cwd: string): Diagnostic {
  const where = error.path ? ` at ${displayPath(error.path, cwd)}:${error.segment.lines.start}:1` : '';
  return diagnostic(
    'error',
    error.codebook,
    'codebook/pattern-time',
    `pattern ${error.source} of ${error.code} ran ${(error.ms / 1000).toFixed(1)} s, over its budget of 2 s plus 1 s per MB of text, and was stopped${where}`,
    error.place,
    'a pattern that can match one text in many ways takes time that grows as a power of the text: bound its repeats (.{0,60}, \\w{0,20}) and do not repeat alternatives that overlap',
  );
}
