/** Failures that end a command with a given exit status: 1 for problems in the input, 2 for usage. */

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

/** Problems were already reported one by one; only the exit status is left to give. */
export class ProblemsReported extends Error {
  constructor(
    readonly exitCode: 1 | 2 = 1,
    readonly diagnostics: readonly { severity: string }[] = [],
  ) {
    super('problems reported');
  }
}
