/**
 * What every analysis sees of a coded segment: the columns it counts in (`--by`), the rows it carries
 * (codes or clusters), its respondent, and on request its word count. Filters apply here, once for all analyses.
 */
import type { Code, Codebook } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { Document, Segment } from '../ingest/document.js';
import { countWords } from '../match/words.js';
import { codeSelected, documentSelected, speakerSelected, type Filter } from '../select/filter.js';
import { attributeOf } from '../ingest/document.js';

export type Level = 'code' | 'cluster';
/** An attribute name, or `document` / `speaker`. */
export type By = string;

/** The column of segments without a value for the `--by` attribute. */
export const NONE = '(none)';

export interface Unit {
  document: string;
  segment: Segment;
  columns: string[];
  rows: string[];
  /** Document and speaker: who said it. Segments without a speaker count as one respondent per document. */
  respondent: string;
}

/**
 * The analysable segments of a document: not skipped, inside the filter. The analyses of one pass
 * (the matrices, the district tables and the report of qda analyse) ask in turn for the same units
 * of a document: they are made once per document, level, `by` and filter, and must not be changed.
 */
export function unitsOf(coded: CodedDocument, by: By, level: Level, filter: Filter): readonly Unit[] {
  let made = madeUnits.get(coded);
  if (!made) madeUnits.set(coded, (made = []));
  for (const m of made) if (m.by === by && m.level === level && m.filter === filter) return m.units;
  const units = [...makeUnits(coded, by, level, filter)];
  made.push({ by, level, filter, units });
  return units;
}

/** Per document, the units made for it; a WeakMap, so that they go with the document. */
const madeUnits = new WeakMap<CodedDocument, { by: By; level: Level; filter: Filter; units: Unit[] }[]>();

function* makeUnits(coded: CodedDocument, by: By, level: Level, filter: Filter): Generator<Unit> {
  const { document } = coded;
  if (!documentSelected(document.attributes, filter)) return;
  const bySegment = new Map<number, Set<string>>();
  for (const c of coded.codings) {
    if (!codeSelected(c.code, filter)) continue;
    const rows = bySegment.get(c.segment) ?? new Set<string>();
    rows.add(level === 'cluster' ? c.cluster : c.code);
    bySegment.set(c.segment, rows);
  }
  for (const segment of coded.segments) {
    if (coded.skipped.has(segment.ordinal) || !speakerSelected(segment, filter)) continue;
    yield {
      document: document.id,
      segment,
      columns: columnValues(coded, segment, by, filter),
      rows: [...(bySegment.get(segment.ordinal) ?? [])],
      respondent: `${document.id}\u0000${segment.speaker ?? ''}`,
    };
  }
}

/** Several analyses fed from one pass ask for the same counts; each segment is tokenized once. */
const words = new WeakMap<Segment, number>();

/** The words of a unit's segment: counted only when asked for (coverage), as counting reads the whole text. */
export function unitWords(unit: Unit): number {
  return wordCount(unit.segment);
}

function wordCount(segment: Segment): number {
  let n = words.get(segment);
  if (n === undefined) words.set(segment, (n = countWords(segment.text)));
  return n;
}

function columnValues(coded: CodedDocument, segment: Segment, by: By, filter: Filter): string[] {
  return groupValues(coded.document, segment, by, filter);
}

/** The values of `by` a segment counts under: its document, its speaker, or its document's attribute. */
export function groupValues(document: Pick<Document, 'id' | 'attributes'>, segment: Segment, by: By, filter: Filter): string[] {
  if (by === 'document') return [document.id];
  if (by === 'speaker') return [segment.speaker ?? NONE];
  const value = attributeOf(document.attributes, by);
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return [NONE];
  const values = Array.isArray(value) ? [...new Set(value)] : [value];
  // --where district=Zuid on a meeting of Noord and Zuid counts it under Zuid only.
  const wanted = filter.where.get(by)?.map((w) => w.toLowerCase());
  return wanted ? values.filter((v) => wanted.includes(v.toLowerCase())) : values;
}

/** The rows an analysis shows: leaf codes (and any code with codings) or clusters, in codebook order. */
export function rowCodes(codebook: Codebook, level: Level, filter: Filter): Code[] {
  const parents = new Set(codebook.codes.map((c) => c.parent).filter(Boolean));
  const matches = (c: Code) => Object.values(c.terms).some((l) => l.length > 0) || Object.values(c.patterns).some((l) => l.length > 0);
  if (level === 'cluster') {
    const wanted = (id: string) => filter.codes.length === 0 || filter.codes.some((f) => f === id || f.startsWith(`${id}.`));
    return codebook.codes.filter((c) => c.depth === 0 && wanted(c.id));
  }
  return codebook.codes.filter((c) => (!parents.has(c.id) || matches(c)) && codeSelected(c.id, filter));
}

/** Column order: natural order of the values, with `(none)` last. */
export function sortColumns(columns: Iterable<string>): string[] {
  return [...columns].sort((a, b) =>
    a === NONE ? 1 : b === NONE ? -1 : a.localeCompare(b, 'nl', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0),
  );
}
