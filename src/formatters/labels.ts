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
