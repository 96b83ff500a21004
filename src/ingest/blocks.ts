/**
 * The body of a transcript as a list of blocks: paragraphs and list items, each with its speaker
 * turn and section path. A line scanner, not a full markdown parser: transcripts use a small part of
 * markdown, and every block must keep its exact place in the file.
 */
import type { Range } from '../position/line-index.js';
import { matchSpeaker, type SpeakerMap } from './speakers.js';

export interface Block {
  kind: 'paragraph' | 'item';
  /** Content only: without list markers, speaker labels, or surrounding white space. */
  range: Range;
  /** The speaker label in force, if any. */
  speaker?: string;
  /** Counts speaker labels; blocks of one turn share it. 0 outside any turn (narration, text before a label). */
  turn: number;
  section: string[];
  /** Codes given by hand in `<!-- qda: ... -->` comments after or at the end of the block. */
  inline?: InlineCodes[];
}

export interface InlineCodes {
  add: string[];
  reject: string[];
  /** Offset of the comment, for messages. */
  offset: number;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const COMMENT = /^ {0,3}<!--.*-->[ \t]*$/;
/** An inline coding comment at the end of a line (or alone on it). */
const INLINE_OPEN = /<!--\s*qda:/g;

/**
 * A `<!-- qda: ... -->` comment that ends the line: where it starts and what it holds. The same as
 * matching /<!--\s*qda:([^]*?)-->[ \t]*$/, in time linear in the line (that regexp tries every
 * `<!--` against every `-->` after it, so a long line of comments took minutes).
 */
export function inlineComment(line: string): { index: number; body: string } | null {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (!line.startsWith('-->', end - 3)) return null;
  const close = end - 3;
  INLINE_OPEN.lastIndex = 0;
  const open = INLINE_OPEN.exec(line);
  if (!open || INLINE_OPEN.lastIndex > close) return null;
  return { index: open.index, body: line.slice(INLINE_OPEN.lastIndex, close) };
}

function inlineCodes(comment: string, offset: number): InlineCodes {
  const items = comment
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    add: items.filter((c) => !c.startsWith('-')),
    reject: items.filter((c) => c.startsWith('-')).map((c) => c.slice(1).trim()),
    offset,
  };
}
const FENCE = /^ {0,3}(```|~~~)/;

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

function* lines(text: string, from: number): Generator<Line> {
  // Most bodies have \n line breaks only: found by indexOf, without an expression.
  if (text.indexOf('\r', from) < 0) {
    let start = from;
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', start)) {
      yield { start, end: i, text: text.slice(start, i) };
      start = i + 1;
    }
    if (start < text.length) yield { start, end: text.length, text: text.slice(start) };
    return;
  }
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = from;
  let start = from;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    yield { start, end: m.index, text: text.slice(start, m.index) };
    start = m.index + m[0].length;
  }
  if (start < text.length) yield { start, end: text.length, text: text.slice(start) };
}

export interface TurnRules {
  /** Labels the document declares; when there are any, only they open turns. */
  speakers: SpeakerMap;
  /**
   * The document is narrated (an article, a report with quotes): a turn is only the paragraph that
   * opens with a label, and every paragraph without one is the author's.
   */
  narration: boolean;
  /**
   * The body is plain text, not markdown (`plain: true`, as `qda import qdpx` writes for text from
   * other programs): blank lines separate paragraphs and nothing else is markup, so that `#`, `---`,
   * `- `, `>` and `<!-- … -->` stay text. Only declared speaker labels are read.
   */
  plain?: boolean;
}

/**
 * A turn lasts from its label until the next label, a heading or a horizontal rule; in a narrated
 * document also until the next paragraph without a label.
 */
export function scanBlocks(text: string, bodyStart: number, { speakers, narration, plain = false }: TurnRules): Block[] {
  const blocks: Block[] = [];
  const headings: { level: number; title: string }[] = [];
  let open: Block | undefined;
  let openLines = 0;
  let speaker: string | undefined;
  let turn = 0;
  let fenced = false;

  const close = () => {
    if (open && open.range.end > open.range.start) blocks.push(open);
    open = undefined;
    openLines = 0;
  };
  const start = (kind: Block['kind'], from: number, end: number, labelled = false) => {
    close();
    if (narration && !labelled) speaker = undefined;
    open = { kind, range: { start: from, end: from }, turn: speaker === undefined ? 0 : turn, section: headings.map((h) => h.title) };
    if (speaker !== undefined) open.speaker = speaker;
    extend(from, end);
  };
  const extend = (from: number, end: number) => {
    const content = trimmed(text, from, end, !plain);
    if (!open || content.end <= content.start) return;
    if (open.range.end === open.range.start) open.range.start = content.start;
    open.range.end = content.end;
    openLines++;
  };

  const scan = (line: Line): void => {
    // Every block marker is the first character after at most three spaces: most lines need no expression.
    const first = lead(line.text);
    const comment = first === 60 && COMMENT.test(line.text);
    if (comment || line.text.trim() === '') {
      // A coding comment alone on its line codes the paragraph just before it.
      const inline = comment ? inlineComment(line.text) : null;
      const target = open && open.range.end > open.range.start ? open : blocks[blocks.length - 1];
      if (inline && target) (target.inline ??= []).push(inlineCodes(inline.body, line.start + inline.index));
      close();
      return;
    }
    const heading = first === 35 ? HEADING.exec(line.text) : null;
    const setext = (first === 61 || first === 45) && open && openLines === 1 && open.kind === 'paragraph' ? SETEXT.exec(line.text) : null;
    if (heading || setext) {
      const level = heading ? heading[1].length : setext![1][0] === '=' ? 1 : 2;
      const title = heading ? (heading[2] ?? '').trim() : text.slice(open!.range.start, open!.range.end).trim();
      open = undefined;
      openLines = 0;
      speaker = undefined;
      while (headings.length > 0 && headings[headings.length - 1].level >= level) headings.pop();
      headings.push({ level, title });
      return;
    }
    if ((first === 45 || first === 42 || first === 95) && RULE.test(line.text)) {
      speaker = undefined;
      return close();
    }
    const label = matchSpeaker(line.text, speakers);
    if (label) {
      speaker = label.label;
      turn++;
      return start('paragraph', line.start + label.contentStart, line.end, true);
    }
    const item = first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57) ? ITEM.exec(line.text) : null;
    if (item) return start('item', line.start + item[0].length, line.end);
    if (open) extend(line.start, line.end);
    else start('paragraph', line.start, line.end);
  };

  const plainLine = (line: Line): void => {
    if (line.text.trim() === '') return close();
    const label = speakers.size > 0 ? matchSpeaker(line.text, speakers) : undefined;
    if (label) {
      speaker = label.label;
      turn++;
      return start('paragraph', line.start + label.contentStart, line.end, true);
    }
    if (open) extend(line.start, line.end);
    else start('paragraph', line.start, line.end);
  };

  for (const line of lines(text, bodyStart)) {
    if (plain) {
      plainLine(line);
      continue;
    }
    const first = lead(line.text);
    const fence = (first === 96 || first === 126) && FENCE.test(line.text);
    if (fence) fenced = !fenced;
    if (fenced || fence) {
      open ? extend(line.start, line.end) : start('paragraph', line.start, line.end);
      continue;
    }
    // A coding comment at the end of a line belongs to the paragraph the line ends, not to its text.
    const trailing = first === 60 && COMMENT.test(line.text) ? null : inlineComment(line.text);
    if (!trailing) {
      scan(line);
      continue;
    }
    scan({ start: line.start, end: line.start + trailing.index, text: line.text.slice(0, trailing.index) });
    const target = open ?? blocks[blocks.length - 1];
    if (target) (target.inline ??= []).push(inlineCodes(trailing.body, line.start + trailing.index));
  }
  close();
  return blocks;
}

/** The character code after at most three spaces at the start of a line (0 at its end): where a block marker stands. */
function lead(text: string): number {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  return i < text.length ? text.charCodeAt(i) : 0;
}

/** The range without leading and trailing white space (and without a blockquote marker, in markdown). */
function trimmed(text: string, start: number, end: number, markdown = true): Range {
  if (markdown) {
    // A blockquote marker: at most three spaces, `>`, and one space or tab.
    let at = start;
    while (at < start + 3 && at < end && text.charCodeAt(at) === 32) at++;
    if (at < end && text.charCodeAt(at) === 62) {
      start = at + 1;
      if (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
    }
  }
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Any Unicode white space (thin and no-break spaces from word processors, a stray BOM included). */
function isSpace(c: number): boolean {
  return c === 32 || (c < 128 ? c >= 9 && c <= 13 : /\s/.test(String.fromCharCode(c)));
}
