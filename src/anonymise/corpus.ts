/**
 * A whole project through the key: documents and memos (pseudonymised, or restored), hand-made
 * codings (anchors recomputed, text and notes transformed), qda.yaml (its `names:` left out, since
 * they are what the key holds) and the codebook (copied as it is: changing its words would change
 * the coding). The first pass finds the identifiers and builds the key; the second writes each
 * file, checking that turning it back gives the original bytes. Files go to `emit` one at a time.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { NameSetting } from '../corpus/settings.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { csvLines } from '../formatters/csv.js';
import { readDocument, type Document } from '../ingest/document.js';
import { decode } from '../io/decode.js';
import { encode } from '../io/encode.js';
import { toPosix } from '../io/files.js';
import { sidecarCsv } from '../manual/review.js';
import { parseSidecar, rowText } from '../manual/sidecar.js';
import { carryAnchors, type CarriedAnchors } from './carry.js';
import { declaredNames, detectDocument } from './detect.js';
import { Key, type KeyEntry } from './key.js';
import { ALL_LABELS } from './kinds.js';
import { Replacer } from './replace.js';
import { forwardOf, reverseOf, transformText, yamlLayout, type Direction, type Layout } from './transform.js';

export interface ProjectFiles {
  /** Folder the output paths are relative to. */
  root: string;
  cwd: string;
  documents: string[];
  memos: string[];
  codings: string[];
  settings?: string;
  /** Files copied as they are (the project's codebook). */
  copies: string[];
  read: (path: string) => Uint8Array;
  encodingOf: (path: string) => string;
}

export interface OutputFile {
  /** Relative to the output folder, `/` separators. */
  path: string;
  /** Where it came from, as the user names it. */
  source: string;
  bytes: Uint8Array;
  /** Text before and after, for showing the change (undefined for copies). */
  before?: string;
  after?: string;
}

/** Build the key for a project: the existing key, then qda.yaml's names, then what each file holds. */
export function buildKey(
  files: ProjectFiles,
  options: { firstNames: ReadonlySet<string>; names: NameSetting[]; existing: KeyEntry[]; language: string },
): { key: KeyEntry[]; diagnostics: Diagnostic[] } {
  const inUse = new Set<string>();
  const found: { text: string; kind: KeyEntry['kind']; declared?: boolean }[] = options.names.map((n) => ({
    text: n.name,
    kind: 'name',
    declared: true,
  }));
  const chosen = new Map(options.names.filter((n) => n.pseudonym).map((n) => [n.name, n.pseudonym!]));
  const userForms = new Replacer([...chosen.values()].map((p) => ({ from: p, to: p })));
  const diagnostics: Diagnostic[] = [];
  const scan = (path: string, text: string) => {
    for (const m of text.matchAll(PSEUDONYM_LIKE)) {
      inUse.add(`${m[1]} ${m[2]}`);
      inUse.add(`${m[1]} ${m[2].split('.')[0]}`);
    }
    for (const hit of userForms.find(text)) {
      diagnostics.push(
        diagnostic(
          'error',
          path,
          'anonymise/pseudonym-in-use',
          `the pseudonym "${hit.replacement.to}" chosen under names: in qda.yaml is already in the text, so it could not be turned back`,
          undefined,
          'choose a pseudonym the corpus does not hold',
        ),
      );
    }
  };
  for (const path of [...files.documents, ...files.memos]) {
    const { document } = readText(files, path);
    scan(path, document.text);
    for (const name of declaredNames(document, options.firstNames)) found.push({ text: name, kind: 'name', declared: true });
    for (const f of detectDocument(document, options.firstNames)) found.push(f);
  }
  for (const path of files.codings) scan(path, readText(files, path).text);
  if (files.settings) scan(files.settings, withoutNames(readText(files, files.settings).text));
  const key = new Key(options.language, inUse, options.existing);
  for (const f of found) key.add(f.text, f.kind, chosen.get(f.text), f.declared === true);
  return { key: key.entries, diagnostics };
}

const PSEUDONYM_LIKE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${ALL_LABELS.map(escape).join('|')}) (\d+(?:\.\d+)?)(?![\p{L}\p{N}])`, 'gu');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Write every file of the project through the key, `forward` to pseudonymise, else to restore.
 * Returns problems; when there are errors, `emit` may have been called for some files only, and the
 * caller writes nothing.
 */
export function rewriteProject(files: ProjectFiles, entries: KeyEntry[], forward: boolean, emit: (file: OutputFile) => void): Diagnostic[] {
  const direction = forward ? forwardOf(entries) : reverseOf(entries);
  const back = forward ? reverseOf(entries) : forwardOf(entries);
  const diagnostics: Diagnostic[] = [];
  /** The file's place in the copy; undefined (and an error) for a file outside the project. */
  const out = (path: string): string | undefined => {
    const rel = toPosix(relative(resolve(files.cwd, files.root), resolve(files.cwd, path)));
    if (rel.startsWith('..') || isAbsolute(rel)) {
      diagnostics.push(
        diagnostic(
          'error',
          path,
          'anonymise/outside',
          'the file lies outside the project folder',
          undefined,
          'anonymise a project folder and the files inside it',
        ),
      );
      return undefined;
    }
    return rel;
  };
  const put = (path: string, file: Omit<OutputFile, 'path'>) => {
    const at = out(path);
    if (at !== undefined) emit({ path: at, ...file });
  };
  const sidecars = files.codings.map((path) => ({ path, ...parseSidecar(path, readText(files, path).text) }));
  const wanted = new Set(sidecars.flatMap((s) => s.rows.map((r) => r.document)));
  const carried = new Map<string, CarriedAnchors | undefined>();
  for (const path of [...files.documents, ...files.memos]) {
    const source = readText(files, path);
    const layout: Layout = { bodyStart: source.document.bodyStart, speakers: source.document.speakers };
    const after = transformText(source.text, layout, direction);
    if (transformText(after, layout, back) !== source.text && forward) {
      diagnostics.push(
        diagnostic(
          'error',
          path,
          'anonymise/not-reversible',
          'pseudonymising this file could not be turned back exactly',
          undefined,
          'please report it',
        ),
      );
    }
    if (wanted.has(source.document.id)) {
      const anchors = carryAnchors(source.document, readDocument(path, after).document);
      carried.set(source.document.id, anchors);
      if (!anchors)
        diagnostics.push(
          diagnostic(
            'warning',
            path,
            'anonymise/codings',
            'its paragraphs moved, so its hand-made codings could not be carried over',
            undefined,
            'please report it',
          ),
        );
    }
    put(path, { source: path, bytes: written(after, source), before: source.text, after });
  }
  for (const sidecar of sidecars) {
    const source = readText(files, sidecar.path);
    const after = /\.ya?ml$/i.test(sidecar.path)
      ? yamlSidecar(source.text, carried, direction)
      : csvLines(
          sidecarCsv(
            sidecar.rows.map((row) => {
              const doc = carried.get(row.document);
              const moved = doc?.anchors.get(row.anchor);
              const note = row.note === undefined ? undefined : transformText(row.note, yamlLayout(''), direction);
              const text = moved ? rowText(moved.text) : row.text === undefined ? undefined : transformText(row.text, yamlLayout(''), direction);
              return { ...row, document: doc?.id ?? row.document, anchor: moved?.anchor ?? row.anchor, note, text };
            }),
          ),
        );
    put(sidecar.path, { source: sidecar.path, bytes: written(after, source), before: source.text, after });
  }
  if (files.settings) {
    const source = readText(files, files.settings);
    const text = forward ? withoutNames(source.text) : source.text;
    const after = transformText(text, yamlLayout(text), direction);
    put(files.settings, { source: files.settings, bytes: written(after, source), before: source.text, after });
  }
  for (const path of files.copies) put(path, { source: path, bytes: files.read(path) });
  return diagnostics;
}

/** A YAML codings file: anchors swapped for the new ones, the rest through the key. */
function yamlSidecar(text: string, carried: Map<string, CarriedAnchors | undefined>, direction: Direction): string {
  const anchors = new Map<string, string>();
  for (const doc of carried.values()) for (const [old, now] of doc?.anchors ?? []) anchors.set(old, now.anchor);
  const swapped = text.replace(/\bp-[0-9a-f]{10}\b/g, (a) => anchors.get(a) ?? a);
  return transformText(swapped, yamlLayout(swapped), direction);
}

interface Source {
  text: string;
  bom: boolean;
  encoding: string;
  document: Document;
}

/** A file the session already checked: it decodes, and its front matter parses. */
const documentSets = new WeakMap<ProjectFiles, Set<string>>();

function readText(files: ProjectFiles, path: string): Source {
  let documents = documentSets.get(files);
  if (!documents) documentSets.set(files, (documents = new Set(files.documents)));
  // Memos, codings and qda.yaml are UTF-8; transcripts are in the encoding they were read in.
  const encoding = documents.has(path) ? files.encodingOf(path) : 'utf-8';
  const decoded = decode(files.read(path), encoding);
  if (!decoded.ok) throw new Error(`${path} no longer decodes: ${decoded.reason}`);
  return { text: decoded.text, bom: decoded.bom, encoding, document: readDocument(path, decoded.text).document };
}

function written(text: string, source: Source): Uint8Array {
  return encode(text, source.encoding, source.bom);
}

/** qda.yaml without its top-level `names:` setting (the key holds those names now). */
export function withoutNames(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const start = lines.findIndex((l) => /^names[ \t]*:/.test(l));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && /^(?:[ \t]|- |-$|\r?\n)/.test(lines[end])) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('');
}
