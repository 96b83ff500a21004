/**
 * Colour for terminal output, through chalk, decided once per run: on only for a terminal and
 * never with NO_COLOR. A plain instance keeps tests and pipes free of escape codes.
 */
import { Chalk as ChalkClass, type ChalkInstance } from 'chalk';

export type Chalk = ChalkInstance;

export function makeColour(enabled: boolean): Chalk {
  return new ChalkClass({ level: enabled ? 1 : 0 });
}
