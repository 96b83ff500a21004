/** The result of `qda words` as markdown tables, CSV rows and JSON. */
import type { WordsResult as AppResult } from '../app/words.js';
import type { DistinctiveRow, TermRow, WordsResult } from '../words/result.js';
import { SCHEMA_VERSION } from './codings-json.js';
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import { gridMarkdown } from './grid.js';
import { count, markdownInline } from './text.js';
import { pBelow } from '../words/significance.js';

const NAMES = ['', 'words', 'word pairs', 'word triples'];
const MEASURE = { ll: 'G²', tfidf: 'TF-IDF' };

export const fixed = (x: number, decimals: number) => (Object.is(x, -0) ? 0 : x).toFixed(decimals);
const statistic = (result: WordsResult, x: number) => fixed(x, result.measure === 'll' ? 2 : 5);

export function wordsMarkdown(info: AppResult): string {
  const result = info.words;
  const out: string[] = [];
  const total = `${count(result.words, 'word')} (without stop words) in ${count(result.documents, 'document')}`;
  if (info.suggest) {
    const coded = result.groups[0];
    out.push(`# Term suggestions for ${info.suggest}`, '');
    out.push(
      `Terms that occur more in the ${count(coded.words, 'word')} of the segments coded ${info.suggest} by hand than in the rest of the corpus (${count(result.words, 'word')} in all, without stop words), leaving out what the code's terms already match.`,
      '',
    );
    out.push(
      coded.distinctive.length === 0
        ? `No term occurs there significantly more than in the rest (${threshold(result.minG2)}).\n`
        : distinctiveTable(result, coded.distinctive, 'coded'),
    );
    out.push(legend(result));
    return `${out.join('\n')}\n`;
  }
  out.push(`# Words by ${info.by}`, '', `${total}.`, '');
  for (const n of result.lengths) {
    const rows = result.frequencies.filter((r) => r.n === n);
    out.push(`## Most frequent ${NAMES[n]}`, '');
    out.push(rows.length === 0 ? `No ${NAMES[n]} occur ${result.minCount} times or more.\n` : frequencyTable(rows));
  }
  out.push(`## Distinctive per ${info.by}`, '', legend(result), '');
  for (const g of result.groups) {
    out.push(`### ${markdownInline(g.value)}`, '', `${count(g.words, 'word')} in ${count(g.documents, 'document')}.`, '');
    out.push(
      g.distinctive.length === 0
        ? `No term occurs here significantly more than in the rest (${threshold(result.minG2)}).\n`
        : distinctiveTable(result, g.distinctive, 'here'),
    );
  }
  return out.join('\n');
}

function legend(result: WordsResult): string {
  const scale = `G² ≥ ${result.minG2}; p below 0.05 from G² 3.84, 0.01 from 6.63, 0.001 from 10.83; n.s.: not significant`;
  return result.measure === 'll'
    ? `Log-likelihood G² against the rest of the corpus, listed only when significant (${scale}). Log ratio 1 is twice as frequent, 2 four times. Only terms occurring ${result.minCount} times or more.`
    : `TF-IDF: the term's share of the words here times ln(documents / documents holding it); listed only when the term's G² against the rest of the corpus is significant (${scale}). Log ratio 1 is twice as frequent as in the rest. Only terms occurring ${result.minCount} times or more.`;
}

/** The filter the lists went through: `G² ≥ 3.84, p < 0.05`. */
function threshold(minG2: number): string {
  const level = pBelow(minG2);
  return `G² ≥ ${minG2}${level === null ? '' : `, p < ${level}`}`;
}

/** The significance of a row: p is below 0.001, 0.01 or 0.05, or n.s. (not below 0.05) when a lower --min-g2 let it in. */
const significance = (r: DistinctiveRow) => (r.pBelow === null ? 'n.s.' : String(r.pBelow));

function frequencyTable(rows: TermRow[]): string {
  return gridMarkdown({
    header: ['term', 'count', 'documents'],
    rows: rows.map((r) => [r.term, String(r.count), String(r.documents)]),
    numeric: [false, true, true],
  });
}

function distinctiveTable(result: WordsResult, rows: DistinctiveRow[], here: string): string {
  return gridMarkdown({
    header: ['term', here, 'rest', MEASURE[result.measure], 'p below', 'log ratio'],
    rows: rows.map((r) => [r.term, String(r.count), String(r.other), statistic(result, r.statistic), significance(r), fixed(r.logRatio, 2)]),
    numeric: [false, true, true, true, true, true],
  });
}

/** One row per term: the corpus-wide frequencies under the group `(all)`, then the distinctive terms of each group. */
export function wordsCsv({ words: result }: AppResult, options: CsvOptions = {}): string {
  const header = ['group', 'n', 'term', 'count', 'documents', 'rest', 'measure', 'statistic', 'p_below', 'log_ratio'];
  const rows: (string | number)[][] = result.frequencies.map((r) => ['(all)', r.n, r.term, r.count, r.documents, '', '', '', '', '']);
  for (const g of result.groups)
    for (const r of g.distinctive)
      rows.push([
        g.value,
        r.n,
        r.term,
        r.count,
        r.documents,
        r.other,
        result.measure,
        statistic(result, r.statistic),
        r.pBelow ?? '',
        fixed(r.logRatio, 3),
      ]);
  return csvStart(options) + csvLines([header, ...rows], options);
}

export function wordsJson(info: AppResult): string {
  const result = info.words;
  const round = (x: number) => Number(fixed(x, 6));
  return `${JSON.stringify(
    {
      schemaVersion: SCHEMA_VERSION,
      by: info.suggest ? null : info.by,
      suggest: info.suggest ?? null,
      measure: result.measure,
      ngrams: result.lengths,
      minCount: result.minCount,
      minG2: result.minG2,
      documents: result.documents,
      words: result.words,
      frequencies: result.frequencies,
      groups: result.groups.map((g) => ({
        ...g,
        distinctive: g.distinctive.map((r) => ({ ...r, statistic: round(r.statistic), logRatio: round(r.logRatio) })),
      })),
    },
    null,
    2,
  )}\n`;
}

export const wordsFormats = { md: wordsMarkdown, csv: wordsCsv, json: wordsJson };
