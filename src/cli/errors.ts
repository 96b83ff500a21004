/** Failures that end a command with a given exit status: 1 for problems in the input, 2 for usage. */

export { CommandFailed, inputProblem, usage } from '../app/errors.js';

/** Problems were already reported one by one; only the exit status is left to give. */
export class ProblemsReported extends Error {
  constructor(
    readonly exitCode: 1 | 2 = 1,
    readonly diagnostics: readonly { severity: string }[] = [],
  ) {
    super('problems reported');
  }
}
