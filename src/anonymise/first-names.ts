/**
 * The shipped list of first names (data/names/first-names.txt: Dutch and international names, one
 * a line), read once per process. Names that are also everyday words are not in it (see the file).
 */
import { fileURLToPath } from 'node:url';

export const SHIPPED_FIRST_NAMES = fileURLToPath(new URL('../../data/names/first-names.txt', import.meta.url));

let loaded: ReadonlySet<string> | undefined;

/** The shipped first names; `read` gives the list's text (only io/ reads files). */
export function firstNames(read: (file: string) => string): ReadonlySet<string> {
  return (loaded ??= parseNameList(read(SHIPPED_FIRST_NAMES)));
}

/** Names of a list: one a line, `#` starts a comment, blank lines skipped. */
export function parseNameList(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const name = line.replace(/#.*$/, '').trim();
    if (name) names.add(name);
  }
  return names;
}
