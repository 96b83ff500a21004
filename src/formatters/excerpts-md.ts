/**
 * Excerpts as a researcher reads them: one section per code with its label and definition, each
 * excerpt quoted with a citation (file:line · attribute · speaker) and the words that found it.
 */
import type { ExcerptsResult } from '../app/excerpts.js';
import { localise, type Code, type Codebook } from '../codebook/types.js';
import type { FormatOptions } from './index.js';
import type { Excerpt, ExcerptGroup } from '../excerpts/collect.js';
import { excerptText, markdownInline, markdownText, visibleControls } from './text.js';
import { attributeOf } from '../ingest/document.js';
import { excerptsWordsFor } from './labels.js';

export interface ExcerptsMarkdownOptions {
  /** Attribute shown in each citation (the compare-by attribute, e.g. district). */
  attribute: string;
  /** Leave out codes without excerpts. */
  hideEmpty?: boolean;
  /** Language of labels and headings; the codebook's when not given. */
  language?: string;
}

export function excerptsMarkdown(groups: ExcerptGroup[], codebook: Codebook, options: ExcerptsMarkdownOptions): string {
  const parts = markdownParts(codebook, options);
  const out: string[] = [parts.head(groups.reduce((n, g) => n + g.excerpts.length, 0))];
  for (const { code, excerpts } of groups) {
    out.push(parts.code(code, excerpts.length));
    for (const e of excerpts) out.push(parts.excerpt(e));
  }
  return out.join('');
}

/** The pieces of excerpts.md, for writing it as it is gathered: the head, each code's heading, each excerpt. */
export function markdownParts(codebook: Codebook, options: ExcerptsMarkdownOptions) {
  const lang = options.language ?? codebook.language;
  const w = excerptsWordsFor(lang);
  const cited = citedDocuments(options.attribute);
  return {
    head: (total: number) => `# ${w.title} — ${markdownInline(codebook.name)}\n\n${total} ${total === 1 ? w.excerpt : w.excerpts}.\n`,
    /** A code's heading and definition; nothing for a code without excerpts under `hideEmpty`. */
    code(code: Code, count: number): string {
      if (options.hideEmpty && count === 0) return '';
      const heading = '#'.repeat(Math.min(code.depth + 2, 6));
      const out = [`\n${heading} ${code.id} — ${markdownInline(String(localise(code.label, lang, codebook.language)))} (${count})\n`];
      const definition = localise(code.description, lang, codebook.language);
      if (definition) out.push(`\n_${definition.trim()}_\n`);
      if (count === 0 && code.depth > 0) out.push(`\n${w.none}\n`);
      return out.join('');
    },
    excerpt: (e: Excerpt) => excerptBlock(e, cited(e), w.matched),
  };
}

/** What a citation shows of an excerpt's document: its path and the attribute's value, made once for the excerpts of a document in a row. */
interface Cited {
  path: string;
  attributes: Excerpt['attributes'];
  shownPath: string;
  value: string | undefined;
}

function citedDocuments(attribute: string): (e: Excerpt) => Cited {
  let last: Cited | undefined;
  return (e) => {
    if (last?.path === e.path && last.attributes === e.attributes) return last;
    const value = attributeOf(e.attributes, attribute);
    return (last = {
      path: e.path,
      attributes: e.attributes,
      shownPath: visibleControls(e.path),
      value: value === undefined ? undefined : markdownInline([value].flat().join(', ')),
    });
  };
}

function excerptBlock(e: Excerpt, cited: Cited, matched: string): string {
  const parts: string[] = [];
  for (const c of e.before) parts.push(`> _${c.speaker ? `${c.speaker}: ` : ''}${markdownText(excerptText(c.text))}_\n>\n`);
  parts.push(`> ${e.speaker ? `**${e.speaker}:** ` : ''}${markdownText(excerptText(e.text))}\n`);
  for (const c of e.after) parts.push(`>\n> _${c.speaker ? `${c.speaker}: ` : ''}${markdownText(excerptText(c.text))}_\n`);
  const who = e.speaker ? (e.speakerRole && e.speakerRole !== e.speaker.toLowerCase() ? `${e.speaker} (${e.speakerRole})` : e.speaker) : undefined;
  // `${shownPath}:${line}` is citation(path, line).
  const cite = [`\`${cited.shownPath}:${e.lines.start}\``, cited.value, who && markdownInline(who)].filter(Boolean).join(' · ');
  const terms = e.matched.length > 0 ? ` · ${matched}: ${e.matched.join(', ')}` : '';
  return `\n${parts.join('')}\n— ${cite}${terms}\n`;
}

/** `--format md` of the registry (formatters/index.ts). */
export function excerptsMarkdownFormat(r: ExcerptsResult, options: FormatOptions): string {
  return excerptsMarkdown(r.groups, r.codebook, { attribute: r.attribute, hideEmpty: options.hideEmpty, language: r.language });
}
