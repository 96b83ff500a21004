// Benchmarks: `npm run bench [-- options]`; `npm run bench -- --help` prints the options below.
import { cpus, loadavg } from 'node:os';
import { learningBench } from './bench/learning.js';
import { corpusBench, paragraphBench, startupBench } from './bench/throughput.js';

const USAGE = `Benchmarks: npm run bench [-- options]
  --size 10MB          corpus size (default 100MB); --sizes 10MB,100MB,1GB runs several in a row
  --large              the 1 GB corpus
  --paragraph 20MB     size of the one-paragraph transcript (0 to skip)
  --keep               leave the generated corpus in the temporary folder
  --learn 10000        documents of the learning benchmark's study (2,000 coded paragraphs; 0 to skip)
  --only learn         the learning benchmark alone
  --only search,words  run only the qda commands whose label starts so (code, analyse, search, words, learn)
  --help, -h           print these options and stop
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function bytes(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text} (write e.g. 10MB or 1GB)`);
  return Math.round(Number(m[1]) * { kb: 1e3, mb: 1e6, gb: 1e9 }[(m[2] ?? 'mb').toLowerCase()]);
}

const sizes = (option('--sizes') ?? option('--size') ?? (process.argv.includes('--large') ? '1GB' : '100MB')).split(',').map(bytes);
const keep = process.argv.includes('--keep');
const only = option('--only')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** Code and analyse throughput against ripgrep and a regex, the long paragraph, start-up. */
function throughput() {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`node ${process.version}, ${cpus().length} cores, load average ${load()}`);
  for (const size of sizes) corpusBench(size, { keep, only });
  const paragraph = bytes(option('--paragraph') ?? '20MB');
  if (paragraph > 0) paragraphBench(paragraph);
  startupBench();
  console.log(`load average at the end ${load()}`);
}

const onlyLearn = only?.length === 1 && only[0] === 'learn';
if (!onlyLearn) throughput();
const learn = Number(option('--learn') ?? 10000);
if (learn > 0 && (!only || only.includes('learn'))) {
  if (onlyLearn) console.log(`node ${process.version}, ${cpus().length} cores`);
  learningBench({ documents: learn, keep });
}
