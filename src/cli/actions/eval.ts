// The work of `qda eval`; its options are declared in ../commands/eval.ts.
import { compileCodebook } from '../../codebook/compile.js';
import { parseCodebook } from '../../codebook/load.js';
import { codebookPath, displayPath, openProject } from '../../corpus/project.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { parseLabelled } from '../../evaluate/load.js';
import { evaluationJson, evaluationMarkdown } from '../../formatters/evaluation.js';
import { exists, readText } from '../../io/files.js';
import { inputProblem, ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';
import { report } from '../session.js';
import { scoringOptions } from '../options.js';
import { backgroundFrequencies } from '../../scoring/background.js';
import type { Evaluation } from '../../evaluate/evaluate.js';

function missLine(m: Evaluation['misses'][number]): string {
  const main = m.main !== undefined ? `; main ${m.main}, highest ${m.top ?? 'none'}` : '';
  return `- ${m.id}: labelled [${m.expected.join(', ')}], found [${m.found.join(', ')}]${main}`;
}
export interface EvalFlags {
  codebook?: string;
  threshold?: number;
  secondary?: number;
  codeAll?: boolean;
  level: 'cluster' | 'code';
  format: 'md' | 'json';
  out?: string;
  misses?: boolean;
}

export function evalAction(files: string[], flags: EvalFlags, io: Io): void {
  const project = openProject([], io.cwd, flags.codebook ? { codebook: flags.codebook } : {});
  const bookPath = codebookPath(project, io.cwd);
  if (!exists(bookPath, io.cwd)) throw inputProblem(`codebook ${bookPath} not found`);
  const loaded = parseCodebook(displayPath(bookPath, io.cwd), readText(bookPath, io.cwd));
  report(io, loaded.diagnostics);
  if (!loaded.codebook || hasErrors(loaded.diagnostics)) throw new ProblemsReported(1);
  const compiled = compileCodebook(loaded.codebook);
  const sections: string[] = [];
  for (const file of files) {
    if (!exists(file, io.cwd)) throw inputProblem(`${file} not found`);
    const labelled = parseLabelled(file, readText(file, io.cwd), loaded.codebook);
    report(io, labelled.diagnostics);
    if (hasErrors(labelled.diagnostics)) throw new ProblemsReported(1);
    const language = labelled.language ?? loaded.codebook.language;
    const result = evaluate(labelled.items, compiled, flags.level, language, {
      scoring: scoringOptions(flags, project.settings, loaded.codebook),
      background: backgroundFrequencies(language, (f) => (exists(f, io.cwd) ? readText(f, io.cwd) : undefined)),
    });
    if (flags.format === 'json') sections.push(evaluationJson(result));
    else {
      sections.push(evaluationMarkdown(result, file));
      if (flags.misses)
        sections.push(result.misses.map(missLine).join('\n') + '\n');
    }
  }
  writeOutput(io, flags.out, sections);
}
