/**
 * `init`: a new project in a folder: qda.yaml, corpus/ with two fictional sample interviews (only when
 * corpus/ is empty), codebooks/hall.yaml to adapt, codings/ and memos/. Files already there are kept.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_CODEBOOKS } from '../corpus/project.js';
import { CONFIG_FILE } from '../corpus/settings.js';
import { exists, readText } from '../io/files.js';
import { ensureDir, resolvePath, writeNewFile } from '../io/write.js';
import { inputProblem } from './errors.js';
import type { Outcome } from './outcome.js';

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
const SAMPLES = fileURLToPath(new URL('../../skeleton/corpus/', import.meta.url));

export interface InitResult {
  dir: string;
  /** What the project holds now, qda.yaml first: each path (a folder ends in /) and what it is for. */
  created: { path: string; about: string }[];
}

/** Makes the project in `dir` (relative to `cwd`); a folder that already has a qda.yaml is a problem of the input. */
export function init(dir: string, cwd: string): Outcome<InitResult> {
  if (exists(join(dir, CONFIG_FILE), cwd))
    throw inputProblem(`${join(dir, CONFIG_FILE)} already exists; this folder is a project`, 'run qda init in a new folder; nothing was changed');
  const at = (...parts: string[]) => resolvePath(cwd, join(dir, ...parts));
  const created: InitResult['created'] = [];
  for (const [folder, about] of Object.entries(FOLDERS)) {
    ensureDir(at(folder));
    if (writeNewFile(at(folder, '.gitkeep'), '')) created.push({ path: `${folder}/`, about });
  }
  // Samples only into an empty corpus: transcripts already there must not be mixed with made-up ones.
  ensureDir(at('corpus'));
  if (readdirSync(at('corpus')).length === 0) {
    const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.md'));
    for (const name of samples.sort()) writeNewFile(at('corpus', name), readText(join(SAMPLES, name), cwd));
    created.push({
      path: 'corpus/',
      about: `${samples.length} fictional sample interviews to try qda on; put your transcripts here and delete them`,
    });
  } else created.push({ path: 'corpus/', about: 'kept as it was' });
  ensureDir(at('codebooks'));
  if (writeNewFile(at('codebooks', 'hall.yaml'), readText(join(SHIPPED_CODEBOOKS, 'hall.yaml'), cwd)))
    created.push({ path: 'codebooks/hall.yaml', about: 'the HALL codebook, yours to adapt' });
  if (writeNewFile(at('.gitignore'), 'out/\n')) created.push({ path: '.gitignore', about: 'keeps out/ out of git' });
  writeNewFile(at(CONFIG_FILE), SETTINGS);
  created.unshift({ path: CONFIG_FILE, about: 'settings' });
  return { result: { dir, created }, diagnostics: [] };
}
