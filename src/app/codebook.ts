/**
 * `codebook export` and `codebook import`: the project's codebook as REFI-QDA QDC, markdown or CSV,
 * and a QDC or CSV codebook from another program as codebook YAML, checked by qda's own loader.
 * The text comes back; the caller writes it.
 */
import { basename } from 'node:path';
import { parseCodebook } from '../codebook/load.js';
import type { Codebook } from '../codebook/types.js';
import { codebookPath, displayPath, openProject } from '../corpus/project.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { codebookCsv, codebookMarkdown, codebookTaguetteCsv, csvToCodebookYaml } from '../exchange/codebook-text.js';
import { exchangeCodes, importCodes } from '../exchange/codes.js';
import { readQdc, writeQdc } from '../exchange/qdc.js';
import { exists, readText } from '../io/files.js';
import { inputProblem } from './errors.js';
import type { Outcome } from './outcome.js';
import { settingsOverrides, type CorpusSettings } from './settings.js';
import { VERSION } from './version.js';

export type CodebookFormat = 'qdc' | 'md' | 'csv' | 'taguette';

export interface CodebookText {
  text: string;
  /** The codebook's name and how many codes it has. */
  name: string;
  codes: number;
}

/** The codebook of the project at `paths` (or of `cwd`) as text. Only errors stop it: its warnings are for `qda check`. */
export function exportCodebook(paths: string[], settings: CorpusSettings, cwd: string, format: CodebookFormat): Outcome<CodebookText> {
  const project = openProject(paths, cwd, settingsOverrides(settings));
  const path = codebookPath(project, cwd);
  const shown = displayPath(path, cwd);
  if (!exists(path, cwd)) throw inputProblem(`codebook ${shown} not found`, 'name a codebook file with --codebook');
  const loaded = parseCodebook(shown, readText(path, cwd));
  const errors = sortDiagnostics([...project.diagnostics, ...loaded.diagnostics].filter((d) => d.severity === 'error'));
  if (!loaded.codebook || errors.length > 0) return { diagnostics: errors };
  const codebook = loaded.codebook;
  const text = codebookAs(codebook, project.settings.language ?? codebook.language, format);
  return { result: { text, name: codebook.name, codes: codebook.codes.length }, diagnostics: [] };
}

function codebookAs(codebook: Codebook, language: string, format: CodebookFormat): string {
  if (format === 'qdc') return writeQdc({ origin: `qda ${VERSION}`, codes: exchangeCodes(codebook, language), sets: [] });
  if (format === 'md') return codebookMarkdown(codebook, language);
  if (format === 'taguette') return codebookTaguetteCsv(codebook, language);
  return codebookCsv(codebook, language);
}

export interface CodebookImportRequest {
  /** The .qdc (or .xml) or .csv file, as the user named it. */
  file: string;
  cwd: string;
  /** Name of the codebook; default the file name. */
  name?: string;
  /** Where the YAML will be written, for the messages of the check (default `imported.yaml`). */
  out?: string;
}

export interface ImportedCodebook {
  yaml: string;
  codes: number;
}

/** The file as codebook YAML. A file that does not exist or is of another kind throws CommandFailed. */
export function importCodebook(request: CodebookImportRequest): Outcome<ImportedCodebook> {
  const { file, cwd } = request;
  const kind = importKind(file, cwd);
  const text = readText(file, cwd);
  const name = request.name ?? basename(file).replace(/\.(qdc|csv|xml)$/i, '');
  const converted = kind === 'csv' ? fromCsv(file, text, name) : fromQdc(file, text, name);
  if (!converted.result) return converted;
  const check = parseCodebook(request.out ?? 'imported.yaml', converted.result.yaml);
  if (!check.codebook || hasErrors(check.diagnostics)) return { diagnostics: check.diagnostics.filter((d) => d.severity === 'error') };
  return converted;
}

function fromCsv(file: string, text: string, name: string): Outcome<ImportedCodebook> {
  const result = csvToCodebookYaml(text, name, file);
  if ('diagnostics' in result) return result;
  return { result: { yaml: result.yaml, codes: result.count }, diagnostics: [] };
}

function fromQdc(file: string, text: string, name: string): Outcome<ImportedCodebook> {
  const parsed = readQdc(text, file);
  if (!parsed.codebook) return { diagnostics: parsed.diagnostics };
  const { codes, origin, sets } = parsed.codebook;
  const book = importCodes(codes, name, `# Imported from ${basename(file)}${origin ? ` (${origin})` : ''} by qda codebook import.\n`);
  const diagnostics: Diagnostic[] = [];
  if (sets.length > 0)
    diagnostics.push(
      diagnostic('warning', file, 'qdc/left-out', `left out ${sets.length} code set${sets.length === 1 ? '' : 's'} (qda has no code groups)`),
    );
  return { result: { yaml: book.yaml, codes: book.count }, diagnostics };
}

const extension = (file: string) => /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';

/** What a file to import is, by its extension: a QDC (also as .xml) or a CSV; anything else is refused. */
function importKind(file: string, cwd: string): 'qdc' | 'csv' {
  if (!exists(file, cwd)) throw inputProblem(`${file}: file not found`);
  const ext = extension(file);
  if (ext === '.qdc' || ext === '.xml') return 'qdc';
  if (ext === '.csv') return 'csv';
  if (ext === '.yaml' || ext === '.yml')
    throw inputProblem(
      `${file}: qda codebook import reads a REFI-QDA codebook (.qdc) or a CSV (.csv); a .yaml file is already a qda codebook`,
      `use it as it is: --codebook ${file}, or \`codebook: ${file}\` in qda.yaml`,
    );
  throw inputProblem(
    `${file}: qda codebook import reads a REFI-QDA codebook (.qdc) or a CSV (.csv), not a ${ext || 'file without extension'}`,
    'export the codebook from the other program as .qdc (REFI-QDA) or as CSV',
  );
}
