/**
 * A .qdpx written as a stream. The documents come one at a time: each is converted, its text
 * deflated into a spool file and its <TextSource> appended to another, and then let go. At the end
 * the archive is written into a temporary file beside the target: project.qde first (its head needs
 * every document's users and variables, so it can only come now), deflated as the spooled sources
 * stream through, then every text copied from its spool. `commit` renames it into place; `abort`
 * leaves nothing behind. Memory holds one document and the counts, whatever the size of the corpus.
 */
import type { CodedDocument } from '../corpus/pipeline.js';
import { StagedOutput, type Spool } from '../io/staged.js';
import { ExportBuilder, type ExportInput } from './from-qda.js';
import { qdeHead, qdeSource, qdeTail } from './qde-write.js';
import { deflateEntry, ZipFile, type DeflatedEntry } from './zip-write.js';

export interface QdpxCounts {
  sources: number;
  selections: number;
  variables: number;
  notes: number;
  unknownCodes: number;
}

interface SpooledText {
  file: string;
  entry: DeflatedEntry;
  offset: number;
}

const encoder = new TextEncoder();

export class QdpxWriter {
  private readonly builder: ExportBuilder;
  private readonly output: StagedOutput;
  private readonly sourcesXml: Spool;
  private readonly texts: Spool;
  private readonly spooled: SpooledText[] = [];

  constructor(
    readonly path: string,
    input: ExportInput,
  ) {
    this.output = new StagedOutput(path);
    this.sourcesXml = this.output.spool('sources');
    this.texts = this.output.spool('texts');
    this.builder = new ExportBuilder(input);
  }

  /** One document, converted and spooled. */
  add(coded: CodedDocument): void {
    const { source, text, file } = this.builder.add(coded);
    this.sourcesXml.append(encoder.encode(qdeSource(source)));
    const { entry, data } = deflateEntry(encoder.encode(text));
    this.spooled.push({ file, entry, offset: this.texts.append(data) });
  }

  /**
   * The archive, written into the temporary file. With `keepQde` the project.qde text is given back
   * as well (for a schema check, which needs it whole).
   */
  finish(keepQde = false): { counts: QdpxCounts; qde?: string } {
    const project = this.builder.project();
    const hasSources = this.spooled.length > 0;
    const head = qdeHead(project, hasSources);
    const tail = qdeTail(project, hasSources);
    const zip = new ZipFile(this.output.file);
    const qde = zip.stream('project.qde');
    qde.write(encoder.encode(head));
    this.sourcesXml.copyTo(0, this.sourcesXml.length, (chunk) => qde.write(chunk));
    qde.write(encoder.encode(tail));
    qde.end();
    for (const t of this.spooled) zip.copy(`sources/${t.file}`, t.entry, this.texts, t.offset);
    zip.finish();
    const counts: QdpxCounts = {
      sources: this.builder.sources,
      selections: this.builder.selections,
      variables: project.variables.length,
      notes: project.notes.length,
      unknownCodes: this.builder.unknownCodes,
    };
    return keepQde ? { counts, qde: `${head}${this.spooledSources()}${tail}` } : { counts };
  }

  commit(): void {
    this.output.commit();
  }

  abort(): void {
    this.output.abort();
  }

  private spooledSources(): string {
    const parts: Buffer[] = [];
    this.sourcesXml.copyTo(0, this.sourcesXml.length, (chunk) => parts.push(Buffer.from(chunk)));
    return Buffer.concat(parts).toString('utf8');
  }
}
