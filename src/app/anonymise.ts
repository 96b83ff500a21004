/**
 * `anonymise`: a pseudonymised copy of an opened project (names, e-mail addresses, phone numbers,
 * postcodes, BSNs, addresses replaced consistently), with the key of originals and pseudonyms kept
 * apart; or, with `reverse`, the original restored from a copy and its key. The copy and the key go
 * through writers that keep all or nothing; a dry run only shows each file that would change.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { buildKey, rewriteProject, type OutputFile, type ProjectFiles } from '../anonymise/corpus.js';
import { firstNames } from '../anonymise/first-names.js';
import { keyCsv, parseKey, type KeyEntry } from '../anonymise/key.js';
import { parseNamesFile } from '../anonymise/names-file.js';
import { encodingOf } from '../corpus/pipeline.js';
import { codebookPath, displayPath } from '../corpus/project.js';
import type { NameSetting } from '../corpus/settings.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { exists, findFiles, isDirectory, readText, toPosix } from '../io/files.js';
import { AtomicFile, resolvePath } from '../io/write.js';
import { isEmptyOrMissing, TreeWriter } from '../io/write-tree.js';
import { outputLanguage, type OpenedCorpus } from './corpus.js';
import { inputProblem, usage } from './errors.js';
import type { OpenOptions } from './open.js';
import type { Outcome } from './outcome.js';

export interface AnonymiseRequest {
  /** The folder for the copy: new, empty, or an earlier copy made by qda anonymise; never inside the project. */
  out?: string;
  /** The key file (CSV); an existing key is kept and extended, so names keep their pseudonyms. */
  key?: string;
  /** Show what would change (through `preview`) and write nothing. */
  dryRun?: boolean;
  /** Restore: turn a pseudonymised copy back into the original with its key. */
  reverse?: boolean;
}

export interface AnonymiseResult {
  /** The key: every identifier and its pseudonym, those of an existing key first. */
  entries: KeyEntry[];
  /** How many of `entries` the key held already. */
  existing: number;
  /** Files of the copy (none in a dry run), and those whose text changed (or would change). */
  written: number;
  changed: number;
}

/** A folder or file written whole or not at all. */
export interface Staged<Add extends unknown[]> {
  add(...args: Add): void;
  commit(): void;
  abort(): void;
}

export interface AnonymiseWriters {
  /** For a dry run: each file whose text would change, as it is rewritten. */
  preview?: (file: { source: string; before: string; after: string }) => void;
  /** The copy's folder; by default the `out` folder, swapped in whole. */
  copy?: () => Staged<[path: string, bytes: Uint8Array | string]>;
  /** The key file; by default `key`, replaced whole. */
  key?: () => Staged<[text: string]>;
}

/** Marks a folder qda anonymise wrote, so that a later run may replace it. */
export const ANONYMISED_MARKER = '.qda-anonymised';

/** What cannot be asked, checked before the corpus is opened (usage: exit 2; a missing key: exit 1). */
export function checkAnonymiseRequest(request: AnonymiseRequest, cwd: string): void {
  if (!request.dryRun && !request.out)
    throw usage('--out DIR is needed: the folder to write the copy into', 'or add --dry-run to see what would change');
  if (!request.key && (!request.dryRun || request.reverse))
    throw usage('--key FILE is needed: the key of originals and pseudonyms', 'keep it apart from the copy, e.g. --key ~/private/study-key.csv');
  if (request.reverse && request.key && !exists(request.key, cwd))
    throw inputProblem(`key ${request.key} not found`, 'give the key the copy was made with');
}

/** How to open the corpus for anonymise: nothing is coded, and the copy and key are never read as corpus. */
export function anonymiseOpenOptions(request: AnonymiseRequest): OpenOptions {
  return {
    // The survey only checks the input, without counting words.
    survey: { frequencies: false },
    ...(request.out ? { outputDir: request.out } : {}),
    ...(request.key ? { output: request.key } : {}),
  };
}

/**
 * The problems found are returned in the order found; with an error nothing was written. Wrong usage
 * (a copy inside the project, a key inside the copy) is thrown before anything is read.
 */
export function anonymise(opened: OpenedCorpus, request: AnonymiseRequest, writers: AnonymiseWriters = {}): Outcome<AnonymiseResult> {
  const cwd = opened.cwd;
  checkAnonymiseRequest(request, cwd);
  if (request.out) checkOut(request.out, request.key, opened);
  const files = projectFiles(opened);
  const diagnostics: Diagnostic[] = [];
  const stop = (found: Diagnostic[]) => {
    diagnostics.push(...sortDiagnostics(found));
    return hasErrors(found);
  };
  let existing: KeyEntry[] = [];
  if (request.key && exists(request.key, cwd)) {
    const parsed = parseKey(request.key, readText(request.key, cwd));
    if (stop(parsed.diagnostics)) return { diagnostics };
    existing = parsed.entries;
  }
  let entries = existing;
  if (!request.reverse) {
    const settings = opened.project.settings;
    const names = namesFile(settings.namesFile, cwd);
    if (stop(names.diagnostics)) return { diagnostics };
    const built = buildKey(files, {
      firstNames: firstNames((file) => readText(file, cwd)),
      names: [...settings.names, ...names.names],
      existing,
      language: outputLanguage(opened),
    });
    if (stop(built.diagnostics)) return { diagnostics };
    entries = built.key;
    stop(fileNameWarnings(files.documents, entries));
  }
  const result: AnonymiseResult = { entries, existing: existing.length, written: 0, changed: 0 };
  if (request.dryRun) {
    const problems = rewriteProject(files, entries, !request.reverse, (f) => {
      if (f.before === undefined || f.before === f.after) return;
      result.changed++;
      writers.preview?.({ source: f.source, before: f.before, after: f.after! });
    });
    return stop(problems) ? { diagnostics } : { result, diagnostics };
  }
  const copy = writers.copy?.() ?? new TreeWriter(resolvePath(cwd, request.out!));
  const keyFile = request.reverse ? undefined : (writers.key?.() ?? atomic(resolvePath(cwd, request.key!)));
  try {
    const emit = (f: OutputFile) => {
      copy.add(f.path, f.bytes);
      result.written++;
      if (f.before !== undefined && f.before !== f.after) result.changed++;
    };
    if (stop(rewriteProject(files, entries, !request.reverse, emit))) {
      copy.abort();
      keyFile?.abort();
      return { diagnostics };
    }
    copy.add(ANONYMISED_MARKER, `qda anonymise${request.reverse ? ' --reverse' : ''} wrote this folder; it keeps no key.\n`);
    keyFile?.add(keyCsv(entries));
    copy.commit();
    keyFile?.commit();
  } catch (error) {
    copy.abort();
    keyFile?.abort();
    throw error;
  }
  return { result, diagnostics };
}

function atomic(path: string): Staged<[text: string]> {
  const file = new AtomicFile(path);
  return { add: (text) => file.write(text), commit: () => file.commit(), abort: () => file.abort() };
}

/** The names of `names: FILE` in qda.yaml, if any. */
function namesFile(path: string | undefined, cwd: string): { names: NameSetting[]; diagnostics: Diagnostic[] } {
  if (path === undefined) return { names: [], diagnostics: [] };
  if (!exists(path, cwd) || isDirectory(path, cwd))
    throw inputProblem(
      `names file ${displayPath(path, cwd)} (names: in qda.yaml) not found`,
      'create it, one name a line, or list the names in qda.yaml',
    );
  return parseNamesFile(displayPath(path, cwd), readText(path, cwd));
}

/** The copy never goes inside the project or beside a transcript, nor over a folder qda did not make; the key never into the copy. */
function checkOut(out: string, key: string | undefined, opened: OpenedCorpus): void {
  const cwd = opened.cwd;
  const inside = (path: string, dir: string) => {
    const rel = relative(resolve(cwd, dir), resolve(cwd, path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const root = opened.project.root;
  if (inside(out, root) || opened.files.some((f) => inside(out, dirname(f))))
    throw usage(`--out ${out} lies inside the project or the corpus`, 'write the copy outside it, e.g. --out ../study-shared');
  if (inside(root, out)) throw usage(`--out ${out} holds the project itself`, 'name a new folder for the copy');
  if (exists(out, cwd) && !isDirectory(out, cwd)) throw usage(`--out ${out} is a file; name a folder for the copy`);
  if (!isEmptyOrMissing(resolve(cwd, out)) && !exists(join(out, ANONYMISED_MARKER), cwd))
    throw usage(
      `--out ${out} is a folder that qda anonymise did not make, and not empty`,
      'name a new or empty folder; qda replaces only its own copies',
    );
  if (key && inside(key, out)) throw usage(`--key ${key} lies inside the copy`, 'keep the key apart, e.g. --key ../study-key.csv');
  if (key && inside(key, join(root, 'codings'))) throw usage(`--key ${key} lies in codings/, where it would be read as codings`);
}

/** The files of the project that go into the copy. */
function projectFiles(opened: OpenedCorpus): ProjectFiles {
  const { cwd, project } = opened;
  const under = (dir: string, pattern: string) => (isDirectory(dir, cwd) ? findFiles([`${toPosix(dir)}/${pattern}`], cwd).files : []);
  const book = codebookPath(project, cwd);
  const rel = relative(resolve(cwd, project.root), resolve(cwd, book));
  return {
    root: project.root,
    cwd,
    documents: opened.files,
    memos: under(join(project.root, 'memos'), '**/*.md'),
    codings: under(join(project.root, 'codings'), '*.{csv,yaml,yml}'),
    ...(project.configPath ? { settings: project.configPath } : {}),
    copies: !rel.startsWith('..') && !isAbsolute(rel) && exists(book, cwd) ? [toPosix(relative(cwd, resolve(cwd, book)))] : [],
    read: opened.corpus.read,
    encodingOf: (path) => {
      const e = encodingOf(opened.corpus, path);
      return typeof e === 'string' ? e : e.name;
    },
  };
}

/** A file name that holds a name found in the text is left as it is: say so, since it is seen with the copy. */
function fileNameWarnings(files: string[], entries: KeyEntry[]): Diagnostic[] {
  const names = entries.filter((e) => e.kind === 'name' && !/\s/.test(e.original) && e.original.length >= 3).map((e) => e.original.toLowerCase());
  const out: Diagnostic[] = [];
  for (const file of files) {
    const words = new Set(
      basename(file)
        .toLowerCase()
        .split(/[^\p{L}]+/u),
    );
    const name = names.find((n) => words.has(n));
    if (name)
      out.push(
        diagnostic(
          'warning',
          file,
          'anonymise/file-name',
          `the file name holds "${name}", a name the text is pseudonymised for; file names are kept`,
          undefined,
          'rename the file in the copy (and its id) before sharing',
        ),
      );
  }
  return out;
}
