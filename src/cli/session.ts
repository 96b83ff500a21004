/**
 * What every corpus command does first: open the project, load the codebook, find the files and
 * survey them, reporting every problem on stderr. Returns only when the input has no errors, so
 * that a command writes output only for a clean corpus.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { compileCodebook, type CompiledCodebook } from '../codebook/compile.js';
import { parseCodebook } from '../codebook/load.js';
import type { Codebook } from '../codebook/types.js';
import { chooseEncodings } from '../corpus/encodings.js';
import { readMemos, type Memo } from '../corpus/memos.js';
import { surveyCorpus, type CorpusOptions, type DocumentInfo, type SurveyHooks } from '../corpus/pipeline.js';
import { codebookGuess, codebookName, codebookPath, displayPath, openProject, projectFiles, type Project } from '../corpus/project.js';
import { CONFIG_FILE } from '../corpus/settings.js';
import { readModel } from '../learn/model-file.js';
import { Predictor } from '../learn/predict.js';
import { corpusNow, staleness } from '../learn/stale.js';
import { addAll, collapseRepeats, diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { makeColour } from '../formatters/colour.js';
import { formatDiagnostic } from '../formatters/diagnostics.js';
import { CORPUS_EXTENSIONS, exists, fileSize, findFiles, isDirectory, readBytes, readText, toPosix } from '../io/files.js';
import { INLINE_CODER, type Selection } from '../manual/apply.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { closest } from '../codebook/suggest.js';
import type { SelectionProblem } from '../select/check.js';
import { coderOf, parseSidecar, type ManualRow } from '../manual/sidecar.js';
import { inputProblem, ProblemsReported, usage } from './errors.js';
import { colourOnStderr, type Io } from './io.js';
import { scoringOptions, settingsOverrides, type CorpusFlags } from './options.js';
import { backgroundFrequencies } from '../scoring/background.js';
import { parseKey } from '../anonymise/key.js';
import { redaction, type Redaction } from '../anonymise/redact.js';
import { decode } from '../io/decode.js';
import { encodingOf } from '../corpus/pipeline.js';
import { MAX_FILE_SIZE } from '../corpus/size.js';

export interface Session {
  io: Io;
  project: Project;
  codebook: Codebook;
  codebookPath: string;
  compiled: CompiledCodebook;
  files: string[];
  documents: DocumentInfo[];
  diagnostics: Diagnostic[];
  corpus: CorpusOptions;
  /** The key of --redact, applied to texts as they are read. */
  redaction?: Redaction;
}

export interface SessionOptions {
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
  /** Checks of the command's own that need the project but not the corpus (an output folder), run before the corpus is read. */
  checkProject?: (project: Project) => void;
}

export function openSession(paths: string[], flags: CorpusFlags, io: Io, options: SessionOptions = {}): Session {
  const project = openProject(paths, io.cwd, settingsOverrides(flags));
  options.checkProject?.(project);
  const diagnostics: Diagnostic[] = [...project.diagnostics];

  const bookPath = codebookPath(project, io.cwd);
  const shownBook = displayPath(bookPath, io.cwd);
  if (!exists(bookPath, io.cwd)) missingCodebook(project, bookPath, io);
  const loaded = parseCodebook(shownBook, readText(bookPath, io.cwd));
  addAll(diagnostics, loaded.diagnostics);

  const writes = [options.output, options.outputDir].filter((p): p is string => p !== undefined);
  const { files, missing, skipped } = projectFiles(project, io.cwd, writes);
  guardInputs(files, options, io.cwd);
  const unmatched = missing.map((m) => unmatchedGlob(project, m));
  if (missing.length > 0 && files.length === 0) {
    // Globs of qda.yaml that match nothing are said at their line there; paths given are said as before.
    if (unmatched.every((d) => d.line !== undefined)) {
      const problems = [...diagnostics.filter((d) => d.file === project.configPath), ...unmatched.map((d) => ({ ...d, severity: 'error' as const }))];
      report(io, problems);
      throw new ProblemsReported(1, problems);
    }
    noTranscripts(missing, io.cwd);
  }
  diagnostics.push(...unmatched);
  for (const s of skipped) diagnostics.push(diagnostic('warning', s.file, 'file/skipped', `skipped: ${s.reason}`, undefined, s.hint));

  const encodings = chooseEncodings(project, io.cwd, flags.encoding);
  addAll(diagnostics, encodings.diagnostics);
  const corpus: CorpusOptions = {
    encoding: encodings.encodingOf,
    unit: project.settings.unit,
    skipSpeakers: project.settings.skipSpeakers,
    read: (path) => readBytes(path, io.cwd),
    size: (path) => fileSize(path, io.cwd),
    maxFileSize: flags.maxFileSize ?? MAX_FILE_SIZE,
    partial: project.partial,
  };
  const language = project.settings.language ?? loaded.codebook?.language;
  if (language) corpus.language = language;
  corpus.scoring = scoringOptions(flags, project.settings, loaded.codebook);
  corpus.background = (lang) => backgroundFrequencies(lang, (file) => (exists(file, io.cwd) ? readText(file, io.cwd) : undefined));
  // Hand-made codings are checked against a sound codebook only; a broken one would make every code unknown.
  if (loaded.codebook && !hasErrors(loaded.diagnostics)) corpus.codes = new Map(loaded.codebook.codes.map((c) => [c.id, c]));
  const sidecars = readSidecars(project, io);
  addAll(diagnostics, sidecars.diagnostics);
  const redacted = flags.redact ? openRedaction(flags.redact, io) : undefined;
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
  const survey = surveyCorpus(files, corpus, typeof options.survey === 'function' ? options.survey(project, corpus) : options.survey);
  addAll(diagnostics, survey.diagnostics);
  corpus.parsed = survey.parsed;
  corpus.frequencies = survey.frequencies;
  if (project.settings.model && !options.ignoreModel && loaded.codebook && corpus.codes) {
    const learned = openModel(project.settings.model, loaded.codebook, files, corpus, io);
    addAll(diagnostics, learned.diagnostics);
    if (learned.predictor) corpus.model = learned.predictor;
  }

  report(io, diagnostics);
  if (!loaded.codebook || (hasErrors(diagnostics) && !options.keepGoing)) throw new ProblemsReported(1, diagnostics);
  if (files.length === 0 && project.settings.corpus.length === 0 && !options.codebookOnly)
    throw inputProblem(
      `${displayPath(join(project.root, CONFIG_FILE), io.cwd)} has \`corpus: []\`: this project holds a codebook only`,
      'add transcripts and name them, e.g. `corpus: [corpus/**/*.md]`; qda check and qda export qdpx work without them',
    );
  if (files.length === 0 && !(options.codebookOnly && project.settings.corpus.length === 0))
    noTranscripts(paths.length > 0 ? paths : project.settings.corpus, io.cwd);
  checkCoder(io, flags.coder, corpus.model ? [...sidecars.coders, corpus.model.model.name] : sidecars.coders);
  return {
    io,
    project,
    codebook: loaded.codebook,
    codebookPath: codebookName(bookPath, io.cwd),
    compiled: compileCodebook(loaded.codebook),
    files,
    documents: survey.documents,
    diagnostics,
    corpus,
    ...(redacted ? { redaction: redacted } : {}),
  };
}

/** The key of --redact; a missing file is wrong usage, a bad one a problem in the input. */
function openRedaction(path: string, io: Io): Redaction {
  if (!exists(path, io.cwd) || isDirectory(path, io.cwd)) throw usage(`--redact ${path}: key file not found`, 'give the key qda anonymise wrote');
  const parsed = parseKey(displayPath(path, io.cwd), readText(path, io.cwd));
  if (hasErrors(parsed.diagnostics)) {
    report(io, parsed.diagnostics);
    throw new ProblemsReported(1, parsed.diagnostics);
  }
  return redaction(parsed.entries);
}

/**
 * Nothing to read. A path that does not exist, and a folder or glob that holds no transcripts, are
 * problems with the user's input (1, DESIGN.md §6), said the same way for every command.
 */
function noTranscripts(paths: string[], cwd: string): never {
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
function missingCodebook(project: Project, bookPath: string, io: Io): never {
  const place = project.settings.at?.codebook;
  const fromConfig = place !== undefined && project.configPath !== undefined;
  const written = fromConfig ? toPosix(relative(project.root, bookPath)) : bookPath;
  const guess = codebookGuess(bookPath, written, io.cwd);
  const message = `codebook ${fromConfig ? written : displayPath(bookPath, io.cwd)} not found${guess ? `; did you mean ${guess}?` : ''}`;
  if (fromConfig) {
    const problems = [
      ...project.diagnostics,
      diagnostic('error', project.configPath!, 'settings/codebook', message, place, 'name a codebook file, or leave `codebook` out for the HALL codebook'),
    ];
    report(io, problems);
    throw new ProblemsReported(1, problems);
  }
  throw inputProblem(message, 'name a codebook file with --codebook, or leave it out for the HALL codebook');
}

const isGlob = (path: string) => /[*?[\]{}]/.test(path);

/** The model named by --model or qda.yaml, and its problems: a bad file is an error, a stale one warnings. */
function openModel(
  path: string,
  codebook: Codebook,
  files: string[],
  corpus: CorpusOptions,
  io: Io,
): { predictor?: Predictor; diagnostics: Diagnostic[] } {
  const shown = displayPath(path, io.cwd);
  if (!exists(path, io.cwd) || isDirectory(path, io.cwd))
    return { diagnostics: [diagnostic('error', shown, 'model/file', 'model file not found', undefined, 'train one with qda learn --out FILE')] };
  const read = readModel(shown, readText(path, io.cwd));
  if (!read.model) return { diagnostics: read.diagnostics };
  const codes = corpus.codes!;
  const now = corpusNow(files, corpus, codes, read.model.training.coders);
  return { predictor: new Predictor(read.model, codes), diagnostics: staleness(read.model, shown, codebook, now) };
}

/** The coders' sidecar files under codings/ of the project. */
function readSidecars(project: Project, io: Io): { rows: ManualRow[]; diagnostics: Diagnostic[]; coders: string[] } {
  const folder = join(project.root, 'codings');
  if (!isDirectory(folder, io.cwd)) return { rows: [], diagnostics: [], coders: [] };
  const { files } = findFiles([`${toPosix(folder)}/*.{csv,yaml,yml}`], io.cwd);
  const rows: ManualRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const parsed = parseSidecar(file, readText(file, io.cwd));
    // One by one: a spread of a million rows overflows the call stack.
    for (const row of parsed.rows) rows.push(row);
    for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  return { rows, diagnostics, coders: files.map(coderOf) };
}

function selectionFrom(flags: CorpusFlags): Selection {
  const selection: Selection = {};
  if (flags.manualOnly) selection.manualOnly = true;
  if (flags.coder) selection.coder = flags.coder;
  return selection;
}

/** Refuse an output that would overwrite a transcript: results never replace what they came from. */
function guardInputs(files: string[], options: SessionOptions, cwd: string): void {
  const inside = (file: string, dir: string) => {
    const rel = relative(resolve(cwd, dir), resolve(cwd, file));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const clash = files.find(
    (f) => (options.output && resolve(cwd, f) === resolve(cwd, options.output)) || (options.outputDir && inside(f, options.outputDir)),
  );
  if (clash) throw usage(`the output would be written over or beside the transcript ${clash}`, 'choose an --out outside the corpus, e.g. --out out');
}

/** The language labels and headings are written in: the project's, else the codebook's. */
export function outputLanguage(session: Session): string {
  return session.project.settings.language ?? session.codebook.language;
}

/** The memos of the project (or of `dir`), reported on stderr; undefined when one has an error. */
export function loadMemos(session: Session, dir?: string): Memo[] | undefined {
  const folder = dir ?? join(session.project.root, 'memos');
  if (!isDirectory(folder, session.io.cwd)) {
    if (dir) throw inputProblem(`memo folder ${dir} not found`);
    return [];
  }
  const { files } = findFiles([folder], session.io.cwd);
  const redact = session.redaction;
  const read = redact ? (path: string) => redact.memo(session.corpus.read(path)) : session.corpus.read;
  const { memos, diagnostics } = readMemos(files, read, new Set(session.codebook.codes.map((c) => c.id)));
  report(session.io, diagnostics);
  return hasErrors(diagnostics) ? undefined : memos;
}

/** `--coder` must name someone who coded: the auto-coder, inline comments, a file in codings/ or the model. */
function checkCoder(io: Io, coder: string | undefined, sidecarCoders: Iterable<string>): void {
  if (coder === undefined) return;
  const known = [...new Set([AUTO_CODER, INLINE_CODER, ...sidecarCoders])];
  if (known.includes(coder)) return;
  const guess = closest(coder, known);
  reportProblems(io, 'error', [
    {
      message: `unknown coder "${coder}"${guess ? `; did you mean ${guess}?` : ''}`,
      hint: `coders: ${known.join(', ')} (${AUTO_CODER} is the auto-coder, ${INLINE_CODER} the <!-- qda: --> comments)`,
    },
  ]);
  throw new ProblemsReported(1);
}

/** Problems with what the command was asked, not with a file: `error: message`, then the hint. */
export function reportProblems(io: Io, severity: 'error' | 'warning', problems: SelectionProblem[]): void {
  const colour = makeColour(colourOnStderr(io));
  const label = severity === 'error' ? colour.red('error') : colour.yellow('warning');
  for (const p of problems) io.stderr.write(`${label}: ${p.message}\n${p.hint ? `  ${colour.dim(p.hint)}\n` : ''}`);
}

export function report(io: Io, diagnostics: Diagnostic[]): void {
  const colour = makeColour(colourOnStderr(io));
  for (const d of collapseRepeats(sortDiagnostics(diagnostics))) io.stderr.write(`${formatDiagnostic(d, colour)}\n`);
}

/** Progress on a terminal only: one line, rewritten in place, cleared at the end. */
export function progress(io: Io, total: number): { step(label: string): void; done(): void } {
  const show = io.stderrIsTTY && total > 20;
  let count = 0;
  let last = 0;
  return {
    step(label) {
      count++;
      const now = Date.now();
      if (!show || now - last < 100) return;
      last = now;
      io.stderr.write(`\r\x1b[K${count}/${total} ${label}`);
    },
    done() {
      if (show) io.stderr.write('\r\x1b[K');
    },
  };
}
