/** Codings for people: per document, each coded segment with its lines, speaker and codes. */
import type { Coding } from '../coding/coding.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { StreamFormatter } from './stream.js';
import { excerptText, markdownText, visibleControls } from './text.js';

export function codingsMarkdown(title: string): StreamFormatter<CodedDocument> {
  return { start: () => `# ${title}\n`, item: documentMarkdown, end: () => '', adopt: () => '' };
}

function documentMarkdown({ document, segments, codings }: CodedDocument): string {
  const out: string[] = [];
  const bySegment = new Map<number, string[]>();
  for (const c of codings) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), label(c)]);
  out.push(`\n## ${markdownText(visibleControls(document.path))}\n\n`);
  if (bySegment.size === 0) out.push('_No codes._\n');
  for (const [ordinal, codes] of bySegment) {
    const s = segments[ordinal - 1];
    const lines = s.lines.start === s.lines.end ? `${s.lines.start}` : `${s.lines.start}–${s.lines.end}`;
    const who = s.speaker ? ` · ${s.speaker}` : '';
    out.push(`- **${lines}**${who} · ${codes.join(', ')}\n  ${markdownText(excerptText(s.text))}\n`);
  }
  return out.join('');
}

/** A code as listed: `id`, and for a model's coding its probability and the words that weighed most. */
function label(c: Coding): string {
  if (c.probability === undefined) return `\`${c.code}\``;
  const words = [...new Set(c.evidence.filter((e) => e.kind === 'learned').map((e) => e.term))];
  return `\`${c.code}\` (p ${c.probability.toFixed(2)}, learned from ${c.learnedFrom} coded paragraphs${words.length ? `: ${words.join(', ')}` : ''})`;
}
