/**
 * Codebook YAML → Codebook, with every problem reported at its line and column in the codebook file.
 * Works on the YAML syntax tree (not on plain values) so that each key and value keeps its position.
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from '../diagnostics/yaml-lib.js';
import { parseLocatedYaml } from '../diagnostics/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compilePattern } from './pattern.js';
import { closest } from './suggest.js';
import { LANGUAGES, type Code, type Codebook, type Language, type Localised, type PerLanguage } from './types.js';
import { parseTerm } from '../match/term.js';

const BOOK_KEYS = ['name', 'language', 'description', 'source', 'version', 'threshold', 'codes'];
const CODE_KEYS = ['id', 'label', 'description', 'include', 'exclude', 'examples', 'terms', 'patterns', 'not', 'minHits', 'color', 'children'];
const ID = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const MAX_ID = 100;

export interface ParsedCodebook {
  codebook?: Codebook;
  diagnostics: Diagnostic[];
}

// Parsing the shipped codebook (110 KB of YAML with positions) takes about 100 ms; a process that opens
// the same file again (a script, a notebook, a test run) reuses it. Kept results are frozen, so a caller
// that changed one would fail loudly instead of changing what the next caller gets.
const KEPT = 8;
const kept = new Map<string, { text: string; parsed: ParsedCodebook }>();

export function parseCodebook(path: string, text: string): ParsedCodebook {
  const hit = kept.get(path);
  if (hit?.text === text) return { ...hit.parsed, diagnostics: [...hit.parsed.diagnostics] };
  const parsed = deepFreeze(parseFresh(path, text));
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  kept.set(path, { text, parsed });
  return { ...parsed, diagnostics: [...parsed.diagnostics] };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function parseFresh(path: string, text: string): ParsedCodebook {
  const { doc, at, errors } = parseLocatedYaml(path, text, 'codebook/yaml');
  const diagnostics: Diagnostic[] = [...errors];
  const report = (severity: 'error' | 'warning', node: Node | null | undefined, rule: string, message: string, hint?: string) =>
    diagnostics.push(diagnostic(severity, path, rule, message, at(node), hint));
  if (errors.length > 0) return { diagnostics };
  const root = doc.contents;
  if (!isMap(root)) {
    report('error', root, 'codebook/shape', 'a codebook must be a mapping with `name`, `language` and `codes`');
    return { diagnostics };
  }
  checkKeys(root, BOOK_KEYS, 'codebook', report);

  const languageNode = root.get('language', true) as Node | undefined;
  let language: Language = 'nl';
  if (languageNode !== undefined) {
    const value = scalar(languageNode);
    if (LANGUAGES.includes(value as Language)) language = value as Language;
    else report('error', languageNode, 'codebook/language', `language "${value}" is not supported`, `use one of: ${LANGUAGES.join(', ')}`);
  }
  const ctx: Context = { report, at, language, seen: new Map(), codes: [], empty: [] };
  const codesNode = root.get('codes', true) as Node | undefined;
  if (!isSeq(codesNode)) report('error', codesNode ?? root, 'codebook/codes', '`codes` must be a list of codes', 'start each code with `- id: ...`');
  else for (const item of codesNode.items) readCode(item as Node, undefined, 0, ctx);

  reportEmpty(ctx);
  const codebook: Codebook = {
    path,
    name:
      scalar(root.get('name', true) as Node) ||
      path
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/, ''),
    language,
    codes: ctx.codes,
  };
  const description = localised(root.get('description', true) as Node, 'description', ctx);
  if (description) codebook.description = description;
  const source = scalar(root.get('source', true) as Node);
  if (source) codebook.source = source;
  const thresholdNode = root.get('threshold', true) as Node | undefined;
  if (thresholdNode !== undefined) {
    const value = isScalar(thresholdNode) ? thresholdNode.value : undefined;
    if (typeof value === 'number' && value >= 0 && value <= 1) codebook.threshold = value;
    else report('error', thresholdNode, 'codebook/threshold', '`threshold` must be a number from 0 to 1', 'write e.g. `threshold: 0.3`');
  }
  return { codebook, diagnostics };
}

type Report = (severity: 'error' | 'warning', node: Node | null | undefined, rule: string, message: string, hint?: string) => void;

interface Context {
  report: Report;
  at: (node: Node | null | undefined) => { line: number; column: number };
  language: Language;
  seen: Map<string, number>;
  codes: Code[];
  /** Codes only people can apply (no terms, patterns or children). */
  empty: { id: string; node: Node | undefined }[];
}

function readCode(node: Node, parent: Code | undefined, depth: number, ctx: Context): void {
  const { report } = ctx;
  if (!isMap(node)) {
    report('error', node, 'codebook/code', 'a code must be a mapping with at least an `id`', 'write `- id: my.code`');
    return;
  }
  checkKeys(node, CODE_KEYS, 'code', report);
  const idNode = node.get('id', true) as Node | undefined;
  const id = scalar(idNode);
  const line = ctx.at(idNode ?? node).line;
  if (!id) {
    report('error', node, 'codebook/id', 'code without `id`', 'give every code an `id` such as `organisation.roles`');
    return;
  }
  if (id.length > MAX_ID || !ID.test(id)) {
    report(
      'error',
      idNode,
      'codebook/id',
      `code id "${id.slice(0, 60)}" is not allowed`,
      `use letters, digits, - and _ in parts joined by dots, at most ${MAX_ID} characters`,
    );
    return;
  }
  const first = ctx.seen.get(id);
  if (first !== undefined) {
    report('error', idNode, 'codebook/duplicate-id', `duplicate code id "${id}" (first defined on line ${first})`, 'give each code its own id');
    return;
  }
  ctx.seen.set(id, line);

  const code: Code = {
    id,
    label: localised(node.get('label', true) as Node, 'label', ctx) ?? { '*': id },
    examples: stringList(node.get('examples', true) as Node, 'examples', ctx),
    terms: perLanguage(node.get('terms', true) as Node, 'terms', ctx),
    patterns: perLanguage(node.get('patterns', true) as Node, 'patterns', ctx),
    not: perLanguage(node.get('not', true) as Node, 'not', ctx),
    minHits: minHits(node.get('minHits', true) as Node, ctx),
    cluster: parent?.cluster ?? id,
    depth,
    line,
  };
  for (const key of ['description', 'include', 'exclude'] as const) {
    const value = localised(node.get(key, true) as Node, key, ctx);
    if (value) code[key] = value;
  }
  if (parent) code.parent = parent.id;
  const colorNode = node.get('color', true) as Node | undefined;
  if (colorNode !== undefined) {
    const color = scalar(colorNode);
    if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) code.color = color.toLowerCase();
    else report('error', colorNode, 'codebook/color', `colour "${color}" is not a hex colour`, 'write it as "#4e79a7" (quoted)');
  }
  checkTerms(node, ctx);
  const places = new Map<string, { line: number; column: number }>();
  forEachEntry(node.get('patterns', true) as Node, (item) => {
    if (!places.has(scalar(item))) places.set(scalar(item), ctx.at(item));
  });
  if (places.size > 0) code.patternPlaces = places;
  ctx.codes.push(code);

  const children = node.get('children', true) as Node | undefined;
  if (children !== undefined && !isSeq(children)) report('error', children, 'codebook/children', '`children` must be a list of codes');
  const kids = isSeq(children) ? children.items : [];
  const matchable = Object.values(code.terms).some((l) => l.length > 0) || Object.values(code.patterns).some((l) => l.length > 0);
  if (!matchable && kids.length === 0) ctx.empty.push({ id, node: idNode });
  for (const child of kids) readCode(child as Node, code, depth + 1, ctx);
}

function checkTerms(node: YAMLMap, ctx: Context): void {
  for (const key of ['terms', 'not'] as const) {
    forEachEntry(node.get(key, true) as Node, (item) => {
      if (isAlias(item)) return; // reported as an alias by stringList
      const problem = notWordSyntax(scalar(item)) ?? parseTerm(scalar(item)).problem;
      if (problem)
        ctx.report(
          'error',
          item,
          'codebook/term',
          `${key} entry "${scalar(item)}": ${problem}`,
          'write a word, a phrase, or a word with * at its start or end',
        );
    });
  }
  forEachEntry(node.get('patterns', true) as Node, (item) => {
    const result = compilePattern(scalar(item));
    if (!result.ok) ctx.report('error', item, 'codebook/pattern', `pattern ${scalar(item)} refused: ${result.reason}`, result.hint);
  });
}

/**
 * Brackets and the like have no meaning in a term: the tokenizer would drop them and match the word
 * silently (`houding(*` as `houding*`), which hides a regular expression written in the wrong place.
 */
function notWordSyntax(term: string): string | undefined {
  const bad = /[()[\]{}?+|\\^$<>=!;]/.exec(term);
  if (!bad) return undefined;
  return `"${bad[0]}" has no meaning in a term (terms are words, phrases and * wildcards; regular expressions go under \`patterns\`)`;
}

function forEachEntry(node: Node | undefined, visit: (item: Node) => void): void {
  if (isSeq(node)) node.items.forEach((i) => visit(i as Node));
  else if (isMap(node)) for (const pair of node.items) if (isSeq(pair.value)) pair.value.items.forEach((i) => visit(i as Node));
}

function checkKeys(map: YAMLMap, known: readonly string[], what: string, report: Report): void {
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = scalar(pair.key);
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    report(
      'error',
      pair.key,
      'codebook/unknown-key',
      `unknown ${what} key "${key}"${guess ? `; did you mean "${guess}"?` : ''}`,
      `known keys: ${known.join(', ')}`,
    );
  }
}

function scalar(node: Node | null | undefined): string {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : '';
}

function localised(node: Node | undefined, key: string, ctx: Context): Localised | undefined {
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (isScalar(node)) return { '*': String(node.value) };
  if (isMap(node)) {
    const out: Localised = {};
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (isScalar(pair.value)) out[scalar(pair.key)] = scalar(pair.value);
      else ctx.report('error', pair.value ?? pair.key, 'codebook/text', `\`${key}.${scalar(pair.key)}\` must be text`);
    }
    return out;
  }
  ctx.report('error', node, 'codebook/text', `\`${key}\` must be text, or text per language like \`{ nl: ..., en: ... }\``);
  return undefined;
}

function stringList(node: Node | undefined, key: string, ctx: Context): string[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    ctx.report('error', node, 'codebook/list', `\`${key}\` must be a list`, `write \`${key}: [a, b]\` or one \`- item\` per line`);
    return [];
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    const value = scalar(item);
    if (isAlias(item))
      ctx.report('error', item, 'codebook/list', `entry *${item.source} in \`${key}\` is read as a YAML alias`, `quote it: "*${item.source}"`);
    else if (!isScalar(item) || value.trim() === '') ctx.report('error', item, 'codebook/list', `empty or non-text entry in \`${key}\``);
    else out.push(value);
  }
  return out;
}

function perLanguage(node: Node | undefined, key: string, ctx: Context): PerLanguage<string> {
  if (node === undefined || (isScalar(node) && node.value === null)) return {};
  if (isSeq(node)) return { '*': stringList(node, key, ctx) };
  if (isMap(node)) {
    const out: PerLanguage<string> = {};
    for (const pair of node.items as Pair<Node, Node>[]) {
      const language = scalar(pair.key);
      if (!LANGUAGES.includes(language as Language)) {
        const guess = closest(language, LANGUAGES);
        ctx.report(
          'error',
          pair.key,
          'codebook/language',
          `\`${key}\` has unknown language "${language}"${guess ? `; did you mean "${guess}"?` : ''}`,
          `use one of: ${LANGUAGES.join(', ')}`,
        );
        continue;
      }
      out[language] = stringList(pair.value ?? undefined, `${key}.${language}`, ctx);
    }
    return out;
  }
  ctx.report('error', node, 'codebook/list', `\`${key}\` must be a list, or lists per language like \`{ nl: [...], en: [...] }\``);
  return {};
}

function minHits(node: Node | undefined, ctx: Context): number {
  if (node === undefined) return 1;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100) return value;
  ctx.report('error', node, 'codebook/min-hits', '`minHits` must be a whole number from 1 to 100');
  return 1;
}

/** A few codes without terms are named one by one; a codebook made for coding by hand gets one line. */
function reportEmpty({ empty, report }: Context): void {
  if (empty.length <= 3) {
    for (const { id, node } of empty) {
      report(
        'warning',
        node,
        'codebook/empty-code',
        `code "${id}" has no terms, patterns or children, so only people can apply it`,
        'add `terms` if the auto-coder should find it',
      );
    }
    return;
  }
  const hint = 'add `terms` if the auto-coder should find them';
  const names = empty
    .slice(0, 3)
    .map((e) => e.id)
    .join(', ');
  report(
    'warning',
    empty[0].node,
    'codebook/empty-code',
    `${empty.length} codes (${names}, …) have no terms, patterns or children, so only people can apply them`,
    hint,
  );
}
