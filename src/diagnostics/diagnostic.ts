/**
 * Problems as values. Every stage reports what is wrong with the input as a Diagnostic with the file
 * and position it concerns; nothing a user can cause is thrown through the pipeline.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** The file the problem is in; '' for a problem of what was asked (an unknown --code, say). */
  file: string;
  /** 1-based; absent when the problem concerns the file as a whole. */
  line?: number;
  column?: number;
  severity: Severity;
  /** A stable name for the kind of problem, e.g. `front-matter/yaml`. */
  rule: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

export function diagnostic(
  severity: Severity,
  file: string,
  rule: string,
  message: string,
  at?: { line: number; column: number },
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { file, severity, rule, message };
  if (at) {
    d.line = at.line;
    d.column = at.column;
  }
  if (hint) d.hint = hint;
  return d;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Stable order: by file, then position, then rule. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.rule, b.rule),
  );
}

/**
 * At most `max` problems of one kind per file; the rest become one line that counts them. One broken
 * cause (a wrong codebook, a renamed code) should not bury the message that names it.
 */
export function collapseRepeats(list: Diagnostic[], max = 5): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.file}\u0000${d.rule}\u0000${d.severity}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= max) out.push(d);
  }
  for (const [key, n] of seen) {
    if (n <= max) continue;
    const [file, rule, severity] = key.split('\u0000') as [string, string, Severity];
    out.push({ file, rule, severity, message: `${n - max} more like the ones above in this file` });
  }
  return out;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Append one list to another without spreading it: a spread of a million items overflows the stack. */
export function addAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
