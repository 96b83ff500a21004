/**
 * The node options a worker thread starts with, for `new Worker(…, { execArgv })`. A thread takes
 * the process's own options, but node refuses to start one under --input-type (which only a
 * program given as text may have), and a command waiting for such a thread would wait forever: a
 * script run as `node --input-type=module -e "…run(['code', …])"` hung. Node also refuses options
 * it accepts when it passes them on itself (--max-old-space-size, --expose-gc, …), so no list
 * with --input-type left out will do: under --input-type threads start with none, otherwise they
 * take the process's own as usual (undefined).
 */
export function threadExecArgv(options: readonly string[] = process.execArgv): string[] | undefined {
  return options.some((o) => o === '--input-type' || o.startsWith('--input-type=')) ? [] : undefined;
}
