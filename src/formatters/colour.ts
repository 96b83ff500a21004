/**
 * Colour for terminal output, through chalk, decided once per run: on only for a terminal and
 * never with NO_COLOR. A plain instance keeps tests and pipes free of escape codes. chalk itself is
 * loaded only for a run that colours (loadColour, called by cli/run.ts before the command), so a
 * run into a pipe or a file does without its modules (some 11 ms of CPU).
 */
import type { Chalk as ChalkClass } from 'chalk';

/** The styles the messages use; each returns the text with its escape codes, or as given without colour. */
export interface Chalk {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const same = (text: string) => text;
const PLAIN: Chalk = { red: same, yellow: same, blue: same, dim: same, bold: same };

let loaded: typeof ChalkClass | undefined;

/** Loads chalk for makeColour(true); without it, makeColour gives the plain instance. */
export async function loadColour(): Promise<void> {
  loaded ??= (await import('chalk')).Chalk;
}

export function makeColour(enabled: boolean): Chalk {
  return enabled && loaded ? new loaded({ level: 1 }) : PLAIN;
}
