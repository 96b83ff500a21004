// Runs the qda command line in this process and writes its peak memory (maximum resident set, KB)
// and CPU seconds to the file named by QDA_BENCH_REPORT, as `/usr/bin/time -f "%M %U %S"` would;
// the benchmark uses it where /usr/bin/time is not installed.
import { writeFileSync } from 'node:fs';
import { run } from '../../dist/cli/run.js';

const code = await run(process.argv.slice(2));
const usage = process.resourceUsage();
if (process.env.QDA_BENCH_REPORT) {
  writeFileSync(process.env.QDA_BENCH_REPORT, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
}
process.exitCode = code;
