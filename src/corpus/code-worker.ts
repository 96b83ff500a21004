/**
 * A worker thread of the coding pass (see parallel.ts): it codes the chunks of files it is handed
 * and posts the coded documents back, then raises the shared counter the main thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
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
import { NO_FREQUENCIES } from '../scoring/frequencies.js';
import type { FormattedChunk, FromWorker, ToWorker, WorkerSetup, WorkerWords } from './parallel.js';
import { codeCorpus, type CodedDocument, type CorpusOptions } from './pipeline.js';

const { setup, port, signal, slot } = workerData as { setup: WorkerSetup; port: MessagePort; signal: Int32Array; slot: number };

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
  // The words the coding pass scans, kept a batch at a time for the report's word counts to take.
  ...(setup.words ? { runs: new RunStore() } : {}),
};

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

port.on('message', ({ chunk, from, to }: ToWorker) => {
  try {
    const documents = codeCorpus(setup.files.slice(from, to), compiled, options);
    if (setup.format) post({ chunk, formatted: formatted(documents) });
    else if (!setup.words) post({ chunk, documents: [...documents] });
    else post({ chunk, ...withWords(documents, setup.words) });
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
  const text = formatAll(codingsStream(setup.format!), counted());
  return { ...text, paths, characters, segments, coded, codings: counter.result() };
}

// Said before the thread goes, however it goes, so that the main thread does not wait for it forever.
process.on('exit', () => {
  Atomics.store(signal, slot, 1);
  Atomics.notify(signal, 0);
});
