/**
 * Where a command works: the project folder (the one holding qda.yaml, or the folder given), its
 * settings with the command's flags laid over them, the corpus files and the codebook path.
 */
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { exists, findFiles, isDirectory, readText, toPosix, type FoundFiles } from '../io/files.js';
import { closest } from '../codebook/suggest.js';
import { cachedParse } from '../codebook/cache.js';
import { CONFIG_FILE, DEFAULT_SETTINGS, parseSettings, type Settings } from './settings.js';

export interface Project {
  /** Project folder relative to the working folder ('.' for the working folder). */
  root: string;
  configPath?: string;
  settings: Settings;
  diagnostics: Diagnostic[];
  /** The corpus is files named on the command line, part of the project rather than all of it. */
  partial: boolean;
}

/** Folder of the codebooks that ship with qda. */
export const SHIPPED_CODEBOOKS = fileURLToPath(new URL('../../codebooks/', import.meta.url));

/**
 * The project for a command. A single folder argument that holds a qda.yaml is that project;
 * otherwise the nearest qda.yaml at or above the working folder, if any.
 */
export function openProject(paths: string[], cwd: string, overrides: Partial<Settings>): Project {
  let root: string | undefined;
  let corpusFromPaths = paths.length > 0;
  if (paths.length === 1 && isDirectory(paths[0], cwd) && exists(join(paths[0], CONFIG_FILE), cwd)) {
    root = paths[0];
    corpusFromPaths = false;
  } else root = findUp(cwd);
  const diagnostics: Diagnostic[] = [];
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let configPath: string | undefined;
  if (root !== undefined) {
    configPath = toPosix(join(root, CONFIG_FILE));
    const text = readText(configPath, cwd);
    // Only a qda.yaml without a problem is kept: its problems are said from a fresh parse each time.
    const parsed = cachedParse(
      'settings',
      configPath,
      text,
      () => parseSettings(configPath!, text),
      (p) => p.diagnostics.length === 0,
    );
    settings = parsed.settings;
    diagnostics.push(...parsed.diagnostics);
    // Settings paths are relative to the project folder; make them relative to the working folder.
    settings.corpus = corpusFromPaths ? paths : settings.corpus.map((p) => toPosix(join(root!, p)));
    if (settings.codebook) settings.codebook = toPosix(join(root, settings.codebook));
    if (settings.model) settings.model = toPosix(join(root, settings.model));
    if (settings.namesFile) settings.namesFile = toPosix(join(root, settings.namesFile));
    settings.out = toPosix(join(root, settings.out));
  } else {
    root = paths.length === 1 && isDirectory(paths[0], cwd) ? paths[0] : '.';
    settings.corpus = paths.length > 0 ? paths : ['.'];
    settings.out = toPosix(join(root, settings.out));
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
  // A place in qda.yaml is only about what qda.yaml chose: a flag or a path argument replaces it.
  if (settings.at) {
    if (corpusFromPaths) delete settings.at.corpus;
    if (overrides.codebook !== undefined) delete settings.at.codebook;
    if (overrides.model !== undefined) delete settings.at.model;
  }
  const partial = corpusFromPaths && !(paths.length === 1 && isDirectory(paths[0], cwd) && resolve(cwd, paths[0]) === resolve(cwd, root));
  const project: Project = { root: toPosix(root), settings, diagnostics, partial };
  if (configPath) project.configPath = configPath;
  return project;
}

function findUp(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (exists(join(dir, CONFIG_FILE), cwd)) return toPosix(relative(cwd, dir)) || '.';
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Corpus files of a project: its corpus globs, leaving out output, memos and codings. */
export function projectFiles(project: Project, cwd: string, outputs: string[] = []): FoundFiles {
  const exclude = [...outputs, project.settings.out, join(project.root, 'memos'), join(project.root, 'codings'), join(project.root, 'codebooks')];
  return findFiles(project.settings.corpus, cwd, exclude);
}

/**
 * The codebook file to use: the one named (a path, or the name of a shipped codebook such as
 * `hall`), else the project's codebooks/hall.yaml, else the shipped HALL codebook.
 */
export function codebookPath(project: Project, cwd: string): string {
  const named = project.settings.codebook;
  if (named) {
    if (exists(named, cwd)) return named;
    const shipped = join(SHIPPED_CODEBOOKS, `${named}.yaml`);
    if (/^[\w-]+$/.test(named) && exists(shipped, cwd)) return shipped;
    return named;
  }
  const local = join(project.root, 'codebooks', 'hall.yaml');
  if (exists(local, cwd)) return toPosix(local);
  return join(SHIPPED_CODEBOOKS, 'hall.yaml');
}

/**
 * A codebook the user may have meant when the one named does not exist: a YAML file beside it with
 * a close name, or a shipped codebook with a close name, written the way the name was written.
 */
export function codebookGuess(named: string, written: string, cwd: string): string | undefined {
  const dir = dirname(named);
  const beside = findFiles([`${toPosix(dir)}/*.{yaml,yml}`], cwd).files.map((f) => basename(f));
  const shipped = findFiles([`${toPosix(SHIPPED_CODEBOOKS)}/*.yaml`], cwd).files.map((f) => basename(f).replace(/\.yaml$/, ''));
  const candidates = /^[\w-]+$/.test(written) ? [...shipped, ...beside] : beside;
  const guess = closest(basename(written), candidates);
  if (!guess) return undefined;
  const prefix = written.slice(0, written.length - basename(written).length);
  return `${prefix}${guess}`;
}

/**
 * The codebook as outputs name it. A shipped codebook outside the working folder is named
 * `hall (shipped)`, since where qda is installed differs from one machine to the next; any other
 * file by its path relative to the working folder, so that no output holds an absolute path.
 */
export function codebookName(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  const rel = relative(cwd, full);
  const outside = rel.startsWith('..') || resolve(rel) === rel;
  if (outside && full.startsWith(resolve(SHIPPED_CODEBOOKS) + sep)) return `${basename(full).replace(/\.ya?ml$/, '')} (shipped)`;
  return toPosix(rel);
}

/** A path for messages: relative to the working folder when it lies inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel.startsWith('..') ? toPosix(resolve(cwd, path)) : toPosix(rel);
}
