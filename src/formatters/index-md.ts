/** The index of an analysis folder, in the output language: what was analysed and what each file holds. */
import type { CodingCount } from '../coding/tally.js';
import { indexWordsFor } from './labels.js';
import { codingsWithSources, counted } from './plural.js';
import { markdownCell, markdownInline } from './text.js';

export interface AnalysisSummary {
  codebook: string;
  language: string;
  /** The compared attribute (compareBy). */
  by: string;
  documents: number;
  segments: number;
  coded: number;
  count: CodingCount;
  /** Names of the files written, in the order listed. */
  files: string[];
}

export function analyseIndex(s: AnalysisSummary): string {
  const lang = s.language === 'nl' ? 'nl' : 'en';
  const w = indexWordsFor(lang);
  // The codebook's name and the attribute come from the input: neither may cut a line or a cell.
  const about = w.about(markdownCell(s.by));
  const rows = s.files.map((f) => `| [${f}](${f}) | ${about[f] ?? ''} |`).join('\n');
  return `# ${w.title}

${counted(s.documents, 'document', lang)}, ${counted(s.segments, 'segment', lang)}, ${w.coded(s.coded)}; ${codingsWithSources(s.count, lang)} ${w.with(markdownInline(s.codebook))} (${w.once}).

${w.head}
|---|---|
${rows}
`;
}
