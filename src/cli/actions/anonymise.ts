// The work of `qda anonymise`; its options are declared in ../commands/anonymise.ts.
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { buildKey, rewriteProject, type OutputFile, type ProjectFiles } from '../../anonymise/corpus.js';
import { firstNames } from '../../anonymise/first-names.js';
import { keyCsv, parseKey, type KeyEntry } from '../../anonymise/key.js';
import { KINDS } from '../../anonymise/kinds.js';
import { codebookPath, displayPath } from '../../corpus/project.js';
import { encodingOf } from '../../corpus/pipeline.js';
import { diagnostic, hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { fileDiff, keyListing } from '../../formatters/anonymise-diff.js';
import { exists, findFiles, isDirectory, readText, toPosix } from '../../io/files.js';
import { AtomicFile, resolvePath } from '../../io/write.js';
import { isEmptyOrMissing, TreeWriter } from '../../io/write-tree.js';
import { inputProblem, ProblemsReported, usage } from '../errors.js';
import { parseNamesFile } from '../../anonymise/names-file.js';
import type { NameSetting } from '../../corpus/settings.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { count, summaryLine } from '../output.js';
import { openSession, outputLanguage, report, type Session } from '../session.js';

export interface AnonymiseFlags extends CorpusFlags {
  out?: string;
  key?: string;
  dryRun?: boolean;
  reverse?: boolean;
}

/** Marks a folder qda anonymise wrote, so that a later run may replace it. */
export const ANONYMISED_MARKER = '.qda-anonymised';

export function anonymiseAction(paths: string[], flags: AnonymiseFlags, io: Io): void {
  if (!flags.dryRun && !flags.out) throw usage('--out DIR is needed: the folder to write the copy into', 'or add --dry-run to see what would change');
  if (!flags.key && (!flags.dryRun || flags.reverse))
    throw usage('--key FILE is needed: the key of originals and pseudonyms', 'keep it apart from the copy, e.g. --key ~/private/study-key.csv');
  if (flags.reverse && flags.key && !exists(flags.key, io.cwd))
    throw inputProblem(`key ${flags.key} not found`, 'give the key the copy was made with');
  // Nothing is coded: the survey only checks the input, without counting words.
  const session = openSession(paths, flags, io, {
    survey: { frequencies: false },
    ...(flags.out ? { outputDir: flags.out } : {}),
    ...(flags.key ? { output: flags.key } : {}),
  });
  if (flags.out) checkOut(flags.out, flags.key, session);
  const files = projectFiles(session);
  const existing = flags.key && exists(flags.key, io.cwd) ? readKey(flags.key, io) : [];
  let entries = existing;
  if (!flags.reverse) {
    const settings = session.project.settings;
    const built = buildKey(files, {
      firstNames: firstNames((file) => readText(file, io.cwd)),
      names: [...settings.names, ...namesFile(settings.namesFile, io)],
      existing,
      language: outputLanguage(session),
    });
    stop(io, built.diagnostics);
    entries = built.key;
    report(io, fileNameWarnings(files.documents, entries));
  }
  const label = flags.reverse ? 'restored' : 'pseudonymised';
  let changed = 0;
  if (flags.dryRun) {
    stop(
      io,
      rewriteProject(files, entries, !flags.reverse, (f) => {
        if (f.before === undefined || f.before === f.after) return;
        changed++;
        io.stdout.write(fileDiff(f.source, f.before, f.after!, label));
      }),
    );
    if (!flags.reverse) io.stdout.write(keyListing(entries.slice(existing.length)));
    summaryLine(io, flags.quiet, `dry run: ${count(changed, 'file')} would change; nothing was written`);
    return;
  }
  const writer = new TreeWriter(resolvePath(io.cwd, flags.out!));
  const key = flags.reverse ? undefined : new AtomicFile(resolvePath(io.cwd, flags.key!));
  let written = 0;
  try {
    const emit = (f: OutputFile) => {
      writer.add(f.path, f.bytes);
      written++;
      if (f.before !== undefined && f.before !== f.after) changed++;
    };
    const problems = rewriteProject(files, entries, !flags.reverse, emit);
    stop(io, problems);
    writer.add(ANONYMISED_MARKER, `qda anonymise${flags.reverse ? ' --reverse' : ''} wrote this folder; it keeps no key.\n`);
    key?.write(keyCsv(entries));
    writer.commit();
    key?.commit();
  } catch (error) {
    writer.abort();
    key?.abort();
    throw error;
  }
  const kinds = KINDS.map((k) => [k, entries.filter((e) => e.kind === k).length] as const).filter(([, n]) => n > 0);
  const found = kinds.map(([k, n]) => `${n} ${k}`).join(', ');
  summaryLine(
    io,
    flags.quiet,
    flags.reverse
      ? `restored ${count(written, 'file')} (${changed} changed) into ${displayPath(flags.out!, io.cwd)}/`
      : `pseudonymised ${count(written, 'file')} (${changed} changed) into ${displayPath(flags.out!, io.cwd)}/; key: ${count(entries.length, 'identifier')}${found ? ` (${found})` : ''}, ${entries.length - existing.length} new, in ${flags.key} — keep it apart from the copy`,
  );
}

/** Report the problems; stop with exit 1 when one is an error, before anything is written. */
function stop(io: Io, diagnostics: Diagnostic[]): void {
  report(io, diagnostics);
  if (hasErrors(diagnostics)) {
    io.stderr.write('nothing was written\n');
    throw new ProblemsReported(1, diagnostics);
  }
}

/** The names of `names: FILE` in qda.yaml, if any. */
function namesFile(path: string | undefined, io: Io): NameSetting[] {
  if (path === undefined) return [];
  if (!exists(path, io.cwd) || isDirectory(path, io.cwd))
    throw inputProblem(
      `names file ${displayPath(path, io.cwd)} (names: in qda.yaml) not found`,
      'create it, one name a line, or list the names in qda.yaml',
    );
  const parsed = parseNamesFile(displayPath(path, io.cwd), readText(path, io.cwd));
  stop(io, parsed.diagnostics);
  return parsed.names;
}

function readKey(path: string, io: Io): KeyEntry[] {
  const parsed = parseKey(path, readText(path, io.cwd));
  stop(io, parsed.diagnostics);
  return parsed.entries;
}

/** The copy never goes inside the project or beside a transcript, nor over a folder qda did not make; the key never into the copy. */
function checkOut(out: string, key: string | undefined, session: Session): void {
  const cwd = session.io.cwd;
  const inside = (path: string, dir: string) => {
    const rel = relative(resolve(cwd, dir), resolve(cwd, path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const root = session.project.root;
  if (inside(out, root) || session.files.some((f) => inside(out, dirname(f))))
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
function projectFiles(session: Session): ProjectFiles {
  const { io, project } = session;
  const under = (dir: string, pattern: string) => (isDirectory(dir, io.cwd) ? findFiles([`${toPosix(dir)}/${pattern}`], io.cwd).files : []);
  const book = codebookPath(project, io.cwd);
  const rel = relative(resolve(io.cwd, project.root), resolve(io.cwd, book));
  return {
    root: project.root,
    cwd: io.cwd,
    documents: session.files,
    memos: under(join(project.root, 'memos'), '**/*.md'),
    codings: under(join(project.root, 'codings'), '*.{csv,yaml,yml}'),
    ...(project.configPath ? { settings: project.configPath } : {}),
    copies: !rel.startsWith('..') && !isAbsolute(rel) && exists(book, io.cwd) ? [toPosix(relative(io.cwd, resolve(io.cwd, book)))] : [],
    read: session.corpus.read,
    encodingOf: (path) => {
      const e = encodingOf(session.corpus, path);
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
