/**
 * Excerpts by code without holding them: each document's excerpts are formatted as it is coded and
 * appended to a part file per code and format; the outputs are then read back code by code. Only
 * the count per code and the attributes of documents with excerpts (for the CSV columns) are kept.
 * The bytes are those of the whole-text formatters (tests compare them).
 */
import type { Code, Codebook } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import { excerptCells, excerptsCsvHeader, excerptsJsonParts, attributeCells } from '../formatters/excerpts-data.js';
import { markdownParts, type ExcerptsMarkdownOptions } from '../formatters/excerpts-md.js';
import { attributeColumns } from '../formatters/codings-csv.js';
import { csvDelimiter, csvLines, csvRow, csvStart, type CsvOptions } from '../formatters/csv.js';
import type { AttributeValue } from '../ingest/document.js';
import type { PartFiles } from '../io/parts.js';
import { codeSelected, type Filter } from '../select/filter.js';
import { documentExcerpts } from './collect.js';

export interface ExcerptFormats {
  markdown?: ExcerptsMarkdownOptions;
  csv?: CsvOptions;
  json?: boolean;
}

/** Rows of excerpts.csv formatted per call of the CSV writer. */
const ROWS = 500;

export class ExcerptStream {
  private readonly codes: Code[];
  private readonly index: Map<string, number>;
  private readonly counts: number[];
  private readonly documents: Record<string, AttributeValue>[] = [];
  private readonly markdownOf;

  constructor(
    codebook: Codebook,
    private readonly filter: Filter,
    private readonly context: number,
    private readonly parts: PartFiles,
    private readonly formats: ExcerptFormats,
  ) {
    this.codes = codebook.codes.filter((c) => codeSelected(c.id, filter));
    this.index = new Map(this.codes.map((c, i) => [c.id, i]));
    this.counts = this.codes.map(() => 0);
    this.markdownOf = formats.markdown ? markdownParts(codebook, formats.markdown) : undefined;
  }

  add(coded: CodedDocument): void {
    const excerpts = documentExcerpts(coded, this.filter, this.context);
    if (excerpts.length === 0) return;
    const doc = this.documents.push(coded.document.attributes) - 1;
    for (const e of excerpts) {
      const i = this.index.get(e.code);
      if (i === undefined) continue;
      this.counts[i]++;
      const code = this.codes[i];
      if (this.markdownOf) this.parts.append(3 * i, this.markdownOf.excerpt(e));
      if (this.formats.csv) this.parts.append(3 * i + 1, csvPart(doc, csvRow(excerptCells(code, e), this.formats.csv)));
      if (this.formats.json) this.parts.append(3 * i + 2, excerptsJsonParts.excerpt(e, this.counts[i] === 1));
    }
  }

  /** Excerpts in all, and the codes that have any. */
  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  get codesWithExcerpts(): number {
    return this.counts.filter((n) => n > 0).length;
  }

  *markdown(): Generator<string> {
    const parts = this.markdownOf;
    if (!parts) throw new Error('excerpts were not kept as markdown');
    yield parts.head(this.total);
    for (const [i, code] of this.codes.entries()) {
      yield parts.code(code, this.counts[i]);
      if (this.counts[i] > 0) yield* this.parts.chunks(3 * i);
    }
  }

  *csv(): Generator<string> {
    const options = this.formats.csv;
    if (!options) throw new Error('excerpts were not kept as CSV');
    const columns = attributeColumns(this.documents.flatMap((a) => Object.keys(a)));
    yield csvStart(options) + csvLines([excerptsCsvHeader(columns)], options);
    // The attribute cells end every row of a document: made once per document, not once per excerpt.
    const delimiter = csvDelimiter(options);
    const tails: (string | undefined)[] = [];
    const tail = (doc: number) =>
      (tails[doc] ??= columns.length === 0 ? '\r\n' : `${delimiter}${csvRow(attributeCells(this.documents[doc], columns), options)}\r\n`);
    let out = '';
    let rows = 0;
    for (const i of this.codes.keys()) {
      for (const line of this.parts.lines(3 * i + 1)) {
        const { doc, cells } = fromCsvPart(line);
        out += cells + tail(doc);
        if (++rows >= ROWS) {
          yield out;
          out = '';
          rows = 0;
        }
      }
    }
    if (out !== '') yield out;
  }

  *json(): Generator<string> {
    if (!this.formats.json) throw new Error('excerpts were not kept as JSON');
    yield excerptsJsonParts.start(this.codes.length);
    for (const [i, code] of this.codes.entries()) {
      const { open, close } = excerptsJsonParts.code(code, i === 0, this.counts[i] > 0);
      yield open;
      if (this.counts[i] > 0) yield* this.parts.chunks(3 * i + 2);
      yield close;
    }
    yield excerptsJsonParts.end(this.codes.length);
  }
}

/**
 * A line of a CSV part: the document's number, then the excerpt's cells as CSV (those before the
 * attribute columns, which are known only at the end). Cells are formatted here, once; a row whose
 * cells hold a line break (a quoted id or file name) is kept as a JSON string, so that the part
 * stays one line per excerpt.
 */
function csvPart(doc: number, cells: string): string {
  return cells.includes('\n') ? `${doc}j${JSON.stringify(cells)}\n` : `${doc}:${cells}\n`;
}

function fromCsvPart(line: string): { doc: number; cells: string } {
  let at = 0;
  while (line.charCodeAt(at) >= 48 && line.charCodeAt(at) <= 57) at++;
  const doc = Number(line.slice(0, at));
  return { doc, cells: line[at] === ':' ? line.slice(at + 1) : (JSON.parse(line.slice(at + 1)) as string) };
}
