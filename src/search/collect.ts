/**
 * Documents → the hits of a query, each with its context and citation, and the counts per value of
 * the compare-by attribute. Segments are searched as the analyses count them: filtered by --where
 * and --speaker, without the segments of speakers that are not coded. Hits are the aggregate this
 * command returns, so they are held; the texts are not.
 */
import { groupValues, sortColumns } from '../analysis/units.js';
import { isSkipped } from '../corpus/pipeline.js';
import type { AttributeValue, Document, Segment } from '../ingest/document.js';
import type { Range } from '../position/line-index.js';
import { documentSelected, speakerSelected, type Filter } from '../select/filter.js';
import { rowText } from '../manual/sidecar.js';
import { anchorOf } from '../manual/anchor.js';
import type { QueryMatcher } from './match.js';

export interface SearchHit {
  documentId: string;
  path: string;
  /** 1-based line and column (in code points) of the first character of the hit. */
  line: number;
  column: number;
  /** 0-based UTF-16 offsets of the hit in the document's text. */
  range: Range;
  /** The same range in code points, as JSON gives positions (src/position/line-index.ts). */
  codePoints: Range;
  /** Ordinal of the segment the hit lies in. */
  segment: number;
  /** The paragraph the hit lies in: where a coding of the hit attaches. */
  paragraph: Range;
  paragraphLine: number;
  speaker?: string;
  speakerRole?: string;
  /** Values of the compare-by attribute. */
  groups: string[];
  attributes: Record<string, AttributeValue>;
  /** Anchor and start of the paragraph, when asked for (to code the hits, src/manual/anchor.ts). */
  anchor?: { anchor: string; text: string };
  /** Up to `width` characters before and after the hit, white space collapsed; the hit itself. */
  left: string;
  text: string;
  right: string;
}

export interface GroupCount {
  value: string;
  hits: number;
  segments: number;
  documents: number;
}

export interface SearchResult {
  hits: SearchHit[];
  counts: GroupCount[];
  /** Segments and documents searched, and those with a hit. */
  searched: { documents: number; segments: number };
  matched: { documents: number; segments: number };
}

export interface SearchOptions {
  filter: Filter;
  /** Characters of context on either side. */
  width: number;
  /** Give each hit the anchor of its paragraph. */
  anchors?: boolean;
}

export interface CollectorParts {
  hits: SearchHit[];
  segments: Segment[];
  searched: { documents: number; segments: number };
  matched: { documents: number; segments: number };
}

export class SearchCollector {
  private hits: SearchHit[] = [];
  /** Per hit, its segment as the counts per group need it. */
  private segments: Segment[] = [];
  private searched = { documents: 0, segments: 0 };
  private matched = { documents: 0, segments: 0 };

  constructor(
    private readonly matcher: QueryMatcher,
    private readonly options: SearchOptions,
  ) {}

  /**
   * Searches one document, leaving out segments of the speakers in `skip` (lower case);
   * `searchable` narrows the segments further (e.g. to coded ones).
   */
  add(document: Document, segments: Segment[], language: string, skip: Set<string>, searchable?: (segment: Segment) => boolean): void {
    const { filter, width } = this.options;
    if (!documentSelected(document.attributes, filter)) return;
    this.searched.documents++;
    let found = false;
    for (const segment of segments) {
      if (isSkipped(segment, skip) || !speakerSelected(segment, filter) || (searchable && !searchable(segment))) continue;
      this.searched.segments++;
      const spans = this.matcher.find(segment.text, language);
      if (!spans) continue;
      found = true;
      this.matched.segments++;
      // Only what a hit shows is kept of the segment.
      const kept = { ...segment, text: '', paragraphs: [] };
      for (const span of spans) {
        const start = segment.range.start + span.start;
        const end = segment.range.start + span.end;
        const paragraph = segment.paragraphs.find((p) => p.range.end > start)?.range ?? segment.range;
        const point = document.lines.point(start);
        const hit: SearchHit = {
          documentId: document.id,
          path: document.path,
          line: point.line,
          column: point.column,
          range: { start, end },
          codePoints: { start: document.lines.codePoint(start), end: document.lines.codePoint(end) },
          segment: segment.ordinal,
          paragraph,
          paragraphLine: document.lines.line(paragraph.start),
          groups: [],
          attributes: document.attributes,
          left: before(segment.text, span.start, width),
          text: collapse(segment.text.slice(span.start, span.end)),
          right: after(segment.text, span.end, width),
        };
        if (segment.speaker !== undefined) hit.speaker = segment.speaker;
        if (segment.speakerRole !== undefined) hit.speakerRole = segment.speakerRole;
        if (this.options.anchors) {
          const text = document.text.slice(paragraph.start, paragraph.end);
          hit.anchor = { anchor: anchorOf(text), text: rowText(text) };
        }
        this.hits.push(hit);
        this.segments.push(kept);
      }
    }
    if (found) this.matched.documents++;
  }

  /** What was found, as plain data (for a worker thread to post). */
  parts(): CollectorParts {
    return { hits: this.hits, segments: this.segments, searched: this.searched, matched: this.matched };
  }

  /** What was found since the last take, as plain data; the collector starts again empty (a worker thread posts a piece of the files at a time). */
  take(): CollectorParts {
    const parts = this.parts();
    this.hits = [];
    this.segments = [];
    this.searched = { documents: 0, segments: 0 };
    this.matched = { documents: 0, segments: 0 };
    return parts;
  }

  /** Adds what another collector found in documents read after this one's. */
  absorb(parts: CollectorParts): void {
    for (const hit of parts.hits) this.hits.push(hit);
    for (const segment of parts.segments) this.segments.push(segment);
    for (const key of ['documents', 'segments'] as const) {
      this.searched[key] += parts.searched[key];
      this.matched[key] += parts.matched[key];
    }
  }

  /** Hits in path order, then by position, each with its values of `by`, and the counts per value. */
  result(by: string): SearchResult {
    const counts = new Map<string, { hits: number; segments: Set<string>; documents: Set<string> }>();
    const hits = this.hits.map((hit, i) => {
      const groups = groupValues({ id: hit.documentId, attributes: hit.attributes }, this.segments[i], by, this.options.filter);
      for (const g of groups) {
        let c = counts.get(g);
        if (!c) counts.set(g, (c = { hits: 0, segments: new Set(), documents: new Set() }));
        c.hits++;
        c.segments.add(`${hit.documentId}\u0000${hit.segment}`);
        c.documents.add(hit.documentId);
      }
      return { ...hit, groups };
    });
    hits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start - b.range.start));
    return {
      hits,
      counts: sortColumns(counts.keys()).map((value) => {
        const c = counts.get(value)!;
        return { value, hits: c.hits, segments: c.segments.size, documents: c.documents.size };
      }),
      searched: { ...this.searched },
      matched: { ...this.matched },
    };
  }
}

/** White space runs as one space; most context holds single spaces only, and is returned as it is. */
const collapse = (text: string) => (NOT_COLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text);
const NOT_COLLAPSED = /[^\S ]| {2}/;

/** The last `width` characters before `offset`, white space collapsed, never half a surrogate pair. */
function before(text: string, offset: number, width: number): string {
  let left = collapse(text.slice(Math.max(0, offset - width * 4), offset)).trimStart();
  if (left.length > width) {
    left = left.slice(left.length - width);
    if (/^[\udc00-\udfff]/.test(left)) left = left.slice(1);
  }
  return left;
}

function after(text: string, offset: number, width: number): string {
  let right = collapse(text.slice(offset, offset + width * 4)).trimEnd();
  if (right.length > width) {
    right = right.slice(0, width);
    if (/[\ud800-\udbff]$/.test(right)) right = right.slice(0, -1);
  }
  return right;
}
