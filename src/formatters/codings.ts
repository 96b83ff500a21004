/** The codings of `qda code` in the formats of the registry (formatters/index.ts), written document by document. */
import type { Written } from '../app/code.js';
import { codingsCsv } from './codings-csv.js';
import type { RunInfo } from './codings-json.js';
import { codingsJson } from './codings-json.js';
import { codingsMarkdown } from './codings-md.js';
import type { FormatOptions, Formatter } from './index.js';
import { stream } from './stream.js';

/** What the codings formatters are made from: plain data, so that a worker thread can make the same one. */
export interface CodingsFormat {
  name: 'json' | 'csv' | 'md';
  run: RunInfo;
  attributeKeys: string[];
  excel?: boolean;
}

/** The stream formatter of a format. */
export function codingsStream(format: CodingsFormat) {
  const { name, run, attributeKeys, excel } = format;
  if (name === 'json') return codingsJson(run);
  if (name === 'csv') return codingsCsv(attributeKeys, { excel });
  return codingsMarkdown(`Codings — ${run.codebook.name}`);
}

const formatOf = (name: CodingsFormat['name'], r: Written, options: FormatOptions) =>
  stream(codingsStream({ name, ...r, excel: options.excel }), r.documents);

export const codingsFormats = {
  json: (r, options) => formatOf('json', r, options),
  csv: (r, options) => formatOf('csv', r, options),
  md: (r, options) => formatOf('md', r, options),
} satisfies Record<string, Formatter<Written, Iterable<string | Uint8Array>>>;
