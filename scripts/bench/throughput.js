// Throughput of `qda code` and `qda analyse` on a generated corpus, side by side with ripgrep (when
// installed) and a fixed JavaScript regex over the same files, so that figures from a busy machine
// can still be compared: the ratios are measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { writeCorpus, writeOneParagraph } from './corpus.js';

const QDA = resolve('bin/qda.js');
/** A query of the kinds people search with: a wildcard, a phrase, and words near each other. */
const SEARCH_QUERY = 'wijkteam* OR "korte lijnen" OR (school NEAR/5 ouder*)';
const TIME = '/usr/bin/time';
const PEAK = resolve('scripts/bench/peak.js');

/** The HALL terms as plain keywords (wildcards dropped), one per line, for ripgrep and the regex. */
export function hallKeywords(path = 'codebooks/hall.yaml') {
  const words = new Set();
  for (const code of parse(readFileSync(path, 'utf8')).codes ?? []) collect(code, words);
  return [...words].sort();
}

function collect(code, words) {
  for (const list of Object.values(code.terms ?? {})) for (const t of list) words.add(String(t).replace(/\*/g, '').trim().toLowerCase());
  for (const child of code.children ?? []) collect(child, words);
  words.delete('');
}

/**
 * Runs a command with stdout to /dev/null; wall time, and peak memory and CPU seconds through
 * /usr/bin/time -v when there. Without it, a qda run goes through peak.js, which reports the same
 * figures from inside the process; other commands get wall time only.
 */
export function measure(command, args, cwd) {
  const report = join(tmpdir(), `qda-bench-time-${process.pid}`);
  const viaPeak = !existsSync(TIME) && command === process.execPath && args[0] === QDA;
  const timed = existsSync(TIME) || viaPeak;
  const out = openSync('/dev/null', 'w');
  const start = performance.now();
  const options = { cwd, stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 28 };
  const result = existsSync(TIME)
    ? spawnSync(TIME, ['-f', '%M %U %S', '-o', report, command, ...args], options)
    : viaPeak
      ? spawnSync(command, [PEAK, ...args.slice(1)], { ...options, env: { ...process.env, QDA_BENCH_REPORT: report } })
      : spawnSync(command, args, options);
  const seconds = (performance.now() - start) / 1000;
  closeSync(out);
  let peakMB;
  let cpu;
  if (timed && existsSync(report)) {
    const [kb, user, system] = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(kb)) peakMB = kb / 1024;
    if (Number.isFinite(user + system)) cpu = user + system;
    rmSync(report, { force: true });
  }
  const stderr = String(result.stderr ?? '');
  return { seconds, cpu, peakMB, status: result.status, stderr: stderr.slice(-2000) };
}

function hasRipgrep() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** The markdown files under a folder, sorted. */
export function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
}

/** The fixed baseline: one case-insensitive alternation of the keywords, counted over every file, in this process. */
export function regexBaseline(dir, keywords) {
  const escaped = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const regexp = new RegExp(`\\b(?:${escaped.join('|')})`, 'gi');
  const start = performance.now();
  let matches = 0;
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    regexp.lastIndex = 0;
    while (regexp.exec(text)) matches++;
  }
  return { seconds: (performance.now() - start) / 1000, matches };
}

const mb = (bytes) => bytes / 1e6;

function line(label, bytes, run, ripgrep, regex) {
  const speed = `${(mb(bytes) / run.seconds).toFixed(1)} MB/s`;
  const vsRg = ripgrep ? `${(run.seconds / ripgrep.seconds).toFixed(1)}× rg` : 'no rg';
  const vsRegex = `${(run.seconds / regex.seconds).toFixed(2)}× regex`;
  const peak = run.peakMB === undefined ? 'peak ?' : `peak ${run.peakMB.toFixed(0)} MB`;
  // On a busy machine wall time says little; bytes per CPU second say what one core does.
  const cpu = run.cpu === undefined ? '' : `  cpu ${run.cpu.toFixed(2)} s (${(mb(bytes) / run.cpu).toFixed(1)} MB/s)`;
  const failed = run.status === 0 || run.status === undefined ? '' : `  EXIT ${run.status}: ${run.stderr.trim().split('\n').pop()}`;
  // The wall figure is the machine's as much as qda's: the load average says how busy it was.
  const load = `  load ${loadavg()[0].toFixed(1)}`;
  console.log(
    `${label.padEnd(30)} ${run.seconds.toFixed(2).padStart(7)} s ${speed.padStart(12)} ${vsRg.padStart(10)} ${vsRegex.padStart(12)}  ${peak}${cpu}${load}${failed}`,
  );
}

/** One corpus size: every measurement on the same files. */
export function corpusBench(bytes, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qda-bench-'));
  try {
    const made = writeCorpus(dir, bytes);
    const corpus = join(dir, 'corpus');
    console.log(`\ncorpus: ${made.documents} documents, ${mb(made.bytes).toFixed(1)} MB in ${dir}`);
    console.log(
      `wall time, its MB/s, CPU seconds and MB per CPU second, with the 1-minute load average after each run: the wall figures mean something only when the load stays well below the ${cpus().length} cores`,
    );
    const keywords = hallKeywords();
    const list = join(dir, 'keywords.txt');
    writeFileSync(list, `${keywords.join('\n')}\n`);
    const rgVersion = hasRipgrep();
    const regex = regexBaseline(corpus, keywords);
    // Once to warm the file cache, so that the first measured command does not pay for the disk.
    const ripgrep = rgVersion
      ? (measure('rg', ['-c', '-F', '-i', '-f', list, corpus], dir), measure('rg', ['-c', '-F', '-i', '-f', list, corpus], dir))
      : undefined;
    if (!rgVersion) console.log('ripgrep (rg) is not installed: ratios are given against the regex baseline only');
    const node = process.execPath;
    const runs = [
      ['code --format json', [QDA, 'code', '.', '--format', 'json', '--quiet']],
      ['  … --workers 2', [QDA, 'code', '.', '--format', 'json', '--quiet', '--workers', '2']],
      ['code --format csv', [QDA, 'code', '.', '--format', 'csv', '--quiet']],
      ['analyse', [QDA, 'analyse', '.', '--out', join(dir, 'out'), '--quiet']],
      ['search', [QDA, 'search', SEARCH_QUERY, '.', '--quiet']],
      ['words', [QDA, 'words', '.', '--quiet']],
      ['words --ngram 1-3', [QDA, 'words', '.', '--ngram', '1-3', '--quiet']],
      ['search --workers 2', [QDA, 'search', SEARCH_QUERY, '.', '--quiet', '--workers', '2']],
      ['words --workers 2', [QDA, 'words', '.', '--quiet', '--workers', '2']],
      ['words --ngram 1-3 --workers 2', [QDA, 'words', '.', '--ngram', '1-3', '--quiet', '--workers', '2']],
    ];
    const results = {};
    const only = options.only ?? [];
    for (const [label, args] of runs.filter(([label]) => only.length === 0 || only.some((o) => label.startsWith(o)))) {
      const run = measure(node, args, dir);
      results[label] = run;
      line(`qda ${label}`, made.bytes, run, ripgrep, regex);
    }
    if (ripgrep) line(`ripgrep (${keywords.length} words)`, made.bytes, ripgrep, ripgrep, regex);
    line(`JS regex (${keywords.length} words)`, made.bytes, { ...regex, status: 0 }, ripgrep, regex);
    if (rgVersion) console.log(`ripgrep: ${rgVersion}, rg -c -F -i -f keywords.txt corpus`);
    console.log(`qda search: qda search '${SEARCH_QUERY}' .`);
    return { ...made, results, ripgrep, regex };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** `qda analyse` of one transcript that is one long paragraph. */
export function paragraphBench(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'qda-bench-paragraph-'));
  try {
    const made = writeOneParagraph(dir, bytes);
    const run = measure(process.execPath, [QDA, 'analyse', '.', '--out', join(dir, 'out'), '--quiet'], dir);
    const sizes = ['codings.csv', 'excerpts.csv', 'codings.json']
      .filter((f) => existsSync(join(dir, 'out', f)))
      .map((f) => `${f} ${mb(readFileSync(join(dir, 'out', f)).length).toFixed(1)} MB`);
    console.log(
      `\none paragraph of ${mb(made.bytes).toFixed(1)} MB: qda analyse ${run.seconds.toFixed(2)} s (cpu ${run.cpu?.toFixed(2) ?? '?'} s), peak ${run.peakMB?.toFixed(0) ?? '?'} MB${run.status === 0 ? '' : `, EXIT ${run.status}`} (${sizes.join(', ')})`,
    );
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median of ten runs of `qda --version`, and of bare `node -e 0` on the same machine for comparison. */
export function startupBench() {
  const median = (args) => {
    const runs = Array.from({ length: 10 }, () => measure(process.execPath, args, process.cwd()));
    const mid = (values) => values.sort((a, b) => a - b)[5];
    return { ms: mid(runs.map((r) => r.seconds * 1000)), cpu: runs[0].cpu === undefined ? undefined : mid(runs.map((r) => r.cpu * 1000)) };
  };
  const show = ({ ms, cpu }) => `${ms.toFixed(0)} ms${cpu === undefined ? '' : ` (cpu ${cpu.toFixed(0)} ms)`}`;
  console.log(`\nqda --version: ${show(median([QDA, '--version']))}; node -e 0: ${show(median(['-e', '0']))} (medians of 10)`);
}
