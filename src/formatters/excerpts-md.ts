/**
 * Excerpts as a researcher reads them: one section per code with its label and definition, each
 * excerpt quoted with a citation (file:line · attribute · speaker) and the words that found it.
 */
import { localise, type Codebook } from '../codebook/types.js';
import type { Excerpt, ExcerptGroup } from '../excerpts/collect.js';
import { citation, excerptText } from './text.js';
import { attributeOf } from '../ingest/document.js';

export interface ExcerptsMarkdownOptions {
  /** Attribute shown in each citation (the compare-by attribute, e.g. district). */
  attribute: string;
  /** Leave out codes without excerpts. */
  hideEmpty?: boolean;
  /** Language of labels and headings; the codebook's when not given. */
  language?: string;
}

const WORDS = {
  nl: {
    title: 'Fragmenten per code',
    cluster: 'Cluster',
    none: 'Geen fragmenten.',
    matched: 'gevonden via',
    excerpts: 'fragmenten',
    excerpt: 'fragment',
  },
  en: { title: 'Excerpts by code', cluster: 'Cluster', none: 'No excerpts.', matched: 'matched', excerpts: 'excerpts', excerpt: 'excerpt' },
};

export function excerptsMarkdown(groups: ExcerptGroup[], codebook: Codebook, options: ExcerptsMarkdownOptions): string {
  const lang = options.language ?? codebook.language;
  const w = WORDS[lang as keyof typeof WORDS] ?? WORDS.en;
  const out: string[] = [`# ${w.title} — ${codebook.name}\n\n`];
  const total = groups.reduce((n, g) => n + g.excerpts.length, 0);
  out.push(`${total} ${total === 1 ? w.excerpt : w.excerpts}.\n`);
  for (const { code, excerpts } of groups) {
    if (options.hideEmpty && excerpts.length === 0) continue;
    const heading = '#'.repeat(Math.min(code.depth + 2, 6));
    out.push(`\n${heading} ${code.id} — ${localise(code.label, lang, codebook.language)} (${excerpts.length})\n`);
    const definition = localise(code.description, lang, codebook.language);
    if (definition) out.push(`\n_${definition.trim()}_\n`);
    if (excerpts.length === 0 && code.depth > 0) out.push(`\n${w.none}\n`);
    for (const e of excerpts) out.push(excerptBlock(e, options.attribute, w.matched));
  }
  return out.join('');
}

function excerptBlock(e: Excerpt, attribute: string, matched: string): string {
  const parts: string[] = [];
  for (const c of e.before) parts.push(`> _${c.speaker ? `${c.speaker}: ` : ''}${excerptText(c.text)}_\n>\n`);
  parts.push(`> ${e.speaker ? `**${e.speaker}:** ` : ''}${excerptText(e.text)}\n`);
  for (const c of e.after) parts.push(`>\n> _${c.speaker ? `${c.speaker}: ` : ''}${excerptText(c.text)}_\n`);
  const value = attributeOf(e.attributes, attribute);
  const who = e.speaker ? (e.speakerRole && e.speakerRole !== e.speaker.toLowerCase() ? `${e.speaker} (${e.speakerRole})` : e.speaker) : undefined;
  const cite = [`\`${citation(e.path, e.lines.start)}\``, Array.isArray(value) ? value.join(', ') : value, who].filter(Boolean).join(' · ');
  const terms = e.matched.length > 0 ? ` · ${matched}: ${e.matched.join(', ')}` : '';
  return `\n${parts.join('')}\n— ${cite}${terms}\n`;
}
