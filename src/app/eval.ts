/**
 * `eval`: precision, recall and F1 of the codebook on paragraphs people labelled (YAML files of
 * items with text, clusters and codes). Files are read in order; the first with an error stops it.
 */
import { compileCodebook } from '../codebook/compile.js';
import { parseCodebook } from '../codebook/load.js';
import { codebookPath, displayPath, openProject } from '../corpus/project.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { evaluate, type Evaluation } from '../evaluate/evaluate.js';
import { parseLabelled } from '../evaluate/load.js';
import { exists, readText } from '../io/files.js';
import { backgroundFrequencies } from '../scoring/background.js';
import { inputProblem } from './errors.js';
import { REQUEST, type Outcome } from './outcome.js';
import { scoringOptions } from './settings.js';

export interface EvalRequest {
  /** Labelled YAML files. */
  files: string[];
  /** Codebook YAML, or the name of a shipped one; default that of qda.yaml, else HALL. */
  codebook?: string;
  threshold?: number;
  secondary?: number;
  codeAll?: boolean;
  /** Score clusters or codes. Default cluster. */
  level?: 'cluster' | 'code';
}

export interface EvalResult {
  evaluations: { file: string; evaluation: Evaluation }[];
}

export function evaluateLabelled(request: EvalRequest, cwd: string): Outcome<EvalResult> {
  const project = openProject([], cwd, request.codebook ? { codebook: request.codebook } : {});
  const bookPath = codebookPath(project, cwd);
  if (!exists(bookPath, cwd)) throw inputProblem(`codebook ${bookPath} not found`);
  const loaded = parseCodebook(displayPath(bookPath, cwd), readText(bookPath, cwd));
  const diagnostics: Diagnostic[] = sortDiagnostics([...loaded.diagnostics]);
  if (!loaded.codebook || hasErrors(diagnostics)) return { diagnostics };
  const compiled = compileCodebook(loaded.codebook);
  const evaluations: EvalResult['evaluations'] = [];
  for (const file of request.files) {
    if (!exists(file, cwd)) return { diagnostics: [...diagnostics, diagnostic('error', REQUEST, 'eval/not-found', `${file} not found`)] };
    const labelled = parseLabelled(file, readText(file, cwd), loaded.codebook);
    diagnostics.push(...sortDiagnostics([...labelled.diagnostics]));
    if (hasErrors(labelled.diagnostics)) return { diagnostics };
    const language = labelled.language ?? loaded.codebook.language;
    const evaluation = evaluate(labelled.items, compiled, request.level ?? 'cluster', language, {
      scoring: scoringOptions(request, project.settings, loaded.codebook),
      background: backgroundFrequencies(language, (f) => (exists(f, cwd) ? readText(f, cwd) : undefined)),
    });
    evaluations.push({ file, evaluation });
  }
  return { result: { evaluations }, diagnostics };
}
