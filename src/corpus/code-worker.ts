/**
 * A worker thread of the coding pass (see parallel.ts): it codes the chunks of files it is handed
 * and posts the coded documents back, then raises the shared counter the main thread sleeps on.
 * Started to survey, it first surveys the chunks it takes, posting what it found in each and
 * keeping the documents it parsed (up to its share), and codes once told to.
 */
import { workerData } from 'node:worker_threads';
import { compileCodebook } from '../codebook/compile.js';
import { rememberPlans } from '../codebook/plan.js';
import { PatternTimeout } from '../coding/auto-code.js';
import { CodingCounter } from '../coding/tally.js';
import { codingsStream } from '../formatters/codings.js';
import { formatAll } from '../formatters/stream.js';
import { exists, readBytes, readText } from '../io/files.js';
import { RunStore } from '../match/run-store.js';
import { countReportWords, reportWordCounter } from '../report/words.js';
import { NO_FILTER } from '../select/filter.js';
import type { CounterParts } from '../words/count.js';
import { stopWordsOf } from '../words/stop-words.js';
import { Predictor } from '../learn/predict.js';
import { FrequencyCounter, NO_FREQUENCIES } from '../scoring/frequencies.js';
import type { Document, Segment } from '../ingest/document.js';
import type { FormattedChunk, FromWorker, Go, ToWorker, WorkerStart, WorkerSurvey, WorkerWords } from './parallel.js';
import { codeCorpus, surveyCorpus, type CodedDocument, type CorpusOptions } from './pipeline.js';

const { setup, port, signal, slot, survey } = workerData as WorkerStart;

rememberPlans(setup.codebook, setup.plans);
const compiled = compileCodebook(setup.codebook);
const index = new Map(setup.files.map((f, i) => [f, i]));
const backgrounds = new Map(setup.backgrounds);
const { encodings } = setup;
const options: CorpusOptions = {
  ...setup.options,
  encoding: typeof encodings === 'string' ? encodings : (path) => encodings[index.get(path)!] as never,
  read: (path) => readBytes(path, setup.cwd),
  ...(setup.backgrounds.length > 0 ? { background: (language: string) => backgrounds.get(language) ?? NO_FREQUENCIES } : {}),
  ...(setup.model && setup.options.codes ? { model: new Predictor(setup.model, setup.options.codes) } : {}),
};
/** What to do with the chunks (the main thread's `go`). */
let job: Go = {};
/** The documents of the chunks this thread surveyed and keeps for its coding pass, by chunk. */
const kept = new Map<number, Map<string, { document: Document; segments: Segment[] }>>();

/** The project's stop words per language, read once per thread. */
const stopWords = new Map<string, Set<string>>();
function projectStopWords(language: string, words: WorkerWords): Set<string> {
  let set = stopWords.get(language);
  if (!set) {
    const read = (file: string) => (exists(file, setup.cwd) ? readText(file, setup.cwd) : undefined);
    stopWords.set(language, (set = stopWordsOf(language, words.stopWords, read)));
  }
  return set;
}

/** The documents, and the report's word counts of them, counted as each is coded (while the words its coding scanned are kept). */
function withWords(documents: Iterable<CodedDocument>, words: WorkerWords): { documents: CodedDocument[]; words: CounterParts } {
  const counter = reportWordCounter((language) => projectStopWords(language, words));
  const coded: CodedDocument[] = [];
  for (const document of documents) {
    coded.push(document);
    countReportWords(counter, document, words.by, NO_FILTER, { table: compiled.wordTable(document.language), runs: options.runs! });
  }
  return { documents: coded, words: counter.parts() };
}

const post = (message: FromWorker) => {
  // A document's text is that of its line index: sent once, not twice (parallel.ts restores it).
  if ('documents' in message) for (const coded of message.documents) coded.document.text = '';
  // Formatted bytes are moved to the main thread, not copied.
  port.postMessage(message, 'formatted' in message ? [message.formatted.formatted.buffer as ArrayBuffer] : []);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

port.on('message', (message: ToWorker) => {
  if ('go' in message) {
    job = message.go;
    if (job.frequencies) options.frequencies = job.frequencies;
    // The words the coding pass scans, kept a batch at a time for the report's word counts to take.
    if (job.words) options.runs = new RunStore();
    return;
  }
  if ('forget' in message) return void kept.delete(message.forget);
  const { chunk, from, to } = message;
  try {
    const parsed = kept.get(chunk);
    kept.delete(chunk);
    const documents = codeCorpus(setup.files.slice(from, to), compiled, parsed ? { ...options, parsed } : options);
    if (job.format) post({ chunk, formatted: formatted(documents) });
    else if (!job.words) post({ chunk, documents: [...documents] });
    else post({ chunk, ...withWords(documents, job.words) });
  } catch (error) {
    if (error instanceof PatternTimeout) {
      const { source, code, codebook, place, segment, ms, path } = error;
      return post({ chunk, timeout: [source, code, codebook, place, segment, ms], path });
    }
    post({ chunk, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

/** The documents formatted by a formatter of their own, and counted as the main thread counts them (app/corpus.ts). */
function formatted(documents: Iterable<CodedDocument>): FormattedChunk {
  const paths: string[] = [];
  const counter = new CodingCounter();
  let characters = 0;
  let segments = 0;
  let coded = 0;
  function* counted(): Generator<CodedDocument> {
    for (const document of documents) {
      paths.push(document.document.path);
      characters += document.document.text.length;
      segments += document.segments.length;
      coded += new Set(document.codings.map((c) => c.segment)).size;
      counter.add(document.codings);
      yield document;
    }
  }
  const text = formatAll(codingsStream(job.format!), counted());
  return { ...text, paths, characters, segments, coded, codings: counter.result() };
}

/**
 * Surveys the chunks not yet taken, one at a time, as the main thread would survey their files,
 * keeping the documents of each while the thread's share lasts; the word frequencies of them all
 * are posted last, once every chunk is taken.
 */
function surveyChunks({ chunks, claims, keep }: WorkerSurvey): void {
  const surveyed: CorpusOptions = {
    ...options,
    size: (path) => setup.sizes[index.get(path)!],
    // Counted with the coding pass's own tables, a kept segment's words are scanned once.
    wordTable: compiled.wordTable,
    // Hand-made codings of documents in no chunk are the main thread's to report.
    partial: true,
  };
  const counters = new Map<string, FrequencyCounter>();
  let characters = 0;
  try {
    for (let chunk = Atomics.add(claims, 0, 1); chunk < chunks.length; chunk = Atomics.add(claims, 0, 1)) {
      const { from, to } = chunks[chunk];
      const found = surveyCorpus(setup.files.slice(from, to), surveyed, { keep: characters < keep, counters });
      if (found.parsed.size > 0) kept.set(chunk, found.parsed);
      for (const { document } of found.parsed.values()) characters += document.text.length;
      post({ chunk, surveyed: { documents: found.documents, diagnostics: found.diagnostics, kept: found.parsed.size > 0 } });
    }
    post({ frequencies: new Map([...counters].map(([language, counter]) => [language, counter.result()])) });
  } catch (error) {
    post({ chunk: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

// Said before the thread goes, however it goes, so that the main thread does not wait for it forever.
process.on('exit', () => {
  Atomics.store(signal, slot, 1);
  Atomics.notify(signal, 0);
});

if (survey) surveyChunks(survey);
