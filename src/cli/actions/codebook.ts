// The work of `qda codebook export` and `qda codebook import`; options in ../commands/codebook.ts.
import { basename } from 'node:path';
import { parseCodebook } from '../../codebook/load.js';
import type { Codebook } from '../../codebook/types.js';
import { codebookPath, displayPath, openProject } from '../../corpus/project.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { codebookCsv, codebookMarkdown, codebookTaguetteCsv, csvToCodebookYaml } from '../../exchange/codebook-text.js';
import { exchangeCodes, importCodes } from '../../exchange/codes.js';
import { writeQdc, readQdc } from '../../exchange/qdc.js';
import { exists, readText } from '../../io/files.js';
import { inputProblem, ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import { settingsOverrides, type CorpusFlags } from '../options.js';
import { count as plural, summaryLine, writeOutput } from '../output.js';
import { report } from '../session.js';
import { VERSION } from '../version.js';

export interface CodebookExportFlags extends CorpusFlags {
  format: 'qdc' | 'md' | 'csv' | 'taguette';
  out?: string;
}

export interface CodebookImportFlags {
  out?: string;
  name?: string;
  quiet?: boolean;
}

function loadCodebook(paths: string[], flags: CorpusFlags, io: Io): { codebook: Codebook; language: string } {
  const project = openProject(paths, io.cwd, settingsOverrides(flags));
  const path = codebookPath(project, io.cwd);
  const shown = displayPath(path, io.cwd);
  if (!exists(path, io.cwd)) throw inputProblem(`codebook ${shown} not found`, 'name a codebook file with --codebook');
  const loaded = parseCodebook(shown, readText(path, io.cwd));
  const diagnostics = [...project.diagnostics, ...loaded.diagnostics];
  report(
    io,
    diagnostics.filter((d) => d.severity === 'error'),
  );
  if (!loaded.codebook || hasErrors(diagnostics)) throw new ProblemsReported(1, diagnostics);
  return { codebook: loaded.codebook, language: project.settings.language ?? loaded.codebook.language };
}

export function codebookExportAction(paths: string[], flags: CodebookExportFlags, io: Io): void {
  const { codebook, language } = loadCodebook(paths, flags, io);
  let text: string;
  if (flags.format === 'qdc') text = writeQdc({ origin: `qda ${VERSION}`, codes: exchangeCodes(codebook, language), sets: [] });
  else if (flags.format === 'md') text = codebookMarkdown(codebook, language);
  else if (flags.format === 'taguette') text = codebookTaguetteCsv(codebook, language);
  else text = codebookCsv(codebook, language);
  writeOutput(io, flags.out, [text]);
  summaryLine(
    io,
    flags.quiet,
    `wrote ${plural(codebook.codes.length, 'code')} of ${codebook.name} as ${flags.format}${flags.out ? ` to ${flags.out}` : ''}`,
  );
}

export function codebookImportAction(file: string, flags: CodebookImportFlags, io: Io): void {
  if (!exists(file, io.cwd)) throw inputProblem(`${file}: file not found`);
  const kind = importKind(file);
  if (kind === 'yaml')
    throw inputProblem(
      `${file}: qda codebook import reads a REFI-QDA codebook (.qdc) or a CSV (.csv); a .yaml file is already a qda codebook`,
      `use it as it is: --codebook ${file}, or \`codebook: ${file}\` in qda.yaml`,
    );
  if (kind === undefined)
    throw inputProblem(
      `${file}: qda codebook import reads a REFI-QDA codebook (.qdc) or a CSV (.csv), not a ${extension(file) || 'file without extension'}`,
      'export the codebook from the other program as .qdc (REFI-QDA) or as CSV',
    );
  const text = readText(file, io.cwd);
  const name = flags.name ?? basename(file).replace(/\.(qdc|csv|xml)$/i, '');
  let yaml: string;
  let count: number;
  if (kind === 'csv') {
    const result = csvToCodebookYaml(text, name);
    if ('error' in result) throw inputProblem(`${file}: ${result.error}`);
    ({ yaml, count } = result);
  } else {
    const parsed = readQdc(text);
    if ('error' in parsed) throw inputProblem(`${file}: ${parsed.error}`);
    const book = importCodes(
      parsed.codebook.codes,
      name,
      `# Imported from ${basename(file)}${parsed.codebook.origin ? ` (${parsed.codebook.origin})` : ''} by qda codebook import.\n`,
    );
    ({ yaml, count } = book);
    const groups = parsed.codebook.sets.length;
    if (groups > 0) io.stderr.write(`warning: ${file}: left out ${groups} code set${groups === 1 ? '' : 's'} (qda has no code groups)\n`);
  }
  const check = parseCodebook(flags.out ?? 'imported.yaml', yaml);
  if (!check.codebook || hasErrors(check.diagnostics)) {
    report(
      io,
      check.diagnostics.filter((d) => d.severity === 'error'),
    );
    throw new ProblemsReported(1, check.diagnostics);
  }
  writeOutput(io, flags.out, [yaml]);
  summaryLine(io, flags.quiet, `imported ${plural(count, 'code')} from ${file}${flags.out ? ` into ${flags.out}` : ''}`);
}

const extension = (file: string) => /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';

/** What a file to import is, by its extension: a QDC (also as .xml), a CSV, qda's own YAML, or neither. */
function importKind(file: string): 'qdc' | 'csv' | 'yaml' | undefined {
  const ext = extension(file);
  if (ext === '.qdc' || ext === '.xml') return 'qdc';
  if (ext === '.csv') return 'csv';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}
