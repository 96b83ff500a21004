// Times the main stages on a generated corpus in a temporary folder: `npm run bench [-- documents]`.
// The corpus repeats the bundled examples with varied ids, so the words are realistic Dutch.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../dist/cli/run.js';

const wanted = Number(process.argv[2] ?? 600);
const examples = 'examples/rotterdam/corpus';
const sources = readdirSync(examples, { recursive: true })
  .filter((f) => String(f).endsWith('.md'))
  .map((f) => readFileSync(join(examples, String(f)), 'utf8'));

const dir = mkdtempSync(join(tmpdir(), 'qda-bench-'));
let bytes = 0;
for (let i = 0; i < wanted; i++) {
  const text = sources[i % sources.length].replace(/^id: .*$/m, `id: doc-${i}`);
  writeFileSync(join(dir, `doc-${i}.md`), text);
  bytes += Buffer.byteLength(text);
}
const sink = { write: () => true };
const io = { stdout: sink, stderr: sink, cwd: dir, env: {}, stderrIsTTY: false };

async function time(label, argv) {
  const start = performance.now();
  const code = await run(argv, io);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s  (exit ${code})`);
}

console.log(`corpus: ${wanted} documents, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);
await time('check', ['check', '.']);
await time('code --format json', ['code', '.', '--format', 'json']);
await time('code --unit sentence --format csv', ['code', '.', '--unit', 'sentence', '--format', 'csv']);
await time('analyse', ['analyse', '.', '--out', join(dir, 'out')]);
const startup = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['bin/qda.js', '--version']);
  startup.push(performance.now() - t);
}
startup.sort((a, b) => a - b);
console.log(`qda --version (median of 10)          ${startup[5].toFixed(0)} ms`);
console.log(`out/codings.json                     ${(statSync(join(dir, 'out', 'codings.json')).size / 1e6).toFixed(1)} MB`);
rmSync(dir, { recursive: true, force: true });
