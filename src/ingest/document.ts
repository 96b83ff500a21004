/**
 * Text of one file → Document (attributes, speakers, line index) and its Segments.
 */
import { ownText, sharedCopies } from './own-text.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex, type Range } from '../position/line-index.js';
import { scanBlocks, type Block, type InlineCodes } from './blocks.js';
import { parseFrontMatter } from './front-matter.js';
import { splitSentences } from './sentences.js';
import { speakerRole } from './speakers.js';
import type { Unit } from './units.js';

export type AttributeValue = string | string[];

/**
 * An attribute of a document, by name. Front matter keys are the user's: `constructor`, `toString`
 * or `__proto__` are attributes like any other, never the properties every object inherits.
 */
export function attributeOf(attributes: Record<string, AttributeValue>, key: string): AttributeValue | undefined {
  return Object.hasOwn(attributes, key) ? attributes[key] : undefined;
}

/**
 * An empty attribute map that inherits nothing, so that a key `__proto__` is stored as itself. Its
 * prototype is an empty object without one, not null: V8 keeps an object made by Object.create(null)
 * as a hash table, some 500 bytes for the six attributes of a transcript, which for 139,055 documents
 * kept by the survey was 70 MB; with a prototype the maps share a layout and take about 130.
 */
const INHERITS_NOTHING: object = Object.create(null);
export const noAttributes = (): Record<string, AttributeValue> => Object.create(INHERITS_NOTHING) as Record<string, AttributeValue>;

export interface Document {
  id: string;
  /** Path as the user names it (relative to the working folder, `/` separators). */
  path: string;
  /** Decoded text, BOM removed; all offsets point into it. */
  text: string;
  lines: LineIndex;
  attributes: Record<string, AttributeValue>;
  /** Declared speaker labels and their roles. */
  speakers: Map<string, string>;
  /** Declared `narration: true`: paragraphs without a speaker label are the author's, not a speaker's. */
  narration: boolean;
  /** Declared `plain: true`: the body is plain text, no markdown (see TurnRules). */
  plain?: boolean;
  /** Where the body starts, after the front matter. */
  bodyStart: number;
}

export { UNITS, type Unit } from './units.js';

export interface Segment {
  documentId: string;
  /** 1-based position in the document. */
  ordinal: number;
  speaker?: string;
  speakerRole?: string;
  section: string[];
  range: Range;
  /** 1-based first and last line. */
  lines: { start: number; end: number };
  text: string;
  /** The paragraphs (blocks) the segment lies in or holds: where hand-made codings attach. */
  paragraphs: Paragraph[];
  /** Present and true when the segment is (part of) a list item. */
  list?: boolean;
}

export interface Paragraph {
  range: Range;
  inline?: InlineCodes[];
}

const RESERVED = new Set(['id', 'speakers', 'narration', 'plain']);

export function readDocument(path: string, text: string): { document: Document; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const { frontMatter, problems } = parseFrontMatter(text);
  for (const p of problems) diagnostics.push(diagnostic(p.severity ?? 'error', path, p.rule, p.message, lines.point(p.offset), p.hint));

  const data = frontMatter.data;
  const at = (key: string) => lines.point(keyOffset(text, frontMatter.bodyStart, key));
  const id = documentId(path, data.id);
  if (data.id !== undefined && typeof data.id !== 'string' && typeof data.id !== 'number') {
    diagnostics.push(
      diagnostic('error', path, 'front-matter/id', '`id` must be a single word or name', at('id'), 'write e.g. `id: crooswijk-kindcoach-1`'),
    );
  }
  const attributes = noAttributes();
  for (const key of Object.keys(data).sort()) {
    if (RESERVED.has(key)) continue;
    const value = attributeValue(data[key]);
    if (value === undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          path,
          'front-matter/attribute',
          `attribute \`${key}\` is neither text nor a list and is ignored`,
          at(key),
          'give it a value such as `key: value` or `key: [a, b]`',
        ),
      );
    } else attributes[key] = value;
  }
  const speakers = speakerMap(data.speakers);
  if (data.speakers !== undefined && speakers === undefined) {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'front-matter/speakers',
        '`speakers` must map labels to roles',
        at('speakers'),
        'write e.g. `speakers: { I: interviewer, R: respondent }`',
      ),
    );
  }
  if (data.narration !== undefined && typeof data.narration !== 'boolean') {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'front-matter/narration',
        '`narration` must be true or false',
        at('narration'),
        'write `narration: true` when paragraphs without a speaker label are narration',
      ),
    );
  }
  if (data.plain !== undefined && typeof data.plain !== 'boolean') {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'front-matter/plain',
        '`plain` must be true or false',
        at('plain'),
        'write `plain: true` when the body is plain text in which no line is markdown',
      ),
    );
  }
  const document: Document = {
    id,
    path,
    text,
    lines,
    attributes,
    speakers: speakers ?? new Map(),
    narration: data.narration === true,
    ...(data.plain === true ? { plain: true } : {}),
    bodyStart: frontMatter.bodyStart,
  };
  return { document, diagnostics };
}

export function segmentDocument(document: Document, unit: Unit): Segment[] {
  const blocks = scanBlocks(document.text, document.bodyStart, document);
  const ranges = unitRanges(document.text, blocks, unit);
  return ranges.map(({ block, range, blocks: held }, i) => {
    const segment: Segment = {
      documentId: document.id,
      ordinal: i + 1,
      section: block.section,
      range,
      lines: document.lines.lines(range),
      text: document.text.slice(range.start, range.end),
      paragraphs: held.map((b) => (b.inline ? { range: b.range, inline: b.inline } : { range: b.range })),
    };
    if (held.every((b) => b.kind === 'item')) segment.list = true;
    if (block.speaker !== undefined) {
      segment.speaker = block.speaker;
      const role = speakerRole(block.speaker, document.speakers);
      if (role !== undefined) segment.speakerRole = role;
    }
    return segment;
  });
}

function unitRanges(text: string, blocks: Block[], unit: Unit): { block: Block; range: Range; blocks: Block[] }[] {
  if (unit === 'paragraph') return blocks.map((block) => ({ block, range: block.range, blocks: [block] }));
  if (unit === 'sentence') return blocks.flatMap((block) => splitSentences(text, block.range).map((range) => ({ block, range, blocks: [block] })));
  // A turn joins the blocks of one speaker label (a heading or rule has ended it already).
  const out: { block: Block; range: Range; blocks: Block[] }[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (last && block.turn > 0 && last.block.turn === block.turn) {
      last.range = { start: last.range.start, end: block.range.end };
      last.blocks.push(block);
    } else out.push({ block, range: { ...block.range }, blocks: [block] });
  }
  return out;
}

// Ids and attributes outlive their document (tables, CSV columns): copied, so that they do not keep its text (own-text.ts).
function documentId(path: string, id: unknown): string {
  if (typeof id === 'string' && id.trim() !== '') return ownText(id.trim());
  if (typeof id === 'number') return String(id);
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.[^.]+$/, '');
}

/** Attribute values repeat from document to document (districts, organisations, roles): one copy of each is kept. */
const sharedText = sharedCopies();

function attributeValue(value: unknown): AttributeValue | undefined {
  if (typeof value === 'string') return sharedText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) return value.map((v) => sharedText(String(v)));
  return undefined;
}

function speakerMap(value: unknown): Map<string, string> | undefined {
  if (value === undefined || value === null) return new Map();
  if (Array.isArray(value)) return new Map(value.map((v) => [String(v), String(v).toLowerCase()]));
  if (typeof value !== 'object') return undefined;
  return new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v ?? k).toLowerCase()]));
}

/** Offset of `key:` in the front matter, for pointing at an attribute. */
function keyOffset(text: string, bodyStart: number, key: string): number {
  const m = new RegExp(`^[ \\t]*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*:`, 'm').exec(text.slice(0, bodyStart));
  return m ? m.index + m[0].length - m[0].trimStart().length : 0;
}
