/**
 * Project settings: qda.yaml (corpus globs, codebook, unit, compare-by attribute, language, encoding,
 * speakers to skip, output folder), validated with positions like a codebook.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseLocatedYaml } from '../diagnostics/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../codebook/suggest.js';
import { LANGUAGES } from '../codebook/types.js';
import { UNITS, type Unit } from '../ingest/units.js';
import { normaliseEncoding } from '../io/decode.js';

export const CONFIG_FILE = 'qda.yaml';

export interface Settings {
  corpus: string[];
  codebook?: string;
  unit: Unit;
  compareBy: string;
  language?: string;
  encoding: string;
  skipSpeakers: string[];
  out: string;
}

export const DEFAULT_SETTINGS: Settings = {
  corpus: ['.'],
  unit: 'paragraph',
  compareBy: 'district',
  encoding: 'utf-8',
  skipSpeakers: [],
  out: 'out',
};

const KEYS = ['corpus', 'codebook', 'unit', 'compareBy', 'language', 'encoding', 'skipSpeakers', 'out'];

export function parseSettings(path: string, text: string): { settings: Settings; diagnostics: Diagnostic[] } {
  const { doc, at, errors } = parseLocatedYaml(path, text, 'settings/yaml');
  const diagnostics: Diagnostic[] = [...errors];
  const settings: Settings = { ...DEFAULT_SETTINGS, corpus: [...DEFAULT_SETTINGS.corpus], skipSpeakers: [] };
  const error = (node: Node | null | undefined, message: string, hint?: string) =>
    diagnostics.push(diagnostic('error', path, 'settings', message, at(node), hint));

  const root = doc.contents;
  if (errors.length > 0 || root === null || (isScalar(root) && root.value === null)) return { settings, diagnostics };
  if (!isMap(root)) {
    error(root, `${path} must hold \`key: value\` settings`);
    return { settings, diagnostics };
  }
  for (const pair of root.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    const text = isScalar(value) && value.value !== null ? String(value.value) : undefined;
    switch (key) {
      case 'corpus':
      case 'skipSpeakers': {
        const list = isSeq(value) ? value.items.map((i) => (isScalar(i) ? String(i.value) : '')) : text !== undefined ? [text] : [];
        // No speakers to skip is a choice (`skipSpeakers: []`); a corpus of nothing is not.
        const empty = list.length === 0 && !(key === 'skipSpeakers' && isSeq(value));
        if (empty || list.some((s) => s === ''))
          error(value ?? pair.key, `\`${key}\` must be a list of text`, `write \`${key}: [a, b]\``);
        else settings[key] = list;
        break;
      }
      case 'unit':
        if (UNITS.includes(text as Unit)) settings.unit = text as Unit;
        else error(value, `unit "${text}" is not known`, `use one of: ${UNITS.join(', ')}`);
        break;
      case 'language':
        if (LANGUAGES.includes(text as never)) settings.language = text;
        else error(value, `language "${text}" is not supported`, `use one of: ${LANGUAGES.join(', ')}`);
        break;
      case 'encoding':
        if (text && normaliseEncoding(text)) settings.encoding = text;
        else error(value, `encoding "${text}" is not known`, 'use utf-8, latin1, windows-1252, utf-16le or utf-16be');
        break;
      case 'codebook':
      case 'compareBy':
      case 'out':
        if (text) settings[key] = text;
        else error(value ?? pair.key, `\`${key}\` needs a value`);
        break;
      default: {
        const guess = closest(key, KEYS);
        error(pair.key, `unknown setting "${key}"${guess ? `; did you mean "${guess}"?` : ''}`, `known settings: ${KEYS.join(', ')}`);
      }
    }
  }
  return { settings, diagnostics };
}
