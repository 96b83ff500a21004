// Runs each command line of argv[3] (JSON: an argv, or { argv, env, cwd } with variables and a
// folder of its own) with the run function of the module at argv[2] (the built CLI), one after another, and prints their exit
// codes, stdout, stderr and milliseconds taken as JSON. Used by run-built.ts.
const [url, list] = process.argv.slice(2);
const { run } = await import(url);
const results = [];
for (const item of JSON.parse(list)) {
  const { argv, env, cwd } = Array.isArray(item) ? { argv: item } : item;
  // stdout takes text and bytes (what worker threads formatted), decoded once at the end.
  const stdout = [];
  let stderr = '';
  const io = {
    stdout: { write: (s) => stdout.push(typeof s === 'string' ? Buffer.from(s) : s) },
    stderr: { write: (s) => (stderr += s) },
    cwd: cwd ?? process.cwd(),
    env: { ...process.env, ...env },
    stderrIsTTY: false,
  };
  const started = performance.now();
  const code = await run(argv, io);
  results.push({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr, ms: performance.now() - started });
}
process.stdout.write(JSON.stringify(results));
