/**
 * The encoding each transcript is read in: `--encoding` for every file the command reads (the files
 * named on the command line, or the corpus), else the last glob under `encodings` in qda.yaml that
 * takes the file, else `encoding` in qda.yaml, else UTF-8.
 */
import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normaliseEncoding } from '../io/decode.js';
import { findFiles } from '../io/files.js';
import type { FileEncoding } from './load.js';
import type { Project } from './project.js';

export interface EncodingChoice {
  encodingOf(path: string): FileEncoding;
  /** Globs under `encodings` that take no file of the project. */
  diagnostics: Diagnostic[];
}

export function chooseEncodings(project: Project, cwd: string, flag?: string): EncodingChoice {
  if (flag) {
    const chosen = { name: flag, undo: `drop --encoding ${flag}, or name only the files that need it` };
    return { encodingOf: () => chosen, diagnostics: [] };
  }
  const { encoding, encodings } = project.settings;
  const fallback: FileEncoding =
    project.configPath && normaliseEncoding(encoding) !== 'utf-8'
      ? { name: encoding, undo: `drop \`encoding: ${encoding}\` from ${project.configPath}, and map only the files that need it under \`encodings\`` }
      : { name: encoding };
  const diagnostics: Diagnostic[] = [];
  const root = resolve(cwd, project.root);
  // Globs are expanded on disk, like the corpus globs, so that both read a glob the same way.
  const byFile = new Map<string, FileEncoding>();
  for (const rule of encodings) {
    const { files } = findFiles([rule.glob], root);
    if (files.length === 0) {
      diagnostics.push(
        diagnostic(
          'warning',
          project.configPath ?? 'qda.yaml',
          'settings/encodings',
          `no file matches "${rule.glob}" under \`encodings\``,
          { line: rule.line, column: rule.column },
          'globs are relative to the folder of qda.yaml; check the folder names',
        ),
      );
    }
    const chosen = {
      name: rule.encoding,
      undo: `narrow "${rule.glob}" under \`encodings\` in ${project.configPath} so that it leaves this file out`,
    };
    for (const file of files) byFile.set(resolve(root, file), chosen);
  }
  return { encodingOf: (path) => byFile.get(resolve(cwd, path)) ?? fallback, diagnostics };
}
