// What a run keeps for the whole corpus (attribute values, speakers, the words of the word table,
// summary candidates, report excerpts) must not keep the transcripts it was cut from: memory would
// grow with the corpus instead of with the largest file. Measured in a process of its own, after a
// full garbage collection.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const SCRIPT = `
const { readDocument } = await import(${JSON.stringify(resolve('dist/ingest/document.js'))});
const { WordTable } = await import(${JSON.stringify(resolve('dist/match/words.js'))});
const kept = [];
const words = new WordTable();
for (let i = 0; i < 100; i++) {
  // about 2 MB of text each, as one flat string, as a file read from disk is
  const body = Buffer.from(('Het wijkteam van Bospolder-Tussendijken belt de ouder- en kindadviseur. ' + i + ' ').repeat(14000)).toString();
  const text = '---\\ndistrict: Bospolder-Tussendijken-' + i + '\\norganisation: Leernetwerk Samen Sterk voor Gezinnen\\n---\\n\\n' + body;
  const { document } = readDocument('doc-' + i + '.md', text);
  kept.push(document.id, document.attributes);
  const at = text.indexOf('kindadviseur. ' + i);
  words.idAt(text, at, at + 'kindadviseur. '.length + String(i).length);
}
globalThis.gc();
process.stdout.write(String(process.memoryUsage().heapUsed));
`;

test('attributes and words kept for the corpus do not keep their transcripts in memory', () => {
  const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  // 100 transcripts of 2 MB: 200 MB when held; what is kept is a few kilobytes.
  expect(Number(r.stdout) / 1e6).toBeLessThan(40);
});
