/** The codings of `qda code` in the formats of the registry (formatters/index.ts), written document by document. */
import type { CodeResult } from '../app/code.js';
import { codingsCsv } from './codings-csv.js';
import { codingsJson } from './codings-json.js';
import { codingsMarkdown } from './codings-md.js';
import type { Formatter } from './index.js';
import { stream } from './stream.js';

export const codingsFormats = {
  json: (r) => stream(codingsJson(r.run), r.documents),
  csv: (r, options) => stream(codingsCsv(r.attributeKeys, { excel: options.excel }), r.documents),
  md: (r) => stream(codingsMarkdown(`Codings — ${r.run.codebook.name}`), r.documents),
} satisfies Record<string, Formatter<CodeResult, Iterable<string>>>;
