/**
 * The JSON of `qda code`: the stable machine contract, documented in docs/json.md. Streamed one
 * document at a time. Ranges are 0-based code-point offsets into the file's text (BOM excluded,
 * end exclusive); lines are 1-based and inclusive.
 */
import type { Codebook } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { Coding } from '../coding/coding.js';
import type { Document, Segment } from '../ingest/document.js';
import type { Formatted, StreamFormatter } from './stream.js';

export const SCHEMA_VERSION = 2;

export interface RunInfo {
  generator: string;
  codebook: Codebook;
  codebookPath: string;
  unit: string;
}

export function codingsJson(run: RunInfo): StreamFormatter<CodedDocument> {
  const totals = { documents: 0, segments: 0, codedSegments: 0, codings: 0 };
  return {
    start() {
      const head = {
        schemaVersion: SCHEMA_VERSION,
        generator: run.generator,
        codebook: { name: run.codebook.name, path: run.codebookPath, language: run.codebook.language },
        unit: run.unit,
      };
      return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "documents": [`;
    },
    item(coded) {
      const text = `${totals.documents > 0 ? ',' : ''}\n${nested(documentJson(coded))}`;
      totals.documents++;
      totals.segments += coded.segments.length;
      totals.codedSegments += new Set(coded.codings.map((c) => c.segment)).size;
      totals.codings += coded.codings.length;
      return text;
    },
    counts: () => ({ ...totals }),
    adopt(formatted: Formatted) {
      // The other instance wrote no comma before its first document: one goes between it and the last here.
      const comma = totals.documents > 0 && formatted.items > 0 ? ',' : '';
      const counted = formatted.counts as typeof totals;
      totals.documents += counted.documents;
      totals.segments += counted.segments;
      totals.codedSegments += counted.codedSegments;
      totals.codings += counted.codings;
      return comma;
    },
    end() {
      return `${totals.documents > 0 ? '\n  ' : ''}],\n  "totals": ${indent(JSON.stringify(totals, null, 2), 2).trimStart()}\n}\n`;
    },
  };
}

function documentJson(coded: CodedDocument): object {
  const { document } = coded;
  const bySegment = new Map<number, Coding[]>();
  for (const c of coded.codings) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
  return {
    id: document.id,
    path: document.path,
    language: coded.language,
    attributes: document.attributes,
    speakers: Object.fromEntries(document.speakers),
    segments: coded.segments.map((s) => segmentJson(document, s, bySegment.get(s.ordinal) ?? [], coded)),
  };
}

function segmentJson(document: Document, segment: Segment, codings: Coding[], coded: CodedDocument): object {
  const cp = (offset: number) => document.lines.codePoint(offset);
  const furniture = coded.furniture.get(segment.ordinal);
  return {
    ordinal: segment.ordinal,
    lines: [segment.lines.start, segment.lines.end],
    range: [cp(segment.range.start), cp(segment.range.end)],
    speaker: segment.speaker ?? null,
    speakerRole: segment.speakerRole ?? null,
    section: segment.section,
    ...(coded.skipped.has(segment.ordinal) ? { skipped: true } : {}),
    ...(furniture ? { notStatement: furniture } : {}),
    text: segment.text,
    clusters: coded.clusters.get(segment.ordinal) ?? [],
    codes: codings.map((c) => ({
      id: c.code,
      cluster: c.cluster,
      source: c.source,
      coder: c.coder,
      score: c.score ?? null,
      hits: c.hits,
      ...(c.probability !== undefined ? { probability: c.probability, learnedFrom: c.learnedFrom } : {}),
      evidence: c.evidence.map((e) => ({
        term: e.term,
        kind: e.kind,
        text: e.text,
        range: [cp(e.range.start), cp(e.range.end)],
        line: document.lines.line(e.range.start),
      })),
    })),
  };
}

/**
 * The document's JSON indented as the second level of the file: stringified inside two arrays, so
 * that JSON.stringify indents it itself (the same bytes as indent(…, 4), without splitting the text
 * into lines), and the arrays' brackets cut off again.
 */
function nested(value: object): string {
  const text = JSON.stringify([[value]], null, 2);
  return text.slice(OPEN.length, text.length - CLOSE.length);
}
const OPEN = '[\n  [\n';
const CLOSE = '\n  ]\n]';

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  // Only at \n: JSON.stringify leaves U+2028 and U+2029 raw inside strings, and a multiline
  // regexp (/^/gm) would start a line after them and put spaces into the text itself.
  return pad + text.split('\n').join(`\n${pad}`);
}
