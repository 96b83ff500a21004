/**
 * YAML files that qda reads as configuration (codebooks, qda.yaml): parsed into a syntax tree that
 * keeps positions, with syntax errors as Diagnostics at their line and column.
 */
import type { Document, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';

export interface LocatedYaml {
  doc: Document;
  /** 1-based line and column of a node (of the file start when the node is missing). */
  at(node: Node | null | undefined): { line: number; column: number };
  /** Syntax errors; when there are any, `doc` should not be read. */
  errors: Diagnostic[];
}

export function parseLocatedYaml(path: string, text: string, rule: string): LocatedYaml {
  const { LineCounter, parseDocument } = yamlLib();
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
  if (errors.length === 0) {
    const expanded = expansionProblem(doc, text.length);
    if (expanded) errors.push(diagnostic('error', path, rule, expanded.message, point(expanded.offset), expanded.hint));
  }
  return { doc, errors, at: (node) => point(node?.range?.[0] ?? 0) };
}

/** How often YAML aliases (`*name`) may be used, counting those inside what they repeat. */
export const MAX_ALIASES = 100;
/** How much larger than as written aliases may make a YAML block, in characters. */
export const MAX_EXPANSION = 65_536;

/**
 * Aliases repeat what an anchor names, so a few lines can stand for gigabytes ("billion laughs"),
 * and the values are copied into every row of every output. A block whose aliases are used more than
 * MAX_ALIASES times, or make it more than MAX_EXPANSION characters larger, is refused, pointing at
 * the first alias. `offset` is within the text the document was parsed from.
 */
export function expansionProblem(doc: Document, written: number): { offset: number; message: string; hint: string } | undefined {
  const { visit } = yamlLib();
  let first: number | undefined;
  visit(doc, {
    Alias(_, node) {
      first = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (first === undefined) return undefined;
  const hint = 'write the values out instead of repeating them with YAML aliases (*name)';
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // An alias without its anchor is reported where the value is read, as before.
    if (!/excessive alias count/i.test((error as Error).message)) return undefined;
    return { offset: first, message: `YAML aliases (*name) are used more than ${MAX_ALIASES} times`, hint };
  }
  const limit = written + MAX_EXPANSION;
  if (sizeOf(value, limit) > limit)
    return { offset: first, message: `YAML aliases (*name) make this more than ${MAX_EXPANSION} characters larger than written`, hint };
  return undefined;
}

/** Characters of a plain value (strings, keys, one per other scalar), counted up to just past `limit`. */
function sizeOf(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length;
    else if (Array.isArray(v)) {
      size += 1;
      for (const item of v) stack.push(item);
    } else if (v instanceof Map) {
      size += 1;
      for (const [k, item] of v) stack.push(k, item);
    } else if (v !== null && typeof v === 'object') {
      size += 1;
      for (const [k, item] of Object.entries(v)) stack.push(k, item);
    } else size += 1;
  }
  return size;
}

export function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'a key may appear only once in a mapping';
  if (code === 'TAB_AS_INDENT') return 'indent YAML with spaces, not tabs';
  if (code === 'IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY') return 'write each line as `key: value`, e.g. `role: gezinsondersteuner`';
  if (code === 'BAD_ALIAS' || code === 'UNEXPECTED_TOKEN') return 'quote values that start with * or contain a colon, e.g. "*subsidie"';
  return 'check indentation, colons and quotes on this line and the one before';
}
