/**
 * Front matter: the YAML block between `---` lines at the top of a transcript. gray-matter finds the
 * block; the `yaml` package parses it (gray-matter's bundled js-yaml is old), with positions, so a
 * broken key is reported at its line and column in the original file.
 */
import type matterType from 'gray-matter';
import { createRequire } from 'node:module';
import { expansionProblem, yamlHint } from '../diagnostics/yaml.js';
import { yamlLib } from '../diagnostics/yaml-lib.js';
import { simpleYaml } from './simple-yaml.js';

// gray-matter (and the js-yaml it loads) is needed only for front matter the fast path does not
// read: loaded on first use, it is not part of the start-up of every run (about 40 ms of CPU).
const require = createRequire(import.meta.url);
let loaded: typeof matterType | undefined;
const matter: typeof matterType = ((text: string, options?: object) =>
  (loaded ??= require('gray-matter') as typeof matterType)(text, options)) as typeof matterType;

export interface FrontMatter {
  /** The parsed mapping; {} when the file has none. */
  data: Record<string, unknown>;
  /** Offset in the text where the body (everything after the closing delimiter) starts. */
  bodyStart: number;
}

export interface FrontMatterProblem {
  /** Offset in the text the problem points at. */
  offset: number;
  /** Errors unless said otherwise. */
  severity?: 'warning';
  rule: string;
  message: string;
  hint?: string;
}

class YamlProblems extends Error {
  constructor(readonly problems: FrontMatterProblem[]) {
    super('front matter');
  }
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** `fast: false` always uses the YAML parser (for tests that compare the two ways). */
export function parseFrontMatter(text: string, how: { fast?: boolean } = {}): { frontMatter: FrontMatter; problems: FrontMatterProblem[] } {
  const none = { frontMatter: { data: {}, bodyStart: 0 }, problems: [] };
  const open = OPEN.exec(text);
  if (!open) {
    const lost = unopened(text);
    return lost === undefined ? none : { ...none, problems: [lost] };
  }
  const rest = text.slice(open[0].length - 1);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      ...none,
      problems: [
        {
          offset: 0,
          rule: 'front-matter/unclosed',
          message: 'front matter is not closed',
          hint: 'end the front matter with a line holding only ---',
        },
      ],
    };
  }
  const matterStart = open[0].length;
  const bodyStart = open[0].length - 1 + close.index + close[0].length;
  // The usual front matter is read without the YAML parser; gray-matter ends a block at `---` only.
  if (how.fast !== false && /^---\r?\n$/.test(open[0]) && /^\r?\n---/.test(close[0])) {
    const data = simpleYaml(text.slice(matterStart, open[0].length - 1 + close.index));
    if (data) return { frontMatter: { data, bodyStart }, problems: [] };
  }
  try {
    const options = {
      language: 'yaml',
      engines: {
        yaml: {
          // A CRLF file leaves the \r of the last line on the block; it is not part of the YAML.
          parse: (source: string) => parseYaml(source.replace(/\r$/, ''), text.indexOf(source, 3)) as object,
          stringify: () => '',
        },
      },
    };
    const file = matter(text, options);
    const data = file.data as unknown;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      return { frontMatter: { data: data as Record<string, unknown>, bodyStart }, problems: [] };
    }
    return {
      frontMatter: { data: {}, bodyStart },
      problems: [
        {
          offset: matterStart,
          rule: 'front-matter/not-a-mapping',
          message: 'front matter must be a list of `key: value` lines',
          hint: 'write attributes as `district: Crooswijk`',
        },
      ],
    };
  } catch (error) {
    if (error instanceof YamlProblems) return { frontMatter: { data: {}, bodyStart }, problems: error.problems };
    throw error;
  }
}

/** `key: value` lines at the very top, closed by a `---` line: front matter whose opening `---` is missing. */
const UNOPENED = /^(?:[ \t]*\r?\n)*((?:[\p{L}_][\p{L}\p{N}_-]*:(?:[ \t][^\r\n]*)?\r?\n){1,40})---[ \t]*(?:\r?\n|$)/u;

function unopened(text: string): FrontMatterProblem | undefined {
  const m = UNOPENED.exec(text);
  if (!m) return undefined;
  return {
    offset: m.index + m[0].indexOf(m[1]),
    severity: 'warning',
    rule: 'front-matter/unopened',
    message: 'these lines look like front matter closed by ---, but the opening --- is missing: they are read as text, not as attributes',
    hint: 'add a line holding only --- above the first key',
  };
}

function parseYaml(source: string, base: number): unknown {
  const { LineCounter, parseDocument, visit } = yamlLib();
  const lineCounter = new LineCounter();
  // uniqueKeys catches duplicate keys.
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new YamlProblems(
      doc.errors.map((e) => ({
        offset: base + e.pos[0],
        rule: 'front-matter/yaml',
        message: yamlMessage(e.code, e.message),
        hint: yamlHint(e.code),
      })),
    );
  }
  // Alias bombs ("billion laughs") and aliases that copy a long value many times are refused.
  const expanded = expansionProblem(doc, source.length);
  if (expanded)
    throw new YamlProblems([{ offset: base + expanded.offset, rule: 'front-matter/yaml', message: expanded.message, hint: expanded.hint }]);
  // A number keeps the text it was written as: `id: 007` is 007, not 7, and two 20-digit ids that
  // a double would round to one number stay two.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'number' && node.source !== undefined && node.source !== String(node.value)) node.value = node.source;
    },
  });
  try {
    return doc.toJS();
  } catch (error) {
    // An alias without its anchor; the error carries no position: point at the first alias.
    const alias = /(?:^|[\s[{,:])\*[^\s,\]}]/m.exec(source);
    const offset = base + (alias ? alias.index + alias[0].indexOf('*') : 0);
    throw new YamlProblems([
      { offset, rule: 'front-matter/yaml', message: (error as Error).message, hint: 'remove the YAML aliases (*name) from the front matter' },
    ]);
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key in front matter';
  if (code === 'TAB_AS_INDENT') return 'tab used for indentation in front matter';
  if (/Implicit map keys need to be followed by map values/.test(first)) return 'front matter line is not `key: value` (is the colon missing?)';
  return `front matter is not valid YAML: ${first}`;
}
