/** The index of an analysis folder, in the output language: what was analysed and what each file holds. */
import type { CodingCount } from '../coding/tally.js';
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

const ABOUT: Record<'nl' | 'en', (by: string) => Record<string, string>> = {
  en: (by) => ({
    'codings.json': 'every segment with its codes and evidence (the JSON contract, docs/json.md)',
    'codings.csv': 'one row per coding, with the document attributes as columns',
    'excerpts.md': 'coded excerpts grouped by code, with file:line citations and the question before each',
    'excerpts.csv': 'the same excerpts, one row each, for a spreadsheet',
    'matrix-codes.csv': `theme matrix: segments per code and ${by}`,
    'matrix-clusters.csv': `theme matrix: segments per HALL cluster and ${by} (a segment counts once per cluster)`,
    'matrix.md': 'both matrices as markdown tables',
    'cooccurrence.csv': 'code × code: segments that carry both',
    'report.html': 'one self-contained HTML report: heatmap with the excerpts behind each number, district tables, codebook',
    'summary.md': `per cluster, a table comparing each ${by}: leading aspects and an explanation (memo or excerpt)`,
  }),
  nl: (by) => ({
    'codings.json': 'elk segment met zijn codes en de vindplaatsen (het JSON-contract, docs/json.md)',
    'codings.csv': 'één rij per codering, met de kenmerken van het document als kolommen',
    'excerpts.md': 'gecodeerde fragmenten per code, met bestand:regel en de vraag ervoor',
    'excerpts.csv': 'dezelfde fragmenten, één per rij, voor een spreadsheet',
    'matrix-codes.csv': `themamatrix: segmenten per code en ${by}`,
    'matrix-clusters.csv': `themamatrix: segmenten per HALL-cluster en ${by} (een segment telt één keer per cluster)`,
    'matrix.md': 'beide matrices als markdown-tabellen',
    'cooccurrence.csv': 'code × code: segmenten die beide dragen',
    'report.html': 'één zelfstandig HTML-rapport: heatmap met de fragmenten achter elk getal, tabellen per wijk, codeboek',
    'summary.md': `per cluster een tabel met een rij per ${by}: belangrijkste aspecten en een toelichting (memo of fragment)`,
  }),
};

const WORDS = {
  en: {
    title: 'Analysis',
    coded: (n: number) => `of which ${n} ${n === 1 ? 'carries' : 'carry'} at least one code`,
    with: (book: string) => `with the codebook "${book}"`,
    once: 'a segment given one code by several sources counts once; the sources are counted apart in brackets',
    head: '| file | what it holds |',
  },
  nl: {
    title: 'Analyse',
    coded: (n: number) => `waarvan ${n} met ten minste één code`,
    with: (book: string) => `met het codeboek "${book}"`,
    once: 'een segment dat dezelfde code van meer bronnen kreeg telt één keer; tussen haakjes wat elke bron gaf',
    head: '| bestand | wat erin staat |',
  },
};

export function analyseIndex(s: AnalysisSummary): string {
  const lang = s.language === 'nl' ? 'nl' : 'en';
  const w = WORDS[lang];
  // The codebook's name and the attribute come from the input: neither may cut a line or a cell.
  const about = ABOUT[lang](markdownCell(s.by));
  const rows = s.files.map((f) => `| [${f}](${f}) | ${about[f] ?? ''} |`).join('\n');
  return `# ${w.title}

${counted(s.documents, 'document', lang)}, ${counted(s.segments, 'segment', lang)}, ${w.coded(s.coded)}; ${codingsWithSources(s.count, lang)} ${w.with(markdownInline(s.codebook))} (${w.once}).

${w.head}
|---|---|
${rows}
`;
}
