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
  },
};

export type Words = (typeof WORDS)['en'];

export function wordsFor(language: string): Words {
  return WORDS[language as keyof typeof WORDS] ?? WORDS.en;
}
