// A generated study (scripts/bench/learn-study.js) read and auto-coded the way a command would.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/load.js';
import { codeCorpus } from '../../src/corpus/pipeline.js';

/** The study in `dir` coded with its codebook file `book`: the codebook, its compiled form, the files and the coded documents. */
export function codedStudy(dir: string, book = 'codebook.yaml') {
  const codebook = parseCodebook(book, readFileSync(join(dir, book), 'utf8')).codebook!;
  const compiled = compileCodebook(codebook);
  const files = readdirSync(join(dir, 'corpus'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, 'corpus', f));
  const options = { encoding: 'utf-8', unit: 'paragraph' as const, skipSpeakers: [], read: (p: string) => readFileSync(p) };
  const coded = [...codeCorpus(files, compiled, options)];
  return { codebook, compiled, files, options, coded };
}
