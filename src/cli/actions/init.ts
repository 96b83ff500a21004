// The work of `qda init`; its options are declared in ../commands/init.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_CODEBOOKS } from '../../corpus/project.js';
import { CONFIG_FILE } from '../../corpus/settings.js';
import { exists, readText } from '../../io/files.js';
import { ensureDir, resolvePath, writeNewFile } from '../../io/write.js';
import { inputProblem } from '../errors.js';
import type { Io } from '../io.js';
const SETTINGS = `# qda project settings. Flags on the command line override them.
corpus:                 # transcripts and notes to analyse: globs relative to this folder
  - corpus/**/*.md
codebook: codebooks/hall.yaml
unit: paragraph         # what gets codes: paragraph | turn | sentence
compareBy: district     # the attribute matrices and district tables compare by
language: nl            # nl | en, for documents whose front matter names no language
skipSpeakers:           # speaker labels or roles whose turns are not auto-coded
  - interviewer
# encodings:            # files that are not UTF-8, by glob relative to this folder
#   "corpus/oud/*.md": windows-1252
out: out                # where \`qda analyse\` writes
`;

const FOLDERS: Record<string, string> = {
  codings: 'Manual codings and review decisions, one file per coder.',
  memos: 'Memos (*.md) about a code, a document or a district.',
};

/** Two short fictional interviews, so that every command has something to work on from the start. */
const SAMPLES = fileURLToPath(new URL('../../../skeleton/corpus/', import.meta.url));

export function initAction(dir: string, io: Io): void {
  if (exists(join(dir, CONFIG_FILE), io.cwd)) {
    throw inputProblem(`${join(dir, CONFIG_FILE)} already exists; this folder is a project`, 'run qda init in a new folder; nothing was changed');
  }
  const at = (...parts: string[]) => resolvePath(io.cwd, join(dir, ...parts));
  const created: string[] = [];
  for (const [folder, about] of Object.entries(FOLDERS)) {
    ensureDir(at(folder));
    if (writeNewFile(at(folder, '.gitkeep'), '')) created.push(`${folder}/  ${about}`);
  }
  // Samples only into an empty corpus: transcripts already there must not be mixed with made-up ones.
  ensureDir(at('corpus'));
  if (readdirSync(at('corpus')).length === 0) {
    const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.md'));
    for (const name of samples.sort()) writeNewFile(at('corpus', name), readText(join(SAMPLES, name), io.cwd));
    created.push(`corpus/  ${samples.length} fictional sample interviews to try qda on; put your transcripts here and delete them`);
  } else created.push('corpus/  kept as it was');
  ensureDir(at('codebooks'));
  if (writeNewFile(at('codebooks', 'hall.yaml'), readText(join(SHIPPED_CODEBOOKS, 'hall.yaml'), io.cwd)))
    created.push('codebooks/hall.yaml  the HALL codebook, yours to adapt');
  if (writeNewFile(at('.gitignore'), 'out/\n')) created.push('.gitignore  keeps out/ out of git');
  writeNewFile(at(CONFIG_FILE), SETTINGS);
  created.unshift(`${CONFIG_FILE}  settings`);
  io.stderr.write(
    `created a qda project in ${dir}:\n${created.map((c) => `  ${c}`).join('\n')}\nnext: qda analyse${dir === '.' ? '' : ` ${dir}`}, then put your own transcripts in ${join(dir, 'corpus')}/\n`,
  );
}
