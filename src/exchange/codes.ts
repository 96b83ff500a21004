/**
 * Codes across the border: a qda codebook → REFI code tree (name = label, description = definition
 * with the include and exclude criteria and a `qda-id:` line so that qda gets its ids back), and a
 * REFI code tree → a codebook YAML qda's loader accepts (ASCII ids dotted from the hierarchy).
 */
import { stringify } from 'yaml';
import { localise, type Code, type Codebook } from '../codebook/types.js';
import { guidFor } from './guid.js';
import type { ExCode } from './model.js';

const ID_LINE = /(?:^|\n)qda-id: ([A-Za-z0-9_.-]+)\s*$/;
const ID = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

export const codeGuid = (id: string) => guidFor('code', id);

/** The description a code carries in REFI files: definition, include, exclude, and its qda id. */
export function codeDescription(code: Code, language: string, fallback: string): string {
  const parts: string[] = [];
  const text = (t: Code['description']) => localise(t, language, fallback)?.trim();
  const description = text(code.description);
  if (description) parts.push(description);
  const include = text(code.include);
  if (include) parts.push(`Include: ${include}`);
  const exclude = text(code.exclude);
  if (exclude) parts.push(`Exclude: ${exclude}`);
  // What REFI-QDA has no place for, one JSON value a line, kept for qda (other programs show it as text).
  const extra: string[] = [];
  if (code.examples.length > 0) extra.push(`qda-examples: ${JSON.stringify(code.examples)}`);
  for (const key of ['terms', 'patterns', 'not'] as const) {
    const lists = Object.entries(code[key]).filter(([, l]) => l.length > 0);
    if (lists.length === 0) continue;
    const value = lists.length === 1 && lists[0][0] === '*' ? lists[0][1] : Object.fromEntries(lists);
    extra.push(`qda-${key}: ${JSON.stringify(value)}`);
  }
  if (code.minHits !== 1) extra.push(`qda-min-hits: ${code.minHits}`);
  parts.push([...extra, `qda-id: ${code.id}`].join('\n'));
  return parts.join('\n\n');
}

/** What a description's `qda-…:` lines give back. */
export interface Matching {
  examples?: string[];
  terms?: string[] | Record<string, string[]>;
  patterns?: string[] | Record<string, string[]>;
  not?: string[] | Record<string, string[]>;
  minHits?: number;
}

const EXTRA = /(?:^|\n)qda-(examples|terms|patterns|not|min-hits): (.*)$/;

/** The `qda-…:` lines at the end of a description (before `qda-id:`): each a JSON value of the right shape. */
function readExtra(rest: string): { rest: string; matching: Matching } {
  const matching: Matching = {};
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  for (let m = EXTRA.exec(rest); m; m = EXTRA.exec(rest)) {
    let value: unknown;
    try {
      value = JSON.parse(m[2]);
    } catch {
      break;
    }
    const key = m[1];
    if (key === 'min-hits') {
      if (typeof value !== 'number') break;
      matching.minHits = value;
    } else if (key === 'examples') {
      if (!strings(value)) break;
      matching.examples = value;
    } else {
      const ok = strings(value) || (typeof value === 'object' && value !== null && Object.values(value).every(strings));
      if (!ok) break;
      matching[key as 'terms' | 'patterns' | 'not'] = value as string[] | Record<string, string[]>;
    }
    rest = rest.slice(0, m.index).trim();
  }
  return { rest, matching };
}

/** A description read back: the qda id, include and exclude split off when present. */
export function parseDescription(text: string | undefined): {
  id?: string;
  description?: string;
  include?: string;
  exclude?: string;
  matching?: Matching;
} {
  if (!text) return {};
  let rest = text.replace(/\r\n?/g, '\n').trim();
  const out: { id?: string; description?: string; include?: string; exclude?: string; matching?: Matching } = {};
  const id = ID_LINE.exec(rest);
  if (id) {
    out.id = id[1];
    rest = rest.slice(0, id.index).trim();
    const extra = readExtra(rest);
    rest = extra.rest;
    if (Object.keys(extra.matching).length > 0) out.matching = extra.matching;
    // Only qda writes these sections; in other producers' text they are left alone.
    const exclude = /(?:^|\n\n)Exclude: ([^]*)$/.exec(rest);
    if (exclude) {
      out.exclude = exclude[1].trim();
      rest = rest.slice(0, exclude.index).trim();
    }
    const include = /(?:^|\n\n)Include: ([^]*)$/.exec(rest);
    if (include) {
      out.include = include[1].trim();
      rest = rest.slice(0, include.index).trim();
    }
  }
  if (rest) out.description = rest;
  return out;
}

/** `#4e7` → `#44ee77`: REFI readers expect six digits. */
function sixDigits(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  return m ? `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toLowerCase() : color.toLowerCase();
}

/** The codebook as a REFI code tree; `notes` gives the note GUIDs attached to a code id. */
export function exchangeCodes(codebook: Codebook, language: string, notes: Map<string, string[]> = new Map()): ExCode[] {
  const byId = new Map<string, ExCode>();
  const top: ExCode[] = [];
  for (const code of codebook.codes) {
    const ex: ExCode = {
      guid: codeGuid(code.id),
      name: localise(code.label, language, codebook.language) ?? code.id,
      isCodable: true,
      description: codeDescription(code, language, codebook.language),
      notes: notes.get(code.id) ?? [],
      children: [],
    };
    const color = sixDigits(code.color);
    if (color) ex.color = color;
    byId.set(code.id, ex);
    const parent = code.parent !== undefined ? byId.get(code.parent) : undefined;
    (parent ? parent.children : top).push(ex);
  }
  return top;
}

/** ASCII, lower case, words joined by `-`: for ids and file names made from names. */
export function slug(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  // Cut between words when a word boundary is near enough, so that no id ends mid-word.
  const cut = s.slice(0, max + 1).lastIndexOf('-');
  return (cut >= max / 2 ? s.slice(0, cut) : s.slice(0, max)).replace(/-+$/, '');
}

/** The longest code id the codebook loader takes. */
const MAX_ID = 100;

/**
 * The id of an imported code: the parent's id, a dot and the name made ASCII, whole. When that is
 * longer than an id may be, the parent's path is cut back to an ancestor (whole parts) and the name to
 * whole words, and six hexadecimal digits from the code's GUID are added, so that a shortened id never
 * looks like the id of a sibling or a parent; the label keeps the full name.
 */
export function codeId(name: string, parent: string | undefined, guid: string, taken: Set<string>): string {
  const whole = slug(name, Number.MAX_SAFE_INTEGER) || 'code';
  const full = parent ? `${parent}.${whole}` : whole;
  // Three characters are kept free for the `-2` that tells codes of the same name apart.
  if (full.length <= MAX_ID - 3) return unique(full, taken);
  // Six hex digits of a hash of the GUID (not its first digits: some producers number GUIDs in order).
  const mark = `-${guidFor('code-id', `${guid}\u0000${name}`).slice(0, 6)}`;
  let prefix = parent ?? '';
  while (prefix.includes('.') && prefix.length > 60) prefix = prefix.slice(0, prefix.lastIndexOf('.'));
  if (prefix.length > 60) prefix = '';
  const room = MAX_ID - 3 - (prefix ? prefix.length + 1 : 0) - mark.length;
  const short = `${prefix ? `${prefix}.` : ''}${slug(whole, room)}${mark}`;
  return unique(short, taken);
}

/** A name not yet in `taken` (adding -2, -3, …), which it is then added to. */
export function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export interface ImportedCodes {
  /** Code GUID → qda id. */
  ids: Map<string, string>;
  /** The codebook YAML text. */
  yaml: string;
  count: number;
}

interface YamlCode extends Matching {
  id: string;
  label: string;
  description?: string;
  include?: string;
  exclude?: string;
  color?: string;
  children?: YamlCode[];
}

/**
 * A REFI code tree as a qda codebook. Ids: the `qda-id:` a qda export left in the description when
 * it is valid and unused, else the parent's id, a dot and the name made ASCII.
 */
export function importCodes(codes: ExCode[], name: string, header: string, { matching = true } = {}): ImportedCodes {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  let count = 0;
  const convert = (code: ExCode, parent: string | undefined): YamlCode => {
    const parsed = parseDescription(code.description);
    let id: string;
    if (parsed.id && ID.test(parsed.id) && parsed.id.length <= 100 && !taken.has(parsed.id.toLowerCase())) {
      id = parsed.id;
      taken.add(id.toLowerCase());
    } else id = codeId(code.name, parent, code.guid, taken);
    count++;
    if (!ids.has(code.guid)) ids.set(code.guid, id);
    const out: YamlCode = { id, label: code.name.trim() || id };
    if (parsed.description) out.description = parsed.description;
    if (parsed.include) out.include = parsed.include;
    if (parsed.exclude) out.exclude = parsed.exclude;
    if (parsed.matching?.examples) out.examples = parsed.matching.examples;
    if (matching && parsed.matching) {
      const { terms, patterns, not, minHits } = parsed.matching;
      Object.assign(out, terms && { terms }, patterns && { patterns }, not && { not }, minHits !== undefined && { minHits });
    }
    if (code.color) out.color = code.color;
    if (code.children.length > 0) out.children = code.children.map((c) => convert(c, id));
    return out;
  };
  const tree = codes.map((c) => convert(c, undefined));
  const yaml = `${header}${stringify({ name, codes: tree }, { lineWidth: 0 })}`;
  return { ids, yaml, count };
}
