/**
 * The codings of one imported text source: each selection's positions read as the producer counts
 * them (src/position/counting.ts), mapped to the one paragraph of the markdown file it falls in, and
 * made a row of a coder's codings file. A selection qda cannot place is left out, with its reason.
 */
import { readDocument, segmentDocument, type Segment } from '../../ingest/document.js';
import { anchorOf } from '../../manual/anchor.js';
import { offsetTable } from '../../position/counting.js';
import type { ExSelection, ExTextSource } from '../model.js';
import { resolveSpan, type Reading } from '../readings.js';
import type { CoderOf } from './coders.js';
import type { Leave } from './left-out.js';
import type { SourceMarkdown } from './markdown.js';

/** One coding as a row of codings/<coder>.csv. */
export interface Row {
  document: string;
  anchor: string;
  code: string;
  note: string;
  line: number;
  text: string;
}

export interface SourceContext {
  /** The document id and the markdown file made for the source. */
  id: string;
  path: string;
  file: SourceMarkdown;
  reading: Reading;
  /** Code GUID → qda code id. */
  codes: Map<string, string>;
  coderOf: CoderOf;
  leave: Leave;
}

/** The rows of a source's codings, added to `rows` by coder. */
export function selectionRows(source: ExTextSource, text: string, context: SourceContext, rows: Map<string, Row[]>): void {
  const { id, file, leave } = context;
  const where = `«${source.name}»`;
  const segments = segmentDocument(readDocument(context.path, file.markdown).document, 'paragraph');
  const table = offsetTable(text, context.reading);
  leave('codings of a whole source (qda codes paragraphs)', where, source.codings.length);
  for (const selection of source.selections) {
    if (selection.codings.length === 0) {
      leave('selections without a code (annotations)', where);
      continue;
    }
    if (selection.written !== undefined) {
      leave('codings whose selection positions are not whole numbers', `${where} ${selection.written}`, selection.codings.length);
      continue;
    }
    const span = resolveSpan(table, selection);
    const at = `${where} ${selection.start}–${selection.end}`;
    if (!span) {
      leave('codings whose selection lies outside its text', at, selection.codings.length);
      continue;
    }
    const hit = paragraphOf(segments, file.at(span.start), file.at(span.end), file.markdown);
    if (hit.kind !== 'one') {
      leave(
        hit.kind === 'none' ? 'codings outside any paragraph (e.g. on a heading)' : 'codings whose selection spans several paragraphs',
        at,
        selection.codings.length,
      );
      continue;
    }
    const segment = hit.segment;
    const selected = text.slice(span.start, span.end);
    for (const coding of selection.codings) {
      const code = context.codes.get(coding.code);
      if (!code) {
        leave('codings of a code the codebook lacks', at);
        continue;
      }
      const coder = context.coderOf(coding.user ?? selection.user ?? source.user);
      const list = rows.get(coder) ?? [];
      list.push({
        document: id,
        anchor: anchorOf(segment.text),
        code,
        note: noteFor(selection, selected, segment),
        line: segment.lines.start,
        text: segment.text.replace(/\s+/g, ' ').trim().slice(0, 80),
      });
      rows.set(coder, list);
    }
  }
}

function noteFor(selection: ExSelection, selected: string, segment: Segment): string {
  const flat = selected.replace(/\s+/g, ' ').trim();
  const whole = segment.text.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  if (flat && flat !== whole) parts.push(`selection: "${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}"`);
  if (selection.description && !selection.description.startsWith('auto-coded by qda')) parts.push(selection.description.replace(/\s+/g, ' ').trim());
  return parts.join('; ');
}

/** The one paragraph a range (white space trimmed) overlaps, or why there is none. */
function paragraphOf(segments: Segment[], start: number, end: number, text: string): { kind: 'one'; segment: Segment } | { kind: 'none' | 'many' } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const hits = segments.filter((s) => (end > start ? s.range.start < end && s.range.end > start : s.range.start <= start && start <= s.range.end));
  if (hits.length === 1) return { kind: 'one', segment: hits[0] };
  return { kind: hits.length === 0 ? 'none' : 'many' };
}
