/**
 * The markdown file of an imported text source: front matter from its attributes, and the text as
 * paragraphs qda segments as the other program showed them.
 */
import { stringify } from 'yaml';
import type { Attributes } from './attributes.js';

export interface SourceMarkdown {
  /** The whole file. */
  markdown: string;
  /** Where an offset into the source's text lands in `markdown`. */
  at: (offset: number) => number;
}

/**
 * The file for a text. Text from another program is plain text (`plain: true`); qda's own export is
 * markdown and stays so.
 */
export function sourceMarkdown(text: string, id: string, attributes: Attributes, options: { plain: boolean; description?: string }): SourceMarkdown {
  const front: Record<string, unknown> = { id };
  if (options.plain) front.plain = true;
  if (options.description && attributes.description === undefined) front.description = options.description;
  Object.assign(front, attributes);
  const body = markdownBody(text);
  const head = `---\n${stringify(front, { lineWidth: 0 })}---\n\n`;
  return { markdown: `${head}${body.text}`, at: (offset) => head.length + body.at(offset) };
}

/**
 * The body of the markdown file for a plain text, and where each offset of the text lands in it.
 * Text that already separates paragraphs by blank lines (as qda's own export) is kept; in other plain
 * text every line is a paragraph, so each line becomes one (a blank line is put between).
 */
export function markdownBody(text: string): { text: string; at: (offset: number) => number } {
  const lines: { start: number; end: number }[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  let adjacent = 0;
  let filled = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].end === lines[i].start) continue;
    filled++;
    if (i + 1 < lines.length && lines[i + 1].end > lines[i + 1].start) adjacent++;
  }
  const separator = filled > 1 && adjacent >= filled / 2 ? '\n\n' : '\n';
  const starts: number[] = [];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = text.slice(lines[i].start, lines[i].end);
    if (i > 0) {
      const blank = line.trim() === '' || text.slice(lines[i - 1].start, lines[i - 1].end).trim() === '';
      const sep = blank ? '\n' : separator;
      out.push(sep);
      length += sep.length;
    }
    starts.push(length);
    out.push(line);
    length += line.length;
  }
  const body = `${out.join('').trimEnd()}\n`;
  return {
    text: body,
    at: (offset) => {
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (lines[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return Math.min(starts[lo] + Math.min(offset - lines[lo].start, lines[lo].end - lines[lo].start), body.length);
    },
  };
}
