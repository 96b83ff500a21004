/**
 * A names file (`names: people.txt` in qda.yaml): one name a line, optionally `= pseudonym` after
 * it; `#` starts a comment. For studies whose list of participants is kept apart from qda.yaml.
 */
import type { NameSetting } from '../corpus/settings.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export function parseNamesFile(path: string, text: string): { names: NameSetting[]; diagnostics: Diagnostic[] } {
  const names: NameSetting[] = [];
  const diagnostics: Diagnostic[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (line === '') return;
      const [name, pseudonym, ...rest] = line.split('=').map((p) => p.trim());
      if (!name || pseudonym === '' || rest.length > 0)
        diagnostics.push(
          diagnostic(
            'error',
            path,
            'names/line',
            `line ${i + 1} is not a name or \`name = pseudonym\``,
            { line: i + 1, column: 1 },
            'write e.g. `Hatice Yilmaz = Fatma`',
          ),
        );
      else names.push(pseudonym === undefined ? { name } : { name, pseudonym });
    });
  return { names, diagnostics };
}
