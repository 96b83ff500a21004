#!/usr/bin/env node
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs none of the commands: printed without loading them, as commander would print it.
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('../dist/cli/run.js');
  process.exitCode = await run(args);
}
