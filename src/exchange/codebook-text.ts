/**
 * A codebook as text for people and spreadsheets: markdown (one section per code, nested by depth)
 * and CSV (one row per code: id, parent, label, description, include, exclude, examples, terms,
 * colour), and CSV read back into the codebook YAML qda loads.
 */
import { papa } from '../io/papaparse.js';
import { stringify } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { forLanguage, localise, type Codebook } from '../codebook/types.js';
import { csvLines } from '../formatters/csv.js';
import { slug } from './codes.js';

export const CSV_COLUMNS = ['id', 'parent', 'label', 'description', 'include', 'exclude', 'examples', 'terms', 'color'];

export function codebookMarkdown(codebook: Codebook, language: string): string {
  const t = (text: Record<string, string> | undefined) => localise(text, language, codebook.language);
  const out: string[] = [`# ${codebook.name}\n`];
  const description = t(codebook.description);
  if (description) out.push(`${description.trim()}\n`);
  for (const code of codebook.codes) {
    out.push(`${'#'.repeat(Math.min(code.depth + 2, 6))} ${t(code.label) ?? code.id} \`${code.id}\`\n`);
    const rows: string[] = [];
    const desc = t(code.description);
    if (desc) rows.push(`${desc.trim()}\n`);
    const include = t(code.include);
    if (include) rows.push(`- **Include:** ${include.trim()}`);
    const exclude = t(code.exclude);
    if (exclude) rows.push(`- **Exclude:** ${exclude.trim()}`);
    if (code.examples.length > 0) rows.push(`- **Examples:** ${code.examples.map((e) => `“${e}”`).join('; ')}`);
    const terms = forLanguage(code.terms, language);
    if (terms.length > 0) rows.push(`- **Terms:** ${terms.map((x) => `\`${x}\``).join(', ')}`);
    if (code.color) rows.push(`- **Colour:** ${code.color}`);
    if (rows.length > 0) out.push(`${rows.join('\n')}\n`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function codebookCsv(codebook: Codebook, language: string): string {
  const t = (text: Record<string, string> | undefined) => localise(text, language, codebook.language) ?? '';
  const rows: string[][] = [CSV_COLUMNS];
  for (const c of codebook.codes) {
    rows.push([
      c.id,
      c.parent ?? '',
      t(c.label),
      t(c.description),
      t(c.include),
      t(c.exclude),
      c.examples.join('; '),
      forLanguage(c.terms, language).join('; '),
      c.color ?? '',
    ]);
  }
  return csvLines(rows);
}

interface YamlCode {
  id: string;
  label?: string;
  description?: string;
  include?: string;
  exclude?: string;
  examples?: string[];
  terms?: string[];
  color?: string;
  children?: YamlCode[];
}

/** Taguette's codebook CSV: a tag (its path, parts joined by dots) and a description per row. */
export const TAGUETTE_COLUMNS = ['tag', 'description'];

/** Taguette's codebook as CSV: the code id as tag (dotted like Taguette's paths), the definition as description. */
export function codebookTaguetteCsv(codebook: Codebook, language: string): string {
  const t = (text: Record<string, string> | undefined) => localise(text, language, codebook.language) ?? '';
  return csvLines([TAGUETTE_COLUMNS, ...codebook.codes.map((c) => [c.id, t(c.description)])]);
}

/**
 * A codebook CSV → codebook YAML text: qda's columns (above; `id` required, the rest optional), or
 * Taguette's (`tag`, `description`), whose tag becomes label and id (an ASCII id from its dotted path).
 * A problem names its row; one of the header is on line 1.
 */
export function csvToCodebookYaml(text: string, name: string, file: string): { yaml: string; count: number } | { diagnostics: Diagnostic[] } {
  const problem = (message: string, at?: { line: number; column: number }) => ({
    diagnostics: [diagnostic('error', file, 'codebook/csv', message, at)],
  });
  const parsed = papa().parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = (parsed.meta.fields ?? []).map((f) => f.trim().toLowerCase());
  const taguette = !fields.includes('id') && fields.includes('tag');
  if (!fields.includes('id') && !taguette) {
    const has = fields.filter(Boolean);
    return problem(
      `${has.length > 0 ? `its columns are ${has.map((f) => `\`${f}\``).join(', ')}` : 'it has no header row'}, and none is \`id\`; ` +
        `a codebook CSV needs a column \`id\` (and may have ${CSV_COLUMNS.slice(1)
          .map((f) => `\`${f}\``)
          .join(', ')}), ` +
        `or Taguette's columns \`tag\` and \`description\``,
      { line: 1, column: 1 },
    );
  }
  const byId = new Map<string, YamlCode>();
  const top: YamlCode[] = [];
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean);
  for (const [i, raw] of parsed.data.entries()) {
    const row: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) row[k.trim().toLowerCase()] = (v ?? '').replace(/^'(?=[=+\-@])/, '').trim();
    if (taguette) fromTaguette(row, byId);
    if (!row.id) return problem(`row ${i + 2} has no id`);
    if (byId.has(row.id)) return problem(`row ${i + 2}: id "${row.id}" appears twice`);
    const code: YamlCode = { id: row.id };
    for (const key of ['label', 'description', 'include', 'exclude'] as const) if (row[key]) code[key] = row[key];
    if (row.examples) code.examples = list(row.examples);
    if (row.terms) code.terms = list(row.terms);
    if (row.color) code.color = row.color;
    byId.set(row.id, code);
    const parent = row.parent ? byId.get(row.parent) : undefined;
    if (row.parent && !parent) return problem(`row ${i + 2}: parent "${row.parent}" is not defined on an earlier row`);
    if (parent) (parent.children ??= []).push(code);
    else top.push(code);
  }
  return { yaml: stringify({ name, codes: top }, { lineWidth: 0 }), count: byId.size };
}

/** A Taguette row in qda's columns: the tag is the label, its dotted path made ASCII the id, the part before the last dot the parent when that is a tag. */
function fromTaguette(row: Record<string, string>, known: Map<string, unknown>): void {
  const tag = row.tag ?? '';
  if (!tag) return;
  const parts = tag.split('.').map((p) => slug(p, 60) || 'tag');
  row.id = parts.join('.');
  row.label = tag;
  const parent = parts.slice(0, -1).join('.');
  row.parent = parent && known.has(parent) ? parent : '';
  if (!row.parent && parts.length > 1) row.id = parts.join('-');
}
