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
import { csvLines, csvStart, type CsvOptions } from '../formatters/csv.js';
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
      if (this.formats.csv) this.parts.append(3 * i + 1, `${JSON.stringify([doc, ...excerptCells(code, e)])}\n`);
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
    let rows: (string | number)[][] = [];
    for (const i of this.codes.keys()) {
      for (const line of this.parts.lines(3 * i + 1)) {
        const [doc, ...cells] = JSON.parse(line) as [number, ...(string | number)[]];
        rows.push([...cells, ...attributeCells(this.documents[doc], columns)]);
        if (rows.length >= ROWS) {
          yield csvLines(rows, options);
          rows = [];
        }
      }
    }
    if (rows.length > 0) yield csvLines(rows, options);
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
