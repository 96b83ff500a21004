// Generated corpora for the throughput benchmark, written into a folder. Deterministic: the same
// size gives the same bytes. The texts are the bundled example transcripts, their paragraphs put in
// a different order per document (a seeded shuffle), so that the words are real Dutch and English.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Found from this file, so that a corpus can be written from any working directory.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = ['examples/rotterdam/corpus', 'examples/english/corpus'].map((folder) => join(ROOT, folder));

/** Small, fast, seeded random numbers (mulberry32), so that every run writes the same bytes. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The example transcripts as front matter and a list of blocks (text between blank lines). */
export function exampleSources() {
  const sources = [];
  for (const folder of EXAMPLES) {
    const files = readdirSync(folder, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .sort();
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8');
      const end = text.indexOf('\n---\n', 4) + 5;
      sources.push({
        head: text.slice(0, end),
        blocks: text
          .slice(end)
          .split(/\n\n+/)
          .map((b) => b.trim())
          .filter((b) => b !== ''),
      });
    }
  }
  return sources;
}

/** One transcript: a source's front matter (with its own id) and the source's blocks shuffled. */
function transcript(source, i) {
  const next = random(i + 1);
  const blocks = [...source.blocks];
  for (let k = blocks.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [blocks[k], blocks[j]] = [blocks[j], blocks[k]];
  }
  return `${source.head.replace(/^id: .*$/m, `id: doc-${i}`)}\n${blocks.join('\n\n')}\n`;
}

/** Writes transcripts into `dir/corpus/` (100 to a folder) until `bytes` are written, and a qda.yaml. */
export function writeCorpus(dir, bytes) {
  const sources = exampleSources();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'qda.yaml'), 'corpus:\n  - corpus/**/*.md\nunit: paragraph\ncompareBy: district\nskipSpeakers:\n  - interviewer\n');
  let written = 0;
  let documents = 0;
  while (written < bytes) {
    const folder = join(dir, 'corpus', `part-${String(Math.floor(documents / 100)).padStart(4, '0')}`);
    if (documents % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = transcript(sources[documents % sources.length], documents);
    writeFileSync(join(folder, `doc-${documents}.md`), text);
    written += Buffer.byteLength(text);
    documents++;
  }
  return { documents, bytes: written };
}

/** One transcript whose body is a single paragraph of about `bytes`: every example sentence in a row. */
export function writeOneParagraph(dir, bytes) {
  const sources = exampleSources().filter((s) => !/^language: en$/m.test(s.head));
  const words = sources
    .flatMap((s) => s.blocks)
    .filter((b) => !b.startsWith('#'))
    .map((b) => b.replace(/^\[[\d:]+\] \w+: /, '').replace(/\s+/g, ' '))
    .join(' ');
  const head = '---\nid: one-paragraph\ndistrict: Crooswijk\n---\n\n';
  const parts = [head];
  let written = Buffer.byteLength(head);
  while (written < bytes) {
    parts.push(words, ' ');
    written += Buffer.byteLength(words) + 1;
  }
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  const text = `${parts.join('').trimEnd()}\n`;
  writeFileSync(join(dir, 'corpus', 'one-paragraph.md'), text);
  writeFileSync(join(dir, 'qda.yaml'), 'corpus:\n  - corpus/**/*.md\ncompareBy: district\n');
  return { documents: 1, bytes: Buffer.byteLength(text) };
}
