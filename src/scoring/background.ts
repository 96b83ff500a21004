/**
 * The shipped background samples (data/background/<language>.txt: everyday and policy prose, one
 * paragraph a line) as frequencies, counted once per process and language.
 */
import { fileURLToPath } from 'node:url';
import { stemmerFor } from '../match/stem.js';
import { lineFrequencies, NO_FREQUENCIES, type Frequencies } from './frequencies.js';

/** Folder of the background samples that ship with qda. */
export const SHIPPED_BACKGROUND = fileURLToPath(new URL('../../data/background/', import.meta.url));

const counted = new Map<string, Frequencies>();

/** Frequencies of the background of a language; `read` gives a sample's text, or undefined when there is none. */
export function backgroundFrequencies(language: string, read: (file: string) => string | undefined): Frequencies {
  let f = counted.get(language);
  if (!f) {
    const text = read(`${SHIPPED_BACKGROUND}${language}.txt`);
    counted.set(language, (f = text === undefined ? NO_FREQUENCIES : lineFrequencies(text, stemmerFor(language))));
  }
  return f;
}
