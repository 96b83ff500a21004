/**
 * The words qda writes into its outputs, per language: headers, labels and totals. One place, so that
 * a translation or a new language touches this file only. English is the fallback.
 */
const WORDS = {
  nl: {
    total: 'Totaal',
    district: 'Wijk',
    aspects: 'Aspecten',
    explanation: 'Toelichting',
    comparisonBy: 'Vergelijking per',
    memo: 'memo',
    noExcerpts: 'geen fragmenten',
    allCodes: 'alle codes',
    decimal: ',',
  },
  en: {
    total: 'Total',
    district: 'District',
    aspects: 'Aspects',
    explanation: 'Explanation',
    comparisonBy: 'Comparison by',
    memo: 'memo',
    noExcerpts: 'no excerpts',
    allCodes: 'all codes',
    decimal: '.',
  },
};

export type Words = (typeof WORDS)['en'];

export function wordsFor(language: string): Words {
  return WORDS[language as keyof typeof WORDS] ?? WORDS.en;
}

/** The words of the HTML report (qda report, report.html of qda analyse). */
const REPORT = {
  nl: {
    overview: 'Overzicht van het corpus',
    theme: 'Thema',
    byDistrict: 'wijk',
    documents: 'documenten',
    segments: 'segmenten',
    coded: 'met ten minste één code',
    heatmap: 'Thema’s per',
    heatmapHelp: 'Elke cel telt de segmenten met dat thema. Klik op een cluster om de codes te zien, en op een getal om de fragmenten te lezen.',
    summary: 'Vergelijking per',
    codebook: 'Codeboek',
    definition: 'Definitie',
    include: 'Wel',
    exclude: 'Niet',
    total: 'Totaal',
    type: 'Soort',
    close: 'Sluiten',
    excerptsFor: 'Fragmenten',
    shownOf: 'de eerste {shown} van {total}',
    none: 'Geen fragmenten.',
    matched: 'gevonden via',
    generated: 'Gemaakt met',
    codesOf: 'codes van',
    show: 'toon de codes',
    words: 'Woorden per',
    wordsHelp:
      'Woorden die hier significant vaker voorkomen dan in de rest van het corpus, het sterkste verschil eerst: alleen woorden met G² (log-likelihood) vanaf 3,84, dat is p < 0,05; vanaf 6,63 is p < 0,01, vanaf 10,83 p < 0,001. Zonder stopwoorden; woorden met dezelfde stam tellen samen, getoond in hun meest gebruikte vorm.',
    word: 'Woord',
    count: 'Aantal',
    wordsIn: 'woorden',
    noWords: 'Geen woord komt hier significant vaker voor (G² ≥ 3,84, p < 0,05).',
    cutOff: 'In dit project (minG2 in qda.yaml) staat een woord hier vanaf G² {g2}.',
    noWordsFrom: 'Geen woord komt hier vaker voor met G² vanaf {g2}.',
  },
  en: {
    overview: 'Corpus overview',
    theme: 'Theme',
    byDistrict: 'district',
    documents: 'documents',
    segments: 'segments',
    coded: 'with at least one code',
    heatmap: 'Themes by',
    heatmapHelp: 'Each cell counts the segments with that theme. Click a cluster to see its codes, and a number to read the excerpts.',
    summary: 'Comparison by',
    codebook: 'Codebook',
    definition: 'Definition',
    include: 'Include',
    exclude: 'Exclude',
    total: 'Total',
    type: 'Type',
    close: 'Close',
    excerptsFor: 'Excerpts',
    shownOf: 'the first {shown} of {total}',
    none: 'No excerpts.',
    matched: 'matched',
    generated: 'Made with',
    codesOf: 'codes of',
    show: 'show the codes',
    words: 'Words by',
    wordsHelp:
      'Words that occur significantly more here than in the rest of the corpus, the strongest difference first: only words with a G² (log-likelihood) of 3.84 or more, which is p < 0.05; from 6.63 p < 0.01, from 10.83 p < 0.001. Without stop words; words with one stem count together, shown in their commonest form.',
    word: 'Word',
    count: 'Count',
    wordsIn: 'words',
    noWords: 'No word occurs significantly more here (G² ≥ 3.84, p < 0.05).',
    cutOff: 'In this project (minG2 in qda.yaml) a word is listed from G² {g2}.',
    noWordsFrom: 'No word occurs more here with a G² of {g2} or more.',
  },
};

export type ReportWords = (typeof REPORT)['en'];

export function reportWordsFor(language: string): ReportWords {
  return REPORT[language as keyof typeof REPORT] ?? REPORT.en;
}

/** The words of index.md in an analysis folder: its title, the counts line, and what each file holds. */
const INDEX = {
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

const INDEX_ABOUT: Record<'nl' | 'en', (by: string) => Record<string, string>> = {
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

export type IndexWords = (typeof INDEX)['en'] & { about: (by: string) => Record<string, string> };

export function indexWordsFor(language: 'nl' | 'en'): IndexWords {
  return { ...INDEX[language], about: INDEX_ABOUT[language] };
}

/** The words of excerpts.md. */
const EXCERPTS = {
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

export function excerptsWordsFor(language: string): (typeof EXCERPTS)['en'] {
  return EXCERPTS[language as keyof typeof EXCERPTS] ?? EXCERPTS.en;
}

/** Nouns of counts in the outputs, singular and plural ("1 document", "2 documenten"; formatters/plural.ts). */
const NOUNS = {
  en: {
    document: ['document', 'documents'],
    segment: ['segment', 'segments'],
    coding: ['coding', 'codings'],
    code: ['code', 'codes'],
  },
  nl: {
    document: ['document', 'documenten'],
    segment: ['segment', 'segmenten'],
    coding: ['codering', 'coderingen'],
    code: ['code', 'codes'],
  },
} as const;

export type Noun = keyof (typeof NOUNS)['en'];

export function nounsFor(language: string): Record<Noun, readonly [string, string]> {
  return NOUNS[language as keyof typeof NOUNS] ?? NOUNS.en;
}

/**
 * The columns of the review sheet (qda review export), the same in every language: qda review import
 * finds the decisions by these names. `probability` and `examples` are in sheets of --next only.
 */
export const REVIEW_COLUMNS = {
  before: ['document', 'path'],
  after: ['speaker', 'line', 'anchor', 'code', 'label', 'terms'],
  uncertain: ['probability', 'examples'],
  end: ['text', 'decision', 'note'],
};
