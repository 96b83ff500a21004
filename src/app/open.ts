/**
 * Opening a corpus: the project and its settings, the codebook, the files, the coders' sidecar
 * files, the model, and a survey of every document, with every problem found as a Diagnostic.
 * Nothing is printed; a command shows the diagnostics (cli/session.ts), a script reads them.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { compileCodebook } from '../codebook/compile.js';
import { parseCodebookCached } from '../codebook/cache.js';
import { closest } from '../codebook/suggest.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { chooseEncodings } from '../corpus/encodings.js';
import { encodingOf, surveyCorpus, type CorpusOptions, type SurveyHooks } from '../corpus/pipeline.js';
import type { Redaction } from '../anonymise/redact.js';
import { SurveyThreads } from '../corpus/survey-threads.js';
import { CodingThreads, corpusBytes, threadsKeep, workerSetup } from '../corpus/parallel.js';
import type { SurveyJob } from './survey-job.js';
import { decode } from '../io/decode.js';
import { codebookGuess, codebookName, codebookPath, displayPath, openProject, projectFiles, type Project } from '../corpus/project.js';
import { addAll, diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CORPUS_EXTENSIONS, exists, fileSize, findFiles, isDirectory, readBytes, readText, toPosix } from '../io/files.js';
import type { Model } from '../learn/model.js';
import { INLINE_CODER, type Selection } from '../manual/apply.js';
import { coderOf, parseSidecar, type ManualRow } from '../manual/sidecar.js';
import { backgroundFrequencies } from '../scoring/background.js';
import type { OpenedCorpus } from './corpus.js';
import { inputProblem, usage } from './errors.js';
import { scoringOptions, settingsOverrides, type CorpusSettings } from './settings.js';
import { REQUEST, type Outcome } from './outcome.js';
import { MAX_FILE_SIZE } from '../corpus/size.js';
import { loadAnonymiser, loadLearner, missingPart, type Anonymiser, type Learner, type Parts } from './parts.js';

const SURVEY_WORKER = new URL('./survey-worker.js', import.meta.url);

/**
 * Worker threads for the survey of a job of this kind (search, words), started before the corpus is
 * opened (OpenOptions.surveyThreads); without a kind, for a corpus that worker threads code.
 */
export function startSurveyThreads(count: number, kind?: SurveyJob['kind']): SurveyThreads {
  return SurveyThreads.start(count, SURVEY_WORKER, kind);
}

export interface OpenOptions {
  /** Report problems but return even when there are errors (for `qda check`). */
  keepGoing?: boolean;
  /** A file the command writes to, never read as corpus. */
  output?: string;
  /** A folder the command writes into, never read as corpus. */
  outputDir?: string;
  /** Leave the model of --model or qda.yaml unread (for `qda learn`, which makes one). */
  ignoreModel?: boolean;
  /** For a command that reads the corpus without coding it (see SurveyHooks); made from the project when a function. */
  survey?: SurveyHooks | ((project: Project, corpus: CorpusOptions) => SurveyHooks);
  /** A project with `corpus: []` (a codebook only) is fine: for `qda check` and `qda export qdpx`. */
  codebookOnly?: boolean;
  /**
   * How many threads survey the corpus when `survey` has `threads` (the main thread among them; 0 or
   * 1: the main thread alone), given the files and options (src/cli/workers.ts).
   */
  threads?: (files: string[], corpus: CorpusOptions) => number;
  /**
   * How many worker threads will code the corpus after the survey (src/cli/workers.ts): with one or
   * more they survey it first and then code it (OpenedCorpus.codingThreads), and nothing is kept
   * in this thread.
   */
  codingThreads?: (files: string[], corpus: CorpusOptions) => number;
  /** Worker threads started for the survey (startSurveyThreads); those it does not use are ended. Others are started when `threads` asks for more. */
  surveyThreads?: SurveyThreads;
  /** Checks of the command's own that need the project but not the corpus (an output folder), run before the corpus is read. */
  checkProject?: (project: Project) => void;
  /** The project, when already opened (by prepareOpen). */
  project?: Project;
  /** The anonymiser and the learner, when the run needs them (prepareOpen loads them). */
  parts?: Parts;
}

/**
 * The options for openCorpus with the project opened and the parts the run needs loaded: the
 * anonymiser for --redact, the learner for a model of --model or qda.yaml.
 */
export async function prepareOpen(paths: string[], flags: CorpusSettings, cwd: string, options: OpenOptions = {}): Promise<OpenOptions> {
  const project = options.project ?? openProject(paths, cwd, settingsOverrides(flags));
  const parts: Parts = { ...options.parts };
  if (flags.redact) parts.anonymiser ??= await loadAnonymiser();
  if (project.settings.model && !options.ignoreModel) parts.learner ??= await loadLearner();
  return { ...options, project, parts };
}

/**
 * Opens the corpus of `paths` (or of qda.yaml, or of `cwd`) with the command's settings; with
 * --redact or a model, `options` must come from prepareOpen. The
 * diagnostics come sorted, problems of the request ('' file) last; without a result when the
 * codebook cannot be used or an error was found (unless `keepGoing`). A corpus that cannot be read
 * at all (no codebook file, no transcripts) throws CommandFailed.
 */
export function openCorpus(paths: string[], flags: CorpusSettings, cwd: string, options: OpenOptions = {}): Outcome<OpenedCorpus> {
  const project = options.project ?? openProject(paths, cwd, settingsOverrides(flags));
  options.checkProject?.(project);
  const diagnostics: Diagnostic[] = [...project.diagnostics];

  const bookPath = codebookPath(project, cwd);
  const shownBook = displayPath(bookPath, cwd);
  if (!exists(bookPath, cwd)) return missingCodebook(project, bookPath, cwd);
  const loaded = parseCodebookCached(shownBook, readText(bookPath, cwd));
  addAll(diagnostics, loaded.diagnostics);

  const writes = [options.output, options.outputDir].filter((p): p is string => p !== undefined);
  const { files, missing, skipped, sizes } = projectFiles(project, cwd, writes);
  guardInputs(files, options, cwd);
  const unmatched = missing.map((m) => unmatchedGlob(project, m));
  if (missing.length > 0 && files.length === 0) {
    // Globs of qda.yaml that match nothing are said at their line there; paths given are said as before.
    if (unmatched.every((d) => d.line !== undefined))
      return {
        diagnostics: sortDiagnostics([
          ...diagnostics.filter((d) => d.file === project.configPath),
          ...unmatched.map((d) => ({ ...d, severity: 'error' as const })),
        ]),
      };
    noTranscripts(missing, cwd);
  }
  diagnostics.push(...unmatched);
  for (const s of skipped) diagnostics.push(diagnostic('warning', s.file, 'file/skipped', `skipped: ${s.reason}`, undefined, s.hint));

  const encodings = chooseEncodings(project, cwd, flags.encoding);
  addAll(diagnostics, encodings.diagnostics);
  const corpus: CorpusOptions = {
    encoding: encodings.encodingOf,
    unit: project.settings.unit,
    skipSpeakers: project.settings.skipSpeakers,
    read: (path) => readBytes(path, cwd),
    size: (path) => sizes.get(path) ?? fileSize(path, cwd),
    maxFileSize: flags.maxFileSize ?? MAX_FILE_SIZE,
    partial: project.partial,
  };
  const language = project.settings.language ?? loaded.codebook?.language;
  if (language) corpus.language = language;
  corpus.scoring = scoringOptions(flags, project.settings, loaded.codebook);
  corpus.background = (lang) => backgroundFrequencies(lang, (file) => (exists(file, cwd) ? readText(file, cwd) : undefined));
  // Hand-made codings are checked against a sound codebook only; a broken one would make every code unknown.
  if (loaded.codebook && !hasErrors(loaded.diagnostics)) corpus.codes = new Map(loaded.codebook.codes.map((c) => [c.id, c]));
  const sidecars = readSidecars(project, cwd);
  addAll(diagnostics, sidecars.diagnostics);
  const redacted = flags.redact ? openRedaction(flags.redact, cwd, options.parts?.anonymiser ?? absent('anonymiser')) : undefined;
  // A bad key is the only thing said: nothing else is worth reading until it is fixed.
  if (redacted && 'diagnostics' in redacted) return { diagnostics: redacted.diagnostics };
  if (redacted) {
    corpus.redact = redacted.text;
    const text = (path: string) => {
      const e = encodingOf(corpus, path);
      const decoded = decode(corpus.read(path), typeof e === 'string' ? e : e.name);
      return decoded.ok ? decoded.text : undefined;
    };
    sidecars.rows = redacted.rows(sidecars.rows, files, text);
  }
  corpus.manual = { rows: sidecars.rows, selection: selectionFrom(flags) };
  const compiled = loaded.codebook ? compileCodebook(loaded.codebook) : undefined;
  if (compiled && !options.survey) corpus.wordTable = compiled.wordTable;
  // The model file is read first, so that the survey gathers what its staleness check needs as it goes.
  const modelFile =
    project.settings.model && !options.ignoreModel && loaded.codebook && corpus.codes
      ? readModelFile(project.settings.model, cwd, options.parts?.learner ?? absent('learner'))
      : undefined;
  const learner = options.parts?.learner;
  const now = modelFile?.model && learner && new learner.CorpusNowCollector(modelFile.model, corpus, corpus.codes!);
  const hooks = typeof options.survey === 'function' ? options.survey(project, corpus) : options.survey;
  const threads = hooks?.threads && hooks.frequencies === false && !now ? (options.threads?.(files, corpus) ?? 0) : 0;
  const coders = !hooks && !now ? (options.codingThreads?.(files, corpus) ?? 0) : 0;
  const started = threads > 1 ? options.surveyThreads : undefined;
  if (!started) options.surveyThreads?.close();
  // The threads that code survey the corpus first; they end with the coding, or here when there is none.
  const coding =
    coders > 0 && loaded.codebook && compiled
      ? CodingThreads.startSurvey(workerSetup(files, loaded.codebook, corpus, cwd), coders, threadsKeep(corpusBytes(files, corpus)))
      : undefined;
  let survey: ReturnType<typeof surveyCorpus>;
  try {
    survey =
      threads > 1
        ? (started ?? startSurveyThreads(threads - 1, (hooks!.threads!.job as SurveyJob).kind)).survey(files, corpus, hooks!, threads, cwd)
        : coding
          ? coding.survey(files, corpus)
          : coders > 1
            ? startSurveyThreads(coders - 1).survey(files, corpus, {}, coders, cwd)
            : surveyCorpus(
                files,
                corpus,
                now ? { ...hooks, each: (document, segments) => now.add(document, segments) } : coders > 0 ? { keep: false } : hooks,
              );
  } catch (error) {
    coding?.close();
    throw error;
  }
  addAll(diagnostics, survey.diagnostics);
  corpus.parsed = survey.parsed;
  corpus.frequencies = survey.frequencies;
  if (modelFile) {
    addAll(diagnostics, modelFile.diagnostics);
    if (modelFile.model && now && learner) {
      addAll(diagnostics, learner.staleness(modelFile.model, modelFile.shown, loaded.codebook!, now.now));
      corpus.model = new learner.Predictor(modelFile.model, corpus.codes!);
    }
  }

  sortDiagnostics(diagnostics);
  if (!loaded.codebook || !compiled || (hasErrors(diagnostics) && !options.keepGoing)) {
    coding?.close();
    return { diagnostics };
  }
  const opened: OpenedCorpus = {
    cwd,
    project,
    codebook: loaded.codebook,
    codebookPath: codebookName(bookPath, cwd),
    compiled,
    files,
    documents: survey.documents,
    corpus,
    ...(coding ? { codingThreads: coding } : {}),
    ...(redacted ? { redaction: redacted } : {}),
  };
  // With no transcripts there is no one to have coded; the caller says so (noTranscripts).
  if (files.length > 0) {
    const unknown = unknownCoder(flags.coder, corpus.model ? [...sidecars.coders, corpus.model.model.name] : sidecars.coders);
    if (unknown) {
      coding?.close();
      return { diagnostics: [...diagnostics, unknown] };
    }
  }
  return { result: opened, diagnostics };
}

/** The key of --redact; a missing file is wrong usage, a bad one a problem in the input. */
function openRedaction(path: string, cwd: string, { parseKey, redaction }: Anonymiser): Redaction | { diagnostics: Diagnostic[] } {
  if (!exists(path, cwd) || isDirectory(path, cwd)) throw usage(`--redact ${path}: key file not found`, 'give the key qda anonymise wrote');
  const parsed = parseKey(displayPath(path, cwd), readText(path, cwd));
  if (hasErrors(parsed.diagnostics)) return { diagnostics: sortDiagnostics([...parsed.diagnostics]) };
  return redaction(parsed.entries);
}

/**
 * Nothing to read. A path that does not exist, and a folder or glob that holds no transcripts, are
 * problems with the user's input (1, DESIGN.md §6), said the same way for every command.
 */
export function noTranscripts(paths: string[], cwd: string): never {
  const shown = paths.join(', ');
  if (paths.every((p) => !exists(p, cwd) && !isGlob(p)))
    throw inputProblem(`no transcripts found at ${shown}: no such file or folder`, 'give markdown files or folders that hold them');
  throw inputProblem(
    `no transcripts (${CORPUS_EXTENSIONS.map((e) => `*.${e}`).join(', ')}) in ${shown}`,
    'put markdown files in the folder, or name them as arguments',
  );
}

/** A corpus path or glob that matched nothing: at its line in qda.yaml when it comes from there. */
function unmatchedGlob(project: Project, pattern: string): Diagnostic {
  const place = project.settings.at?.corpus?.[project.settings.corpus.indexOf(pattern)];
  if (!place || !project.configPath) return { file: pattern, severity: 'warning', rule: 'corpus/no-files', message: 'no transcripts found here' };
  const written = toPosix(relative(project.root, pattern));
  return diagnostic(
    'warning',
    project.configPath,
    'corpus/no-files',
    `corpus glob "${written}" matches no transcripts`,
    place,
    `globs are relative to the folder of ${project.configPath}; transcripts are ${CORPUS_EXTENSIONS.map((e) => `*.${e}`).join(', ')}`,
  );
}

/** The codebook named does not exist: said at its line in qda.yaml when named there, with a close name if there is one. */
function missingCodebook(project: Project, bookPath: string, cwd: string): Outcome<OpenedCorpus> {
  const place = project.settings.at?.codebook;
  const fromConfig = place !== undefined && project.configPath !== undefined;
  const written = fromConfig ? toPosix(relative(project.root, bookPath)) : bookPath;
  const guess = codebookGuess(bookPath, written, cwd);
  const message = `codebook ${fromConfig ? written : displayPath(bookPath, cwd)} not found${guess ? `; did you mean ${guess}?` : ''}`;
  if (!fromConfig) throw inputProblem(message, 'name a codebook file with --codebook, or leave it out for the HALL codebook');
  return {
    diagnostics: sortDiagnostics([
      ...project.diagnostics,
      diagnostic(
        'error',
        project.configPath!,
        'settings/codebook',
        message,
        place,
        'name a codebook file, or leave `codebook` out for the HALL codebook',
      ),
    ]),
  };
}

function absent(name: string): never {
  throw missingPart(name);
}

const isGlob = (path: string) => /[*?[\]{}]/.test(path);

/** The model named by --model or qda.yaml, read: a missing or bad file is an error (its staleness is checked after the survey). */
function readModelFile(path: string, cwd: string, { readModel }: Learner): { model?: Model; shown: string; diagnostics: Diagnostic[] } {
  const shown = displayPath(path, cwd);
  if (!exists(path, cwd) || isDirectory(path, cwd))
    return {
      shown,
      diagnostics: [diagnostic('error', shown, 'model/file', 'model file not found', undefined, 'train one with qda learn --out FILE')],
    };
  const read = readModel(shown, readText(path, cwd));
  return read.model ? { model: read.model, shown, diagnostics: read.diagnostics } : { shown, diagnostics: read.diagnostics };
}

/** The coders' sidecar files under codings/ of the project. */
function readSidecars(project: Project, cwd: string): { rows: ManualRow[]; diagnostics: Diagnostic[]; coders: string[] } {
  const folder = join(project.root, 'codings');
  if (!isDirectory(folder, cwd)) return { rows: [], diagnostics: [], coders: [] };
  const { files } = findFiles([`${toPosix(folder)}/*.{csv,yaml,yml}`], cwd);
  const rows: ManualRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const parsed = parseSidecar(file, readText(file, cwd));
    // One by one: a spread of a million rows overflows the call stack.
    for (const row of parsed.rows) rows.push(row);
    for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  // codings/Anne.csv typed on one system and codings/Anne.csv copied from another can be two names
  // (NFC, NFD) that look alike: two coders, whose decisions would not be taken together.
  const composed = new Map<string, string>();
  for (const file of files) {
    const key = coderOf(file).normalize('NFC');
    const first = composed.get(key);
    if (first === undefined) composed.set(key, file);
    else
      diagnostics.push(
        diagnostic(
          'warning',
          displayPath(file, cwd),
          'codings/unicode-duplicate',
          `coder "${coderOf(file)}" looks the same as the coder of ${displayPath(first, cwd)} but is written with other Unicode code points (NFC and NFD); they are two coders`,
          undefined,
          'rename one of the files so that both have the same name, and merge their rows',
        ),
      );
  }
  return { rows, diagnostics, coders: files.map(coderOf) };
}

function selectionFrom(flags: CorpusSettings): Selection {
  const selection: Selection = {};
  if (flags.manualOnly) selection.manualOnly = true;
  if (flags.coder) selection.coder = flags.coder;
  return selection;
}

/** Refuse an output that would overwrite a transcript: results never replace what they came from. */
function guardInputs(files: string[], options: OpenOptions, cwd: string): void {
  const inside = (file: string, dir: string) => {
    const rel = relative(resolve(cwd, dir), resolve(cwd, file));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const clash = files.find(
    (f) => (options.output && resolve(cwd, f) === resolve(cwd, options.output)) || (options.outputDir && inside(f, options.outputDir)),
  );
  if (clash) throw usage(`the output would be written over or beside the transcript ${clash}`, 'choose an --out outside the corpus, e.g. --out out');
}

/** `--coder` must name someone who coded: the auto-coder, inline comments, a file in codings/ or the model. */
function unknownCoder(coder: string | undefined, sidecarCoders: Iterable<string>): Diagnostic | undefined {
  if (coder === undefined) return undefined;
  const known = [...new Set([AUTO_CODER, INLINE_CODER, ...sidecarCoders])];
  if (known.includes(coder)) return undefined;
  const guess = closest(coder, known);
  return diagnostic(
    'error',
    REQUEST,
    'selection/coder',
    `unknown coder "${coder}"${guess ? `; did you mean ${guess}?` : ''}`,
    undefined,
    `coders: ${known.join(', ')} (${AUTO_CODER} is the auto-coder, ${INLINE_CODER} the <!-- qda: --> comments)`,
  );
}
