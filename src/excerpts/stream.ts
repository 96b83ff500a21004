/**
 * Excerpts by code without holding them: each document's excerpts are formatted as it is coded and
 * appended to a part file per code and format; the outputs are then read back code by code. Only
 * the count per code and the attributes of documents with excerpts (for the CSV columns) are kept.
 * The bytes are those of the whole-text formatters (tests compare them).
 */
import type { Code, Codebook } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import {
  attributeCells,
  excerptCodeCells,
  excerptDocumentCells,
  excerptOwnCells,
  excerptsCsvHeader,
  excerptsJsonParts,
} from '../formatters/excerpts-data.js';
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

/** Bytes of excerpts.csv gathered per buffer when it is written as bytes. */
const ROW_BYTES = 256 * 1024;
const COLON = 58;

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
    const csv = this.formats.csv;
    // A row is made in pieces (csvRow): the cells of the code and of the document are formatted once.
    let documentCells: string | undefined;
    for (const e of excerpts) {
      const i = this.index.get(e.code);
      if (i === undefined) continue;
      this.counts[i]++;
      if (this.markdownOf) this.parts.append(3 * i, this.markdownOf.excerpt(e));
      if (csv) {
        const delimiter = csvDelimiter(csv);
        documentCells ??= csvRow(excerptDocumentCells(e), csv);
        const cells = `${this.codeCells(i, csv)}${delimiter}${documentCells}${delimiter}${csvRow(excerptOwnCells(e), csv)}`;
        this.parts.append(3 * i + 1, csvPart(doc, cells));
      }
      if (this.formats.json) this.parts.append(3 * i + 2, excerptsJsonParts.excerpt(e, this.counts[i] === 1));
    }
  }

  private readonly codeRows: string[] = [];

  private codeCells(i: number, csv: CsvOptions): string {
    return (this.codeRows[i] ??= csvRow(excerptCodeCells(this.codes[i]), csv));
  }

  /** Excerpts in all, and the codes that have any. */
  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  get codesWithExcerpts(): number {
    return this.counts.filter((n) => n > 0).length;
  }

  /** excerpts.md as UTF-8: the excerpts copied from the part files as they are. */
  *markdown(): Generator<string | Uint8Array> {
    const parts = this.markdownOf;
    if (!parts) throw new Error('excerpts were not kept as markdown');
    yield parts.head(this.total);
    for (const [i, code] of this.codes.entries()) {
      yield parts.code(code, this.counts[i]);
      if (this.counts[i] > 0) yield* this.parts.bytes(3 * i);
    }
  }

  /**
   * excerpts.csv as UTF-8: each row's cells copied from the part files as they are, followed by the
   * bytes of its document's attribute cells, into buffers of about ROW_BYTES.
   */
  *csv(): Generator<string | Uint8Array> {
    const options = this.formats.csv;
    if (!options) throw new Error('excerpts were not kept as CSV');
    const columns = attributeColumns(this.documents.flatMap((a) => Object.keys(a)));
    yield csvStart(options) + csvLines([excerptsCsvHeader(columns)], options);
    const delimiter = csvDelimiter(options);
    const tails: (Buffer | undefined)[] = [];
    const tail = (doc: number) =>
      (tails[doc] ??= Buffer.from(
        columns.length === 0 ? '\r\n' : `${delimiter}${csvRow(attributeCells(this.documents[doc], columns), options)}\r\n`,
      ));
    let out = Buffer.allocUnsafe(ROW_BYTES);
    let used = 0;
    for (const i of this.codes.keys()) {
      for (const line of this.parts.byteLines(3 * i + 1)) {
        let at = 0;
        let doc = 0;
        for (let c = line[at]; c >= 48 && c <= 57; c = line[++at]) doc = 10 * doc + c - 48;
        const cells = line[at] === COLON ? line.subarray(at + 1) : Buffer.from(JSON.parse(line.toString('utf8', at + 1)) as string);
        const end = tail(doc);
        if (used + cells.length + end.length > out.length) {
          if (used > 0) yield out.subarray(0, used);
          out = Buffer.allocUnsafe(Math.max(ROW_BYTES, cells.length + end.length));
          used = 0;
        }
        out.set(cells, used);
        out.set(end, used + cells.length);
        used += cells.length + end.length;
      }
    }
    if (used > 0) yield out.subarray(0, used);
  }

  *json(): Generator<string | Uint8Array> {
    if (!this.formats.json) throw new Error('excerpts were not kept as JSON');
    yield excerptsJsonParts.start(this.codes.length);
    for (const [i, code] of this.codes.entries()) {
      const { open, close } = excerptsJsonParts.code(code, i === 0, this.counts[i] > 0);
      yield open;
      if (this.counts[i] > 0) yield* this.parts.bytes(3 * i + 2);
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
