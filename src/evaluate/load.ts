/** A labelled set (YAML: `items: [{ id, text, clusters, codes, main }]`), checked against the codebook. */
import { parse } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Codebook } from '../codebook/types.js';
import type { LabelledItem } from './evaluate.js';

export function parseLabelled(
  path: string,
  text: string,
  codebook: Codebook,
): { items: LabelledItem[]; language?: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const e = error as { message: string; linePos?: { line: number; col: number }[] };
    const at = e.linePos?.[0];
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'labelled/yaml',
        `not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        at ? { line: at.line, column: at.col } : undefined,
      ),
    );
    return { items: [], diagnostics };
  }
  const root = data as { items?: unknown; language?: unknown } | null;
  if (!root || !Array.isArray(root.items)) {
    diagnostics.push(diagnostic('error', path, 'labelled/shape', 'a labelled set needs `items:`, a list of { id, text, clusters, codes }'));
    return { items: [], diagnostics };
  }
  const known = new Set(codebook.codes.map((c) => c.id));
  const topLevel = new Set(codebook.codes.map((c) => c.cluster));
  const items: LabelledItem[] = [];
  root.items.forEach((raw: unknown, i: number) => {
    const item = raw as Partial<LabelledItem>;
    const id = typeof item?.id === 'string' ? item.id : `item ${i + 1}`;
    if (typeof item?.text !== 'string') {
      diagnostics.push(diagnostic('error', path, 'labelled/item', `${id} has no text`));
      return;
    }
    const codes = Array.isArray(item.codes) ? item.codes.map(String) : [];
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0)
      diagnostics.push(diagnostic('error', path, 'labelled/unknown-code', `${id} names codes the codebook lacks: ${unknown.join(', ')}`));
    const clusters = Array.isArray(item.clusters) ? item.clusters.map(String) : [];
    const labelled: LabelledItem = { id, text: item.text, codes, clusters };
    if (item.main !== undefined && item.main !== null) {
      const main = String(item.main);
      if (!topLevel.has(main))
        diagnostics.push(diagnostic('error', path, 'labelled/main', `${id} has main "${main}", which is not a cluster of the codebook`));
      else if (!clusters.includes(main))
        diagnostics.push(diagnostic('error', path, 'labelled/main', `${id} has main "${main}" but not among its clusters`));
      labelled.main = main;
    }
    items.push(labelled);
  });
  const result: { items: LabelledItem[]; language?: string; diagnostics: Diagnostic[] } = { items, diagnostics };
  if (typeof root.language === 'string') result.language = root.language;
  return result;
}
