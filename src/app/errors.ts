/**
 * Failures that stop a command before its work starts, with the exit status they give: 2 for wrong
 * usage (an option value, a path that does not exist), 1 for input that cannot be read at all (no
 * codebook, no transcripts). Problems found in the input itself are Diagnostics instead.
 */

export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const usage = (message: string, hint?: string) => new CommandFailed(message, 2, hint);
export const inputProblem = (message: string, hint?: string) => new CommandFailed(message, 1, hint);
