/** The report's own words, in the languages codebooks come in. */

export const WORDS = {
  nl: {
    overview: 'Overzicht van het corpus',
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
  },
  en: {
    overview: 'Corpus overview',
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
  },
};

export type Words = (typeof WORDS)['en'];

export function wordsFor(language: string): Words {
  return WORDS[language as keyof typeof WORDS] ?? WORDS.en;
}
