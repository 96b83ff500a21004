// The work of `qda words`; its options are declared in ../commands/words.ts.
import { groupValues } from '../../analysis/units.js';
import { forLanguage } from '../../codebook/types.js';
import { closest } from '../../codebook/suggest.js';
import { codeCorpus, isSkipped } from '../../corpus/pipeline.js';
import { wordsCsv, wordsJson, wordsMarkdown, type WordsInfo } from '../../formatters/words.js';
import type { Segment } from '../../ingest/document.js';
import { exists, readText } from '../../io/files.js';
import { Lexicon } from '../../match/lexicon.js';
import { codeSelected, documentSelected, speakerSelected, type Filter } from '../../select/filter.js';
import { WordCounter } from '../../words/count.js';
import { wordsResult, type Measure } from '../../words/result.js';
import { stopWordsOf } from '../../words/stop-words.js';
import { inputProblem } from '../errors.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { checkSelection } from '../selection.js';
import { openSession, outputLanguage, type Session } from '../session.js';

export interface WordsFlags extends CorpusFlags, FilterFlags {
  format: 'md' | 'csv' | 'json';
  out?: string;
  excel?: boolean;
  by?: string;
  ngram: number[];
  top: number;
  minCount: number;
  measure: Measure;
  suggest?: string;
}

const CODED = 'coded';
const REST = 'rest';

export function wordsAction(paths: string[], flags: WordsFlags, io: Io): void {
  const filter = filterFrom(flags);
  let counter: WordCounter | undefined;
  let by = flags.by ?? 'district';
  const makeCounter = (extra: Record<string, string[]>) =>
    new WordCounter(flags.ngram, (language) => stopWordsOf(language, extra, (file) => (exists(file, io.cwd) ? readText(file, io.cwd) : undefined)));
  // Without --code or --suggest nothing is coded: the survey reads each document once and counts it.
  const coding = filter.codes.length > 0 || flags.suggest !== undefined;
  const session = openSession(paths, flags, io, {
    ...(flags.out ? { output: flags.out } : {}),
    ...(coding
      ? {}
      : {
          survey: (project) => {
            by = flags.by ?? project.settings.compareBy;
            const c = (counter = makeCounter(project.settings.stopWords));
            return {
              frequencies: false,
              visit: (document, segments, { language, skip }) => {
                if (!documentSelected(document.attributes, filter)) return;
                c.add(segments, language, (s) => (counted(s, skip, filter) ? groupValues(document, s, by, filter) : []));
              },
            };
          },
        }),
  });
  by = flags.by ?? session.project.settings.compareBy;
  checkSelection(session, filter, flags.suggest ? undefined : { name: by, explicit: flags.by !== undefined });
  if (flags.suggest !== undefined) checkCode(session, flags.suggest);
  if (coding) counter = countCoded(session, flags, filter, by, makeCounter(session.project.settings.stopWords));
  const query = { lengths: flags.ngram, top: flags.top, minCount: flags.minCount, measure: flags.measure };
  const result = wordsResult(counter!, query, flags.suggest ? { groups: [CODED], skip: covered(session, flags.suggest, counter!) } : {});
  if (flags.suggest !== undefined && result.groups[0].documents === 0)
    throw inputProblem(
      `no segment is coded ${flags.suggest} by hand${flags.coder ? ` by ${flags.coder}` : ''}`,
      'code some segments first (qda review import, qda search --code-as, or <!-- qda: --> comments)',
    );
  const info: WordsInfo = flags.suggest ? { by, suggest: flags.suggest } : { by };
  const text =
    flags.format === 'json'
      ? wordsJson(result, info)
      : flags.format === 'csv'
        ? wordsCsv(result, { excel: flags.excel })
        : wordsMarkdown(result, info);
  writeOutput(io, flags.out, [text]);
  summaryLine(
    io,
    flags.quiet,
    `counted ${count(result.words, 'word')} in ${count(result.documents, 'document')}${flags.suggest ? '' : `, ${count(result.groups.length, 'group')} by ${by}`}`,
  );
}

function counted(segment: Segment, skip: Set<string>, filter: Filter): boolean {
  return !isSkipped(segment, skip) && speakerSelected(segment, filter);
}

/** Counts over the coded corpus: inside segments with a --code, or coded with --suggest's code by hand against the rest. */
function countCoded(session: Session, flags: WordsFlags, filter: Filter, by: string, counter: WordCounter): WordCounter {
  const skip = new Set(session.corpus.skipSpeakers.map((s) => s.toLowerCase()));
  const suggest = flags.suggest ? { codes: [flags.suggest], where: new Map(), speakers: [] } : undefined;
  for (const coded of codeCorpus(session.files, session.compiled, session.corpus)) {
    const { document } = coded;
    if (!documentSelected(document.attributes, filter)) continue;
    const inside = new Set(coded.codings.filter((c) => filter.codes.length === 0 || codeSelected(c.code, filter)).map((c) => c.segment));
    const byHand = new Set(
      coded.codings
        .filter((c) => suggest && c.source === 'manual' && (!flags.coder || c.coder === flags.coder) && codeSelected(c.code, suggest))
        .map((c) => c.segment),
    );
    counter.add(coded.segments, coded.language, (s) => {
      if (coded.skipped.has(s.ordinal) || !counted(s, skip, filter) || (filter.codes.length > 0 && !inside.has(s.ordinal))) return [];
      if (suggest) return [byHand.has(s.ordinal) ? CODED : REST];
      return groupValues(document, s, by, filter);
    });
  }
  return counter;
}

function checkCode(session: Session, code: string): void {
  const ids = session.codebook.codes.map((c) => c.id);
  if (ids.includes(code)) return;
  const guess = closest(code, ids);
  throw inputProblem(`--suggest: unknown code "${code}"${guess ? `; did you mean ${guess}?` : ''}`, 'use a code id of the codebook');
}

/** Whether the terms of the code (and the codes under it) already match a gram, in the codebook's language. */
function covered(session: Session, code: string, counter: WordCounter): (n: number, terms: number[]) => boolean {
  const language = outputLanguage(session);
  const codes = session.codebook.codes.filter((c) => codeSelected(c.id, { codes: [code], where: new Map(), speakers: [] }));
  const lexicon = new Lexicon(language, [{ code: 0, terms: codes.flatMap((c) => forLanguage(c.terms, language)), not: [] }]);
  return (_n, terms) => lexicon.findAll(lexicon.scan(terms.map((t) => counter.form(t)).join(' '))).length > 0;
}
