/**
 * YAML files that qda reads as configuration (codebooks, qda.yaml): parsed into a syntax tree that
 * keeps positions, with syntax errors as Diagnostics at their line and column.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from './diagnostic.js';

export interface LocatedYaml {
  doc: Document;
  /** 1-based line and column of a node (of the file start when the node is missing). */
  at(node: Node | null | undefined): { line: number; column: number };
  /** Syntax errors; when there are any, `doc` should not be read. */
  errors: Diagnostic[];
}

export function parseLocatedYaml(path: string, text: string, rule: string): LocatedYaml {
  const lineCounter = new LineCounter();
  // uniqueKeys reports duplicate keys; the text loses a BOM, which YAML would read as content.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const point = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errors = doc.errors.map((e) =>
    diagnostic(
      'error',
      path,
      rule,
      `not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      point(e.pos[0]),
      yamlHint(e.code),
    ),
  );
  return { doc, errors, at: (node) => point(node?.range?.[0] ?? 0) };
}

export function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'a key may appear only once in a mapping';
  if (code === 'TAB_AS_INDENT') return 'indent YAML with spaces, not tabs';
  if (code === 'IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY') return 'write each line as `key: value`, e.g. `role: gezinsondersteuner`';
  if (code === 'BAD_ALIAS' || code === 'UNEXPECTED_TOKEN') return 'quote values that start with * or contain a colon, e.g. "*subsidie"';
  return 'check indentation, colons and quotes on this line and the one before';
}
