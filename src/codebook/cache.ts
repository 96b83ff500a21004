/**
 * The parsed codebook kept between runs. Parsing the shipped codebook with positions (YAML syntax
 * tree, every term and pattern checked) costs about a third of a second of CPU, as much as
 * searching several megabytes of transcripts, and it gives the same result every time for the same
 * text. So a codebook without errors is written, as JSON, to a cache folder under a key made of its
 * path, its text and the state of qda's own code, and read from there on the next run, together
 * with the matcher plan of each of its languages (plan.ts: terms parsed and stemmed, patterns
 * compiled and analysed), which would cost another tenth of a second.
 *
 * The folder is `QDA_CACHE_DIR`, else `$XDG_CACHE_HOME/qda`, else `~/.cache/qda`; `QDA_CACHE=off`
 * turns the cache off. A cache that cannot be read or written is passed over without a word: the
 * codebook is then parsed as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCodebook } from './load.js';
import { matcherPlan, planLanguages, rememberPlans, type MatcherPlan } from './plan.js';
import type { Codebook } from './types.js';

type Parsed = ReturnType<typeof parseCodebook>;

/** Changes when the form of a cache entry changes. */
const FORMAT = 2;
/** Entries kept; older ones are removed when a new one is written. */
const KEEP = 20;

/** parseCodebook(path, text), from the cache when it holds this text. */
export function parseCodebookCached(path: string, text: string, dir = cacheDir()): Parsed {
  if (dir === undefined) return parseCodebook(path, text);
  const key = entryKey(path, text);
  const file = join(dir, `${key}.json`);
  const cached = readEntry(file, key);
  if (cached) return cached;
  const parsed = parseCodebook(path, text);
  if (parsed.codebook && !parsed.diagnostics.some((d) => d.severity === 'error')) writeEntry(dir, file, key, parsed);
  return parsed;
}

/** The cache folder, or undefined when the cache is turned off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.QDA_CACHE === 'off') return undefined;
  if (env.QDA_CACHE_DIR) return env.QDA_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'qda');
}

function entryKey(path: string, text: string): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, codeStamp(), stemmerVersion(), path]))
    .update('\u0000')
    .update(text)
    .digest('hex');
}

let stamp: string | undefined;

/** The plans hold stems: a new version of the stemmers' package makes new entries. */
function stemmerVersion(): string {
  try {
    return String((createRequire(import.meta.url)('natural/package.json') as { version: unknown }).version);
  } catch {
    return '';
  }
}

/**
 * The state of qda's code: name, size and modification time of every file of the folder this module
 * was loaded from (dist/ or src/), so that a new build or an edited source never reads an entry
 * written by other code. Declaration files (.d.ts) are left out: they hold types only, and are half
 * of dist/ (a stat costs some 10 µs).
 */
function codeStamp(): string {
  if (stamp !== undefined) return stamp;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.endsWith('.d.ts')) {
        const s = statSync(full);
        hash.update(`${full}\u0000${s.size}\u0000${s.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return (stamp = hash.digest('hex'));
}

interface Entry {
  format: number;
  key: string;
  codebook: Codebook;
  diagnostics: Diagnostic[];
  /** The matcher plan of each language the codebook has lists for (plan.ts). */
  plans: Record<string, MatcherPlan>;
}

/**
 * Entries this process has read, with the size and time of the file they came from: a process that
 * runs many commands (a script, the tests) reads the shipped codebook's half a megabyte of JSON once,
 * not on every run (about 15 ms of CPU each time). The parsed codebook is only read after loading.
 */
const read = new Map<string, { size: number; mtimeMs: number; parsed: Parsed }>();
/** Entries kept in memory. */
const READ_KEEP = 4;

function readEntry(file: string, key: string): Parsed | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    const seen = read.get(file);
    if (seen && seen.size === size && seen.mtimeMs === mtimeMs) return seen.parsed;
    const entry = revive(JSON.parse(readFileSync(file, 'utf8'))) as Entry;
    if (entry.format !== FORMAT || entry.key !== key || !entry.codebook || !Array.isArray(entry.diagnostics)) return undefined;
    if (entry.plans && typeof entry.plans === 'object') rememberPlans(entry.codebook, entry.plans);
    const parsed = { codebook: entry.codebook, diagnostics: entry.diagnostics };
    read.delete(file);
    read.set(file, { size, mtimeMs: freshened(file, mtimeMs), parsed });
    if (read.size > READ_KEEP) read.delete(read.keys().next().value!);
    return parsed;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, key: string, parsed: Parsed): void {
  try {
    const codebook = parsed.codebook!;
    // Made here and used by this run too: the first run pays only for the languages it does not use.
    const plans = Object.fromEntries(planLanguages(codebook).map((language) => [language, matcherPlan(codebook, language)]));
    rememberPlans(codebook, plans);
    const entry: Entry = { format: FORMAT, key, codebook, diagnostics: parsed.diagnostics, plans };
    writeJson(dir, file, JSON.stringify(entry, replace));
  } catch {
    // An unwritable cache only costs the parse next time.
  }
}

function writeJson(dir: string, file: string, json: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Written beside and renamed: a run that reads the entry meanwhile finds it whole or not at all.
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, json, { mode: 0o600 });
  renameSync(part, file);
  prune(dir);
}

/**
 * Another parse of plain values (qda.yaml's settings: strings, numbers, lists, records), from the
 * cache when it holds this `text` for `kind` and `path`; the result is kept only when `keep` says
 * so. Each read gives new objects, which the caller may change. For qda.yaml this saves loading
 * the YAML parser, some 35 ms of CPU, on every run after the first.
 */
export function cachedParse<T>(kind: string, path: string, text: string, parse: () => T, keep: (result: T) => boolean, dir = cacheDir()): T {
  if (dir === undefined) return parse();
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT, codeStamp(), kind, path]))
    .update('\u0000')
    .update(text)
    .digest('hex');
  const file = join(dir, `${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8'), absentNull) as { format?: unknown; key?: unknown; kind?: unknown; value?: T };
    if (entry.format === FORMAT && entry.key === key && entry.kind === kind && entry.value !== undefined) {
      freshened(file, statSync(file).mtimeMs);
      return entry.value;
    }
  } catch {
    // No entry yet, or a damaged one: parsed below.
  }
  const result = parse();
  if (keep(result)) {
    try {
      writeJson(dir, file, JSON.stringify({ format: FORMAT, key, kind, value: result }));
    } catch {
      // An unwritable cache only costs the parse next time.
    }
  }
  return result;
}

/** JSON writes an undefined list item as null; these values have no null of their own. */
function absentNull(_key: string, value: unknown): unknown {
  return value === null ? undefined : value;
}

/**
 * Pruning keeps the entries used last, not the ones written last: without this, editing qda.yaml
 * twenty times would push out the shipped codebook's entry, read on every run but written once.
 * An entry read from disk gets the time of now (a process reads it from disk once). Returns the
 * entry's time as it now is.
 */
function freshened(file: string, mtimeMs: number): number {
  try {
    const now = new Date();
    utimesSync(file, now, now);
    return statSync(file).mtimeMs;
  } catch {
    return mtimeMs;
  }
}

/** Keep the KEEP entries used last. */
function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
    .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of entries.slice(KEEP)) rmSync(join(dir, name), { force: true });
}

/** Maps (a code's pattern places) as tagged lists of entries. */
function replace(_key: string, value: unknown): unknown {
  return value instanceof Map ? { $map: [...value] } : value;
}

/**
 * The tagged lists made Maps again, innermost first, in the parsed value. Walked after a plain
 * JSON.parse rather than given to it as a reviver: with a reviver, parsing the shipped codebook's
 * entry took about 20 ms of CPU, parsing and walking takes 7.
 */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = revive(value[i]);
      if (item !== value[i]) value[i] = item;
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$map') return new Map(revive(record.$map) as [unknown, unknown][]);
  for (const key of keys) {
    const item = revive(record[key]);
    if (item !== record[key]) record[key] = item;
  }
  return value;
}
