/**
 * `words`: word frequencies of an opened corpus, pairs and triples, the distinctive terms of each
 * group against the rest, or (with `suggest`) the terms of the segments coded by hand with a code
 * that its terms miss. Without `--code` or `suggest` nothing is coded: the words are counted as the
 * corpus is read (see wordsPass).
 */
import { groupValues } from '../analysis/units.js';
import { closest } from '../codebook/suggest.js';
import { forLanguage } from '../codebook/types.js';
import type { Project } from '../corpus/project.js';
import { isSkipped, surveyCorpus, type SurveyHooks } from '../corpus/pipeline.js';
import type { Segment } from '../ingest/document.js';
import { exists, readText } from '../io/files.js';
import { Lexicon } from '../match/lexicon.js';
import { codeSelected, documentSelected, NO_FILTER, speakerSelected, type Filter } from '../select/filter.js';
import { WordCounter, type CounterParts } from '../words/count.js';
import { wordsResult, type Measure, type WordsResult as WordLists } from '../words/result.js';
import { DEFAULT_MIN_G2 } from '../words/significance.js';
import { stopWordsOf } from '../words/stop-words.js';
import { checkSelection, codedDocuments, outputLanguage, type OpenedCorpus, type Progress } from './corpus.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { failed, REQUEST, unlessErrors, type Outcome } from './outcome.js';

export interface WordsRequest {
  /** Groups to compare: an attribute, `document` or `speaker`. Default: compareBy of the project. */
  by?: string;
  /** Whether `by` was the user's choice: a name that no document has is then an error, not a warning. */
  byExplicit?: boolean;
  /** Lengths of the word sequences to count (1, 2, 3). Default [1]. */
  ngram?: number[];
  /** Terms per list. Default 20. */
  top?: number;
  /** Leave out terms that occur fewer times (in the group, for distinctive terms). Default 3. */
  minCount?: number;
  /** Distinctive by log-likelihood (`ll`, the default) or TF-IDF. */
  measure?: Measure;
  /** Distinctive terms need at least this G² against the rest, with either measure. Default 3.84 (p < 0.05). */
  minG2?: number;
  /** Terms more frequent in the segments coded with this code by hand than elsewhere. */
  suggest?: string;
  /** With `suggest`: only the codings of this coder. */
  coder?: string;
  filter?: Filter;
}

export interface WordsResult {
  words: WordLists;
  /** The groups compared. */
  by: string;
  /** The code terms are suggested for, with `suggest`. */
  suggest?: string;
}

/** Words counted while the corpus is opened: pass `survey` to openCorpus, then the pass to words(). */
export interface WordsPass {
  survey?: (project: Project) => SurveyHooks;
  counter?: WordCounter;
}

const CODED = 'coded';
const REST = 'rest';

const DEFAULTS = { ngram: [1], top: 20, minCount: 3, measure: 'll' as Measure };

/** Whether the request needs the corpus coded (a --code selection, or suggestions for a code). */
const coding = (request: WordsRequest) => (request.filter ?? NO_FILTER).codes.length > 0 || request.suggest !== undefined;

/** The survey hooks that count the words as openCorpus reads each document; none when the corpus must be coded. */
export function wordsPass(request: WordsRequest, cwd: string): WordsPass {
  if (coding(request)) return {};
  const pass: WordsPass = {};
  pass.survey = (project) => {
    const job: WordsJob = { kind: 'words', request, by: request.by ?? project.settings.compareBy, stopWords: project.settings.stopWords, cwd };
    const { hooks, counter } = jobCounter(job);
    pass.counter = counter;
    return { ...hooks, threads: { job, absorb: (parts) => counter.absorb(parts as CounterParts) } };
  };
  return pass;
}

/** The counting of wordsPass as plain data, for a worker thread (src/app/survey-job.ts). */
export interface WordsJob {
  kind: 'words';
  request: WordsRequest;
  by: string;
  stopWords: Record<string, string[]>;
  cwd: string;
}

function jobCounter(job: WordsJob): { hooks: SurveyHooks; counter: WordCounter } {
  const counter = makeCounter(job.request, job.stopWords, job.cwd);
  return { counter, hooks: { frequencies: false, visit: counting(counter, job.request, job.by) } };
}

/** A fresh counter for each piece of the files a worker thread posts; the stop words are read once. */
export function wordsJobHooks(job: WordsJob): { hooks: SurveyHooks; take: () => CounterParts } {
  const read = stopWordLists(job.stopWords, job.cwd);
  const lists = new Map<string, Set<string>>();
  const stopWords = (language: string) => {
    let list = lists.get(language);
    if (!list) lists.set(language, (list = read(language)));
    return list;
  };
  const fresh = () => new WordCounter(job.request.ngram ?? DEFAULTS.ngram, stopWords);
  let counter = fresh();
  let visit = counting(counter, job.request, job.by);
  return {
    hooks: { frequencies: false, visit: (document, segments, context) => visit(document, segments, context) },
    take: () => {
      const parts = counter.parts();
      counter = fresh();
      visit = counting(counter, job.request, job.by);
      return parts;
    },
  };
}

export function words(opened: OpenedCorpus, request: WordsRequest = {}, progress?: Progress, pass?: WordsPass): Outcome<WordsResult> {
  const filter = request.filter ?? NO_FILTER;
  const by = request.by ?? opened.project.settings.compareBy;
  const { suggest } = request;
  return unlessErrors(
    checkSelection(opened, filter, suggest ? undefined : { name: by, explicit: request.byExplicit ?? request.by !== undefined }),
    () => {
      const unknown = suggest === undefined ? undefined : unknownCode(opened, suggest);
      if (unknown) return { diagnostics: [unknown] };
      const counter = coding(request) ? countCoded(opened, request, filter, by, progress) : (pass?.counter ?? countRead(opened, request, by));
      const query = {
        lengths: request.ngram ?? DEFAULTS.ngram,
        top: request.top ?? DEFAULTS.top,
        minCount: request.minCount ?? DEFAULTS.minCount,
        measure: request.measure ?? DEFAULTS.measure,
        minG2: request.minG2 ?? opened.project.settings.minG2 ?? DEFAULT_MIN_G2,
      };
      const result = wordsResult(counter, query, suggest ? { groups: [CODED], skip: covered(opened, suggest, counter) } : {});
      if (suggest !== undefined && result.groups[0].documents === 0)
        return failed([
          diagnostic(
            'error',
            REQUEST,
            'words/nothing-coded',
            `no segment is coded ${suggest} by hand${request.coder ? ` by ${request.coder}` : ''}`,
            undefined,
            'code some segments first (qda review import, qda search --code-as, or <!-- qda: --> comments)',
          ),
        ]);
      return { result: suggest ? { words: result, by, suggest } : { words: result, by }, diagnostics: [] };
    },
  );
}

function makeCounter(request: WordsRequest, extra: Record<string, string[]>, cwd: string): WordCounter {
  return new WordCounter(request.ngram ?? DEFAULTS.ngram, stopWordLists(extra, cwd));
}

function stopWordLists(extra: Record<string, string[]>, cwd: string): (language: string) => Set<string> {
  return (language) => stopWordsOf(language, extra, (file) => (exists(file, cwd) ? readText(file, cwd) : undefined));
}

/** Counts a document as read: the segments the filter keeps, under their groups. */
function counting(counter: WordCounter, request: WordsRequest, by: string): NonNullable<SurveyHooks['visit']> {
  const filter = request.filter ?? NO_FILTER;
  return (document, segments, { language, skip }) => {
    if (!documentSelected(document.attributes, filter)) return;
    counter.add(segments, language, (s) => (counted(s, skip, filter) ? groupValues(document, s, by, filter) : []));
  };
}

/** For a caller that opened the corpus without wordsPass: the documents are read once more. */
function countRead(opened: OpenedCorpus, request: WordsRequest, by: string): WordCounter {
  const counter = makeCounter(request, opened.project.settings.stopWords, opened.cwd);
  surveyCorpus(opened.files, opened.corpus, { frequencies: false, visit: counting(counter, request, by) });
  return counter;
}

function counted(segment: Segment, skip: Set<string>, filter: Filter): boolean {
  return !isSkipped(segment, skip) && speakerSelected(segment, filter);
}

/** Counts over the coded corpus: inside segments with a --code, or coded with the suggested code by hand against the rest. */
function countCoded(opened: OpenedCorpus, request: WordsRequest, filter: Filter, by: string, progress?: Progress): WordCounter {
  const counter = makeCounter(request, opened.project.settings.stopWords, opened.cwd);
  const skip = new Set(opened.corpus.skipSpeakers.map((s) => s.toLowerCase()));
  const suggest = request.suggest ? { codes: [request.suggest], where: new Map(), speakers: [] } : undefined;
  for (const coded of codedDocuments(opened, undefined, progress)) {
    const { document } = coded;
    if (!documentSelected(document.attributes, filter)) continue;
    const inside = new Set(coded.codings.filter((c) => filter.codes.length === 0 || codeSelected(c.code, filter)).map((c) => c.segment));
    const byHand = new Set(
      coded.codings
        .filter((c) => suggest && c.source === 'manual' && (!request.coder || c.coder === request.coder) && codeSelected(c.code, suggest))
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

function unknownCode(opened: OpenedCorpus, code: string): Diagnostic | undefined {
  const ids = opened.codebook.codes.map((c) => c.id);
  if (ids.includes(code)) return undefined;
  const guess = closest(code, ids);
  const message = `--suggest: unknown code "${code}"${guess ? `; did you mean ${guess}?` : ''}`;
  return diagnostic('error', REQUEST, 'selection/unknown', message, undefined, 'use a code id of the codebook');
}

/** Whether the terms of the code (and the codes under it) already match a gram, in the codebook's language. */
function covered(opened: OpenedCorpus, code: string, counter: WordCounter): (n: number, terms: number[]) => boolean {
  const language = outputLanguage(opened);
  const codes = opened.codebook.codes.filter((c) => codeSelected(c.id, { codes: [code], where: new Map(), speakers: [] }));
  const lexicon = new Lexicon(language, [{ code: 0, terms: codes.flatMap((c) => forLanguage(c.terms, language)), not: [] }]);
  return (_n, terms) => lexicon.findAll(lexicon.scan(terms.map((t) => counter.form(t)).join(' '))).length > 0;
}
