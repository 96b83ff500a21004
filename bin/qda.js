#!/usr/bin/env node
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs none of the commands: printed without loading them, as commander would print it.
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // The command runs in a worker thread, so that Ctrl-C stops it at once wherever it is (dist/cli/interrupt.js).
  const { runInThread } = await import('../dist/cli/interrupt.js');
  process.exitCode = await runInThread(args);
}
