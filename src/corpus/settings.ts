/**
 * Project settings: qda.yaml (corpus globs, codebook, model, unit, compare-by attribute, language, encoding
 * and encodings per glob, speakers to skip, output folder, names for qda anonymise), validated with
 * positions like a codebook.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from '../diagnostics/yaml-lib.js';
import { parseLocatedYaml } from '../diagnostics/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../codebook/suggest.js';
import { LANGUAGES } from '../codebook/types.js';
import { UNITS, type Unit } from '../ingest/units.js';
import { ENCODING_NAMES, ENCODINGS, normaliseEncoding } from '../io/decode.js';

export const CONFIG_FILE = 'qda.yaml';

export interface Settings {
  corpus: string[];
  codebook?: string;
  /** A model file from `qda learn`, whose codings join the codebook's. */
  model?: string;
  unit: Unit;
  compareBy: string;
  language?: string;
  encoding: string;
  /** Encodings of some files, by glob; a later glob wins over an earlier one. */
  encodings: EncodingRule[];
  skipSpeakers: string[];
  out: string;
  /** Lowest score an auto code needs. */
  threshold?: number;
  /** Share of the leading cluster's score another cluster needs. */
  secondary?: number;
  /** Names of people that `qda anonymise` replaces, with the pseudonym chosen for some. */
  names: NameSetting[];
  /** Stop words for `qda words` beside the shipped ones, per language; `*` for every language. */
  stopWords: Record<string, string[]>;
  /** G² a distinctive term needs against the rest in `qda words` and the report (3.84 is p < 0.05). */
  minG2?: number;
  /** A file of more names (`names: people.txt`), relative to the working folder once the project is open. */
  namesFile?: string;
  /** Where qda.yaml names the codebook, the model and each corpus glob (1-based), for messages about them. */
  at?: { codebook?: Place; model?: Place; corpus?: (Place | undefined)[] };
}

export interface Place {
  line: number;
  column: number;
}

export interface NameSetting {
  name: string;
  pseudonym?: string;
}

export interface EncodingRule {
  /** Relative to the project folder, `/` separators. */
  glob: string;
  encoding: string;
  /** Where the glob is written in qda.yaml, for messages. */
  line: number;
  column: number;
}

export const DEFAULT_SETTINGS: Settings = {
  corpus: ['.'],
  unit: 'paragraph',
  compareBy: 'district',
  encoding: 'utf-8',
  encodings: [],
  skipSpeakers: [],
  out: 'out',
  names: [],
  stopWords: {},
};

const KEYS = [
  'corpus',
  'codebook',
  'model',
  'unit',
  'compareBy',
  'language',
  'encoding',
  'encodings',
  'skipSpeakers',
  'out',
  'threshold',
  'secondary',
  'names',
  'stopWords',
  'minG2',
];

export function parseSettings(path: string, text: string): { settings: Settings; diagnostics: Diagnostic[] } {
  const { doc, at, errors } = parseLocatedYaml(path, text, 'settings/yaml');
  const diagnostics: Diagnostic[] = [...errors];
  const settings: Settings = { ...DEFAULT_SETTINGS, corpus: [...DEFAULT_SETTINGS.corpus], encodings: [], skipSpeakers: [], names: [], stopWords: {} };
  const error = (node: Node | null | undefined, message: string, hint?: string, rule = 'settings') =>
    diagnostics.push(diagnostic('error', path, rule, message, at(node), hint));

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
        // No speakers to skip is a choice (`skipSpeakers: []`), and so is no corpus (`corpus: []`, a
        // project that holds a codebook only, as an import of a codebook-only file makes); a blank value is not.
        const empty = list.length === 0 && !isSeq(value);
        if (empty || list.some((s) => s === '')) error(value ?? pair.key, `\`${key}\` must be a list of text`, `write \`${key}: [a, b]\``);
        else {
          settings[key] = list;
          if (key === 'corpus') place(settings).corpus = isSeq(value) ? value.items.map((i) => at(i as Node)) : [at(value)];
        }
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
        else error(value ?? pair.key, unknownEncoding(text), ENCODING_HINT, 'settings/encoding');
        break;
      case 'encodings':
        if (!isMap(value)) {
          error(value ?? pair.key, '`encodings` must map globs to encodings', 'write e.g. `encodings: { "corpus/oud/*.md": windows-1252 }`');
          break;
        }
        for (const rule of value.items as Pair<Node, Node>[]) {
          const glob = isScalar(rule.key) && rule.key.value !== null ? String(rule.key.value) : '';
          const name = isScalar(rule.value) && rule.value.value !== null ? String(rule.value.value) : undefined;
          const problem = globProblem(glob);
          if (problem)
            error(
              rule.key,
              `glob "${glob}" under \`encodings\` ${problem}`,
              'globs are relative to the folder of qda.yaml, e.g. "corpus/oud/*.md"',
              'settings/glob',
            );
          else if (!name || !normaliseEncoding(name)) error(rule.value ?? rule.key, unknownEncoding(name), ENCODING_HINT, 'settings/encoding');
          else settings.encodings.push({ glob, encoding: name, ...at(rule.key) });
        }
        break;
      case 'names':
        if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') settings.namesFile = value.value.trim();
        else readNames(value, pair.key, settings.names, error);
        break;
      case 'threshold':
      case 'secondary': {
        const n = isScalar(value) && typeof value.value === 'number' ? value.value : NaN;
        if (n >= 0 && n <= 1) settings[key] = n;
        else error(value ?? pair.key, `\`${key}\` must be a number from 0 to 1`, `write e.g. \`${key}: 0.5\``);
        break;
      }
      case 'minG2': {
        const n = isScalar(value) && typeof value.value === 'number' ? value.value : NaN;
        if (n >= 0) settings.minG2 = n;
        else error(value ?? pair.key, '`minG2` must be a number of 0 or more', 'write e.g. `minG2: 6.63` (p < 0.01) or `minG2: 10.83` (p < 0.001)');
        break;
      }
      case 'stopWords':
        readStopWords(value, pair.key, settings, error);
        break;
      case 'codebook':
      case 'model':
      case 'compareBy':
      case 'out':
        if (text && isScalar(value)) {
          settings[key] = text;
          if (key === 'codebook' || key === 'model') place(settings)[key] = at(value);
        } else error(value ?? pair.key, needs(key, value), `write e.g. \`${key}: ${EXAMPLE[key]}\``);
        break;
      default: {
        const guess = closest(key, KEYS);
        error(pair.key, `unknown setting "${key}"${guess ? `; did you mean "${guess}"?` : ''}`, `known settings: ${KEYS.join(', ')}`);
      }
    }
  }
  return { settings, diagnostics };
}

/** `names:` as a list of names, or a mapping of names to the pseudonyms chosen for them. */
function readNames(
  value: Node | null,
  key: Node,
  names: NameSetting[],
  error: (node: Node | null | undefined, message: string, hint?: string) => void,
): void {
  const hint = 'write `names: [Hatice Yilmaz, Bram]`, `names: { Hatice Yilmaz: Fatma, Bram: "[Persoon 9]" }` or `names: people.txt`';
  const text = (node: unknown) => (isScalar(node) && node.value !== null && String(node.value).trim() !== '' ? String(node.value).trim() : undefined);
  const empty = (node: Node | null) => node === null || (isScalar(node) && node.value === null);
  if (isSeq(value)) {
    for (const item of value.items as Node[]) {
      const name = text(item);
      if (name) names.push({ name });
      else error(item, '`names` must list names as text', hint);
    }
  } else if (isMap(value)) {
    for (const pair of value.items as Pair<Node, Node>[]) {
      const name = text(pair.key);
      const pseudonym = empty(pair.value) ? undefined : text(pair.value);
      if (!name) error(pair.key, 'a name under `names` is empty', hint);
      else if (!empty(pair.value) && !pseudonym) error(pair.value, `the pseudonym of "${name}" must be text`, hint);
      else names.push(pseudonym ? { name, pseudonym } : { name });
    }
  } else error(value ?? key, '`names` must be a list or a mapping of names, or name a file of names', hint);
}

/** What each single-value setting holds, for the message when it holds something else. */
const WHAT = {
  codebook: 'a codebook file or the name of a shipped codebook',
  model: 'a model file',
  compareBy: 'an attribute name',
  out: 'a folder name',
};
const EXAMPLE = { codebook: 'codebooks/hall.yaml', model: 'models/ana.json', compareBy: 'district', out: 'out' };

function needs(key: keyof typeof WHAT, value: Node | null | undefined): string {
  if (isSeq(value)) return `\`${key}\` must be ${WHAT[key]}, not a list`;
  if (isMap(value)) return `\`${key}\` must be ${WHAT[key]}, not a mapping`;
  return `\`${key}\` needs ${WHAT[key]}`;
}

function place(settings: Settings): NonNullable<Settings['at']> {
  return (settings.at ??= {});
}

/** `stopWords: [a, b]` for every language, or `stopWords: { nl: [a], en: [b] }`. */
function readStopWords(
  value: Node | null,
  key: Node,
  settings: Settings,
  error: (node: Node | null | undefined, message: string, hint?: string) => void,
): void {
  const HINT = 'write `stopWords: [gemeente, rotterdam]`, or per language `stopWords: { nl: [gemeente], en: [council] }`';
  const words = (node: Node | null): string[] | undefined => {
    if (!isSeq(node)) return undefined;
    const list = node.items.map((i) => (isScalar(i) && i.value !== null ? String(i.value).trim() : ''));
    return list.some((w) => w === '') ? undefined : list;
  };
  if (isSeq(value)) {
    const list = words(value);
    if (list) settings.stopWords['*'] = list;
    else error(value, '`stopWords` must be a list of words', HINT);
    return;
  }
  if (!isMap(value)) return void error(value ?? key, '`stopWords` must be a list of words, or lists per language', HINT);
  for (const pair of value.items as Pair<Node, Node>[]) {
    const language = isScalar(pair.key) ? String(pair.key.value) : '';
    const list = words(pair.value);
    if (!LANGUAGES.includes(language as never))
      error(pair.key, `stopWords: language "${language}" is not supported`, `use one of: ${LANGUAGES.join(', ')}`);
    else if (!list) error(pair.value ?? pair.key, `stopWords of ${language} must be a list of words`, HINT);
    else settings.stopWords[language] = list;
  }
}

const ENCODING_HINT = `use one of: ${ENCODINGS.join(', ')}`;

function unknownEncoding(name: string | undefined): string {
  if (!name) return 'an encoding needs a name';
  const guess = closest(name, ENCODING_NAMES);
  return `encoding "${name}" is not known${guess ? `; did you mean ${normaliseEncoding(guess)}?` : ''}`;
}

/** What is wrong with a glob of the project, if anything. */
function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty';
  if (glob.includes('\\')) return 'holds a \\; separate folders with /';
  if (/^(?:\/|[A-Za-z]:)/.test(glob)) return 'is absolute; write it relative to the project folder';
  if (glob.split('/').includes('..')) return 'reaches outside the project folder';
  let square = 0;
  let curly = 0;
  for (const c of glob) {
    if (c === '[') square++;
    else if (c === ']' && square > 0) square--;
    else if (c === '{') curly++;
    else if (c === '}') {
      if (curly === 0) return 'closes a } that was not opened';
      curly--;
    }
  }
  if (square > 0) return 'leaves a [ unclosed';
  if (curly > 0) return 'leaves a { unclosed';
  return undefined;
}
